package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Browser;
import cn.fjsti.chainreport.support.BrowserTest;
import cn.fjsti.chainreport.support.Fixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The administrator's pages in a real Chromium: open a campaign with a pilot county, manage an account. */
@QuarkusTest
class UiAdminTest extends BrowserTest {

    @Test
    void shouldOpenACampaignWithItsDeadlineAndPilotCounty() {
        int year = Fixtures.freshYear();
        Page page = browser.as(Accounts.ADMIN);
        assertThat(page).hasURL(Pattern.compile("/admin$"));

        // A refused opening shows the API's message next to the field and opens nothing.
        page.getByLabel("年度").fill("1999");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开启调研工作")).click();
        assertThat(page.locator("#open-campaign .problem")).containsText("年度不能早于 2020");
        assertThat(page.locator("#year")).hasAttribute("aria-invalid", "true");

        page.getByLabel("年度").fill(String.valueOf(year));
        page.getByLabel("报送截止时间（北京时间；不填则为当年 10 月 31 日 23:59:59）").fill(year + "-10-20T17:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("增加试点县")).click();
        page.getByLabel("试点县（市、区）").selectOption(Accounts.GUTIAN);
        page.getByLabel("指定产业链（每行一条）").fill("锂电新能源产业链\n食用菌产业链");
        Browser.screenshot(page, "15-admin-open-campaign");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开启调研工作")).click();
        assertThat(page.locator("#flash")).containsText("调研工作已开启");
        Locator row = page.locator("table[aria-labelledby=list-h] tr", new Page.LocatorOptions().setHasText(String.valueOf(year)));
        assertThat(row).containsText(year + "年10月20日 17:30:00");
        assertThat(row).containsText("古田县：锂电新能源产业链、食用菌产业链");

        List<Map<String, Object>> campaigns = as(Accounts.ADMIN).get("/api/campaigns").then().extract().path("findAll { it.year == " + year + " }");
        assertThat(campaigns).hasSize(1);
        assertThat(campaigns.get(0).get("deadline")).isEqualTo(year + "-10-20T17:30:00+08:00");
    }

    @Test
    void shouldExtendOneUnitsDeadlineFromThePage() {
        long campaign = Fixtures.openCampaign();
        String deadline = as(Accounts.ADMIN).get("/api/campaigns/{c}", campaign).then().extract().path("deadline");
        int year = Integer.parseInt(deadline.substring(0, 4));
        Page page = browser.as(Accounts.ADMIN);
        page.getByLabel("延期的调研工作").selectOption(String.valueOf(campaign));
        page.getByLabel("延期范围").selectOption("/packages/" + Accounts.XIAMEN + "/deadline");
        // An earlier time is refused next to the field, and nothing moves.
        page.getByLabel("延期后的报送截止时间（北京时间）").fill(year + "-10-01T12:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("延期").setExact(true)).click();
        assertThat(page.locator("#extend-deadline .problem")).not().isEmpty();
        page.getByLabel("延期后的报送截止时间（北京时间）").fill(year + "-11-15T17:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("延期").setExact(true)).click();
        assertThat(page.locator("#flash")).containsText("已延期");
        Browser.screenshot(page, "17-admin-extend-deadline");
        assertThat(as(Accounts.XIAMEN).get("/api/campaigns/{c}/packages/{u}", campaign, Accounts.XIAMEN).then().extract()
                .<String>path("deadline")).isEqualTo(year + "-11-15T17:30:00+08:00");
        assertThat(as(Accounts.FUZHOU).get("/api/campaigns/{c}/packages/{u}", campaign, Accounts.FUZHOU).then().extract()
                .<String>path("deadline")).isEqualTo(deadline);
    }

    @Test
    void shouldCreateDisableAndEnableAnAccount() {
        String username = "ui-" + System.nanoTime() % 1_000_000;
        Page page = browser.as(Accounts.ADMIN);
        page.navigate(browser.url("/admin/accounts"));
        // The search form above the list has its own labels (名称或用户名, 按角色, 按地区): the creation form's are exact.
        page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("显示名称（可不填）").fill("同安区科技局业务员");
        page.getByLabel("角色", new Page.GetByLabelOptions().setExact(true)).selectOption("COUNTY");
        page.getByLabel("所属地区").selectOption("350212");
        page.locator("#password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("建立账号")).click();
        assertThat(page.locator("form[data-url='/api/accounts'] .problem")).containsText("密码至少 10 位");
        assertThat(as(Accounts.ADMIN).get("/api/accounts").then().extract().<List<String>>path("username")).doesNotContain(username);

        page.locator("#password").fill("Tongan-2026-ok");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("建立账号")).click();
        assertThat(page.locator("#flash")).containsText("账号已建立");
        // The list then shows the new account (found by its user name), whatever page it would be on.
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/accounts\\?q=" + username + "$"));
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(username));
        assertThat(row).containsText("同安区");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用")).click();
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(username))).containsText("已停用");
        Browser.screenshot(page, "16-admin-accounts");
        page.locator("tr", new Page.LocatorOptions().setHasText(username))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("启用")).click();
        // Wait for the page after the enabling: the row's 启用 button alone would match "启用" before it is done.
        Locator enabled = page.locator("tr", new Page.LocatorOptions().setHasText(username));
        assertThat(enabled).not().containsText("已停用");
        assertThat(enabled.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用"))).isVisible();
        assertThat(as(Accounts.ADMIN).get("/api/accounts").then().extract()
                .<Boolean>path("find { it.username == '" + username + "' }.enabled")).isTrue();
    }

    @Test
    void shouldTakeNoClickOnAnApiFormUntilThePageScriptHasWiredIt() {
        String url = browser.url("/admin/accounts");
        // Without app.js (still loading, or blocked), a click would send the form to the page's own address with its
        // fields in the URL (a new password among them): the buttons of the forms that go to the API take no clicks.
        Page bare = browser.as(Accounts.ADMIN);
        bare.route("**/static/app.js", Route::abort);
        bare.navigate(url);
        Locator disable = bare.locator("form[data-url$='/disable'] button").first();
        assertThat(disable.evaluate("b => getComputedStyle(b).pointerEvents")).isEqualTo("none");
        assertThatThrownBy(() -> disable.click(new Locator.ClickOptions().setTimeout(1_000)))
                .isInstanceOf(PlaywrightException.class);
        assertThat(bare.url()).isEqualTo(url);

        // With it, as always.
        Page wired = browser.as(Accounts.ADMIN);
        wired.navigate(url);
        assertThat(wired.locator("html")).not().hasClass(Pattern.compile("wiring"));
        assertThat(wired.locator("form[data-url$='/disable'] button").first().evaluate("b => getComputedStyle(b).pointerEvents"))
                .isEqualTo("auto");
    }
}
