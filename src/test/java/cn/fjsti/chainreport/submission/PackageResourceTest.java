package cn.fjsti.chainreport.submission;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PackageResourceTest {

    @Inject
    Database db;

    @Test
    void shouldShowAPackageOnlyToItsUnitAndTheProvince() {
        long campaign = Fixtures.openCampaign();
        String path = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("unitName", equalTo("厦门市")).body("canSend", equalTo(false));
        as(Accounts.INSTITUTE).get(path).then().statusCode(200);
        as(Accounts.ADMIN).get(path).then().statusCode(200);
        as(Accounts.FUZHOU).get(path).then().statusCode(403);
        as(Accounts.HAICANG).get(path).then().statusCode(403);
        as(Accounts.XIAMEN).get("/api/campaigns/" + campaign + "/packages/350205").then().statusCode(404);
        as(Accounts.XIAMEN).get("/api/campaigns/987654/packages/350200").then().statusCode(404);
    }

    @Test
    void theProvinceIsNoUnitAndAskingForItsPackageIsANotFoundThatWritesNothing() {
        long campaign = Fixtures.sharedCampaign();
        String base = "/api/campaigns/" + campaign;
        for (String path : List.of(base + "/packages/350000", base + "/packages/350000/bundle", base + "/packages/350000/summary")) {
            db.assertWritesNothing(() -> as(Accounts.INSTITUTE).get(path).then().statusCode(404).contentType("application/problem+json"));
        }
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of()).post(base + "/packages/350000/accept")
                .then().statusCode(404).contentType("application/problem+json"));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of("comment", "请补充")).post(base + "/packages/350000/return")
                .then().statusCode(404).contentType("application/problem+json"));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).post(base + "/chases/350000")
                .then().statusCode(404).contentType("application/problem+json"));
        db.assertWritesNothing(() -> as(Accounts.ADMIN).get(base + "/packages/350000").then().statusCode(404));
    }

    @Test
    void shouldWarnOfAChainTwoCountiesWroteUntilTheCityMergesIt() {
        long campaign = Fixtures.openCampaign();
        String path = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;
        long haicang = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, "集成电路产业链");
        long huli = Fixtures.approvedInXiamen(Accounts.HULI, campaign, "集成电路产业链");
        Fixtures.approvedInXiamen(Accounts.HULI, campaign, "新材料产业链");
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("repeatedChains", org.hamcrest.Matchers.hasSize(1))
                .body("repeatedChains[0]", org.hamcrest.Matchers.containsString("海沧区、湖里区"))
                .body("repeatedChains[0]", org.hamcrest.Matchers.containsString("集成电路产业链"));
        org.assertj.core.api.Assertions.assertThat(as(Accounts.XIAMEN).accept("text/html").get("/packages/" + Accounts.XIAMEN + "?campaign=" + campaign)
                .then().statusCode(200).extract().asString()).contains("⚠ “集成电路产业链”：海沧区、湖里区都写了这条产业链");
        as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huli), "chain", "厦门市集成电路产业链"))
                .post("/api/campaigns/{c}/merges", campaign).then().statusCode(201);
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("repeatedChains", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void shouldRefuseAnIncompletePackageWithTheListOfWhatIsMissing() {
        long campaign = Fixtures.openCampaign();
        db.assertWritesNothing(() -> as(Accounts.PINGTAN_ZONE).post("/api/campaigns/" + campaign + "/packages/PTZ/send")
                .then().statusCode(422).body("fields.message", equalTo(List.of("平潭县：尚未申报产业链"))));
        long report = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");
        db.assertWritesNothing(() -> as(Accounts.PINGTAN_ZONE).post("/api/campaigns/" + campaign + "/packages/PTZ/send")
                .then().statusCode(422).body("fields.message", equalTo(List.of("平潭县：尚无审核通过或已合并的报告"))));
        int cityLed = as(Accounts.PINGTAN_ZONE).body(Map.of("chain", "旅游产业链")).post("/api/campaigns/{id}/chains/city-led", campaign)
                .then().statusCode(201).extract().path("id");
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);
        db.assertWritesNothing(() -> as(Accounts.PINGTAN_ZONE).post("/api/campaigns/" + campaign + "/packages/PTZ/send")
                .then().statusCode(422).body("fields.message", equalTo(List.of("本级报告“旅游产业链”尚未提交"))));
        Fixtures.fillAndSubmit(Accounts.PINGTAN_ZONE, cityLed);
        as(Accounts.PINGTAN_ZONE).get("/api/campaigns/" + campaign + "/packages/PTZ").then().body("canSend", equalTo(true));
        as(Accounts.PINGTAN_ZONE).post("/api/campaigns/" + campaign + "/packages/PTZ/send").then().statusCode(200)
                .body("contents.reportId", equalTo(List.of((int) report, cityLed)));
    }

    @Test
    void shouldRefusePackageActionsByTheWrongRoleOrAtTheWrongTime() {
        long campaign = Fixtures.openCampaign();
        String path = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN;
        for (String other : List.of(Accounts.FUZHOU, Accounts.HAICANG, Accounts.INSTITUTE, Accounts.ADMIN)) {
            db.assertWritesNothing(() -> as(other).post(path + "/send").then().statusCode(403));
        }
        for (String other : List.of(Accounts.XIAMEN, Accounts.HAICANG, Accounts.ADMIN)) {
            db.assertWritesNothing(() -> as(other).body(Map.of()).post(path + "/accept").then().statusCode(403));
        }
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of()).post(path + "/accept").then().statusCode(409)
                .body("detail", equalTo("厦门市的材料当前不在待接收状态")));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of("comment", "")).post(path + "/return").then().statusCode(400)
                .body("fields[0].field", equalTo("comment")));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of("comment", "x".repeat(4001))).post(path + "/return").then().statusCode(400));
    }

    @Test
    void shouldLetACitySetAnEarlierDeadlineForItsCounties() {
        long campaign = Fixtures.openCampaign();
        int year = as(Accounts.XIAMEN).get("/api/campaigns/{id}", campaign).then().extract().path("year");
        String path = "/api/campaigns/" + campaign + "/packages/" + Accounts.XIAMEN + "/internal-deadline";
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("deadline", year + "-11-15T18:00:00+08:00")).put(path)
                .then().statusCode(400).body("fields[0].field", equalTo("deadline")));
        db.assertWritesNothing(() -> as(Accounts.FUZHOU).body(Map.of("deadline", year + "-10-15T18:00:00+08:00")).put(path).then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("deadline", year + "-10-15T18:00:00+08:00")).put(path).then().statusCode(403));
        as(Accounts.XIAMEN).body(Map.of("deadline", year + "-10-15T18:00:00+08:00")).put(path).then().statusCode(200)
                .body("internalDeadline", equalTo(year + "-10-15T18:00:00+08:00"));
        as(Accounts.HAICANG).get("/api/tasks").then()
                .body("findAll { it.campaignId == " + campaign + " }.dueAt", hasItem(year + "-10-15T18:00:00+08:00"));
        as(Accounts.MINHOU).get("/api/tasks").then()
                .body("findAll { it.campaignId == " + campaign + " }.dueAt", hasItem(year + "-10-31T23:59:59+08:00"));
    }

    @Test
    void shouldShowTheBoardOnlyToTheProvince() {
        long campaign = Fixtures.openCampaign();
        String board = "/api/campaigns/" + campaign + "/board";
        as(Accounts.INSTITUTE).get(board).then().statusCode(200).body("units.size()", equalTo(10))
                .body("units.find { it.unitCode == '350100' }.countiesTotal", equalTo(12))
                .body("units.find { it.unitCode == 'PTZ' }.countiesTotal", equalTo(1));
        as(Accounts.ADMIN).get(board).then().statusCode(200);
        as(Accounts.XIAMEN).get(board).then().statusCode(403);
        as(Accounts.HAICANG).get(board).then().statusCode(403);
    }
}
