package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Browser;
import cn.fjsti.chainreport.support.BrowserTest;
import cn.fjsti.chainreport.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * A county puts its statistics and its chain map in 一.1 from the editor: a block copied from a spreadsheet is
 * pasted into the table grid, the map uploaded as a PNG, and the Word download carries both, numbered.
 */
@QuarkusTest
class UiExhibitsTest extends BrowserTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void shouldPasteASpreadsheetTableAndUploadTheChainMapIntoTheWordFile() throws IOException {
        long report = Fixtures.newReport(Accounts.XIANGAN, Fixtures.uniqueChain());
        Page page = browser.as(Accounts.XIANGAN);
        page.navigate(browser.url("/reports/" + report));
        page.locator("#section-COUNTY_INDUSTRY").fill("翔安区产业概况。\n近两年产值见下表。");
        assertThat(page.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        assertThat(page.locator("#chain-map-hint")).containsText("产业创新链图谱");

        // A block copied from Excel: tab-separated cells, CRLF rows, a trailing line break.
        page.locator(".add-table[data-section=COUNTY_INDUSTRY]").click();
        page.locator("#table-caption").fill("翔安区平板显示产业主要指标");
        page.locator("#table-grid input").first().evaluate("(input, tsv) => { const dt = new DataTransfer();"
                + " dt.setData('text/plain', tsv); input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); }",
                "指标\t2024年\t2025年\t增长\r\n产值（亿元）\t280\t310\t10.7%\r\n规上企业（家）\t38\t42\t10.5%\r\n研发投入（亿元）\t9.6\t11.2\t16.7%\r\n");
        assertThat(page.locator("#table-grid tr")).hasCount(4);
        assertThat(page.locator("#table-grid tr").nth(3).locator("input").nth(3)).hasValue("16.7%");
        Browser.screenshot(page, "30-table-pasted");
        page.locator("#table-confirm").click();
        assertThat(page.locator("#exhibits-COUNTY_INDUSTRY")).containsText("翔安区平板显示产业主要指标（4 行 × 4 列）");
        assertThat(page.locator("#section-COUNTY_INDUSTRY")).hasValue(Pattern.compile("近两年产值见下表。\\n〔表:\\d+〕$"));
        assertThat(page.locator("#count-COUNTY_INDUSTRY")).hasText("18 / 20000 字");

        // The chain map: the caption is offered, the file checked by its content.
        page.locator("#section-COUNTY_INDUSTRY").click(new com.microsoft.playwright.Locator.ClickOptions()
                .setPosition(5, 5));
        page.locator(".add-figure[data-section=COUNTY_INDUSTRY]").click();
        // Offered as a placeholder: a clerk who clicks into the field and types gets only what was typed.
        assertThat(page.locator("#figure-caption")).hasValue("");
        assertThat(page.locator("#figure-caption")).hasAttribute("placeholder", Pattern.compile("^产业创新链图谱"));
        page.locator("#figure-caption").click();
        page.locator("#figure-caption").pressSequentially("翔安区平板显示产业创新链图谱");
        page.setInputFiles("#figure-file", new FilePayload("图谱.gif", "image/gif", "GIF89a".getBytes()));
        page.locator("#figure-confirm").click();
        assertThat(page.locator("#figure-problem")).containsText("只能上传 PNG 或 JPEG 图片");
        page.setInputFiles("#figure-file", new FilePayload("产业链图谱.png", "image/png", chainMap()));
        page.locator("#figure-confirm").click();
        assertThat(page.locator("#exhibits-COUNTY_INDUSTRY")).containsText("翔安区平板显示产业创新链图谱（1200×600 像素）");
        assertThat(page.locator("#section-COUNTY_INDUSTRY")).hasValue(Pattern.compile("^翔安区产业概况。\\n〔图:\\d+〕\\n近两年产值见下表。\\n〔表:\\d+〕$"));
        assertThat(page.locator("#chain-map-hint")).isHidden();
        Browser.screenshot(page, "31-table-and-chain-map");

        // The city reads the report with its table and map in place, numbered as in the Word file; the history
        // names the table and the figure.
        Page city = browser.as(Accounts.XIAMEN);
        city.navigate(browser.url("/reports/" + report));
        assertThat(city.locator("figure.exhibit figcaption").first()).hasText("图1　翔安区平板显示产业创新链图谱");
        assertThat(city.locator("figure.exhibit table td").last()).hasText("16.7%");
        assertThat(city.locator("figure.exhibit img")).hasJSProperty("naturalWidth", 1200);
        city.navigate(browser.url("/reports/" + report + "/history"));
        assertThat(city.locator("main")).containsText("：翔安区平板显示产业主要指标］");
        assertThat(city.locator("main")).not().containsText("〔表:");

        byte[] word = as(Accounts.XIANGAN).accept(DOCX).get("/api/reports/{id}/document", report).then().statusCode(200)
                .extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(word))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains("表1　翔安区平板显示产业主要指标", "\n图1　翔安区平板显示产业创新链图谱");
            assertThat(texts).noneMatch(t -> t.contains("〔"));
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("2024年");
            assertThat(table.getRow(3).getCell(3).getText()).isEqualTo("16.7%");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getAllPictures().get(0).getData()).isEqualTo(chainMap());
        }
    }

    private static byte[] chainMap() throws IOException {
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 600);
        g.setColor(new Color(0x2E75B6));
        for (int i = 0; i < 3; i++) {
            g.fillRoundRect(60 + i * 400, 200, 300, 200, 24, 24);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
