package cn.fjsti.chainreport.document;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentResourceTest {

    private static final String DOCX = DocumentService.DOCX;

    @Inject
    Database db;

    private static byte[] download(String account, String path, Object... params) {
        return as(account).get(path, params).then().statusCode(200).extract().asByteArray();
    }

    private static XWPFDocument word(byte[] bytes, String keepAs) throws IOException {
        Files.createDirectories(Path.of("target", "documents"));
        Files.write(Path.of("target", "documents", keepAs), bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    @Test
    void shouldDownloadAReportInTheOfficialFormatWithinScope() throws IOException {
        long id = Fixtures.declare(Accounts.HAICANG, Fixtures.openCampaign(), "集成电路产业链").get("集成电路产业链");
        Fixtures.fillAndSubmit(Accounts.HAICANG, id);
        as(Accounts.HAICANG).get("/api/reports/{id}/document", id).then().statusCode(200)
                .contentType(DOCX)
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%B5%B7%E6%B2%A7"));
        try (XWPFDocument doc = word(download(Accounts.XIAMEN, "/api/reports/{id}/document", id), "county-report.docx")) {
            assertThat(texts(doc)).startsWith("海沧区县域重点产业创新链调研报告", "（集成电路产业链）", "一、海沧区县域重点产业发展现状", "1.产业现状",
                    "全县规上企业 42 家，2025 年产值 310 亿元。");
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("福建农林大学");
        }
        as(Accounts.HULI).get("/api/reports/{id}/document", id).then().statusCode(403).contentType("application/problem+json");
        as(Accounts.FUZHOU).get("/api/reports/{id}/document", id).then().statusCode(403);
        as(Accounts.HAICANG).get("/api/reports/987654/document").then().statusCode(404);
    }

    @Test
    void shouldPreviewAnImportWithoutSavingAndSaveOnConfirmation() throws IOException {
        long source = Fixtures.newReport(Accounts.XIANGAN);
        Fixtures.fillAndSubmit(Accounts.XIANGAN, source);
        byte[] docx = download(Accounts.XIANGAN, "/api/reports/{id}/document", source);
        long target = Fixtures.newReport(Accounts.XIANGAN);

        Map<String, Object> preview = as(Accounts.XIANGAN).contentType(DOCX).body(docx).post("/api/reports/{id}/import", target)
                .then().statusCode(200)
                .body("sections.INDUSTRY_MEASURES", equalTo("强链补链，培育链主企业。"))
                .body("units[0].name", equalTo("福建农林大学"))
                .body("units[0].kind", equalTo("UNIVERSITY"))
                .body("missingSections", hasSize(0))
                .extract().as(Map.class);
        as(Accounts.XIANGAN).get("/api/reports/{id}", target).then().body("sections.INDUSTRY_MEASURES", equalTo(""));

        as(Accounts.XIANGAN).body(Map.of("version", preview.get("version"), "sections", preview.get("sections"), "units", preview.get("units")))
                .put("/api/reports/{id}/draft", target).then().statusCode(200)
                .body("sections.INDUSTRY_MEASURES", equalTo("强链补链，培育链主企业。"));
        as(Accounts.XIANGAN).body(Map.of("version", preview.get("version"), "sections", preview.get("sections")))
                .put("/api/reports/{id}/draft", target).then().statusCode(409);
    }

    @Test
    void shouldImportWordFilesAsClerksWriteThemAndKeepExactlyTheirTextOnConfirmation() throws IOException {
        long target = Fixtures.newReport(Accounts.XIANGAN);
        byte[] doc = Files.readAllBytes(Path.of("src/test/resources/import-corpus/21a-word97.doc"));
        as(Accounts.XIANGAN).contentType("application/octet-stream").body(doc).post("/api/reports/{id}/import", target)
                .then().statusCode(200)
                .body("sections.COUNTY_TECHNOLOGY", equalTo("高端装备与材料依赖进口。"))
                .body("sourceHeadings.COUNTY_TECHNOLOGY", equalTo("2.产业技术发展现状、技术瓶颈"))
                .body("units", hasSize(2));

        byte[] stats = Files.readAllBytes(Path.of("src/test/resources/import-corpus/10-stats-table-in-section.docx"));
        as(Accounts.XIANGAN).contentType(DOCX).body(stats).post("/api/reports/{id}/import", target).then().statusCode(200)
                .body("notPlaced", hasSize(0))
                .body("exhibits", hasSize(1))
                .body("exhibits[0].kind", equalTo("TABLE"))
                .body("exhibits[0].section", equalTo("COUNTY_INDUSTRY"))
                .body("exhibits[0].where", containsString("1.产业现状"))
                .body("units", hasSize(2));

        byte[] boxes = Files.readAllBytes(Path.of("src/test/resources/import-corpus/g-text-boxes-jinjiang.docx"));
        Map<String, Object> preview = as(Accounts.XIANGAN).contentType(DOCX).body(boxes).post("/api/reports/{id}/import", target)
                .then().statusCode(200).body("notPlaced", hasSize(0)).extract().as(Map.class);
        as(Accounts.XIANGAN).body(Map.of("version", preview.get("version"), "sections", preview.get("sections"), "units", preview.get("units")))
                .put("/api/reports/{id}/draft", target).then().statusCode(200);
        try (XWPFDocument word = word(download(Accounts.XIANGAN, "/api/reports/{id}/document", target), "imported-text-boxes.docx")) {
            List<String> texts = texts(word);
            assertThat(texts).containsSubsequence("1.产业现状", "晋江市纺织鞋服产业集群规模超3000亿元。", "2.产业技术发展现状、技术瓶颈",
                    "高端面料与智能制造装备依赖进口。");
            assertThat(texts).containsSubsequence("1.产业现状", "国内纺织服装产业加快转型升级。", "品牌集中度提高。");
            assertThat(texts.stream().filter(t -> t.equals("国内纺织服装产业加快转型升级。"))).hasSize(1);
            assertThat(word.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo("某某体育用品有限公司");
        }

        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType("application/octet-stream").body("%PDF-1.7\n".getBytes())
                .post("/api/reports/{id}/import", target).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("PDF")).body("fields[0].field", equalTo("file")));
    }

    @Test
    void shouldRefuseBadUploadsAndWriteNothing() {
        long target = Fixtures.newReport(Accounts.XIANGAN);
        byte[] valid = HostileFiles.validDocx();
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(HostileFiles.renamedExe())
                .post("/api/reports/{id}/import", target).then().statusCode(400).contentType("application/problem+json")
                .body("fields[0].field", equalTo("file")));
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(HostileFiles.zipBomb())
                .post("/api/reports/{id}/import", target).then().statusCode(400).body("detail", containsString("解压后过大")));
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(HostileFiles.externalEntity())
                .post("/api/reports/{id}/import", target).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(containsString("root:"))));
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(new byte[11 * 1024 * 1024])
                .post("/api/reports/{id}/import", target).then().statusCode(413).contentType("application/problem+json"));
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType("text/plain").body("hello")
                .post("/api/reports/{id}/import", target).then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString(".docx")).body("detail", containsString("application/octet-stream")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).contentType(DOCX).body(valid)
                .post("/api/reports/{id}/import", target).then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).contentType(DOCX).body(valid)
                .post("/api/reports/{id}/import", target).then().statusCode(403));
        Fixtures.fillAndSubmit(Accounts.XIANGAN, target);
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(valid)
                .post("/api/reports/{id}/import", target).then().statusCode(409));
    }

    @Test
    void shouldWriteTheBundleTheSummaryTheBoardAndTheCompilation() throws IOException {
        long campaign = Fixtures.openCampaign();
        long report = Fixtures.declare(Accounts.PINGTAN, campaign, "海洋渔业产业链").get("海洋渔业产业链");
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);
        as(Accounts.PINGTAN_ZONE).post("/api/campaigns/{c}/packages/PTZ/send", campaign).then().statusCode(200);
        String pkg = "/api/campaigns/{c}/packages/PTZ";

        try (XWPFDocument doc = word(download(Accounts.PINGTAN_ZONE, pkg + "/bundle", campaign), "bundle.docx")) {
            assertThat(texts(doc)).startsWith("平潭综合实验区县域重点产业创新链调研报告汇编")
                    .contains("平潭综合实验区经济发展局", "目　　录", "平潭县县域重点产业创新链调研报告", "（海洋渔业产业链）");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(Accounts.INSTITUTE, pkg + "/summary", campaign)))) {
            var sheet = book.getSheetAt(0);
            // Title, 数据截至…, header, then one row per report.
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("产业链");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("平潭县");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("食品");
            assertThat(sheet.getRow(3).getCell(8).getLocalDateTimeCellValue()).isNotNull();
            assertThat(sheet.getRow(3).getCell(9).getStringCellValue()).isEqualTo("按期");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(Accounts.INSTITUTE, "/api/campaigns/{c}/board/export", campaign)))) {
            // Title, 数据截至…, header, ten units, totals.
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(13);
        }
        try (XWPFDocument doc = word(download(Accounts.INSTITUTE, "/api/campaigns/{c}/compilation", campaign), "compilation.docx")) {
            assertThat(texts(doc)).contains("一、食品", "（一）海洋渔业产业链", "报告来源：平潭综合实验区平潭县。", "1.技术瓶颈（2条）",
                    "（1）关键装备依赖进口，检测能力不足。（平潭综合实验区平潭县；计1个）", "2.研究方向（1条）",
                    "（1）攻关高效制备工艺与在线检测技术。（平潭综合实验区平潭县；计1个）");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(Accounts.INSTITUTE, "/api/campaigns/{c}/compilation/items", campaign)))) {
            var sheet = book.getSheetAt(0);
            // Title, 数据截至…, header, then the three items.
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("食品");
            assertThat(sheet.getRow(5).getCell(3).getStringCellValue()).isEqualTo("研究方向");
            assertThat(sheet.getRow(5).getCell(5).getStringCellValue()).isEqualTo("平潭县");
            assertThat(sheet.getRow(5).getCell(6).getStringCellValue()).isEqualTo("平潭综合实验区");
        }

        for (String outsider : List.of(Accounts.XIAMEN, Accounts.PINGTAN)) {
            as(outsider).get(pkg + "/bundle", campaign).then().statusCode(403);
            as(outsider).get(pkg + "/summary", campaign).then().statusCode(403);
        }
        for (String notProvince : List.of(Accounts.PINGTAN_ZONE, Accounts.PINGTAN)) {
            as(notProvince).get("/api/campaigns/{c}/board/export", campaign).then().statusCode(403);
            as(notProvince).get("/api/campaigns/{c}/compilation", campaign).then().statusCode(403);
            as(notProvince).get("/api/campaigns/{c}/compilation/items", campaign).then().statusCode(403).contentType("application/problem+json");
        }
    }

    /**
     * The compilation is made once per content in the background (issue 23 item 2): a second download reuses the
     * files; a build that fails (OutOfMemoryError) is reported with a retry, never a 500; returning, sending again
     * unchanged or accepting the package builds nothing again, an edited report does; a build still running answers
     * 202 with its progress in problem+json (two requests, one build), shown on the institute's page; only the
     * institute and administrators.
     */
    @Test
    void shouldBuildTheCompilationOnceInTheBackgroundWithProgressAndARetry() throws Exception {
        String chain = cn.fjsti.chainreport.support.ControlledCompilationReader.CHAIN;
        var reads = cn.fjsti.chainreport.support.ControlledCompilationReader.READS;
        long campaign = Fixtures.openCampaign();
        long report = Fixtures.declare(Accounts.PINGTAN, campaign, chain).get(chain);
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);
        String ptz = "/api/campaigns/" + campaign + "/packages/PTZ";
        String compilation = "/api/campaigns/" + campaign + "/compilation";
        as(Accounts.PINGTAN_ZONE).post(ptz + "/send").then().statusCode(200);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200)
                .body("state", equalTo("NONE")).body("total", equalTo(1));

        // The first build fails for lack of memory: 503 problem, the page offers 重新生成, which builds.
        int before = reads.get();
        cn.fjsti.chainreport.support.ControlledCompilationReader.FAILURES.set(1);
        as(Accounts.INSTITUTE).get(compilation).then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("服务器内存不足"));
        as(Accounts.INSTITUTE).get(compilation + "/items").then().statusCode(503);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200)
                .body("state", equalTo("FAILED")).body("retry", equalTo(true));
        assertThat(as(Accounts.INSTITUTE).accept("text/html").get("/institute?campaign=" + campaign).then().statusCode(200)
                .extract().asString()).contains("服务器内存不足", "重新生成汇编");
        assertThat(reads.get() - before).isZero();
        as(Accounts.INSTITUTE).post(compilation + "/build").then().statusCode(202).body("state", org.hamcrest.Matchers.not("FAILED"));
        awaitState(compilation, "DONE");
        byte[] first = download(Accounts.INSTITUTE, compilation);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200)
                .body("state", equalTo("DONE")).body("running", equalTo(false)).body("message", containsString("汇编已生成"));
        // Both files from one build; the same bytes again.
        assertThat(download(Accounts.ADMIN, compilation)).isEqualTo(first);
        download(Accounts.INSTITUTE, compilation + "/items");
        assertThat(reads.get() - before).isEqualTo(1);

        // Returned: the same reports in the same versions, so the same compilation; nothing is built again.
        as(Accounts.INSTITUTE).body(Map.of("comment", "请补充技术瓶颈")).post(ptz + "/return").then().statusCode(200);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200).body("state", equalTo("DONE"));
        assertThat(download(Accounts.INSTITUTE, compilation)).isEqualTo(first);
        assertThat(reads.get() - before).isEqualTo(1);

        // The city reopens the report and the county changes it: another content, built on the next download.
        as(Accounts.PINGTAN_ZONE).body(Map.of()).post("/api/reports/{id}/reopen", report).then().statusCode(200);
        Fixtures.fillAndSubmit(Accounts.PINGTAN, report);
        Fixtures.approve(Accounts.PINGTAN_ZONE, report);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200).body("state", equalTo("NONE"));

        // Sent again while a build is held: 202 with progress to two requesters at once, one build.
        as(Accounts.PINGTAN_ZONE).post(ptz + "/send").then().statusCode(200);
        cn.fjsti.chainreport.support.ControlledCompilationReader.close();
        try {
            var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> as(Accounts.ADMIN).get(compilation + "/items").statusCode());
            as(Accounts.INSTITUTE).get(compilation).then().statusCode(202).contentType("application/problem+json")
                    .header("Retry-After", "3")
                    .body("detail", equalTo("汇编正在生成，已完成 0/1")).body("compilation.state", equalTo("READING"));
            assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(202);
            String page = as(Accounts.INSTITUTE).accept("text/html").get("/institute?campaign=" + campaign)
                    .then().statusCode(200).extract().asString();
            assertThat(page).contains("data-running=\"true\">汇编正在生成，已完成 0/1</p>").doesNotContain("重新生成汇编");
        } finally {
            cn.fjsti.chainreport.support.ControlledCompilationReader.open();
        }
        awaitState(compilation, "DONE");
        byte[] second = download(Accounts.INSTITUTE, compilation);
        assertThat(reads.get() - before).isEqualTo(2);

        // Accepted: the content is the same, the files too; 重新生成 on a finished build builds nothing either.
        as(Accounts.INSTITUTE).body(Map.of()).post(ptz + "/accept").then().statusCode(200);
        as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200).body("state", equalTo("DONE"));
        as(Accounts.INSTITUTE).post(compilation + "/build").then().statusCode(202).body("state", equalTo("DONE"));
        assertThat(download(Accounts.INSTITUTE, compilation)).isEqualTo(second);
        assertThat(reads.get() - before).isEqualTo(2);

        for (String outsider : List.of(Accounts.PINGTAN_ZONE, Accounts.PINGTAN)) {
            as(outsider).get(compilation + "/status").then().statusCode(403).contentType("application/problem+json");
            as(outsider).post(compilation + "/build").then().statusCode(403).contentType("application/problem+json");
            as(outsider).accept("text/html").get("/institute?campaign=" + campaign).then().statusCode(403);
        }
        as(Accounts.INSTITUTE).get("/api/campaigns/999999/compilation/status").then().statusCode(404);
        assertThat(reads.get() - before).isEqualTo(2);
    }

    private static void awaitState(String compilation, String state) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (state.equals(as(Accounts.INSTITUTE).get(compilation + "/status").then().statusCode(200).extract().path("state"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the compilation did not reach " + state);
    }
}
