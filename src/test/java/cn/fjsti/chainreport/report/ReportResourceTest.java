package cn.fjsti.chainreport.report;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    @Inject
    Database db;

    @Test
    void shouldShowTheOutlineWithNamesFilledIn() {
        long id = Fixtures.declare(Accounts.HAICANG, Fixtures.openCampaign(), "集成电路产业链").get("集成电路产业链");
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then().statusCode(200)
                .body("title", equalTo("海沧区县域重点产业创新链调研报告"))
                .body("stage", equalTo("DRAFTING"))
                .body("editable", is(true))
                .body("outline", hasSize(8))
                .body("outline[0].partHeading", equalTo("一、海沧区县域重点产业发展现状"))
                .body("outline[2].partHeading", equalTo("二、集成电路重点产业国内产业发展现状"))
                .body("outline[7].heading", equalTo("3.集成电路重点产业科技创新优势单位（团队）"))
                .body("outline[0].maxLength", equalTo(20000));
    }

    @Test
    void shouldNotChangeAnythingByReading() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        db.assertWritesNothing(() -> {
            as(Accounts.HAICANG).get("/api/reports/{id}", id).then().statusCode(200);
            as(Accounts.XIAMEN).get("/api/reports?campaignId=" + Fixtures.sharedCampaign()).then().statusCode(200);
            as(Accounts.HAICANG).get("/api/tasks").then().statusCode(200);
        });
    }

    @Test
    void shouldSaveDraftsAndMoveTheVersionOn() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "海沧区集成电路产业起步于2016年。")))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .body("version", equalTo((int) v + 1))
                .body("sections.COUNTY_INDUSTRY", equalTo("海沧区集成电路产业起步于2016年。"))
                .body("outline[0].length", equalTo(18));
        as(Accounts.HAICANG).body(Map.of("version", v + 1, "sections", Map.of("DOMESTIC_TRENDS", "先进封装"),
                        "units", List.of(Map.of("name", "厦门大学", "kind", "UNIVERSITY"))))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .body("version", equalTo((int) v + 2))
                .body("sections.COUNTY_INDUSTRY", equalTo("海沧区集成电路产业起步于2016年。"))
                .body("sections.DOMESTIC_TRENDS", equalTo("先进封装"))
                .body("units[0].kindLabel", equalTo("高校"));
    }

    @Test
    void shouldHintTheFittingSubPointMarkersInTheJsonAndOnTheEditorWithoutRefusingTheSave() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        String own = "全县产业现状如下。\n（一）产业规模\n产值 310 亿元。\n（二）创新平台\n省级平台 6 家。";
        String fitting = "主要措施：\n（1）强链补链\n（2）培育链主企业";
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", own, "INDUSTRY_MEASURES", fitting)))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo(own))
                .body("numberingHints", hasSize(1))
                .body("numberingHints[0].section", equalTo("COUNTY_INDUSTRY"))
                .body("numberingHints[0].used", equalTo("（一）"))
                .body("numberingHints[0].lines", equalTo(List.of(2, 4)))
                .body("numberingHints[0].suggested", equalTo("（1）"));
        String page = as(Accounts.HAICANG).accept("text/html").get("/reports/{id}", id).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"hint-COUNTY_INDUSTRY\"").contains("（1）").doesNotContain("id=\"hint-INDUSTRY_MEASURES\"");
    }

    @Test
    void shouldAnswerOnlyTheNewStateWhenTheEditorPrefersAMinimalAnswer() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        // The editor's autosave: RFC 7240 "return=minimal", here among other preferences and in another case.
        var saved = as(Accounts.HAICANG).header("Prefer", "respond-async, RETURN=Minimal; x=1")
                .body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "自动保存的正文")))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .header("Vary", "Prefer")
                .body("id", equalTo((int) id))
                .body("version", equalTo((int) v + 1))
                .body("stage", equalTo("DRAFTING"))
                .body("editable", is(true))
                .body("updatedBy", equalTo(Accounts.HAICANG))
                .extract().jsonPath();
        assertThat(saved.getMap("")).containsOnlyKeys("id", "version", "stage", "stageLabel", "editable", "updatedAt", "updatedBy");
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then()
                .body("sections.COUNTY_INDUSTRY", equalTo("自动保存的正文")).body("version", equalTo((int) v + 1));

        // Any other preference, or none, gets the whole report, without saying a preference was applied.
        as(Accounts.HAICANG).header("Prefer", "return=representation")
                .body(Map.of("version", v + 1, "sections", Map.of("DOMESTIC_TRENDS", "国内趋势")))
                .put("/api/reports/{id}/draft", id).then().statusCode(200)
                .header("Preference-Applied", org.hamcrest.Matchers.nullValue())
                .body("sections.COUNTY_INDUSTRY", equalTo("自动保存的正文"))
                .body("outline", hasSize(8));

        // A stale minimal save is refused as any other: 409 problem, nothing written.
        db.assertWritesNothing(() -> as(Accounts.HAICANG).header("Prefer", "return=minimal")
                .body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "旧标签页")))
                .put("/api/reports/{id}/draft", id).then().statusCode(409)
                .contentType("application/problem+json").body("currentVersion", equalTo((int) v + 2)));

        // The submission too: the editor reloads the page after it.
        long full = ((Number) as(Accounts.HAICANG).header("Prefer", "return=minimal").body(Fixtures.completeDraft(v + 2))
                .put("/api/reports/{id}/draft", id).then().statusCode(200).extract().path("version")).longValue();
        as(Accounts.HAICANG).header("Prefer", "return=minimal").body(Map.of("version", full))
                .post("/api/reports/{id}/submit", id).then().statusCode(200)
                .header("Preference-Applied", "return=minimal")
                .body("stage", equalTo("UNDER_REVIEW")).body("stageLabel", equalTo("待市级审核"))
                .body("editable", is(false)).body("sections", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldRefuseAStaleSaveAndKeepTheNewerText() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "第一个标签页的内容")))
                .put("/api/reports/{id}/draft", id).then().statusCode(200);
        db.assertWritesNothing(() -> as(Accounts.HAICANG)
                .body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "第二个标签页的旧内容")))
                .put("/api/reports/{id}/draft", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentVersion", equalTo((int) v + 1)));
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then()
                .body("sections.COUNTY_INDUSTRY", equalTo("第一个标签页的内容"));
    }

    @Test
    void shouldRefuseOversizeAndMalformedDrafts() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "字".repeat(20001))))
                .put("/api/reports/{id}/draft", id).then().statusCode(400)
                .body("fields[0].field", equalTo("sections.COUNTY_INDUSTRY"))
                .body("fields[0].message", equalTo("章节“一.1”不能超过 20000 个字（现有 20001 个字）")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("CHAPTER_9", "x")))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("sections")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("sections", Map.of("COUNTY_INDUSTRY", "x")))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("version")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", "三", "sections", Map.of()))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("version")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "sectoins", Map.of()))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("sectoins")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "units", List.of(Map.of("name", "某公司", "kind", "COMPANY"))))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("units[0].kind")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "units", List.of(Map.of("name", "名".repeat(201)))))
                .put("/api/reports/{id}/draft", id).then().statusCode(400).body("fields[0].field", equalTo("units[0].name")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "正文\u0007响铃")))
                .put("/api/reports/{id}/draft", id).then().statusCode(400)
                .body("fields[0].message", equalTo("章节的第 3 个字符是不可见的控制字符 U+0007，请删除后再保存")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body("").put("/api/reports/{id}/draft", id).then().statusCode(400));
        // null is not "clear it" (that is ""): refused, the section and its exhibits stay.
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body("{\"version\":" + v + ",\"sections\":{\"COUNTY_INDUSTRY\":null}}")
                .put("/api/reports/{id}/draft", id).then().statusCode(400).contentType("application/problem+json")
                .body("fields[0].field", equalTo("sections.COUNTY_INDUSTRY")).body("detail", containsString("空字符串")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).contentType("text/plain").body("hello")
                .put("/api/reports/{id}/draft", id).then().statusCode(415).contentType("application/problem+json"));
    }

    @Test
    void shouldKeepLineBreaksAndUnusualButPrintableText() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        String text = "第一段：碳化硅（SiC）\n\t第二段 😀 ‘引号’ <script>alert(1)</script> '; drop table report; --";
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_TECHNOLOGY", text)))
                .put("/api/reports/{id}/draft", id).then().statusCode(200);
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then().body("sections.COUNTY_TECHNOLOGY", equalTo(text));
    }

    @Test
    void shouldListTheMissingPartsWhenSubmittingAnIncompleteReport() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        long saved = ((Number) as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "已写"),
                        "units", List.of(Map.of("name", "厦门大学"))))
                .put("/api/reports/{id}/draft", id).then().statusCode(200).extract().path("version")).longValue();
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", saved)).post("/api/reports/{id}/submit", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("fields.field", equalTo(List.of("sections.COUNTY_TECHNOLOGY", "sections.DOMESTIC_INDUSTRY",
                        "sections.DOMESTIC_TECHNOLOGY", "sections.DOMESTIC_TRENDS", "sections.INDUSTRY_MEASURES",
                        "sections.INNOVATION_DIRECTIONS", "units[0].kind", "units[0].strength")))
                .body("fields[0].message", equalTo("第一部分 2.产业技术发展现状、技术瓶颈：未填写")));
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then().body("stage", equalTo("DRAFTING")).body("revisionCount", equalTo(0));
    }

    @Test
    void shouldSubmitFreezeARevisionAndHandTheReportToTheCity() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long submittedVersion = Fixtures.fillAndSubmit(Accounts.HAICANG, id);

        as(Accounts.HAICANG).get("/api/reports/{id}", id).then().statusCode(200)
                .body("stage", equalTo("UNDER_REVIEW"))
                .body("stageLabel", equalTo("待市级审核"))
                .body("editable", is(false))
                .body("revisionCount", equalTo(1));
        as(Accounts.HAICANG).get("/api/tasks").then().body("reportId", not(hasItem((int) id)));
        as(Accounts.XIAMEN).get("/api/tasks").then().statusCode(200)
                .body("find { it.reportId == " + id + " }.key", equalTo(Workflow.Task.CITY_REVIEW))
                .body("find { it.reportId == " + id + " }.name", equalTo("审核调研报告"))
                .body("find { it.reportId == " + id + " }.regionName", equalTo("海沧区"));
        as(Accounts.FUZHOU).get("/api/tasks").then().body("reportId", not(hasItem((int) id)));

        as(Accounts.HAICANG).get("/api/reports/{id}/revisions", id).then().statusCode(200)
                .body("", hasSize(1)).body("[0].number", equalTo(1)).body("[0].submittedBy", equalTo(Accounts.HAICANG));
        as(Accounts.XIAMEN).get("/api/reports/{id}/revisions/1", id).then().statusCode(200)
                .body("sections.INDUSTRY_MEASURES", equalTo("强链补链，培育链主企业。"))
                .body("units[0].name", equalTo("福建农林大学"));

        db.assertWritesNothing(() -> as(Accounts.HAICANG)
                .body(Map.of("version", submittedVersion, "sections", Map.of("COUNTY_INDUSTRY", "提交后再改")))
                .put("/api/reports/{id}/draft", id).then().statusCode(409)
                .body("detail", equalTo("报告当前处于“待市级审核”阶段，不能修改")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", submittedVersion))
                .post("/api/reports/{id}/submit", id).then().statusCode(409));
    }

    @Test
    void shouldRefuseASubmitOnAStaleVersion() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        long saved = ((Number) as(Accounts.HAICANG).body(Fixtures.completeDraft(v)).put("/api/reports/{id}/draft", id)
                .then().statusCode(200).extract().path("version")).longValue();
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", saved - 1))
                .post("/api/reports/{id}/submit", id).then().statusCode(409));
    }

    @Test
    void shouldKeepOtherRegionsOut() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        Map<String, Object> save = new HashMap<>(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "别人的内容")));
        for (String outsider : List.of(Accounts.HULI, Accounts.MINHOU, Accounts.FUZHOU, Accounts.PINGTAN_ZONE)) {
            as(outsider).get("/api/reports/{id}", id).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("您只能查看本地区（及所辖县区）的数据"));
            as(outsider).get("/api/reports/{id}/revisions", id).then().statusCode(403);
            as(outsider).get("/api/reports/{id}/revisions/1", id).then().statusCode(403);
            db.assertWritesNothing(() -> as(outsider).body(save).put("/api/reports/{id}/draft", id).then().statusCode(403));
            db.assertWritesNothing(() -> as(outsider).body(Map.of("version", v)).post("/api/reports/{id}/submit", id).then().statusCode(403));
        }
        for (String reader : List.of(Accounts.XIAMEN, Accounts.INSTITUTE, Accounts.ADMIN)) {
            as(reader).get("/api/reports/{id}", id).then().statusCode(200);
            db.assertWritesNothing(() -> as(reader).body(save).put("/api/reports/{id}/draft", id).then().statusCode(403)
                    .body("detail", equalTo("只有编写单位本身可以修改这份报告")));
        }
    }

    @Test
    void shouldListOnlyVisibleReports() {
        long campaign = Fixtures.sharedCampaign();
        long haicang = Fixtures.newReport(Accounts.HAICANG);
        long minhou = Fixtures.newReport(Accounts.MINHOU);
        as(Accounts.HAICANG).get("/api/reports?campaignId=" + campaign).then().statusCode(200)
                .body("authorRegion", everyItem(equalTo(Accounts.HAICANG))).body("id", hasItem((int) haicang));
        int cityLed = as(Accounts.XIAMEN).body(Map.of("chain", Fixtures.uniqueChain()))
                .post("/api/campaigns/{id}/chains/city-led", campaign).then().statusCode(201).extract().path("id");
        List<Integer> cityList = as(Accounts.XIAMEN).get("/api/reports?campaignId=" + campaign).then().statusCode(200)
                .body("reviewUnit", everyItem(equalTo(Accounts.XIAMEN))).body("id", not(hasItem((int) minhou)))
                .body("id", hasItem((int) haicang)).body("id", hasItem(cityLed)).extract().path("id");
        assertThat(cityList).as("newest first, each report once").isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        as(Accounts.INSTITUTE).get("/api/reports?campaignId=" + campaign).then().statusCode(200)
                .body("id", hasItem((int) minhou)).body("id", hasItem((int) haicang));
        as(Accounts.XIAMEN).get("/api/reports?region=" + Accounts.HAICANG).then().statusCode(200).body("id", hasItem((int) haicang));
        as(Accounts.XIAMEN).get("/api/reports?region=" + Accounts.MINHOU).then().statusCode(403);
        as(Accounts.HAICANG).get("/api/reports?region=" + Accounts.HULI).then().statusCode(403);
        as(Accounts.HAICANG).get("/api/reports?region=XYZ").then().statusCode(400).body("fields[0].field", equalTo("region"));
        as(Accounts.HAICANG).get("/api/reports?campaignId=987654").then().statusCode(404);
        // A typo in a query parameter is bad input (400 naming it), not an address that does not exist.
        as(Accounts.HAICANG).get("/api/reports?campaignId=abc").then().statusCode(400).body("fields[0].field", equalTo("campaignId"));
    }

    @Test
    void shouldNotFindUnknownReportsOrRevisions() {
        long id = Fixtures.newReport(Accounts.HAICANG);
        as(Accounts.HAICANG).get("/api/reports/987654").then().statusCode(404).body("detail", equalTo("没有编号为 987654 的报告"));
        as(Accounts.HAICANG).get("/api/reports/{id}/revisions/7", id).then().statusCode(404);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", 1)).put("/api/reports/987654/draft").then().statusCode(404));
        assertThat(id).isPositive();
    }
}
