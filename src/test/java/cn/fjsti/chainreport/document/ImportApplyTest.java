package cn.fjsti.chainreport.document;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

/**
 * A Word file with a statistics table and a picture inside 一.1 (and a table in 二.1): the preview says where each
 * stands, confirming places them in one locked transaction (markers at their lines, the tables and figure created,
 * the units table replaced), and the Word download shows them in the official style. Refusals (stale version, another
 * county, a picture that is no image, a decompression bomb) write nothing.
 */
@QuarkusTest
class ImportApplyTest {

    private static final String DOCX = DocumentService.DOCX;
    static final List<List<String>> STATS = WordFiles.STATS;

    @Inject
    Database db;

    @Test
    void shouldPlaceTablesAndPicturesWhereTheyStoodInOneLockedTransaction() throws IOException {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        byte[] chainMap = WordFiles.png(300, 180);
        byte[] file = WordFiles.reportWithTableAndPicture(chainMap, new byte[] {1, 0, 0, 0}, false);

        ValidatableResponse preview = as(Accounts.HAICANG).contentType(DOCX).body(file).post("/api/reports/{id}/import", id).then()
                .statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo("海沧区生物医药产业规模逐年扩大。\n近两年主要指标稳步增长。\n链上企业分布如上图。"))
                .body("exhibits", hasSize(3))
                .body("exhibits[0].kind", equalTo("TABLE")).body("exhibits[0].section", equalTo("COUNTY_INDUSTRY"))
                .body("exhibits[0].afterLine", equalTo(1)).body("exhibits[0].caption", equalTo("海沧区生物医药主要指标"))
                .body("exhibits[0].captionFound", equalTo(true)).body("exhibits[0].rows", equalTo(STATS))
                .body("exhibits[1].kind", equalTo("FIGURE")).body("exhibits[1].afterLine", equalTo(2))
                .body("exhibits[1].caption", equalTo("海沧区生物医药产业创新链图谱")).body("exhibits[1].mediaType", equalTo("image/png"))
                .body("exhibits[1].width", equalTo(300)).body("exhibits[1].problem", equalTo(null))
                .body("exhibits[2].section", equalTo("DOMESTIC_INDUSTRY")).body("exhibits[2].captionFound", equalTo(false))
                // The units table is still the units table, never a data table; the EMF drawing cannot be placed.
                .body("units", hasSize(2)).body("units[0].name", equalTo("福建医科大学"))
                .body("notPlaced", hasSize(1)).body("notPlaced[0].where", containsString("请另存为 PNG 或 JPEG 后在编辑页添加"))
                .body("notPlaced[0].where", containsString("2.产业技术发展现状"));
        assertThat((String) preview.extract().path("notPlaced[0].where")).contains("EMF");
        as(Accounts.HAICANG).get("/api/reports/{id}", id).then().body("version", equalTo((int) v)).body("exhibits", hasSize(0));

        // Refused, and nothing written: a stale version, another county, the city (a reader, not the author), no version.
        db.assertWritesNothing(() -> {
            apply(Accounts.HAICANG, id, v + 1, file).statusCode(409).contentType("application/problem+json")
                    .body("detail", startsWith("报告已在别处被修改"));
            apply(Accounts.HULI, id, v, file).statusCode(403).contentType("application/problem+json");
            apply(Accounts.XIAMEN, id, v, file).statusCode(403);
            as(Accounts.HAICANG).contentType(DOCX).body(file).post("/api/reports/{id}/import/apply", id).then().statusCode(400)
                    .body("fields[0].field", equalTo("version"));
            apply(Accounts.HAICANG, id, v, "%PDF-1.7\n".getBytes()).statusCode(400).body("detail", containsString("PDF"));
            apply(Accounts.HAICANG, 987654L, v, file).statusCode(404);
        });

        ValidatableResponse applied = apply(Accounts.HAICANG, id, v, file).statusCode(200)
                .body("version", equalTo((int) v + 1)).body("exhibits", hasSize(3))
                .body("exhibits[0].caption", equalTo("海沧区生物医药主要指标")).body("exhibits[0].rows", equalTo(STATS))
                .body("exhibits[1].kind", equalTo("FIGURE")).body("exhibits[1].caption", equalTo("海沧区生物医药产业创新链图谱"))
                .body("exhibits[2].caption", equalTo("导入的表格（请补充题注）"))
                .body("units", hasSize(2)).body("units[1].kind", equalTo("ENTERPRISE"))
                .body("sections.COUNTY_TECHNOLOGY", equalTo("核心原料药依赖外购。"))
                // Markers cost no 字: the three lines of 一.1.
                .body("outline[0].length", equalTo(40));
        List<Integer> ids = applied.extract().path("exhibits.id");
        assertThat((String) applied.extract().path("sections.COUNTY_INDUSTRY")).isEqualTo("海沧区生物医药产业规模逐年扩大。\n〔表:" + ids.get(0)
                + "〕\n近两年主要指标稳步增长。\n〔图:" + ids.get(1) + "〕\n链上企业分布如上图。");
        assertThat((String) applied.extract().path("sections.DOMESTIC_INDUSTRY")).isEqualTo("国内生物医药产业保持两位数增长。\n〔表:" + ids.get(2) + "〕");
        assertThat(as(Accounts.XIAMEN).get("/api/reports/{id}/exhibits/{e}/image", id, ids.get(1)).then().statusCode(200)
                .contentType("image/png").extract().asByteArray()).isEqualTo(chainMap);
        // The same file again on the old version: the draft has moved on.
        db.assertWritesNothing(() -> apply(Accounts.HAICANG, id, v, file).statusCode(409));

