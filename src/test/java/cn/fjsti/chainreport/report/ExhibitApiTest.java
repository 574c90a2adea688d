package cn.fjsti.chainreport.report;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.WordFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables and figures in a draft: placed, replaced and removed in the report's locked save; bad images refused. */
@QuarkusTest
class ExhibitApiTest {

    static final List<List<String>> OUTPUT = List.of(List.of("年份", "产值（亿元）", "企业数"), List.of("2024", "280", "38"),
            List.of("2025", "310", "42"));

    @Inject
    Database db;

    @Test
    void shouldPlaceReplaceAndRemoveTablesAndFiguresInTheDraftsLockedSave() {
        long id = Fixtures.newReport(Accounts.HAICANG, Fixtures.uniqueChain());
        long v = Fixtures.version(Accounts.HAICANG, id);
        as(Accounts.HAICANG).body(Map.of("version", v, "sections", Map.of("COUNTY_INDUSTRY", "第一段。\n第二段。")))
                .put("/api/reports/{id}/draft", id).then().statusCode(200);

        ValidatableResponse table = placeTable(Accounts.HAICANG, id, v + 1, "表1 海沧区集成电路产值", 2, null).statusCode(200)
                .body("exhibit.caption", equalTo("海沧区集成电路产值"))
                .body("exhibit.rows[0][1]", equalTo("产值（亿元）"))
                .body("report.version", equalTo((int) v + 2));
        long tableId = ((Number) table.extract().path("exhibit.id")).longValue();
        ValidatableResponse figure = placeFigure(Accounts.HAICANG, id, v + 2, "产业创新链图谱", 1, null, WordFiles.png(400, 240)).statusCode(200)
                .body("exhibit.kind", equalTo("FIGURE")).body("exhibit.width", equalTo(400)).body("exhibit.height", equalTo(240))
                .body("exhibit.mediaType", equalTo("image/png"));
        long figureId = ((Number) figure.extract().path("exhibit.id")).longValue();
        String text = figure.extract().path("report.sections.COUNTY_INDUSTRY");
        assertThat(text).isEqualTo("第一段。\n〔图:" + figureId + "〕\n第二段。\n〔表:" + tableId + "〕");
        // Markers cost no 字: the two lines of text are 9 characters with their line break.
        figure.body("report.outline[0].length", equalTo(9)).body("report.exhibits", hasSize(2))
                .body("report.exhibits[0].id", equalTo((int) figureId));

        // A stale version (another tab saved since) is refused and writes nothing: no exhibit, no text.
        db.assertWritesNothing(() -> placeTable(Accounts.HAICANG, id, v + 2, "过期的表", 0, null).statusCode(409)
                .contentType("application/problem+json").body("detail", startsWith("报告已在别处被修改")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).delete("/api/reports/{id}/exhibits/{e}?version=" + (v + 2), id, figureId)
                .then().statusCode(409));
        // Only the author writes; readers of the report see the figure, others do not.
        db.assertWritesNothing(() -> placeTable(Accounts.XIAMEN, id, v + 3, "市里的表", 0, null).statusCode(403));
        db.assertWritesNothing(() -> placeTable(Accounts.HULI, id, v + 3, "邻县的表", 0, null).statusCode(403));
        byte[] served = as(Accounts.XIAMEN).get("/api/reports/{id}/exhibits/{e}/image", id, figureId).then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertThat(served).isEqualTo(WordFiles.png(400, 240));
        as(Accounts.HULI).get("/api/reports/{id}/exhibits/{e}/image", id, figureId).then().statusCode(403);
        as(Accounts.NINGDE).get("/api/reports/{id}/exhibits/{e}/image", id, figureId).then().statusCode(403);
        as(Accounts.GUTIAN).get("/api/reports/{id}/exhibits/{e}", id, figureId).then().statusCode(403);
        long other = Fixtures.newReport(Accounts.HAICANG, Fixtures.uniqueChain());
        as(Accounts.HAICANG).get("/api/reports/{id}/exhibits/{e}/image", other, figureId).then().statusCode(404);
        as(Accounts.HAICANG).get("/api/reports/{id}/exhibits/{e}/image", id, tableId).then().statusCode(404);
        // Another report's figure cannot be pulled in by typing its marker.
        long otherV = Fixtures.version(Accounts.HAICANG, other);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(Map.of("version", otherV,
                        "sections", Map.of("DOMESTIC_TRENDS", "趋势\n〔图:" + figureId + "〕"))).put("/api/reports/{id}/draft", other)
                .then().statusCode(400).body("detail", containsString("〔图:" + figureId + "〕 不是本报告的表格或图片")));

