package cn.fjsti.chainreport.consolidation;

import static cn.fjsti.chainreport.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsolidationResourceTest {

    @Inject
    Database db;

    private long approved(String county, long campaign, String chain) {
        long id = Fixtures.declare(county, campaign, chain).get(chain);
        Fixtures.fillAndSubmit(county, id);
        Fixtures.approve(Accounts.FUZHOU.equals(cityOf(county)) ? Accounts.FUZHOU : Accounts.XIAMEN, id);
        return id;
    }

    private static String cityOf(String county) {
        return county.startsWith("3501") ? Accounts.FUZHOU : Accounts.XIAMEN;
    }

    @Test
    void shouldShowProposalsOnlyToTheUnitAndTheInstitute() {
        long campaign = Fixtures.openCampaign();
        Fixtures.declare(Accounts.HAICANG, campaign, "生物医药产业链");
        Fixtures.declare(Accounts.HULI, campaign, "生物医药产业");
        String path = "/api/campaigns/" + campaign + "/duplicates";
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("", hasSize(1)).body("[0].members", hasSize(2));
        as(Accounts.INSTITUTE).get(path + "?unit=350200").then().statusCode(200).body("", hasSize(1));
        as(Accounts.INSTITUTE).get(path).then().statusCode(400).body("fields[0].field", equalTo("unit"));
        as(Accounts.INSTITUTE).get(path + "?unit=350205").then().statusCode(404);
        as(Accounts.FUZHOU).get(path + "?unit=350200").then().statusCode(403);
        as(Accounts.FUZHOU).get(path).then().statusCode(200).body("", hasSize(0));
        as(Accounts.HAICANG).get(path).then().statusCode(403);
        as(Accounts.HAICANG).get("/api/campaigns/" + campaign + "/merges").then().statusCode(403);
    }

    @Test
    void shouldForgetADismissedProposal() {
        long campaign = Fixtures.openCampaign();
        long a = Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链").get("集成电路产业链");
        long b = Fixtures.declare(Accounts.XIANGAN, campaign, "集成电路设计产业链").get("集成电路设计产业链");
        String path = "/api/campaigns/" + campaign + "/duplicates";
        as(Accounts.XIAMEN).get(path).then().body("[0].match", equalTo("NEAR"));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("reportIds", List.of(a, b))).post(path + "/dismiss").then().statusCode(403));
        as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(a, b))).post(path + "/dismiss").then().statusCode(204);
        as(Accounts.XIAMEN).get(path).then().body("", hasSize(0));
    }

    @Test
    void shouldRefuseMergesThatBreakTheRules() {
        long campaign = Fixtures.openCampaign();
        long haicang = approved(Accounts.HAICANG, campaign, "集成电路产业链");
        long huliDraft = Fixtures.declare(Accounts.HULI, campaign, "集成电路产业链").get("集成电路产业链");
        long xiangan = approved(Accounts.XIANGAN, campaign, "集成电路产业链");
        long haicangOther = approved(Accounts.HAICANG, campaign, "海洋生物产业链");
        long minhou = approved(Accounts.MINHOU, campaign, "集成电路产业链");
        String merges = "/api/campaigns/" + campaign + "/merges";

        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huliDraft))).post(merges)
                .then().statusCode(409).body("detail", equalTo("只能合并已审核通过的报告：湖里区的“集成电路产业链”报告尚未审核通过（编写中）")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, minhou))).post(merges)
                .then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, haicangOther))).post(merges)
                .then().statusCode(400).body("detail", equalTo("合并至少需要两个县（市、区）的报告")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang))).post(merges)
                .then().statusCode(400).body("fields[0].field", equalTo("reportIds")));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, 987654))).post(merges)
                .then().statusCode(404));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", "all")).post(merges).then().statusCode(400));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("reportIds", List.of(haicang, xiangan))).post(merges)
                .then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).body(Map.of("reportIds", List.of(haicang, xiangan))).post(merges)
                .then().statusCode(403));

        String duplicates = "/api/campaigns/" + campaign + "/duplicates";
        as(Accounts.XIAMEN).get(duplicates).then().body("members.reportId.flatten()", hasItems((int) haicang, (int) xiangan));
        long group = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan), "chain", "集成电路产业链"))
                .post(merges).then().statusCode(201).extract().path("id")).longValue();
        as(Accounts.XIAMEN).get(duplicates).then().statusCode(200)
                .body("members.reportId.flatten()", not(hasItems((int) haicang))).body("members.reportId.flatten()", not(hasItems((int) xiangan)));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan))).post(merges)
                .then().statusCode(409));
        db.assertWritesNothing(() -> as(Accounts.FUZHOU).post(merges + "/" + group + "/undo").then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).post(merges + "/987654/undo").then().statusCode(404));
        as(Accounts.XIAMEN).post(merges + "/" + group + "/undo").then().statusCode(200);
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).post(merges + "/" + group + "/undo").then().statusCode(409)
                .body("detail", equalTo("这次合并已经撤销")));
        as(Accounts.XIAMEN).get(merges).then().statusCode(200).body("[0].active", equalTo(false));
        as(Accounts.XIAMEN).get(duplicates).then().body("members.reportId.flatten()", hasItems((int) haicang, (int) xiangan));
        as(Accounts.INSTITUTE).get(merges + "?unit=350200").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void shouldKeepEveryCountysWordsInTheConsolidatedReport() {
        long campaign = Fixtures.openCampaign();
        long haicang = approved(Accounts.HAICANG, campaign, "集成电路产业链");
        long xiangan = approved(Accounts.XIANGAN, campaign, "集成电路产业链");
        int merged = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(xiangan, haicang)))
                .post("/api/campaigns/" + campaign + "/merges").then().statusCode(201).extract().path("consolidatedReportId");
        // Both counties wrote the same paragraph: it appears once, under both names.
        String expected = "【海沧区、翔安区】\n全县规上企业 42 家，2025 年产值 310 亿元。";
        as(Accounts.XIAMEN).get("/api/reports/{id}", merged).then()
                .body("sections.COUNTY_INDUSTRY", equalTo(expected))
                .body("outline[0].maxLength", equalTo(cn.fjsti.chainreport.common.Limits.MERGED_SECTION))
                .body("stage", equalTo("DRAFTING"));
        as(Accounts.HAICANG).get("/api/reports/{id}", haicang).then()
                .body("sections.COUNTY_INDUSTRY", equalTo("全县规上企业 42 家，2025 年产值 310 亿元。"))
                .body("editable", equalTo(false));
        // A member county reads the report its own went into (and its Word), never writes it; another county does not read it.
        as(Accounts.HAICANG).get("/api/reports/{id}", merged).then().statusCode(200).body("sections.COUNTY_INDUSTRY", equalTo(expected));
        as(Accounts.HAICANG).get("/api/reports/{id}/document", merged).then().statusCode(200);
        long version = Fixtures.version(Accounts.XIAMEN, merged);
        as(Accounts.HAICANG).body(Map.of("version", version, "sections", Map.of("COUNTY_INDUSTRY", "县里改写")))
                .put("/api/reports/{id}/draft", merged).then().statusCode(403);
        as(Accounts.XIAMEN).get("/api/reports/{id}", merged).then().body("version", equalTo((int) version));
        as(Accounts.HULI).get("/api/reports/{id}", merged).then().statusCode(403);
        as(Accounts.MINHOU).get("/api/reports/{id}", merged).then().statusCode(403);
    }

    private static void draft(String county, long report, String text, String unit) {
        as(county).body(Map.of("version", Fixtures.version(county, report), "sections", Map.of("COUNTY_INDUSTRY", text),
                        "units", List.of(Map.of("name", unit, "kind", "ENTERPRISE", "strength", "产品研发与工艺", "contact", "0592-5550000"))))
                .put("/api/reports/{id}/draft", report).then().statusCode(200);
    }

    @Test
    void shouldLetTheDraftsContentAddAndVetoProposals() throws java.io.IOException {
        Map<String, String> texts = DuplicateChainFinderTest.madeUpReports();
        long campaign = Fixtures.openCampaign();
        Map<String, Long> haicang = Fixtures.declare(Accounts.HAICANG, campaign, "竹产业链", "电工电器装备产业链");
        long xiangan = Fixtures.declare(Accounts.XIANGAN, campaign, "绿色家居产业链").get("绿色家居产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "机械装备产业链").get("机械装备产业链");
        String path = "/api/campaigns/" + campaign + "/duplicates";
        // Empty drafts: names only, as before. The equipment names are alike (weakly); the bamboo names are not.
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("", hasSize(1))
                .body("[0].members.reportId", equalTo(List.of(haicang.get("电工电器装备产业链").intValue(), (int) huli)))
                .body("[0].sureness", equalTo("中")).body("[0].textSimilarity", org.hamcrest.Matchers.nullValue());

        draft(Accounts.HAICANG, haicang.get("竹产业链"), texts.get("bamboo-jianou"), "和其昌竹业（福建）股份有限公司");
        draft(Accounts.XIANGAN, xiangan, texts.get("bamboo-yanping"), "和其昌竹业有限公司");
        draft(Accounts.HAICANG, haicang.get("电工电器装备产业链"), texts.get("electrical-minhou"), "厦门某电气设备有限公司");
        draft(Accounts.HULI, huli, texts.get("machinery-nanan"), "厦门某工程机械股份有限公司");
        // Written drafts: the bamboo reports are one proposal whatever their names; the equipment ones are not.
        as(Accounts.XIAMEN).get(path).then().statusCode(200).body("", hasSize(1))
                .body("[0].members.reportId", equalTo(List.of(haicang.get("竹产业链").intValue(), (int) xiangan)))
                .body("[0].match", equalTo("NEAR"))
                .body("[0].sureness", equalTo("高"))
                .body("[0].sharedUnits", equalTo(List.of("和其昌竹业（福建）股份有限公司")))
                .body("[0].textSimilarity", org.hamcrest.Matchers.greaterThanOrEqualTo(20))
                .body("[0].reasons", hasItems("名称不同，但报告内容相近", "共同的优势单位：和其昌竹业（福建）股份有限公司"));
        as(Accounts.XIAMEN).accept("text/html").get("/city?campaign=" + campaign).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("共同的优势单位：和其昌竹业（福建）股份有限公司"))
                .body(org.hamcrest.Matchers.containsString("把握：高"));
    }
}