        // The Word download shows the imported table and figure in the official style.
        byte[] word = as(Accounts.HAICANG).get("/api/reports/{id}/document", id).then().statusCode(200).extract().asByteArray();
        Path saved = Files.createDirectories(Path.of("target", "documents", "printed")).resolve("imported-with-exhibits.docx");
        Files.write(saved, word);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word))) {
            List<IBodyElement> body = doc.getBodyElements();
            int caption = indexOf(body, "表1　海沧区生物医药主要指标");
            XWPFTable table = (XWPFTable) body.get(caption + 1);
            assertThat(table.getRows()).hasSize(3).allMatch(XWPFTableRow::isCantSplitRow);
            assertThat(table.getRow(1).getCell(0).getText()).isEqualTo("规上工业产值");
            assertThat(((XWPFParagraph) body.get(indexOf(body, "图1　海沧区生物医药产业创新链图谱"))).getRuns().stream()
                    .mapToInt(r -> r.getEmbeddedPictures().size()).sum()).isEqualTo(1);
            assertThat(indexOf(body, "表2　导入的表格（请补充题注）")).isGreaterThan(caption);
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).isEqualTo(chainMap);
        }
        PrintedDocumentsTest.assertPassesOfficialFormat(saved, "--print");
    }

    @Test
    void shouldSayWhenTheFileIsAnotherRegionsReport() {
        // The shared example names 海沧区 in its title and parts.
        byte[] haicangFile = new RawDocx().add(RawDocx.p("海沧区县域重点产业创新链调研报告"))
                .add(RawDocx.p("一、海沧区生物医药县域重点产业发展现状")).add(RawDocx.p("1.产业现状")).add(RawDocx.p("规模逐年扩大。")).bytes();
        long huli = Fixtures.newReport(Accounts.HULI);
        db.assertWritesNothing(() -> as(Accounts.HULI).contentType(DOCX).body(haicangFile).post("/api/reports/{id}/import", huli).then()
                .statusCode(200).body("otherRegion", hasSize(1)).body("otherRegion[0]", containsString("海沧区"))
                .body("otherRegion[0]", containsString("湖里区")));
        long haicang = Fixtures.newReport(Accounts.HAICANG);
        as(Accounts.HAICANG).contentType(DOCX).body(haicangFile).post("/api/reports/{id}/import", haicang).then()
                .statusCode(200).body("otherRegion", hasSize(0));
        // A title that names the county's own city as well as the county is the county's own.
        byte[] withCity = new RawDocx().add(RawDocx.p("厦门市湖里区县域重点产业创新链调研报告")).add(RawDocx.p("1.产业现状")).bytes();
        as(Accounts.HULI).contentType(DOCX).body(withCity).post("/api/reports/{id}/import", huli).then()
                .statusCode(200).body("otherRegion", hasSize(0));
    }

    @Test
    void shouldRefuseAPictureThatIsNoImageOrADecompressionBombAndWriteNothing() throws IOException {
        long id = Fixtures.newReport(Accounts.HAICANG);
        long v = Fixtures.version(Accounts.HAICANG, id);
        // A PDF stored as image1.png: the preview names the problem, confirming refuses the whole import.
        byte[] fake = WordFiles.reportWithTableAndPicture("%PDF-1.7\n1 0 obj\n".getBytes(), null, false);
        as(Accounts.HAICANG).contentType(DOCX).body(fake).post("/api/reports/{id}/import", id).then().statusCode(200)
                .body("exhibits[1].kind", equalTo("FIGURE")).body("exhibits[1].problem", containsString("是 PDF 文件"));
        // 49 million pixels in a few kilobytes: refused from its header, never decoded.
        byte[] bomb = WordFiles.reportWithTableAndPicture(WordFiles.binaryPng(7000, 7000), null, false);
        assertThat(bomb.length).isLessThan(200_000);
        db.assertWritesNothing(() -> {
            apply(Accounts.HAICANG, id, v, fake).statusCode(415).contentType("application/problem+json")
                    .body("detail", containsString("1.产业现状")).body("detail", containsString("未保存任何内容"))
                    .body("fields[0].field", equalTo("exhibits[1]"));
            apply(Accounts.HAICANG, id, v, bomb).statusCode(413).body("detail", containsString("7000×7000 像素"));
            // A section over its 20,000 字 with a table in it: the tables are not kept either.
            apply(Accounts.HAICANG, id, v, WordFiles.reportWithTableAndPicture(WordFiles.png(10, 10), null, true)).statusCode(400)
                    .body("detail", containsString("不能超过 20000 个字"));
        });
    }

    private static ValidatableResponse apply(String account, long id, long version, byte[] file) {
        return as(account).contentType(DOCX).body(file).queryParam("version", version).post("/api/reports/{id}/import/apply", id).then();
    }

    private static int indexOf(List<IBodyElement> body, String text) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).getElementType() == BodyElementType.PARAGRAPH && ((XWPFParagraph) body.get(i)).getText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph " + text);
    }
}
