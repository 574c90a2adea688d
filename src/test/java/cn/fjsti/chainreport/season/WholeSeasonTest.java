package cn.fjsti.chainreport.season;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.TimeMachine;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole season over HTTP for two city-level units: 厦门市 (three districts share 集成电路产业链, which the
 * city merges; a report returned once; a city-led report; sent at 23:59:59 on 31 October, on time) and
 * 平潭综合实验区 (late: overdue at 00:00:00 on 1 November, sent then, returned once by the institute, resent,
 * accepted). The engine's state, the inboxes and the board are checked at each step.
 */
@QuarkusTest
class WholeSeasonTest {

    private static final String SIMING = "350203";
    private static final String JIMEI = "350211";
    private static final String TONGAN = "350212";

    @Inject
    TimeMachine time;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @AfterEach
    void backToNow() {
        time.reset();
    }

    private long activeTasks(long campaign, String key, String group) {
        return tasks.createTaskQuery().taskDefinitionKey(key).taskCandidateGroup(group)
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, campaign).count();
    }

    @Test
    void shouldCarryTwoCitiesThroughAWholeSeason() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = ((Number) as(Accounts.ADMIN)
                .body(Map.of("year", year, "pilots", List.of(Map.of("countyCode", Accounts.XIANGAN, "chains", List.of("新型显示产业链")))))
                .post("/api/campaigns").then().statusCode(201).extract().path("id")).longValue();
        String xiamenPackage = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;
        String pingtanPackage = "/api/campaigns/" + campaign + "/packages/" + Accounts.PINGTAN_ZONE;

        // The unit processes wait for the packages, with three reminders and the deadline scheduled.
        as(Accounts.XIAMEN).get(xiamenPackage).then().statusCode(200)
                .body("stage", equalTo("PREPARING"))
                .body("pendingTimers", equalTo(List.of(year + "-10-17T09:00:00+08:00", year + "-10-28T09:00:00+08:00",
                        year + "-10-30T09:00:00+08:00", (year) + "-11-01T00:00:00+08:00")));
        as(Accounts.XIAMEN).post(xiamenPackage + "/send").then().statusCode(422)
                .body("fields.message", hasItem("思明区：尚未申报产业链"))
                .body("fields.message", hasItem("翔安区（试点县）：指定产业链“新型显示产业链”尚未审核通过或合并"));

        // Counties declare; three districts of 厦门 choose the same chain under two spellings.
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链").get("集成电路产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "集成电路产业").get("集成电路产业");
        Map<String, Long> xiangan = Fixtures.declare(Accounts.XIANGAN, campaign, "集成电路产业链", "新型显示产业链");
        long siming = Fixtures.declare(SIMING, campaign, "软件和信息服务产业链").get("软件和信息服务产业链");
        long jimei = Fixtures.declare(JIMEI, campaign, "机械装备产业链").get("机械装备产业链");
        long tongan = Fixtures.declare(TONGAN, campaign, "食品加工产业链").get("食品加工产业链");
        long pingtan = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");
        List<Long> xiamenCounty = List.of(haicang, huli, xiangan.get("集成电路产业链"), xiangan.get("新型显示产业链"), siming, jimei, tongan);

        // 厦门's counties submit; the city returns 海沧区's report once, with a comment.
        xiamenCounty.forEach(id -> Fixtures.fillAndSubmit(as(Accounts.XIAMEN).get("/api/reports/{id}", id).then().extract().path("authorRegion"), id));
        assertThat(activeTasks(campaign, Workflow.Task.CITY_REVIEW, Accounts.XIAMEN)).isEqualTo(7);
        as(Accounts.XIAMEN).body(Map.of("comment", "请补充2025年产值数据")).post("/api/reports/{id}/return", haicang)
                .then().statusCode(200).body("stage", equalTo("RETURNED")).body("reviews[0].comment", equalTo("请补充2025年产值数据"));
        as(Accounts.HAICANG).get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.campaignId == " + campaign + " }.kind", equalTo(List.of("REPORT_RETURNED")))
                .body("items.find { it.campaignId == " + campaign + " }.reportId", equalTo((int) haicang))
                .body("items.find { it.campaignId == " + campaign + " }.read", is(false))
                .body("items.find { it.campaignId == " + campaign + " }.body", containsString("请补充2025年产值数据"));
        as(Accounts.HAICANG).get("/api/tasks").then().body("find { it.reportId == " + haicang + " }.key", equalTo(Workflow.Task.DRAFT_REPORT));
        long v = Fixtures.version(Accounts.HAICANG, haicang);
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "2025年全区集成电路产值 420 亿元。")))
                .put("/api/reports/{id}/draft", haicang).then().statusCode(200);
        as(Accounts.HAICANG).body(Map.of("version", v + 1)).post("/api/reports/{id}/submit", haicang).then().statusCode(200)
                .body("revisionCount", equalTo(2));
        xiamenCounty.forEach(id -> Fixtures.approve(Accounts.XIAMEN, id));
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then()
                .body("reviews.decision", equalTo(List.of("RETURNED", "APPROVED")))
                .body("reviews.revision", equalTo(List.of(1, 2)));
        as(Accounts.HAICANG).get("/api/reports/{id}/revisions", haicang).then().body("", hasSize(2));

        // The city sees the duplicate, merges, undoes, merges again.
        String duplicates = "/api/campaigns/" + campaign + "/duplicates";
        as(Accounts.XIAMEN).get(duplicates).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].match", equalTo("EXACT"))
                .body("[0].chainName", equalTo("集成电路产业链"))
                .body("[0].members.countyName", equalTo(List.of("海沧区", "湖里区", "翔安区")));
        List<Long> icReports = List.of(haicang, huli, xiangan.get("集成电路产业链"));
        String merges = "/api/campaigns/" + campaign + "/merges";
        long firstMerge = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", icReports)).post(merges)
                .then().statusCode(201).extract().path("id")).longValue();
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then().body("stage", equalTo("MERGED"));
        as(Accounts.XIAMEN).post(merges + "/" + firstMerge + "/undo").then().statusCode(200).body("active", is(false));
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then().body("stage", equalTo("APPROVED"));
        int merged = as(Accounts.XIAMEN).body(Map.of("reportIds", icReports)).post(merges)
                .then().statusCode(201).extract().path("consolidatedReportId");
        as(Accounts.XIAMEN).get("/api/reports/{id}", merged).then().statusCode(200)
                .body("kind", equalTo("MERGED"))
                .body("title", equalTo("厦门市集成电路产业创新链调研报告"))
                // 湖里区 and 翔安区 wrote the same text: once, under both names.
                .body("sections.COUNTY_INDUSTRY", startsWith("【海沧区】\n2025年全区集成电路产值 420 亿元。\n\n【湖里区、翔安区】\n"))
                .body("units", hasSize(1));
        as(Accounts.XIAMEN).get(duplicates).then().body("", hasSize(0));
        as(Accounts.HULI).get("/api/reports/{id}", huli).then().body("stage", equalTo("MERGED")).body("mergedInto", equalTo(merged));
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, merged)))
                .post("/api/reports/{id}/submit", merged).then().statusCode(200).body("stage", equalTo("APPROVED"));

        // A city-led report, in the same outline and flow.
        int cityLed = as(Accounts.XIAMEN).body(Map.of("chain", "海洋高新产业链")).post("/api/campaigns/{id}/chains/city-led", campaign)
                .then().statusCode(201).body("outline[0].partHeading", equalTo("一、厦门市重点产业发展现状")).extract().path("id");
        Fixtures.fillAndSubmit(Accounts.XIAMEN, cityLed);

        // 16 October: nothing is due yet. 17 October, 09:00: the first reminder reaches every unit (ten of them),
        // and 平潭县, which has not submitted.
        time.travelTo(LocalDateTime.of(year, 10, 17, 8, 59, 59));
        assertThat(time.runDueTimers(campaign)).isZero();
        time.travelTo(LocalDateTime.of(year, 10, 17, 9, 0));
        assertThat(time.runDueTimers(campaign)).isEqualTo(10);
        as(Accounts.XIAMEN).get("/api/notifications").then()
                .body("items.findAll { it.kind == 'REMINDER' && it.campaignId == " + campaign + " }.title", equalTo(List.of("距报送截止还有 14 天")));
        as(Accounts.PINGTAN).get("/api/notifications").then()
                .body("items.findAll { it.campaignId == " + campaign + " }.kind", hasItem("REMINDER"));
        as(Accounts.HAICANG).get("/api/notifications").then()
                .body("items.findAll { it.campaignId == " + campaign + " }.kind", everyItem(org.hamcrest.Matchers.not("REMINDER")));

        // 31 October, 23:59:59: 厦门 sends; on time, to the second.
        time.travelTo(LocalDateTime.of(year, 10, 31, 23, 59, 59));
        assertThat(time.runDueTimers(campaign)).as("reminders of 28 and 30 October, ten units; no deadline timer yet").isEqualTo(20);
        as(Accounts.INSTITUTE).get("/api/notifications").then()
                .body("items.findAll { it.campaignId == " + campaign + " }.kind", everyItem(org.hamcrest.Matchers.not("OVERDUE")));
        as(Accounts.XIAMEN).post(xiamenPackage + "/send").then().statusCode(200)
                .body("stage", equalTo("SENT"))
                .body("rounds[0].onTime", is(true))
                .body("rounds[0].sentAt", equalTo(year + "-10-31T23:59:59+08:00"))
                .body("contents", hasSize(6))
                .body("pendingTimers", hasSize(0));
        assertThat(activeTasks(campaign, Workflow.Task.INSTITUTE_REVIEW, Workflow.INSTITUTE_GROUP)).isEqualTo(1);
        as(Accounts.XIAMEN).post(xiamenPackage + "/send").then().statusCode(409);
        as(Accounts.XIAMEN).post(merges + "/" + firstMerge + "/undo").then().statusCode(409);

        // 1 November, 00:00:00: the deadline timer marks 平潭 overdue and tells the institute.
        time.travelTo(LocalDateTime.of(year, 11, 1, 0, 0, 0));
        assertThat(time.runDueTimers(campaign)).as("the deadline timers of the nine units that have not sent").isEqualTo(9);
        as(Accounts.INSTITUTE).get("/api/notifications").then()
                .body("items.findAll { it.campaignId == " + campaign + " }.title", hasItem("平潭综合实验区未按期报送"))
                .body("items.findAll { it.campaignId == " + campaign + " }.title", org.hamcrest.Matchers.not(hasItem("厦门市未按期报送")));
        String board = "/api/campaigns/" + campaign + "/board";
        as(Accounts.INSTITUTE).get(board).then().statusCode(200)
                .body("units.find { it.unitCode == '350200' }.stage", equalTo("SENT"))
                .body("units.find { it.unitCode == '350200' }.onTime", is(true))
                .body("units.find { it.unitCode == '350200' }.overdue", is(false))
                .body("units.find { it.unitCode == '350200' }.countiesCovered", equalTo(6))
                .body("units.find { it.unitCode == '350200' }.reportsMerged", equalTo(3))
                .body("units.find { it.unitCode == 'PTZ' }.stage", equalTo("PREPARING"))
                .body("units.find { it.unitCode == 'PTZ' }.overdue", is(true))
                .body("units.find { it.unitCode == 'PTZ' }.daysLate", equalTo(1))
                .body("units", hasSize(10));

        // 平潭 finishes late; its package is late, returned once by the institute, resent and accepted.
        Fixtures.fillAndSubmit(Accounts.PINGTAN, pingtan);
        Fixtures.approve(Accounts.PINGTAN_ZONE, pingtan);
        as(Accounts.PINGTAN_ZONE).post(pingtanPackage + "/send").then().statusCode(200)
                .body("rounds[0].onTime", is(false)).body("overdue", is(true));
        as(Accounts.INSTITUTE).body(Map.of("comment", "请补充优势单位联系方式")).post(pingtanPackage + "/return")
                .then().statusCode(200).body("stage", equalTo("RETURNED")).body("rounds[0].decision", equalTo("RETURNED"));
        as(Accounts.PINGTAN_ZONE).get("/api/notifications").then()
                .body("items.find { it.kind == 'PACKAGE_RETURNED' && it.campaignId == " + campaign + " }.body", containsString("请补充优势单位联系方式"));
        as(Accounts.PINGTAN_ZONE).get("/api/tasks").then().body("key", hasItem(Workflow.Task.SEND_PACKAGE));
        as(Accounts.PINGTAN_ZONE).post(pingtanPackage + "/send").then().statusCode(200)
                .body("rounds", hasSize(2)).body("rounds[1].onTime", is(false));
        as(Accounts.INSTITUTE).body(Map.of()).post(pingtanPackage + "/accept").then().statusCode(200).body("stage", equalTo("ACCEPTED"));
        as(Accounts.INSTITUTE).body(Map.of("comment", "材料齐全")).post(xiamenPackage + "/accept").then().statusCode(200)
                .body("stage", equalTo("ACCEPTED"));

        as(Accounts.INSTITUTE).get(board).then()
                .body("unitsAccepted", equalTo(2))
                .body("units.find { it.unitCode == 'PTZ' }.onTime", is(false))
                .body("units.find { it.unitCode == '350200' }.onTime", is(true))
                .body("campaignEnded", is(false));
        as(Accounts.XIAMEN).get("/api/notifications").then()
                .body("items.findAll { it.campaignId == " + campaign + " }.kind", hasItem("PACKAGE_ACCEPTED"));
    }
}
