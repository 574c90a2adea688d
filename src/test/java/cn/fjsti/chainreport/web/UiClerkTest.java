package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Browser;
import cn.fjsti.chainreport.support.BrowserTest;
import cn.fjsti.chainreport.support.Fixtures;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a clerk meets on the pages, at 1366×768 in Chromium: names in the header, help one click away (also
 * before logging in), a member county reading the merged report, a units row removed only after a
 * confirmation, downloads that say they are being prepared and when done, the print view and print styles,
 * the city approving several reports after one confirmation, the accounts list searched and paged, 操作 cells
 * inside their rows, and a readable 404. Screenshots: target/screenshots/2x-*.png.
 */
@QuarkusTest
class UiClerkTest extends BrowserTest {

    @Test
    void shouldLetAClerkGetThroughWithoutHelp() {
        long campaign = Fixtures.openCampaign();
        long haicang = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, "集成电路产业链");
        long huli = Fixtures.approvedInXiamen(Accounts.HULI, campaign, "集成电路产业链");
        long merged = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, huli), "chain", "厦门市集成电路产业链"))
                .post("/api/campaigns/{c}/merges", campaign).then().statusCode(201).extract().path("consolidatedReportId")).longValue();
        long draft = Fixtures.declare(Accounts.HAICANG, campaign, "生物医药产业链").get("生物医药产业链");
        long xiangan = Fixtures.declare(Accounts.XIANGAN, campaign, "新材料产业链").get("新材料产业链");
        long tongan = Fixtures.declare("350212", campaign, "食品加工产业链").get("食品加工产业链");
        Fixtures.fillAndSubmit(Accounts.XIANGAN, xiangan);
        Fixtures.fillAndSubmit("350212", tongan);

        // Help before logging in: from the login page, with how user names are formed and whom to ask.
        Page anonymous = browser.anonymous();
        anonymous.navigate(browser.url("/login"));
        assertThat(anonymous.locator("#username-rule")).containsText("6 位行政区划代码");
        anonymous.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("帮助").setExact(true)).click();
        assertThat(anonymous.locator("h1")).hasText("帮助");
        assertThat(anonymous.locator("#notice-h + article")).containsText("10月底前");

        // The county: its unit's name in the header, help in the navigation, 操作 cells inside their rows.
        Page county = browser.as(Accounts.HAICANG);
        assertThat(county.locator("#whoami")).hasText("海沧区科技局");
        assertThat(county.locator("header .who")).containsText("县级科技局");
        insideTheirRows(county, "td.actions");
        Browser.screenshot(county, "20-county-home");
        county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("帮助").setExact(true)).click();
        assertThat(county.locator("#outline-h + p + .outline-help")).containsText("技术攻关方向");
        assertThat(county.locator("#contacts-h + table")).containsText("刘丹，13290741853");
        Browser.screenshot(county, "21-help");

        // The merged report its report went into: read-only, titled with the city's name once.
        county.navigate(browser.url("/reports/" + haicang));
        county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("已合并到的市级报告（只读）")).click();
        assertThat(county.locator("h1")).hasText("厦门市集成电路产业创新链调研报告");
        assertThat(county.locator("#report-editor")).hasCount(0);
        assertThat(county.locator(".editor .text").first()).containsText("【海沧区");

        // A units row with text in it is removed only after a confirmation that names it.
        List<String> dialogs = new CopyOnWriteArrayList<>();
        county.onDialog(d -> dialogs.add(d.message()));
        county.navigate(browser.url("/reports/" + draft));
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("增加一行")).click();
        county.getByLabel("第 1 行 单位名称").fill("厦门大学");
        assertThat(county.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        assertThat(county.locator("#save-state")).not().containsText("版");
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除第 1 行")).click();
        assertThat(county.locator("#units-body tr")).hasCount(0);
        assertThat(dialogs).anyMatch(m -> m.contains("删除第 1 行“厦门大学”吗"));

        // A download says it is being prepared, then what it made.
        Download word = county.waitForDownload(() ->
                county.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载 Word")).first().click());
        // The file names its chain and its campaign's year.
        assertThat(word.suggestedFilename()).matches("海沧区县域重点产业创新链调研报告（生物医药产业链，\\d{4}年度）\\.docx");
        assertThat(county.locator(".download-status").first()).containsText("已生成：海沧区县域重点产业创新链调研报告");

        // The print view: the whole text, no navigation or buttons when printed.
        county.navigate(browser.url("/reports/" + merged + "/print"));
        county.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(county.locator("header.top")).isHidden();
        assertThat(county.locator("button[data-print]")).isHidden();
        assertThat(county.locator("h1")).hasText("厦门市集成电路产业创新链调研报告");
        assertThat(county.locator(".print-view")).containsText("湖里区】");
        Browser.screenshot(county, "22-report-print");

        // The city: two reports approved after one confirmation; the queue then is empty.
        Page city = browser.as(Accounts.XIAMEN);
        city.navigate(browser.url("/city?campaign=" + campaign));
        assertThat(city.locator("#whoami")).hasText("厦门市科技局");
        city.getByLabel("选择 翔安区 新材料产业链").check();
        city.getByLabel("选择 同安区 食品加工产业链").check();
        Browser.screenshot(city, "23-city-batch");
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("通过选中的报告")).click();
        // Approving completes two process tasks and notifies two counties: give the reload time on a loaded machine.
        assertThat(city.locator("#flash")).containsText("已批量审核通过",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(city.locator("#queue-h")).hasText("待审核（0）");
        assertThat(stage(xiangan)).isEqualTo("APPROVED");
        assertThat(stage(tongan)).isEqualTo("APPROVED");
        city.navigate(browser.url("/packages/" + Accounts.XIAMEN + "?campaign=" + campaign));
        assertThat(city.locator("ul.checklist")).hasCSS("list-style-type", "none");
        city.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(city.locator("header.top")).isHidden();
        Browser.screenshot(city, "24-package-print");

        // The institute's board printed: rows and late marks, no buttons.
        Page institute = browser.as(Accounts.INSTITUTE);
        institute.navigate(browser.url("/institute?campaign=" + campaign + "&q=厦门"));
        assertThat(institute.locator("#board tbody tr")).hasCount(1);
        institute.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(institute.locator("form.filters")).isHidden();
        Browser.screenshot(institute, "25-board-print");

        // The accounts: found by name, role in Chinese, codes only in the user-name column, rows hold their buttons.
        Page admin = browser.as(Accounts.ADMIN);
        admin.navigate(browser.url("/admin/accounts"));
        assertThat(admin.locator(".pager")).containsText("第 1 / ");
        admin.getByLabel("名称或用户名").fill("厦门");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查找")).click();
        // Every row found is a 厦门 account (another test may have added a second clerk there), 厦门市's own among them.
        assertThat(admin.locator("#accounts-table tbody tr", new Page.LocatorOptions().setHasNotText("厦门"))).hasCount(0);
        assertThat(admin.locator("#accounts-table tbody tr", new Page.LocatorOptions().setHasText(Accounts.XIAMEN)).first()).isVisible();
        assertThat(admin.locator("#accounts-table")).containsText("市级科技局");
        assertThat(admin.locator("#accounts-table")).not().containsText("CITY");
        admin.navigate(browser.url("/admin/accounts?role=COUNTY"));
        insideTheirRows(admin, "#accounts-table td.actions");
        Browser.screenshot(admin, "26-accounts");

        // An unknown address: a readable page with the way back and to help.
        admin.navigate(browser.url("/no/such/page"));
        assertThat(admin.locator("h1")).hasText("未找到");
        assertThat(admin.locator("main")).containsText("请求的地址不存在");
        Browser.screenshot(admin, "27-not-found");
    }

    /** Each cell lies within its row's box (a flex cell would float out of the row). */
    private static void insideTheirRows(Page page, String cells) {
        Locator all = page.locator(cells);
        assertThat(all.first()).isVisible();
        for (int i = 0; i < Math.min(all.count(), 10); i++) {
            Locator cell = all.nth(i);
            BoundingBox c = cell.boundingBox();
            BoundingBox row = cell.locator("xpath=..").boundingBox();
            assertThat(c.y).as("cell %d top", i).isGreaterThanOrEqualTo(row.y - 1);
            assertThat(c.y + c.height).as("cell %d bottom", i).isLessThanOrEqualTo(row.y + row.height + 1);
            assertThat((String) cell.evaluate("e => getComputedStyle(e).display")).isEqualTo("table-cell");
        }
    }

    private static String stage(long report) {
        return as(Accounts.XIAMEN).get("/api/reports/{id}", report).then().extract().path("stage");
    }
}