        // Editing a table writes a new one in the old one's place; the old one stays for the revisions.
        ValidatableResponse edited = placeTable(Accounts.HAICANG, id, v + 3, "海沧区集成电路产值（修订）", null, tableId).statusCode(200)
                .body("exhibit.replaces", equalTo((int) tableId));
        long newTableId = ((Number) edited.extract().path("exhibit.id")).longValue();
        assertThat((String) edited.extract().path("report.sections.COUNTY_INDUSTRY")).endsWith("第二段。\n〔表:" + newTableId + "〕");
        as(Accounts.HAICANG).delete("/api/reports/{id}/exhibits/{e}?version=" + (v + 4), id, figureId).then().statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo("第一段。\n第二段。\n〔表:" + newTableId + "〕"))
                .body("exhibits", hasSize(1)).body("version", equalTo((int) v + 5));
        as(Accounts.HAICANG).get("/api/reports/{id}/exhibits/{e}", id, tableId).then().statusCode(200)
                .body("caption", equalTo("海沧区集成电路产值"));

        // Submitted: the revision shows its table; the draft is no longer editable.
        Map<String, Object> complete = new HashMap<>(Fixtures.completeDraft(v + 5));
        @SuppressWarnings("unchecked")
        Map<String, Object> sections = new HashMap<>((Map<String, Object>) complete.get("sections"));
        sections.put("COUNTY_INDUSTRY", "第一段。\n〔表:" + newTableId + "〕");
        complete.put("sections", sections);
        as(Accounts.HAICANG).body(complete).put("/api/reports/{id}/draft", id).then().statusCode(200);
        as(Accounts.HAICANG).body(Map.of("version", v + 6)).post("/api/reports/{id}/submit", id).then().statusCode(200);
        as(Accounts.XIAMEN).get("/api/reports/{id}/revisions/1", id).then().statusCode(200)
                .body("exhibits[0].caption", equalTo("海沧区集成电路产值（修订）")).body("exhibits[0].rows", hasSize(3));
        db.assertWritesNothing(() -> placeTable(Accounts.HAICANG, id, v + 7, "提交后的表", 0, null).statusCode(409));
    }

    @Test
    void shouldRefuseBadTablesAndImagesInChineseAndWriteNothing() {
        long id = Fixtures.newReport(Accounts.HAICANG, Fixtures.uniqueChain());
        long v = Fixtures.version(Accounts.HAICANG, id);
        db.assertWritesNothing(() -> {
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, "GIF89a\u0001\u0000\u0001\u0000".getBytes()).statusCode(415)
                    .contentType("application/problem+json").body("detail", containsString("这个文件是 GIF 图片"));
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, withPngName()).statusCode(415);
            byte[] big = Arrays.copyOf(WordFiles.png(10, 10), 5 * 1024 * 1024 + 1);
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, big).statusCode(413).body("detail", containsString("超过 5 MB"));
            // 49 million pixels in a file of a few kilobytes: refused from its header, never decoded.
            byte[] bomb = WordFiles.binaryPng(7000, 7000);
            assertThat(bomb.length).isLessThan(100_000);
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, bomb).statusCode(413).body("detail", containsString("7000×7000 像素"));
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, WordFiles.binaryPng(8001, 10)).statusCode(413);
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, Arrays.copyOf(WordFiles.png(10, 10), 12)).statusCode(400)
                    .body("detail", containsString("已损坏"));
            placeFigure(Accounts.HAICANG, id, v, "图谱", null, null, new byte[0]).statusCode(400);
            placeFigure(Accounts.HAICANG, id, v, " ", null, null, WordFiles.png(10, 10)).statusCode(400).body("fields[0].field", equalTo("caption"));
            placeFigure(Accounts.HAICANG, id, v, "表3", null, null, WordFiles.png(10, 10)).statusCode(400).body("detail", containsString("题注"));
            as(Accounts.HAICANG).contentType("image/png").body(WordFiles.png(10, 10))
                    .post("/api/reports/{id}/exhibits/figures?version=abc&caption=x&section=COUNTY_INDUSTRY", id).then().statusCode(400);
            as(Accounts.HAICANG).contentType("image/png").body(WordFiles.png(10, 10))
                    .post("/api/reports/{id}/exhibits/figures?version=" + v + "&caption=x&section=NOPE", id).then().statusCode(400)
                    .body("fields[0].field", equalTo("section"));
            placeTable(Accounts.HAICANG, id, v, null, 0, null).statusCode(400).body("fields[0].field", equalTo("caption"));
            tableWith(id, v, List.of(List.of("只有表头"))).statusCode(400).body("detail", equalTo("表格至少要有表头和一行内容"));
            tableWith(id, v, java.util.Collections.nCopies(31, List.of("a"))).statusCode(400).body("detail", containsString("最多 30 行"));
            tableWith(id, v, List.of(java.util.Collections.nCopies(11, "列"), List.of("1"))).statusCode(400)
                    .body("detail", containsString("最多 10 列"));
            tableWith(id, v, List.of(List.of("表头"), List.of("x".repeat(201)))).statusCode(400)
                    .body("fields[0].field", equalTo("rows[1][0]"));
            tableWith(id, v, List.of(List.of("表头"), List.of("坏\u0007字符"))).statusCode(400)
                    .body("detail", containsString("控制字符"));
            placeTable(Accounts.HAICANG, id, v, "无此表", null, 987654L).statusCode(404);
        });
    }

    @Test
    void shouldKeepEachCountysTablesUnderItsNameInAMerge() {
        long campaign = Fixtures.openCampaign();
        long haicang = approvedWithTable(Accounts.HAICANG, campaign, "海沧区产值");
        long xiangan = approvedWithTable(Accounts.XIANGAN, campaign, "翔安区产值");
        long merged = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan), "chain", "集成电路产业链"))
                .post("/api/campaigns/" + campaign + "/merges").then().statusCode(201).extract().path("consolidatedReportId")).longValue();
        ValidatableResponse report = as(Accounts.XIAMEN).get("/api/reports/{id}", merged).then().statusCode(200)
                .body("exhibits", hasSize(2)).body("exhibits[0].caption", equalTo("海沧区产值"))
                .body("exhibits[1].caption", equalTo("翔安区产值"));
        String text = report.extract().path("sections.COUNTY_INDUSTRY");
        List<Integer> ids = report.extract().path("exhibits.id");
        // The sentence both counties wrote stands once under both names; each county's table under its own.
        assertThat(text).startsWith("【海沧区、翔安区】\n")
                .endsWith("【海沧区】\n〔表:" + ids.get(0) + "〕\n\n【翔安区】\n〔表:" + ids.get(1) + "〕");
        // Copies owned by the merged report, remembering their originals.
        List<Integer> originals = report.extract().path("exhibits.replaces");
        assertThat(originals).doesNotContainAnyElementsOf(ids);
        as(Accounts.XIAMEN).get("/api/reports/{id}/exhibits/{e}", merged, ids.get(0)).then().statusCode(200);
    }

    /**
     * Text taken from elsewhere brings its tables and figures along as the report's own copies: 复制上年报告 from last
     * year's report, and a merge's restore from the undone merge. Before, the markers still named the other report's
     * exhibits: the figures vanished from the report and its Word file, and every later save of the section was refused.
     */
    @Test
    void shouldGiveCopiedLastYearAndRestoredMergeTextTablesOfItsOwn() {
        int lastYear = Fixtures.freshYear();
        int thisYear = Fixtures.freshYear();
        String chain = Fixtures.uniqueChain();
        long earlier = ((Number) as(Accounts.ADMIN).body(Map.of("year", lastYear)).post("/api/campaigns").then()
                .statusCode(201).extract().path("id")).longValue();
        long old = Fixtures.declare(Accounts.HAICANG, earlier, chain).get(chain);
        long v = Fixtures.version(Accounts.HAICANG, old);
        as(Accounts.HAICANG).body(Fixtures.completeDraft(v)).put("/api/reports/{id}/draft", old).then().statusCode(200);
        long oldTable = ((Number) placeTable(Accounts.HAICANG, old, v + 1, "上年产值", null, null).statusCode(200)
                .extract().path("exhibit.id")).longValue();
        placeFigure(Accounts.HAICANG, old, v + 2, "上年图谱", null, null, WordFiles.png(60, 40)).statusCode(200);
        as(Accounts.HAICANG).body(Map.of("version", v + 3)).post("/api/reports/{id}/submit", old).then().statusCode(200);

        long campaign = ((Number) as(Accounts.ADMIN).body(Map.of("year", thisYear)).post("/api/campaigns").then()
                .statusCode(201).extract().path("id")).longValue();
        long report = Fixtures.declare(Accounts.HAICANG, campaign, chain).get(chain);
        ValidatableResponse copied = as(Accounts.HAICANG).body(Map.of("version", Fixtures.version(Accounts.HAICANG, report)))
                .post("/api/reports/{id}/copy-last-year", report).then().statusCode(200)
                .body("exhibits", hasSize(2)).body("exhibits[0].caption", equalTo("上年产值"))
                .body("exhibits[1].caption", equalTo("上年图谱"));
        List<Integer> ids = copied.extract().path("exhibits.id");
        assertThat(ids).doesNotContain((int) oldTable);
        String text = copied.extract().path("sections.COUNTY_INDUSTRY");
        assertThat(text).contains("〔表:" + ids.get(0) + "〕", "〔图:" + ids.get(1) + "〕");
        as(Accounts.HAICANG).get("/api/reports/{id}/exhibits/{e}/image", report, ids.get(1)).then().statusCode(200)
                .contentType("image/png");
        as(Accounts.HAICANG).body(Map.of("version", Fixtures.version(Accounts.HAICANG, report),
                "sections", Map.of("COUNTY_INDUSTRY", text + "\n今年补充。"))).put("/api/reports/{id}/draft", report).then().statusCode(200);

        // The same for a merge undone after the city edited it, then made again and restored.
        long mergeCampaign = Fixtures.openCampaign();
        long haicang = approvedWithTable(Accounts.HAICANG, mergeCampaign, "海沧区产值");
        long xiangan = approvedWithTable(Accounts.XIANGAN, mergeCampaign, "翔安区产值");
        String merges = "/api/campaigns/" + mergeCampaign + "/merges";
        ValidatableResponse first = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan))).post(merges).then().statusCode(201);
        long firstReport = ((Number) first.extract().path("consolidatedReportId")).longValue();
        String merged = as(Accounts.XIAMEN).get("/api/reports/{id}", firstReport).then().extract().path("sections.COUNTY_INDUSTRY");
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, firstReport),
                "sections", Map.of("COUNTY_INDUSTRY", merged + "\n市里补充。"))).put("/api/reports/{id}/draft", firstReport).then().statusCode(200);
        as(Accounts.XIAMEN).post(merges + "/" + first.extract().path("id") + "/undo").then().statusCode(200);
        ValidatableResponse second = as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan))).post(merges).then().statusCode(201);
        long secondReport = ((Number) second.extract().path("consolidatedReportId")).longValue();
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, secondReport)))
                .post(merges + "/" + second.extract().path("id") + "/restore").then().statusCode(200);
        ValidatableResponse restored = as(Accounts.XIAMEN).get("/api/reports/{id}", secondReport).then().statusCode(200)
                .body("exhibits", hasSize(2)).body("exhibits.caption", equalTo(List.of("海沧区产值", "翔安区产值")));
        String restoredText = restored.extract().path("sections.COUNTY_INDUSTRY");
        List<Integer> own = restored.extract().path("exhibits.id");
        assertThat(restoredText).endsWith("市里补充。").contains("〔表:" + own.get(0) + "〕", "〔表:" + own.get(1) + "〕");
        // Restored, it is no longer offered: the copies show the same tables, whatever their ids.
        as(Accounts.XIAMEN).get(merges).then().body("find { it.active }.previous", org.hamcrest.Matchers.nullValue());
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, secondReport)))
                .post(merges + "/" + second.extract().path("id") + "/restore").then().statusCode(409));
        as(Accounts.XIAMEN).body(Map.of("version", Fixtures.version(Accounts.XIAMEN, secondReport),
                "sections", Map.of("COUNTY_INDUSTRY", restoredText))).put("/api/reports/{id}/draft", secondReport).then().statusCode(200);
    }

    private static long approvedWithTable(String county, long campaign, String caption) {
        long id = Fixtures.declare(county, campaign, "集成电路产业链").get("集成电路产业链");
        long v = Fixtures.version(county, id);
        as(county).body(Fixtures.completeDraft(v)).put("/api/reports/{id}/draft", id).then().statusCode(200);
        placeTable(county, id, v + 1, caption, null, null).statusCode(200);
        as(county).body(Map.of("version", v + 2)).post("/api/reports/{id}/submit", id).then().statusCode(200);
        Fixtures.approve(Accounts.XIAMEN, id);
        return id;
    }

    static ValidatableResponse placeTable(String account, long id, long version, String caption, Integer afterLine, Long replaces) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("section", "COUNTY_INDUSTRY");
        body.put("caption", caption);
        body.put("rows", OUTPUT);
        body.put("afterLine", afterLine);
        body.put("replaces", replaces);
        return as(account).body(body).post("/api/reports/{id}/exhibits/tables", id).then();
    }

    private static ValidatableResponse tableWith(long id, long version, List<List<String>> rows) {
        return as(Accounts.HAICANG).body(Map.of("version", version, "section", "COUNTY_INDUSTRY", "caption", "表", "rows", rows))
                .post("/api/reports/{id}/exhibits/tables", id).then();
    }

    static ValidatableResponse placeFigure(String account, long id, long version, String caption, Integer afterLine, Long replaces,
                                           byte[] image) {
        var request = as(account).contentType("image/png").body(image).queryParam("version", version)
                .queryParam("section", "COUNTY_INDUSTRY").queryParam("caption", caption);
        if (afterLine != null) {
            request = request.queryParam("afterLine", afterLine);
        }
        if (replaces != null) {
            request = request.queryParam("replaces", replaces);
        }
        return request.post("/api/reports/{id}/exhibits/figures", id).then();
    }

    /** A PDF whose bytes a browser would send as "map.png": the name is not the content. */
    private static byte[] withPngName() {
        return "%PDF-1.7\n1 0 obj\n".getBytes();
    }
}
