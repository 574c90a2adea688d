package cn.fjsti.chainreport.season;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.TimeMachine;
import cn.fjsti.chainreport.workflow.Workflow;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The season's detours over HTTP, with the controllable clock and the engine's state checked at each step
 * (issue 18): a package returned by the institute reopens the city's own reports and sends a county's report
 * back to the county, and is sent again as a new round that all three levels see; a county withdraws a
 * submitted report, a city withdraws a sent package, each refused once the other side has acted.
 */
@QuarkusTest
class DetoursSeasonTest {

    private static final String SIMING = "350203";
    private static final String JIMEI = "350211";
    private static final String TONGAN = "350212";

    @Inject
    TimeMachine time;

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    Database database;

    @AfterEach
    void backToNow() {
        time.reset();
    }

    private long openCampaign(int year) {
        return ((Number) as(Accounts.ADMIN).body(Map.of("year", year)).post("/api/campaigns")
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private long activeTasks(long campaign, String key, String group) {
        return tasks.createTaskQuery().taskDefinitionKey(key).taskCandidateGroup(group)
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, campaign).count();
    }

    private ProcessInstance reportProcess(long reportId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(Workflow.Process.REPORT)
                .processInstanceBusinessKey(String.valueOf(reportId)).singleResult();
    }

    /** The report's open user task and its candidate group, e.g. "Task_DraftReport@350211"; null when none. */
    private String reportTask(long reportId) {
        ProcessInstance pi = reportProcess(reportId);
        if (pi == null) {
            return null;
        }
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        if (task == null) {
            return null;
        }
        String group = tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElse("?");
        return task.getTaskDefinitionKey() + "@" + group;
    }

    /** Whether the report's process waits for a message (the package's fate). */
    private boolean waitsFor(long reportId, String message) {
        ProcessInstance pi = reportProcess(reportId);
        return pi != null && runtime.createEventSubscriptionQuery().processInstanceId(pi.getId()).eventType("message")
                .eventName(message).count() == 1;
    }

    private static String page(String account, String path) {
        return as(account).accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status, String detail) {
        return r.statusCode(status).contentType(startsWith("application/problem+json")).body("detail", containsString(detail));
    }

    @Test
    void shouldReopenTheCityWorkWhenThePackageIsReturnedAndSendASecondRound() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = openCampaign(year);
        String pkg = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;

        // Six districts of 厦门: 海沧 and 湖里 share a chain, which the city merges; 集美 has its own.
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链").get("集成电路产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "集成电路产业链").get("集成电路产业链");
        long jimei = Fixtures.declare(JIMEI, campaign, "机械装备产业链").get("机械装备产业链");
        List<Long> others = new ArrayList<>();
        others.add(Fixtures.declare(SIMING, campaign, "软件和信息服务产业链").get("软件和信息服务产业链"));
        others.add(Fixtures.declare(TONGAN, campaign, "食品加工产业链").get("食品加工产业链"));
        others.add(Fixtures.declare(Accounts.XIANGAN, campaign, "新型显示产业链").get("新型显示产业链"));
        List<Long> county = new ArrayList<>(List.of(haicang, huli, jimei));
        county.addAll(others);
        for (long id : county) {
            Fixtures.fillAndSubmit(as(Accounts.XIAMEN).get("/api/reports/{id}", id).then().extract().path("authorRegion"), id);
            Fixtures.approve(Accounts.XIAMEN, id);
        }
        // Approved: the report's process no longer ends there, it waits for its package's fate.
        assertThat(reportTask(jimei)).isNull();
        assertThat(waitsFor(jimei, Workflow.Message.REPORT_REOPENED)).isTrue();
        assertThat(waitsFor(jimei, Workflow.Message.REPORT_CLOSED)).isTrue();
        int merged = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huli))).post("/api/campaigns/{c}/merges", campaign)
                .then().statusCode(201).extract().path("consolidatedReportId");
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, merged)))
                .post("/api/reports/{id}/submit", merged).then().statusCode(200).body("stage", equalTo("APPROVED"));
        int cityLed = as(Accounts.XIAMEN).body(Map.of("chain", "海洋高新产业链")).post("/api/campaigns/{id}/chains/city-led", campaign)
                .then().statusCode(201).extract().path("id");
        Fixtures.fillAndSubmit(Accounts.XIAMEN, cityLed);
        assertThat(waitsFor(merged, Workflow.Message.REPORT_REOPENED)).isTrue();
        assertThat(waitsFor(cityLed, Workflow.Message.REPORT_REOPENED)).isTrue();

        // Before any return, nothing can be reopened: the package is still being prepared.
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", cityLed).then(),
                409, "只有省科学技术信息研究所退回材料后"));

        // Round 1: sent on 20 October, returned by the institute.
        time.travelTo(LocalDateTime.of(year, 10, 20, 15, 0));
        as(Accounts.XIAMEN).post(pkg + "/send").then().statusCode(200).body("stage", equalTo("SENT")).body("contents", hasSize(6));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", cityLed).then(),
                409, "已报送，待接收"));
        as(Accounts.INSTITUTE).body(Map.of("comment", "合并报告缺少产值数据，集美区报告请核实企业数")).post(pkg + "/return")
                .then().statusCode(200).body("stage", equalTo("RETURNED"));
        assertThat(activeTasks(campaign, Workflow.Task.SEND_PACKAGE, Accounts.XIAMEN)).isEqualTo(1);
        // The county's process view goes on past the city's approval: sent in the package, returned by the institute.
        assertThat(page(JIMEI, "/reports/" + jimei + "/process"))
                .contains("省科学技术信息研究所退回了厦门市第 1 次报送的材料（意见：合并报告缺少产值数据")
                .contains(year + "年10月20日 15:00:00（北京时间）　随厦门市的材料第 1 次报送省科学技术信息研究所");
        // The pages offer the way back: the city's own report is reopened, a county's is sent back to it.
        assertThat(page(Accounts.XIAMEN, "/reports/" + cityLed)).contains("重新打开修改").doesNotContain("发回县（市、区）修改");
        assertThat(page(Accounts.XIAMEN, "/reports/" + jimei)).contains("发回县（市、区）修改");
        assertThat(page(Accounts.XIAMEN, "/reports/" + haicang)).doesNotContain("reopen-report");
        assertThat(page(Accounts.XIAMEN, "/packages/" + Accounts.XIAMEN + "?campaign=" + campaign)).contains("returned-note");

        // The city reopens its consolidated and its city-led report: back to the city's drafting, the institute's comment beside.
        as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", merged).then().statusCode(200)
                .body("stage", equalTo("RETURNED")).body("editable", is(true))
                .body("reviews[-1].decision", equalTo("REOPENED"))
                .body("reviews[-1].comment", containsString("合并报告缺少产值数据"));
        assertThat(reportTask(merged)).isEqualTo(Workflow.Task.DRAFT_REPORT + "@" + Accounts.XIAMEN);
        as(Accounts.XIAMEN).body(Map.of("comment", "请补充海洋装备部分")).post("/api/reports/{id}/reopen", cityLed).then().statusCode(200)
                .body("reviews[-1].comment", containsString("市级意见：请补充海洋装备部分"));
        // ... and sends 集美区's report back to the county with the institute's comment.
        as(Accounts.XIAMEN).body(Map.of("comment", "请核实规上企业数")).post("/api/reports/{id}/reopen", jimei).then().statusCode(200)
                .body("stage", equalTo("RETURNED"));
        assertThat(reportTask(jimei)).isEqualTo(Workflow.Task.DRAFT_REPORT + "@" + JIMEI);
        as(JIMEI).get("/api/tasks").then().body("find { it.reportId == " + jimei + " }.key", equalTo(Workflow.Task.DRAFT_REPORT));
        as(JIMEI).get("/api/notifications").then()
                .body("items.find { it.kind == 'REPORT_REOPENED' && it.campaignId == " + campaign + " }.body",
                        containsString("集美区报告请核实企业数"));
        as(JIMEI).get("/api/reports/{id}", jimei).then().statusCode(200).body("editable", is(true))
                .body("reviews.decision", equalTo(List.of("APPROVED", "REOPENED")))
                .body("packageRounds", hasSize(1))
                .body("packageRounds[0].decision", equalTo("RETURNED"))
                .body("packageRounds[0].comment", containsString("集美区报告请核实企业数"));

        // Refused, nothing written: a county report merged into the consolidated one, one already open, a long comment.
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", haicang).then(),
                409, "请重新打开合并报告"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", merged).then(),
                409, "不需要重新打开"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of("comment", "长".repeat(4001)))
                .post("/api/reports/{id}/reopen", others.get(0)).then(), 400, "意见不能超过 4000 字"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body("{\"comment\":").post("/api/reports/{id}/reopen", others.get(0)).then(),
                400, ""));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", 999_999_999L).then(),
                404, "没有编号为 999999999 的报告"));
        // Until the reopened reports are submitted again, the package cannot be sent.
        database.assertWritesNothing(() -> as(Accounts.XIAMEN).post(pkg + "/send").then().statusCode(422)
                .body("fields.message", hasItem(containsString("集美区"))));

        // Edit and resubmit: the city its two reports, the county its report, which the city approves again.
        long v = Fixtures.version(Accounts.XIAMEN, merged);
        as(Accounts.XIAMEN).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "2025年全市集成电路产值 980 亿元。")))
                .put("/api/reports/{id}/draft", merged).then().statusCode(200);
        as(Accounts.XIAMEN).body(Map.of("version", v + 1)).post("/api/reports/{id}/submit", merged).then().statusCode(200)
                .body("stage", equalTo("APPROVED")).body("revisionCount", equalTo(2));
        Fixtures.fillAndSubmit(Accounts.XIAMEN, cityLed);
        Fixtures.fillAndSubmit(JIMEI, jimei);
        assertThat(reportTask(jimei)).isEqualTo(Workflow.Task.CITY_REVIEW + "@" + Accounts.XIAMEN);
        // What cannot be taken back asks first (the pages' confirmations).
        assertThat(page(Accounts.XIAMEN, "/reports/" + jimei)).contains("审核通过后报告不能再修改，等待随材料报送。确定通过吗？")
                .contains("退回后县（市、区）将收到您的意见并修改后重新提交。确定退回吗？");
        Fixtures.approve(Accounts.XIAMEN, jimei);
        assertThat(waitsFor(merged, Workflow.Message.REPORT_REOPENED)).isTrue();

        // Round 2, on time; every round visible to the city, the institute and the county.
        time.travelTo(LocalDateTime.of(year, 10, 25, 9, 30));
        as(Accounts.XIAMEN).post(pkg + "/send").then().statusCode(200).body("stage", equalTo("SENT"))
                .body("rounds", hasSize(2)).body("rounds[0].decision", equalTo("RETURNED"))
                .body("rounds[1].decision", nullValue()).body("rounds[1].onTime", is(true))
                .body("rounds[1].sentAt", equalTo(year + "-10-25T09:30:00+08:00"));
        as(Accounts.INSTITUTE).get(pkg).then().statusCode(200).body("rounds", hasSize(2))
                .body("rounds[0].comment", containsString("合并报告缺少产值数据"));
        as(Accounts.INSTITUTE).get("/api/campaigns/{c}/board", campaign).then()
                .body("units.find { it.unitCode == '350200' }.rounds", equalTo(2))
                .body("units.find { it.unitCode == '350200' }.stage", equalTo("SENT"));
        assertThat(page(JIMEI, "/reports/" + jimei)).contains("随材料报送记录").contains("第 2 次").contains("集美区报告请核实企业数");
        as(JIMEI).get("/api/reports/{id}", jimei).then().body("packageRounds.number", equalTo(List.of(1, 2)))
                .body("packageRounds[1].decision", nullValue());
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then().body("packageRounds.number", equalTo(List.of(1, 2)));
        assertThat(activeTasks(campaign, Workflow.Task.INSTITUTE_REVIEW, Workflow.INSTITUTE_GROUP)).isEqualTo(1);
        assertThat(page(JIMEI, "/reports/" + jimei + "/process")).contains("已随厦门市的材料第 2 次报送", "等待省科学技术信息研究所接收");
        assertThat(page(Accounts.INSTITUTE, "/packages/" + Accounts.XIAMEN + "?campaign=" + campaign))
                .contains("接收后厦门市的材料定稿，各报告不能再修改或退回。确定接收吗？").contains("确定退回吗？");

        // Accepted: every report of the unit is closed, its process ended.
        as(Accounts.INSTITUTE).body(Map.of()).post(pkg + "/accept").then().statusCode(200).body("stage", equalTo("ACCEPTED"));
        for (long id : List.of(haicang, huli, jimei, (long) merged, (long) cityLed, others.get(0), others.get(1), others.get(2))) {
            assertThat(reportProcess(id)).as("process of report " + id).isNull();
        }
        as(JIMEI).get("/api/reports/{id}", jimei).then().body("stage", equalTo("APPROVED")).body("packageRounds[1].decision", equalTo("ACCEPTED"));
        assertThat(page(JIMEI, "/reports/" + jimei + "/process"))
                .contains("省科学技术信息研究所已于 " + year + "年10月25日 09:30:00（北京时间）接收厦门市第 2 次报送的材料")
                .contains("随厦门市的材料第 2 次报送省科学技术信息研究所");
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of()).post("/api/reports/{id}/reopen", jimei).then(),
                409, "已接收"));
    }

    @Test
    void shouldLetACountyWithdrawItsReportAndACityItsPackageUntilTheOtherSideActs() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = openCampaign(year);
        String pkg = "/api/campaigns/" + campaign + "/packages/" + Accounts.PINGTAN_ZONE;
        long report = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");

        // Not submitted yet: nothing to withdraw.
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN).post("/api/reports/{id}/withdraw", report).then(),
                409, "尚未提交，无需撤回"));

        // Submitted, the city has not acted: the county withdraws; the review task is gone, drafting is back.
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        assertThat(reportTask(report)).isEqualTo(Workflow.Task.CITY_REVIEW + "@" + Accounts.PINGTAN_ZONE);
        assertThat(page(Accounts.PINGTAN, "/reports/" + report)).contains("withdraw-report");
        as(Accounts.PINGTAN).post("/api/reports/{id}/withdraw", report).then().statusCode(200)
                .body("editable", is(true)).body("reviews[-1].decision", equalTo("WITHDRAWN")).body("revisionCount", equalTo(1));
        assertThat(reportTask(report)).isEqualTo(Workflow.Task.DRAFT_REPORT + "@" + Accounts.PINGTAN);
        assertThat(activeTasks(campaign, Workflow.Task.CITY_REVIEW, Accounts.PINGTAN_ZONE)).isZero();
        as(Accounts.PINGTAN_ZONE).get("/api/notifications").then()
                .body("items.find { it.kind == 'REPORT_WITHDRAWN' && it.campaignId == " + campaign + " }.reportId", equalTo((int) report));
        // The city's decision on the withdrawn submission comes too late.
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).body(Map.of()).post("/api/reports/{id}/approve", report).then(),
                409, "不在待审核状态"));

        // Submitted again and approved: the county can no longer withdraw.
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);
        assertThat(page(Accounts.PINGTAN, "/reports/" + report)).doesNotContain("withdraw-report");
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN).post("/api/reports/{id}/withdraw", report).then(),
                409, "设区市已处理这份报告"));
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN).post("/api/reports/{id}/withdraw", 999_999_999L).then(),
                404, "没有编号为 999999999 的报告"));

        // The package: nothing to withdraw before sending.
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).post(pkg + "/withdraw").then(), 409, "材料尚未报送"));
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).post("/api/campaigns/999999999/packages/PTZ/withdraw").then(),
                404, ""));

        // Sent on 20 October, withdrawn before the institute acts: the preparation starts again, with the reminders still ahead.
        time.travelTo(LocalDateTime.of(year, 10, 20, 10, 0));
        assertThat(time.runDueTimers(campaign)).as("17 October reminders, ten units").isEqualTo(10);
        as(Accounts.PINGTAN_ZONE).post(pkg + "/send").then().statusCode(200).body("stage", equalTo("SENT")).body("pendingTimers", hasSize(0));
        assertThat(activeTasks(campaign, Workflow.Task.INSTITUTE_REVIEW, Workflow.INSTITUTE_GROUP)).isEqualTo(1);
        assertThat(page(Accounts.PINGTAN_ZONE, "/packages/PTZ?campaign=" + campaign)).contains("withdraw-package");
        as(Accounts.PINGTAN_ZONE).post(pkg + "/withdraw").then().statusCode(200)
                .body("stage", equalTo("PREPARING"))
                .body("rounds", hasSize(1)).body("rounds[0].decision", equalTo("WITHDRAWN"))
                .body("pendingTimers", equalTo(List.of(year + "-10-28T09:00:00+08:00", year + "-10-30T09:00:00+08:00",
                        year + "-11-01T00:00:00+08:00")));
        assertThat(activeTasks(campaign, Workflow.Task.INSTITUTE_REVIEW, Workflow.INSTITUTE_GROUP)).isZero();
        assertThat(activeTasks(campaign, Workflow.Task.SEND_PACKAGE, Accounts.PINGTAN_ZONE)).isEqualTo(1);
        as(Accounts.INSTITUTE).get("/api/notifications").then()
                .body("items.find { it.kind == 'PACKAGE_WITHDRAWN' && it.campaignId == " + campaign + " }.title",
                        equalTo("平潭综合实验区撤回了报送的材料"));
        // The institute's decision on the withdrawn sending comes too late; withdrawing twice is refused.
        database.assertWritesNothing(() -> problem(as(Accounts.INSTITUTE).body(Map.of()).post(pkg + "/accept").then(),
                409, "设区市已撤回"));
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).post(pkg + "/withdraw").then(), 409, "材料尚未报送"));

        // The reminder of 28 October still reaches the unit while it prepares again.
        time.travelTo(LocalDateTime.of(year, 10, 28, 9, 0));
        assertThat(time.runDueTimers(campaign)).as("28 October reminders, ten units").isEqualTo(10);

        // Round 2; the institute returns it: withdrawing is refused, the unit sends again (round 3); accepted, refused again.
        as(Accounts.PINGTAN_ZONE).post(pkg + "/send").then().statusCode(200).body("rounds", hasSize(2))
                .body("rounds[1].sentAt", equalTo(year + "-10-28T09:00:00+08:00"));
        as(Accounts.INSTITUTE).body(Map.of("comment", "请补充联系方式")).post(pkg + "/return").then().statusCode(200);
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).post(pkg + "/withdraw").then(), 409, "已退回材料"));
        as(Accounts.PINGTAN_ZONE).post(pkg + "/send").then().statusCode(200).body("rounds", hasSize(3));
        as(Accounts.INSTITUTE).body(Map.of()).post(pkg + "/accept").then().statusCode(200).body("stage", equalTo("ACCEPTED"))
                .body("rounds.decision", equalTo(List.of("WITHDRAWN", "RETURNED", "ACCEPTED")));
        database.assertWritesNothing(() -> problem(as(Accounts.PINGTAN_ZONE).post(pkg + "/withdraw").then(), 409, "已接收材料，不能撤回"));
        assertThat(reportProcess(report)).as("the report's process ends with the acceptance").isNull();
        as(Accounts.PINGTAN).get("/api/reports/{id}", report).then().body("packageRounds.decision", equalTo(List.of("WITHDRAWN", "RETURNED", "ACCEPTED")));
    }

    @Test
    void shouldExtendTheDeadlineForEveryoneAndForOneUnitMovingRemindersAndTheOverdueMark() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = openCampaign(year);
        String campaignDeadline = "/api/campaigns/" + campaign + "/deadline";
        String ptzDeadline = "/api/campaigns/" + campaign + "/packages/PTZ/deadline";
        String xiamenPkg = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;
        String ptzPkg = "/api/campaigns/" + campaign + "/packages/PTZ";
        long report = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);

        // Refused, nothing written: an earlier deadline, none, an unknown unit.
        database.assertWritesNothing(() -> problem(as(Accounts.ADMIN).body(Map.of("deadline", year + "-10-30T23:59:59+08:00"))
                .put(campaignDeadline).then(), 400, "须晚于原截止时间"));
        database.assertWritesNothing(() -> problem(as(Accounts.ADMIN).body(Map.of()).put(campaignDeadline).then(), 400, "请填写延期后的截止时间"));
        database.assertWritesNothing(() -> problem(as(Accounts.ADMIN).body(Map.of("deadline", year + "-11-20T00:00:00+08:00"))
                .put("/api/campaigns/{c}/packages/999999/deadline", campaign).then(), 404, "没有代码为 999999 的设区市"));

        // Everyone to 5 November; 平潭综合实验区 alone to 10 November. The engine's timers move with them.
        as(Accounts.ADMIN).body(Map.of("deadline", year + "-11-05T23:59:59+08:00")).put(campaignDeadline).then().statusCode(200)
                .body("unitsExtended", hasSize(10));
        as(Accounts.XIAMEN).get(xiamenPkg).then().body("deadline", equalTo(year + "-11-05T23:59:59+08:00"))
                .body("pendingTimers", equalTo(List.of(year + "-10-22T09:00:00+08:00", year + "-11-02T09:00:00+08:00",
                        year + "-11-04T09:00:00+08:00", year + "-11-06T00:00:00+08:00")));
        as(Accounts.ADMIN).body(Map.of("deadline", year + "-11-10T23:59:59+08:00")).put(ptzDeadline).then().statusCode(200)
                .body("unitsExtended", equalTo(List.of("PTZ")));
        as(Accounts.PINGTAN_ZONE).get(ptzPkg).then().body("deadline", equalTo(year + "-11-10T23:59:59+08:00"))
                .body("pendingTimers", equalTo(List.of(year + "-10-27T09:00:00+08:00", year + "-11-07T09:00:00+08:00",
                        year + "-11-09T09:00:00+08:00", year + "-11-11T00:00:00+08:00")));
        Task send = tasks.createTaskQuery().taskDefinitionKey(Workflow.Task.SEND_PACKAGE).taskCandidateGroup(Accounts.PINGTAN_ZONE)
                .processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, campaign).singleResult();
        assertThat(send.getDueDate().toInstant()).isEqualTo(LocalDateTime.of(year, 11, 10, 23, 59, 59).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        database.assertWritesNothing(() -> problem(as(Accounts.ADMIN).body(Map.of("deadline", year + "-11-05T23:59:59+08:00"))
                .put(ptzDeadline).then(), 400, "须晚于现在的截止时间"));

        // The old overdue moment passes without a mark.
        time.travelTo(LocalDateTime.of(year, 11, 1, 0, 0, 0));
        time.runDueTimers(campaign);
        as(Accounts.INSTITUTE).get("/api/notifications").then()
                .body("items.findAll { it.kind == 'OVERDUE' && it.campaignId == " + campaign + " }", hasSize(0));

        // The new one marks the nine units on the campaign's deadline, not 平潭综合实验区.
        time.travelTo(LocalDateTime.of(year, 11, 6, 0, 0, 0));
        time.runDueTimers(campaign);
        as(Accounts.INSTITUTE).get("/api/notifications").then()
                .body("items.findAll { it.kind == 'OVERDUE' && it.campaignId == " + campaign + " }", hasSize(9))
                .body("items.findAll { it.campaignId == " + campaign + " }.title", hasItem("厦门市未按期报送"));
        as(Accounts.XIAMEN).get(xiamenPkg).then().body("overdue", is(true));
        as(Accounts.PINGTAN_ZONE).get(ptzPkg).then().body("overdue", is(false));

        // 平潭综合实验区's own reminder the day before its deadline; it sends at its last second: on time.
        time.travelTo(LocalDateTime.of(year, 11, 9, 9, 0));
        time.runDueTimers(campaign);
        String campaignTitle = as(Accounts.PINGTAN_ZONE).get("/api/campaigns/{c}", campaign).then().extract().path("title");
        as(Accounts.PINGTAN_ZONE).get("/api/notifications").then()
                .body("items.findAll { it.kind == 'REMINDER' && it.campaignId == " + campaign + " }.title", hasItem("距报送截止还有 1 天"))
                .body("items.findAll { it.kind == 'REMINDER' && it.campaignId == " + campaign + " }.campaignTitle",
                        everyItem(equalTo(campaignTitle)));
        // Every message names its campaign on the inbox page too.
        assertThat(page(Accounts.PINGTAN_ZONE, "/inbox")).contains(campaignTitle + " · ");
        time.travelTo(LocalDateTime.of(year, 11, 10, 23, 59, 59));
        as(Accounts.PINGTAN_ZONE).post(ptzPkg + "/send").then().statusCode(200).body("rounds[0].onTime", is(true));
        as(Accounts.INSTITUTE).get("/api/campaigns/{c}/board", campaign).then().statusCode(200)
                .body("deadline", equalTo(year + "-11-05T23:59:59+08:00"))
                .body("units.find { it.unitCode == 'PTZ' }.deadline", equalTo(year + "-11-10T23:59:59+08:00"))
                .body("units.find { it.unitCode == 'PTZ' }.extended", is(true))
                .body("units.find { it.unitCode == 'PTZ' }.onTime", is(true))
                .body("units.find { it.unitCode == 'PTZ' }.overdue", is(false))
                .body("units.find { it.unitCode == '350200' }.extended", is(false))
                .body("units.find { it.unitCode == '350200' }.overdue", is(true));
    }

    @Test
    void shouldOfferTheCityItsEditsBackWhenTheSameReportsAreMergedAgain() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = openCampaign(year);
        long haicang = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, "集成电路产业链");
        long huli = Fixtures.approvedInXiamen(Accounts.HULI, campaign, "集成电路产业链");
        String merges = "/api/campaigns/" + campaign + "/merges";

        // Merged; the city edits the consolidated text and its units table. Nothing to offer yet.
        Map<String, Object> first = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huli))).post(merges)
                .then().statusCode(201).body("previous", nullValue()).extract().path("");
        long merged1 = ((Number) first.get("consolidatedReportId")).longValue();
        long group1 = ((Number) first.get("id")).longValue();
        String edited = "厦门市集成电路产业 2025 年产值 980 亿元，海沧、湖里两区协同发展。";
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, merged1),
                        "sections", Map.of("COUNTY_INDUSTRY", edited),
                        "units", List.of(Map.of("name", "厦门大学", "kind", "UNIVERSITY", "strength", "半导体材料"))))
                .put("/api/reports/{id}/draft", merged1).then().statusCode(200);

        // Undo: the consolidated report is kept with the edits, read-only.
        time.travelTo(LocalDateTime.of(year, 9, 2, 10, 0));
        as(Accounts.XIAMEN).post(merges + "/{g}/undo", group1).then().statusCode(200).body("active", is(false));
        as(Accounts.XIAMEN).get("/api/reports/{id}", merged1).then().statusCode(200).body("editable", is(false))
                .body("sections.COUNTY_INDUSTRY", equalTo(edited));

        // Merged again: the same reports, so the answer offers the edits back, naming what differs.
        Map<String, Object> second = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(huli, haicang))).post(merges)
                .then().statusCode(201)
                .body("previous.reportId", equalTo((int) merged1))
                .body("previous.mergeId", equalTo((int) group1))
                .body("previous.undoneAt", equalTo(year + "-09-02T10:00:00+08:00"))
                .body("previous.differingSections", equalTo(List.of("一.1 产业现状")))
                .body("previous.unitsDiffer", is(true)).extract().path("");
        long merged2 = ((Number) second.get("consolidatedReportId")).longValue();
        long group2 = ((Number) second.get("id")).longValue();
        assertThat(as(Accounts.XIAMEN).get("/api/reports/{id}", merged2).then().extract().<String>path("sections.COUNTY_INDUSTRY"))
                .startsWith("【海沧区、湖里区】");
        as(Accounts.XIAMEN).get(merges).then().body("find { it.id == " + group2 + " }.previous.reportId", equalTo((int) merged1));
        assertThat(page(Accounts.XIAMEN, "/city?campaign=" + campaign)).contains("恢复上次合并时的修改").contains("一.1 产业现状");

        // Refused, nothing written: another city, a county, a stale version, the undone merge, an unknown merge.
        long current = Fixtures.version(Accounts.XIAMEN, merged2);
        database.assertWritesNothing(() -> problem(as(Accounts.FUZHOU).body(Map.of("version", current))
                .post(merges + "/{g}/restore", group2).then(), 403, "本单位"));
        database.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", current))
                .post(merges + "/{g}/restore", group2).then().statusCode(403));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of("version", current - 1))
                .post(merges + "/{g}/restore", group2).then(), 409, "已在别处被修改"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of("version", current))
                .post(merges + "/{g}/restore", group1).then(), 409, "已经撤销"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of())
                .post(merges + "/{g}/restore", group2).then(), 400, "版本号"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of("version", current))
                .post(merges + "/999999999/restore").then(), 404, "没有编号为 999999999 的合并"));

        // Restored: the edits and the units table are back in the new consolidated report; nothing more to offer.
        as(Accounts.XIAMEN).body(Map.of("version", current)).post(merges + "/{g}/restore", group2).then().statusCode(200)
                .body("previous", nullValue());
        as(Accounts.XIAMEN).get("/api/reports/{id}", merged2).then().body("sections.COUNTY_INDUSTRY", equalTo(edited))
                .body("units.name", equalTo(List.of("厦门大学"))).body("editable", is(true));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, merged2)))
                .post(merges + "/{g}/restore", group2).then(), 409, "没有可恢复的内容"));
        as(Accounts.ADMIN).get("/api/audit?username=" + Accounts.XIAMEN).then().body("action", hasItem("merge.restore"));
    }

    @Test
    void shouldTellTheCityOfSubmissionsAndLetItChaseItsCountiesOnceADay() {
        int year = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(year, 9, 1, 10, 0));
        long campaign = openCampaign(year);
        String title = as(Accounts.XIAMEN).get("/api/campaigns/{c}", campaign).then().extract().path("title");
        String chases = "/api/campaigns/" + campaign + "/chases/";

        // 厦门市 keeps the default: one message per submission, naming the campaign.
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链").get("集成电路产业链");
        Fixtures.fillAndSubmit(Accounts.HAICANG, haicang);
        as(Accounts.XIAMEN).get("/api/notifications").then()
                .body("items.find { it.kind == 'REPORT_SUBMITTED' && it.campaignId == " + campaign + " }.body",
                        allOf(containsString(title), containsString("海沧区"), containsString("第 1 次提交")));

        // 宁德市 asks for a daily digest: no message per submission; one at 18:00 listing both, from an engine timer.
        as(Accounts.NINGDE).get("/api/notifications/submission-notices").then().statusCode(200).body("mode", equalTo("EACH"));
        database.assertWritesNothing(() -> problem(as(Accounts.NINGDE).body(Map.of("mode", "HOURLY"))
                .put("/api/notifications/submission-notices").then(), 400, "DAILY"));
        database.assertWritesNothing(() -> as(Accounts.GUTIAN).body(Map.of("mode", "DAILY"))
                .put("/api/notifications/submission-notices").then().statusCode(403));
        as(Accounts.NINGDE).body(Map.of("mode", "DAILY")).put("/api/notifications/submission-notices").then().statusCode(200)
                .body("mode", equalTo("DAILY"));
        try {
            Map<String, Long> gutian = Fixtures.declare(Accounts.GUTIAN, campaign, "食用菌产业链", "茶产业链");
            Fixtures.fillAndSubmit(Accounts.GUTIAN, gutian.get("食用菌产业链"));
            time.travelTo(LocalDateTime.of(year, 9, 1, 11, 30));
            Fixtures.fillAndSubmit(Accounts.GUTIAN, gutian.get("茶产业链"));
            as(Accounts.NINGDE).get("/api/notifications").then()
                    .body("items.findAll { it.campaignId == " + campaign + " && it.kind in ['REPORT_SUBMITTED', 'SUBMISSION_DIGEST'] }", hasSize(0));
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Workflow.digestBusinessKey(campaign, Accounts.NINGDE))
                    .count()).as("one pending digest, its timer at 18:00").isEqualTo(1);
            time.travelTo(LocalDateTime.of(year, 9, 1, 17, 59, 59));
            assertThat(time.runDueTimers(campaign)).isZero();
            time.travelTo(LocalDateTime.of(year, 9, 1, 18, 0));
            assertThat(time.runDueTimers(campaign)).isEqualTo(1);
            as(Accounts.NINGDE).get("/api/notifications").then()
                    .body("items.findAll { it.campaignId == " + campaign + " && it.kind == 'SUBMISSION_DIGEST' }", hasSize(1))
                    .body("items.find { it.campaignId == " + campaign + " && it.kind == 'SUBMISSION_DIGEST' }.body",
                            allOf(containsString(title), containsString("“食用菌产业链”"), containsString("“茶产业链”"),
                                    containsString(year + "年9月1日 11:30:00（北京时间）")));
        } finally {
            as(Accounts.NINGDE).body(Map.of("mode", "EACH")).put("/api/notifications/submission-notices").then().statusCode(200);
        }

        // 催办: 厦门市 chases 湖里区, which has not declared; the message names the campaign, what is missing, the deadline.
        time.travelTo(LocalDateTime.of(year, 9, 20, 9, 15));
        as(Accounts.XIAMEN).get("/api/campaigns/{c}/chases", campaign).then().statusCode(200)
                .body("find { it.target == '" + Accounts.HULI + "' }.missing", equalTo(List.of("尚未申报本县重点产业链")))
                .body("find { it.target == '" + Accounts.HAICANG + "' }", nullValue());
        as(Accounts.XIAMEN).post(chases + Accounts.HULI).then().statusCode(201)
                .body("missing", equalTo(List.of("尚未申报本县重点产业链")))
                .body("deadlineText", equalTo(year + "年10月31日 23:59:59（北京时间）"))
                .body("nextPossibleAt", equalTo(year + "-09-21T00:00:00+08:00"));
        as(Accounts.HULI).get("/api/notifications").then()
                .body("items.find { it.kind == 'CHASE' && it.campaignId == " + campaign + " }.title", equalTo("催办：" + title))
                .body("items.find { it.kind == 'CHASE' && it.campaignId == " + campaign + " }.body",
                        allOf(containsString("厦门市催办"), containsString("尚未申报本县重点产业链"),
                                containsString(year + "年10月31日 23:59:59（北京时间）")));
        as(Accounts.ADMIN).get("/api/audit?username=" + Accounts.XIAMEN).then()
                .body("find { it.action == 'chase' }.target", equalTo(campaign + "," + Accounts.HULI));
        assertThat(page(Accounts.XIAMEN, "/packages/" + Accounts.XIAMEN + "?campaign=" + campaign))
                .contains("data-chase=\"" + Accounts.HULI + "\"").contains("今天已催办");

        // Once a day per target: a second click is refused until midnight, Beijing time; nothing written.
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).post(chases + Accounts.HULI).then(), 429,
                year + "年9月21日 00:00:00（北京时间）起可再次催办").body("nextPossibleAt", equalTo(year + "-09-21T00:00:00+08:00")));
        // Scoping and nothing to chase, nothing written: another city's county, a county chasing, the admin,
        // the institute chasing a county, a county with nothing missing, an unknown region.
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).post(chases + Accounts.MINHOU).then(), 403, "本单位所辖"));
        database.assertWritesNothing(() -> as(Accounts.HAICANG).post(chases + Accounts.HULI).then().statusCode(403));
        database.assertWritesNothing(() -> as(Accounts.ADMIN).post(chases + Accounts.XIAMEN).then().statusCode(403));
        database.assertWritesNothing(() -> as(Accounts.HAICANG).get("/api/campaigns/{c}/chases", campaign).then().statusCode(403));
        database.assertWritesNothing(() -> problem(as(Accounts.INSTITUTE).post(chases + Accounts.HULI).then(), 403, "设区市"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).post(chases + Accounts.HAICANG).then(), 409, "无需催办"));
        database.assertWritesNothing(() -> problem(as(Accounts.XIAMEN).post(chases + "999999").then(), 404, "999999"));
        database.assertWritesNothing(() -> as(Accounts.XIAMEN).post("/api/campaigns/999999999/chases/" + Accounts.HULI).then().statusCode(404));

        // The institute chases 厦门市, whose package is not sent.
        as(Accounts.INSTITUTE).post(chases + Accounts.XIAMEN).then().statusCode(201).body("missing[0]", equalTo("材料尚未报送"))
                .body("missing", hasItem("湖里区：尚未申报产业链"));
        as(Accounts.XIAMEN).get("/api/notifications").then()
                .body("items.find { it.kind == 'CHASE' && it.campaignId == " + campaign + " }.body",
                        allOf(containsString("省科学技术信息研究所催办"), containsString("材料尚未报送")));
        assertThat(page(Accounts.INSTITUTE, "/institute?campaign=" + campaign)).contains("data-chase=\"" + Accounts.FUZHOU + "\"");

        // The next day 湖里区 may be chased again.
        time.travelTo(LocalDateTime.of(year, 9, 21, 0, 0));
        as(Accounts.XIAMEN).post(chases + Accounts.HULI).then().statusCode(201);
    }

    @Test
    void shouldKeepTwoOpenCampaignsApartOnEveryPageAndInTheApi() {
        int older = Fixtures.freshYear();
        int newer = Fixtures.freshYear();
        time.travelTo(LocalDateTime.of(older, 9, 1, 10, 0));
        long first = openCampaign(older);
        long second = ((Number) as(Accounts.ADMIN).body(Map.of("year", newer, "pilots",
                        List.of(Map.of("countyCode", Accounts.GUTIAN, "chains", List.of("锂电新能源产业链")))))
                .post("/api/campaigns").then().statusCode(201).extract().path("id")).longValue();
        String firstTitle = as(Accounts.HULI).get("/api/campaigns/{c}", first).then().extract().path("title");
        String secondTitle = as(Accounts.HULI).get("/api/campaigns/{c}", second).then().extract().path("title");

        // The list shows the pilots to whoever may see them, as the single campaign does.
        for (String account : List.of(Accounts.ADMIN, Accounts.INSTITUTE, Accounts.NINGDE, Accounts.GUTIAN)) {
            as(account).get("/api/campaigns").then().statusCode(200)
                    .body("find { it.id == " + second + " }.pilots.countyCode", equalTo(List.of(Accounts.GUTIAN)))
                    .body("find { it.id == " + second + " }.pilots[0].chains", equalTo(List.of("锂电新能源产业链")));
        }
        as(Accounts.HULI).get("/api/campaigns").then().body("find { it.id == " + second + " }.pilots", hasSize(0));

        // Every task names its campaign.
        as(Accounts.HULI).get("/api/tasks").then()
                .body("find { it.campaignId == " + first + " }.campaignTitle", equalTo(firstTitle))
                .body("find { it.campaignId == " + second + " }.campaignTitle", equalTo(secondTitle));

        // The county home of the older campaign lists that campaign's tasks only, its form declares in it, and it
        // points to the other campaign's tasks; the switcher offers both campaigns with the one in view selected.
        String home = page(Accounts.HULI, "/county?campaign=" + first);
        assertThat(home).contains("我的待办 · " + firstTitle)
                .contains("data-url=\"/api/campaigns/" + first + "/chains\"")
                .doesNotContain("data-url=\"/api/campaigns/" + second + "/chains\"")
                .contains("href=\"/county?campaign=" + second + "\"")
                .contains("id=\"campaign-switch\"")
                .contains("<option value=\"" + first + "\" selected>" + firstTitle)
                .contains("<option value=\"" + second + "\">" + secondTitle);
        // Declaring from that page's form lands in the older campaign, the newer one still waits.
        long declared = Fixtures.declare(Accounts.HULI, first, "软件和信息服务产业链").get("软件和信息服务产业链");
        assertThat(activeTasks(first, Workflow.Task.DECLARE_CHAINS, Accounts.HULI)).isZero();
        // The report's task names its chain (two chains' tasks would otherwise be two identical rows).
        assertThat(page(Accounts.HULI, "/county?campaign=" + first))
                .contains("<a href=\"/reports/" + declared + "\">软件和信息服务产业链</a>");
        assertThat(activeTasks(second, Workflow.Task.DECLARE_CHAINS, Accounts.HULI)).isEqualTo(1);
        assertThat(page(Accounts.HULI, "/county?campaign=" + second)).contains("我的待办 · " + secondTitle)
                .contains("在下方填写产业链").contains("href=\"/county?campaign=" + first + "\"");
        // Without a choice, each role's home opens on the newest open campaign.
        assertThat(page(Accounts.HULI, "/county")).contains("我的待办 · " + secondTitle)
                .contains("<option value=\"" + second + "\" selected>" + secondTitle);
        assertThat(page(Accounts.XIAMEN, "/city")).contains("<option value=\"" + second + "\" selected>" + secondTitle);
        assertThat(page(Accounts.INSTITUTE, "/institute")).contains("<option value=\"" + second + "\" selected>" + secondTitle);
    }

    @Test
    void shouldStartNextYearsReportFromLastYearsFinalTextAndShowWhatChanged() {
        int lastYear = Fixtures.freshYear();
        int thisYear = Fixtures.freshYear();
        String chain = Fixtures.uniqueChain();
        time.travelTo(LocalDateTime.of(lastYear, 9, 1, 10, 0));
        long earlier = openCampaign(lastYear);
        // Last year's report had a table in 一.1.
        long old = Fixtures.declare(Accounts.HAICANG, earlier, chain).get(chain);
        long oldVersion = Fixtures.version(Accounts.HAICANG, old);
        as(Accounts.HAICANG).body(Fixtures.completeDraft(oldVersion)).put("/api/reports/{id}/draft", old).then().statusCode(200);
        long oldTable = ((Number) as(Accounts.HAICANG).body(Map.of("version", oldVersion + 1, "section", "COUNTY_INDUSTRY",
                        "caption", "海沧区产值", "rows", List.of(List.of("年份", "产值"), List.of("2025", "310"))))
                .post("/api/reports/{id}/exhibits/tables", old).then().statusCode(200).extract().path("exhibit.id")).longValue();
        as(Accounts.HAICANG).body(Map.of("version", oldVersion + 2)).post("/api/reports/{id}/submit", old).then().statusCode(200);
        Fixtures.approve(Accounts.XIAMEN, old);
        String earlierTitle = as(Accounts.HAICANG).get("/api/campaigns/{c}", earlier).then().extract().path("title");

        time.travelTo(LocalDateTime.of(thisYear, 9, 1, 10, 0));
        long campaign = openCampaign(thisYear);
        long report = Fixtures.declare(Accounts.HAICANG, campaign, chain).get(chain);
        String otherChain = Fixtures.uniqueChain();
        long other = Fixtures.declare(Accounts.HAICANG, campaign, otherChain).get(otherChain);
        // The same chain of the same county last year, with its final revision; every section differs from the empty draft.
        as(Accounts.HAICANG).get("/api/reports/{id}", report).then().statusCode(200)
                .body("lastYear.reportId", equalTo((int) old)).body("lastYear.campaignTitle", equalTo(earlierTitle))
                .body("lastYear.revision", equalTo(1)).body("lastYear.changedSections", hasSize(7))
                .body("lastYear.unitsChanged", is(true));
        as(Accounts.HAICANG).get("/api/reports/{id}", other).then().body("lastYear", nullValue());
        assertThat(page(Accounts.HAICANG, "/reports/" + report)).contains("复制上年报告").contains(earlierTitle);

        // Refused, nothing written: another county, the city, a stale version, a chain not reported before.
        long v = Fixtures.version(Accounts.HAICANG, report);
        database.assertWritesNothing(() -> as(Accounts.HULI).body(Map.of("version", v)).post("/api/reports/{id}/copy-last-year", report)
                .then().statusCode(403));
        database.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("version", v)).post("/api/reports/{id}/copy-last-year", report)
                .then().statusCode(403));
        database.assertWritesNothing(() -> problem(as(Accounts.HAICANG).body(Map.of("version", v + 5))
                .post("/api/reports/{id}/copy-last-year", report).then(), 409, "已在别处被修改"));
        database.assertWritesNothing(() -> problem(as(Accounts.HAICANG).body(Map.of("version", Fixtures.version(Accounts.HAICANG, other)))
                .post("/api/reports/{id}/copy-last-year", other).then(), 409, "无可复制"));

        // Copied: last year's text and units table, and its table as this report's own copy (no marker left pointing
        // at last year's report); nothing differs any more. Then one section is brought up to date.
        var copied = as(Accounts.HAICANG).body(Map.of("version", v)).post("/api/reports/{id}/copy-last-year", report).then().statusCode(200)
                .body("units.name", equalTo(List.of("福建农林大学")))
                .body("exhibits", hasSize(1)).body("exhibits[0].caption", equalTo("海沧区产值"))
                .body("exhibits[0].replaces", equalTo((int) oldTable)).body("exhibits[0].rows[1][1]", equalTo("310"))
                .body("lastYear.changedSections", hasSize(0)).body("lastYear.unitsChanged", is(false));
        int copiedTable = copied.extract().path("exhibits[0].id");
        assertThat(copiedTable).isNotEqualTo((int) oldTable);
        copied.body("sections.COUNTY_INDUSTRY", equalTo("全县规上企业 42 家，2025 年产值 310 亿元。\n〔表:" + copiedTable + "〕"));
        as(Accounts.HAICANG).body(Map.of("version", v + 1, "sections", Map.of("COUNTY_INDUSTRY", "全县规上企业 48 家，" + thisYear + " 年产值 355 亿元。")))
                .put("/api/reports/{id}/draft", report).then().statusCode(200);
        as(Accounts.HAICANG).body(Map.of("version", v + 2)).post("/api/reports/{id}/submit", report).then().statusCode(200);

        // The city and the institute see what changed since last year, per section; the history compares with it.
        as(Accounts.XIAMEN).get("/api/reports/{id}", report).then()
                .body("lastYear.changedSections", equalTo(List.of("一.1 产业现状"))).body("lastYear.unitsChanged", is(false));
        assertThat(page(Accounts.XIAMEN, "/reports/" + report)).contains("与上年相比有变化的章节：一.1 产业现状").doesNotContain("copy-last-year");
        assertThat(page(Accounts.INSTITUTE, "/reports/" + report)).contains("与上年相比有变化的章节：一.1 产业现状");
        assertThat(page(Accounts.XIAMEN, "/reports/" + report + "/history?from=-1&to=0"))
                .contains("上年报告（" + earlierTitle + " 第 1 版）").contains("亿元");
    }
}
