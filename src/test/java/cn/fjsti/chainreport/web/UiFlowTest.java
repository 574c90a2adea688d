package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Browser;
import cn.fjsti.chainreport.support.BrowserTest;
import cn.fjsti.chainreport.support.Fixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The season through the pages, in a real headless Chromium: a county drafts (autosave, counters, a refused
 * submission listing what is missing), submits; the city returns it with a comment; the county sees the
 * comment beside its text, fixes and resubmits; the city approves, merges two counties' duplicate chain
 * through the wizard, submits the consolidated report and sends its package; the institute sees it on the
 * board and accepts it. The other Xiamen counties are prepared through the API so the package is complete.
 */
@QuarkusTest
class UiFlowTest extends BrowserTest {

    private static final String CHAIN = "集成电路产业链";

    @Test
    void shouldCarryAReportFromCountyDraftToInstituteAcceptanceThroughThePages() {
        long campaign = Fixtures.openCampaign();
        Map<String, String> others = Map.of("350203", "软件和信息服务产业链", "350211", "机械装备产业链",
                "350212", "食品加工产业链", Accounts.XIANGAN, "新材料产业链");
        others.forEach((county, chain) -> {
            long id = Fixtures.declare(county, campaign, chain).get(chain);
            Fixtures.fillAndSubmit(county, id);
            Fixtures.approve(Accounts.XIAMEN, id);
        });
        long huli = Fixtures.declare(Accounts.HULI, campaign, CHAIN).get(CHAIN);
        Fixtures.fillAndSubmit(Accounts.HULI, huli);
        Fixtures.approve(Accounts.XIAMEN, huli);

        // The county declares its chain and opens the report.
        Page county = browser.as(Accounts.HAICANG);
        assertThat(county).hasURL(Pattern.compile("/county$"));
        county.navigate(browser.url("/county?campaign=" + campaign));
        county.getByLabel("新增产业链（每行一条，可填写多条）").fill(CHAIN);
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("申报")).click();
        assertThat(county.locator("#flash")).containsText("产业链已申报");
        Browser.screenshot(county, "01-county-home");
        county.locator("table[aria-labelledby=reports-h]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(CHAIN)).click();
        long report = Long.parseLong(county.url().replaceAll(".*/reports/(\\d+).*", "$1"));

        // Autosave with a visible state and a character count; the text reaches the server.
        String first = "海沧区集成电路产业已形成设计、制造、封测的完整链条，2025 年规上产值 420 亿元。";
        county.locator("#section-COUNTY_INDUSTRY").fill(first);
        assertThat(county.locator("#count-COUNTY_INDUSTRY")).hasText(first.length() + " / 20000 字");
        assertThat(county.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        assertThat(text(report, "COUNTY_INDUSTRY")).isEqualTo(first);

        // Submitting an incomplete report is refused with every missing item listed; nothing moves.
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
        Locator problem = county.locator("#editor-problem");
        assertThat(problem).containsText("不能提交");
        assertThat(problem.locator("li")).hasCount(7);
        assertThat(county.locator("#section-COUNTY_TECHNOLOGY")).hasAttribute("aria-invalid", "true");
        assertThat(stage(report)).isEqualTo("DRAFTING");

        fillRest(county);
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("增加一行")).click();
        Locator row = county.locator("#units-body tr").last();
        row.locator("[data-unit=name]").fill("厦门大学微电子学院");
        row.locator("[data-unit=kind]").selectOption("UNIVERSITY");
        row.locator("[data-unit=strength]").fill("第三代半导体器件与工艺");
        assertThat(county.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        Browser.screenshot(county, "02-report-editor");
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
        assertThat(county.locator("#report-stage")).hasText("待市级审核");
        assertThat(stage(report)).isEqualTo("UNDER_REVIEW");

        // The city finds it in its queue and returns it with a comment.
        Page city = browser.as(Accounts.XIAMEN);
        assertThat(city).hasURL(Pattern.compile("/city$"));
        city.navigate(browser.url("/city?campaign=" + campaign));
        city.locator("table[aria-labelledby=queue-h] tr", new Page.LocatorOptions().setHasText("海沧区"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("审核")).click();
        String comment = "请补充本县产业技术瓶颈的具体数据。";
        city.getByLabel("退回意见（必填，县里会在报告旁看到）").fill(comment);
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退回修改")).click();
        assertThat(city.locator("#flash")).containsText("已退回");
        assertThat(stage(report)).isEqualTo("RETURNED");

        // The county sees the comment beside its text and the unread count, fixes and resubmits.
        county.navigate(browser.url("/reports/" + report));
        assertThat(county.locator("aside")).containsText(comment);
        assertThat(county.locator("#unread-count")).isVisible();
        Browser.screenshot(county, "03-report-returned");
        String added = "关键设备国产化率不足 20%。";
        Locator technology = county.locator("#section-COUNTY_TECHNOLOGY");
        technology.fill(technology.inputValue() + "\n" + added);
        assertThat(county.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
        assertThat(county.locator("#report-stage")).hasText("待市级审核");

        // The history opens on what changed between the two submissions (the draft is the second one); the diagram where
        // the report is.
        county.navigate(browser.url("/reports/" + report + "/history"));
        assertThat(county.locator("main")).containsText("第 2 版");
        assertThat(county.locator("section.diff ins").first()).containsText(added);
        Browser.screenshot(county, "04-report-history");
        county.navigate(browser.url("/reports/" + report + "/process"));
        assertThat(county.locator("#process-where")).containsText("审核调研报告");
        assertThat(county.locator("g.current")).hasAttribute("data-id", "Task_CityReview");
        Browser.screenshot(county, "05-report-process");

        // The city approves, then merges the two counties' 集成电路 reports through the wizard.
        city.navigate(browser.url("/reports/" + report));
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过")).click();
        assertThat(city.locator("#flash")).containsText("已审核通过");
        assertThat(stage(report)).isEqualTo("APPROVED");
        Browser.screenshot(city, "06-city-home");
        city.locator("section[aria-label='重复产业链 " + CHAIN + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("逐节对照并合并")).click();
        assertThat(city.locator(".side-by-side .text").first()).containsText(first);
        Browser.screenshot(city, "07-merge-wizard");
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认合并")).click();
        assertThat(city).hasURL(Pattern.compile("/reports/\\d+$"));
        long merged = Long.parseLong(city.url().replaceAll(".*/reports/(\\d+).*", "$1"));
        assertThat(city.locator("#section-COUNTY_INDUSTRY")).hasValue(Pattern.compile("【海沧区】[\\s\\S]*" + first.substring(0, 10)));
        // A city's own report is not reviewed: the button and the confirmation say it becomes final at once.
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交定稿")).click();
        assertThat(city.locator("#report-stage")).hasText("已通过");
        assertThat(city.locator("#flash")).containsText("报告已提交定稿");
        assertThat(stage(report)).isEqualTo("MERGED");
        assertThat(stage(merged)).isEqualTo("APPROVED");

        // The city checks its package and sends it.
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("上报材料")).click();
        assertThat(city.locator("#checklist")).containsText("材料齐全");
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报送省科学技术信息研究所")).click();
        assertThat(city.locator("#package-stage")).hasText("已报送，待接收");
        Browser.screenshot(city, "08-city-package");

        // The institute sees it on the board and accepts it.
        Page institute = browser.as(Accounts.INSTITUTE);
        assertThat(institute).hasURL(Pattern.compile("/institute$"));
        institute.navigate(browser.url("/institute?campaign=" + campaign));
        Locator xiamen = institute.locator("tr[data-unit='350200']");
        assertThat(xiamen).containsText("已报送，待接收");
        assertThat(institute.locator("svg.chart")).isVisible();
        Browser.screenshot(institute, "09-institute-board");
        xiamen.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("厦门市")).click();
        institute.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接收")).click();
        assertThat(institute.locator("tr[data-unit='350200']")).containsText("已接收");
        assertThat((String) as(Accounts.INSTITUTE).get("/api/campaigns/{c}/packages/350200", campaign)
                .then().statusCode(200).extract().path("stage")).isEqualTo("ACCEPTED");
        Browser.screenshot(institute, "10-institute-accepted");
    }

    /** Issue 18: the institute returns a package, the city sends a county's report back, the county fixes it, the city resends. */
    @Test
    void shouldReturnReopenAndResendAPackageThroughThePages() {
        long campaign = Fixtures.openCampaign();
        Map<String, String> chains = Map.of("350203", "软件和信息服务产业链", Accounts.HAICANG, "集成电路产业链",
                Accounts.HULI, "新型显示产业链", "350211", "机械装备产业链", "350212", "食品加工产业链", Accounts.XIANGAN, "新材料产业链");
        Map<String, Long> ids = new java.util.HashMap<>();
        chains.forEach((county, chain) -> {
            long id = Fixtures.declare(county, campaign, chain).get(chain);
            Fixtures.fillAndSubmit(county, id);
            Fixtures.approve(Accounts.XIAMEN, id);
            ids.put(county, id);
        });
        long jimei = ids.get("350211");
        as(Accounts.XIAMEN).post("/api/campaigns/{c}/packages/350200/send", campaign).then().statusCode(200);

        // The institute returns the package with its comment (the page asks first; the test accepts).
        Page institute = browser.as(Accounts.INSTITUTE);
        institute.navigate(browser.url("/packages/350200?campaign=" + campaign));
        institute.locator("#return-comment").fill("集美区报告请补充规上企业数");
        institute.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退回").setExact(true)).click();
        assertThat(institute.locator("tr[data-unit='350200']")).containsText("已退回");
        Browser.screenshot(institute, "21-institute-returned");

        // The city sends 集美区's report back to the county, with the institute's comment.
        Page city = browser.as(Accounts.XIAMEN);
        city.navigate(browser.url("/inbox"));
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看上报材料")).first().click();
        assertThat(city).hasURL(Pattern.compile("/packages/350200\\?campaign=" + campaign + "$"));
        // The institute's reason is in the notice above the send button, not only in the record at the bottom.
        assertThat(city.locator("#returned-note")).containsText("集美区报告请补充规上企业数");
        city.navigate(browser.url("/reports/" + jimei));
        city.locator("#reopen-comment").fill("请按信息所意见补充");
        Browser.screenshot(city, "22-city-reopens");
        city.locator("#reopen-report").click();
        assertThat(city.locator("#report-stage")).hasText("已退回修改");

        // The county sees both comments beside its text, fixes and resubmits.
        Page county = browser.as("350211");
        county.navigate(browser.url("/reports/" + jimei));
        assertThat(county.locator("aside")).containsText("集美区报告请补充规上企业数");
        assertThat(county.locator("aside")).containsText("请按信息所意见补充");
        county.locator("#section-COUNTY_INDUSTRY").fill("集美区机械装备规上企业 65 家，2025 年产值 520 亿元。");
        assertThat(county.locator("#save-state")).hasText(Pattern.compile("^已保存 \\d"));
        Browser.screenshot(county, "23-county-fixes");
        county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交审核")).click();
        assertThat(county.locator("#report-stage")).hasText("待市级审核");

        // The city approves it again and sends the package a second time.
        city.navigate(browser.url("/reports/" + jimei));
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过")).click();
        assertThat(city.locator("#flash")).containsText("已审核通过");
        // Back and approved, the report says it was reopened since the return, and where to send the package again.
        city.navigate(browser.url("/reports/" + jimei));
        assertThat(city.locator("#reopened-note")).containsText("重新报送本市材料");
        city.navigate(browser.url("/packages/350200?campaign=" + campaign));
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报送省科学技术信息研究所")).click();
        assertThat(city.locator("#package-stage")).hasText("已报送，待接收");
        Browser.screenshot(city, "24-city-resent");
        as(Accounts.INSTITUTE).get("/api/campaigns/{c}/packages/350200", campaign).then().statusCode(200)
                .body("rounds.decision", org.hamcrest.Matchers.equalTo(java.util.Arrays.asList("RETURNED", null)));
        as("350211").get("/api/reports/{id}", jimei).then().body("sections.COUNTY_INDUSTRY", org.hamcrest.Matchers.containsString("65 家"));
    }

    @Test
    void shouldRefuseAPageOfAnotherRoleWithAReadableMessage() {
        Page county = browser.as(Accounts.HAICANG);
        Response answer = county.navigate(browser.url("/institute"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(county.locator("h1")).hasText("无权访问");
        assertThat(county.locator("main")).not().containsText("Exception");
        Browser.screenshot(county, "11-forbidden");

        long minhou = Fixtures.newReport(Accounts.MINHOU);
        answer = county.navigate(browser.url("/reports/" + minhou));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(county.locator("[role=alert]").last()).containsText("本地区");
    }

    @Test
    void shouldSendAPersonWhoIsNotLoggedInToTheLoginPageAndBack() {
        Page page = browser.anonymous();
        page.navigate(browser.url("/city"));
        assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fcity$"));
        page.getByLabel("用户名").fill(Accounts.XIAMEN);
        page.getByLabel("密码").fill("wrong-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.locator("#login-form .problem")).containsText("用户名或密码不正确");
        page.getByLabel("密码").fill(cn.fjsti.chainreport.support.Api.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page).hasURL(Pattern.compile("/city$"));
        assertThat(page.locator("#whoami")).hasText("厦门市科技局");
    }

    private static void fillRest(Page page) {
        page.locator("#section-COUNTY_TECHNOLOGY").fill("封测环节先进封装能力不足，高端光刻胶依赖进口。");
        page.locator("#section-DOMESTIC_INDUSTRY").fill("国内集成电路产业规模持续扩大，长三角集聚明显。");
        page.locator("#section-DOMESTIC_TECHNOLOGY").fill("先进制程与关键材料仍是瓶颈。");
        page.locator("#section-DOMESTIC_TRENDS").fill("向先进封装、第三代半导体方向发展。");
        page.locator("#section-INDUSTRY_MEASURES").fill("强链补链，引进封测龙头。");
        page.locator("#section-INNOVATION_DIRECTIONS").fill("攻关碳化硅外延与器件工艺。");
    }

    private static String text(long report, String section) {
        return as(Accounts.HAICANG).get("/api/reports/{id}", report).then().statusCode(200)
                .extract().path("sections." + section);
    }

    @Test
    void shouldMergeAThreeCountyClusterAfterTheCityTakesOneOut() {
        long campaign = Fixtures.openCampaign();
        long haicang = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, "食品加工产业链");
        long huli = Fixtures.approvedInXiamen(Accounts.HULI, campaign, "绿色食品产业链");
        long xiangan = Fixtures.approvedInXiamen(Accounts.XIANGAN, campaign, "特色食品产业链");

        Page city = browser.as(Accounts.XIAMEN);
        city.navigate(browser.url("/city?campaign=" + campaign));
        Locator proposal = city.locator("section[aria-label^='重复产业链']");
        assertThat(proposal).hasCount(1);
        assertThat(proposal.locator("li")).hasCount(3);
        assertThat(proposal).containsText("共同的产业核心词：食品");
        proposal.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("逐节对照并合并")).click();

        // The wizard says why and how sure; the city takes 翔安区 out (its 特色食品 is another chain, say).
        assertThat(city.locator("#merge-reasons")).containsText("把握：高");
        assertThat(city.locator("#merge-members input:checked")).hasCount(3);
        city.getByLabel("翔安区：特色食品产业链").uncheck();
        city.getByLabel("湖里区：绿色食品产业链").uncheck();
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认合并")).click();
        assertThat(city.locator("form .problem")).containsText("请选择 2 到 50 份报告");
        as(Accounts.XIAMEN).get("/api/campaigns/{c}/merges", campaign).then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
        city.getByLabel("湖里区：绿色食品产业链").check();
        Browser.screenshot(city, "12-merge-wizard-edited");
        city.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认合并")).click();
        assertThat(city).hasURL(Pattern.compile("/reports/\\d+$"));
        assertThat(city.locator("#section-COUNTY_INDUSTRY")).hasValue(Pattern.compile("^【海沧区、湖里区】[^【]*$"));
        // (both wrote the same text: it stands once, under both names; 翔安区 was taken out of the cluster)
        assertThat(stage(haicang)).isEqualTo("MERGED");
        assertThat(stage(huli)).isEqualTo("MERGED");
        assertThat(stage(xiangan)).isEqualTo("APPROVED");
    }

    private static String stage(long report) {
        return as(Accounts.INSTITUTE).get("/api/reports/{id}", report).then().statusCode(200).extract().path("stage");
    }
}
