package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Browser;
import cn.fjsti.chainreport.support.BrowserTest;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.WordFiles;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The editor's promises, in a real Chromium: a Word file is imported only after its preview is confirmed
 * (a file that is not Word is refused and changes nothing); a stale edit in a second tab is refused with
 * a readable message and the text typed there is kept and offered back; the keyboard alone can log in.
 */
@QuarkusTest
class UiEditingTest extends BrowserTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    Database database;

    @Test
    void shouldImportAWordFileOnlyAfterItsPreviewIsConfirmed() {
        long source = Fixtures.newReport(Accounts.HULI);
        as(Accounts.HULI).body(Fixtures.completeDraft(Fixtures.version(Accounts.HULI, source))).put("/api/reports/{id}/draft", source)
                .then().statusCode(200);
        byte[] word = as(Accounts.HULI).accept(DOCX).get("/api/reports/{id}/document", source).then().statusCode(200)
                .extract().asByteArray();
        long target = Fixtures.newReport(Accounts.HAICANG);
        Page page = browser.as(Accounts.HAICANG);
        page.navigate(browser.url("/reports/" + target));

        // Not a Word file: a readable refusal, nothing written.
        page.setInputFiles("#import-file", new FilePayload("报告.docx", DOCX, "这不是 Word 文件".getBytes(StandardCharsets.UTF_8)));
        database.assertWritesNothing(() -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览导入")).click();
            assertThat(page.locator("#import-problem")).not().isEmpty();
        });
        assertThat(page.locator("#import-problem")).not().containsText("Exception");

        // A real one: the preview lists what was recognised; only the confirmation writes it.
        page.setInputFiles("#import-file", new FilePayload("海沧报告.docx", DOCX, word));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览导入")).click();
        assertThat(page.locator("#import-dialog")).isVisible();
        assertThat(page.locator("#import-sections")).containsText("全县规上企业 42 家");
        assertThat(page.locator("#import-units")).containsText("识别到 1 行");
        assertThat(page.locator("#import-sections")).containsText("来自文件中的标题“1.产业现状”");
        assertThat(page.locator("#import-unrecognised")).containsText("已全部归入");
        assertThat(section(target, "COUNTY_INDUSTRY")).isNull();
        Browser.screenshot(page, "12-import-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入")).click();
        assertThat(page.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        // The page says at once what was filled and what was not.
        assertThat(page.locator("#flash")).containsText(Pattern.compile("已导入 Word 内容并保存为草稿：填入 \\d 个章节"));
        assertThat(page.locator("#flash")).containsText(Pattern.compile("未从文件中填入|必填的章节都已填入"));
        // The optional note under the units table is never reported as not filled.
        assertThat(page.locator("#flash")).not().containsText("优势单位（团队）");
        assertThat(section(target, "COUNTY_INDUSTRY")).isEqualTo("全县规上企业 42 家，2025 年产值 310 亿元。");
        assertThat((String) as(Accounts.HAICANG).get("/api/reports/{id}", target).then().extract().path("units[0].name"))
                .isEqualTo("福建农林大学");

        // Tables and a picture inside the sections are placed where they stood; an EMF drawing is named as not imported.
        long withExhibits = Fixtures.newReport(Accounts.HAICANG);
        page.navigate(browser.url("/reports/" + withExhibits));
        page.setInputFiles("#import-file", new FilePayload("图表报告.docx", DOCX,
                WordFiles.reportWithTableAndPicture(WordFiles.png(300, 180), new byte[] {1, 0, 0, 0}, false)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览导入")).click();
        assertThat(page.locator("#import-exhibits")).containsText("将放入 2 个表格、1 张图片");
        assertThat(page.locator("#import-exhibit-list")).containsText("海沧区生物医药产业创新链图谱");
        assertThat(page.locator("#import-not-placed")).containsText("请另存为 PNG 或 JPEG 后在编辑页添加");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入")).click();
        assertThat(page.locator("#flash")).containsText("放入 2 个表格、1 张图片；未导入 1 张图片");
        assertThat(page.locator("#exhibits-COUNTY_INDUSTRY")).containsText("海沧区生物医药主要指标（3 行 × 4 列）");
        assertThat(page.locator("#section-COUNTY_INDUSTRY")).hasValue(Pattern.compile("扩大。\n〔表:\\d+〕\n近两年[\\s\\S]*〔图:\\d+〕"));
        Browser.screenshot(page, "12b-import-tables-and-figures");
        assertThat((Integer) as(Accounts.HAICANG).get("/api/reports/{id}", withExhibits).then().extract().path("exhibits.size()")).isEqualTo(3);
    }

    @Test
    void shouldRefuseAStaleEditAndKeepTheTextTypedInIt() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        Page first = browser.as(Accounts.HAICANG);
        first.navigate(browser.url("/reports/" + report));
        Page second = first.context().newPage();
        second.navigate(browser.url("/reports/" + report));

        first.locator("#section-COUNTY_INDUSTRY").fill("第一个窗口写的内容。");
        assertThat(first.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));

        String mine = "第二个窗口里花了一小时写的内容。";
        second.locator("#section-DOMESTIC_TRENDS").fill(mine);
        assertThat(second.locator("#save-state")).hasText("未保存：内容已在别处修改");
        assertThat(second.locator("#editor-problem")).containsText("已在别处被修改");
        assertThat(second.locator("#section-DOMESTIC_TRENDS")).hasValue(mine);
        assertThat(section(report, "DOMESTIC_TRENDS")).isNull();
        assertThat(section(report, "COUNTY_INDUSTRY")).isEqualTo("第一个窗口写的内容。");
        Browser.screenshot(second, "13-stale-edit");

        // After reloading, the text typed in the refused tab is offered back and saved on request.
        second.onceDialog(d -> d.accept());
        second.reload();
        assertThat(second.locator("#restore-backup")).isVisible();
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("恢复这些内容")).click();
        assertThat(second.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        assertThat(section(report, "DOMESTIC_TRENDS")).isEqualTo(mine);
        assertThat(section(report, "COUNTY_INDUSTRY")).isEqualTo("第一个窗口写的内容。");
    }

    @Test
    void shouldLogInWithTheKeyboardAlone() {
        Page page = browser.anonymous();
        page.navigate(browser.url("/login"));
        assertThat(page.locator("#j_username")).isFocused();
        page.keyboard().type(Accounts.NINGDE);
        page.keyboard().press("Tab");
        page.keyboard().type(cn.fjsti.chainreport.support.Api.PASSWORD);
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/city$"));
    }

    @Test
    void shouldLetTheCountyReadItsInboxAndLowerTheUnreadCount() {
        long report = Fixtures.newReport(Accounts.XIANGAN);
        Fixtures.fillAndSubmit(Accounts.XIANGAN, report);
        as(Accounts.XIAMEN).body(Map.of("comment", "数据请更新到 2025 年。")).post("/api/reports/{id}/return", report)
                .then().statusCode(200);
        long unread = ((Number) as(Accounts.XIANGAN).get("/api/notifications").then().extract().path("unread")).longValue();
        Page page = browser.as(Accounts.XIANGAN);
        page.navigate(browser.url("/inbox"));
        assertThat(page.locator("#unread-total")).hasText(String.valueOf(unread));
        assertThat(page.locator("main")).containsText("数据请更新到 2025 年。");
        Browser.screenshot(page, "14-inbox");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("标为已读").setExact(true)).first().click();
        assertThat(page.locator("#unread-total")).hasText(String.valueOf(unread - 1));
    }

    private static String section(long report, String key) {
        String text = as(Accounts.HAICANG).get("/api/reports/{id}", report).then().statusCode(200).extract().path("sections." + key);
        return text == null || text.isEmpty() ? null : text;
    }
}
