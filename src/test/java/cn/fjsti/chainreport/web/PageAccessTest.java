package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every page, as every role, on its own region's data and on another region's: the page is shown (200,
 * HTML) or refused (403, an HTML page with the Chinese reason, no stack trace). Without a login every page
 * leads to the login page. The routes are read from the page classes, so a new page without a rule here
 * fails this test.
 */
@QuarkusTest
class PageAccessTest {

    private static final List<Class<?>> PAGE_CLASSES = List.of(Pages.class, ReportPages.class, AdminPages.class, HelpPage.class);
    private static final String OK = "200";
    private static final String NO = "403";

    private record Scope(long campaign, long report, String unit, String mergeIds) {
    }

    @Test
    void shouldShowOrRefuseEveryPageForEveryRole() {
        long campaign = Fixtures.openCampaign();
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "页面甲产业链").get("页面甲产业链");
        long huli = Fixtures.declare(Accounts.HULI, campaign, "页面甲产业链").get("页面甲产业链");
        long minhou = Fixtures.declare(Accounts.MINHOU, campaign, "页面乙产业链").get("页面乙产业链");
        long changle = Fixtures.declare("350112", campaign, "页面乙产业链").get("页面乙产业链");
        for (long id : List.of(haicang, huli)) {
            Fixtures.fillAndSubmit(id == haicang ? Accounts.HAICANG : Accounts.HULI, id);
        }
        Scope xiamen = new Scope(campaign, haicang, Accounts.XIAMEN, haicang + "," + huli);
        Scope fuzhou = new Scope(campaign, minhou, Accounts.FUZHOU, minhou + "," + changle);

        Map<String, String[][]> rules = new LinkedHashMap<>();
        // {own, other} per role: COUNTY (海沧区 / 闽侯县), CITY (厦门市 / 福州市), INSTITUTE, ADMIN
        String[][] everyone = {{OK, OK}, {OK, OK}, {OK, OK}, {OK, OK}};
        String[][] scopedReport = {{OK, NO}, {OK, NO}, {OK, OK}, {OK, OK}};
        rules.put("GET /", everyone);
        rules.put("GET /login", everyone);
        rules.put("GET /inbox", everyone);
        rules.put("GET /help", everyone);
        rules.put("GET /county", new String[][]{{OK, OK}, {NO, NO}, {NO, NO}, {NO, NO}});
        rules.put("GET /city", new String[][]{{NO, NO}, {OK, OK}, {NO, NO}, {NO, NO}});
        rules.put("GET /city/merge", new String[][]{{NO, NO}, {OK, NO}, {NO, NO}, {NO, NO}});
        rules.put("GET /packages/{unit}", new String[][]{{NO, NO}, {OK, NO}, {OK, OK}, {OK, OK}});
        rules.put("GET /institute", new String[][]{{NO, NO}, {NO, NO}, {OK, OK}, {OK, OK}});
        rules.put("GET /admin", new String[][]{{NO, NO}, {NO, NO}, {NO, NO}, {OK, OK}});
        rules.put("GET /admin/accounts", new String[][]{{NO, NO}, {NO, NO}, {NO, NO}, {OK, OK}});
        rules.put("GET /reports/{id}", scopedReport);
        rules.put("GET /reports/{id}/history", scopedReport);
        rules.put("GET /reports/{id}/process", scopedReport);
        rules.put("GET /reports/{id}/print", scopedReport);

        Set<String> routes = routes();
        assertThat(rules.keySet()).as("pages without an access rule").containsAll(routes);
        assertThat(routes).as("rules for pages that no longer exist").containsAll(rules.keySet());

        List<String> accounts = List.of(Accounts.HAICANG, Accounts.XIAMEN, Accounts.INSTITUTE, Accounts.ADMIN);
        SoftAssertions softly = new SoftAssertions();
        for (String route : routes) {
            for (int role = 0; role < 4; role++) {
                for (int side = 0; side < 2; side++) {
                    String path = path(route, side == 0 ? xiamen : fuzhou);
                    Response r = as(accounts.get(role)).accept("text/html").redirects().follow(false).get(path);
                    String cell = route + " as " + accounts.get(role) + (side == 0 ? " on own data" : " on other data") + " (" + path + ")";
                    String expected = rules.get(route)[role][side];
                    if (route.equals("GET /") || route.equals("GET /login")) {
                        softly.assertThat(r.statusCode()).as(cell).isEqualTo(303);
                        softly.assertThat(r.header("Location")).as(cell).doesNotContain("/login");
                        continue;
                    }
                    softly.assertThat(String.valueOf(r.statusCode())).as(cell).isEqualTo(expected);
                    softly.assertThat(r.contentType()).as(cell).startsWith("text/html");
                    if (expected.equals(NO)) {
                        softly.assertThat(r.asString()).as(cell).contains("无权访问").doesNotContain("Exception").doesNotContain("at cn.");
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldSendEveryPageToTheLoginPageWithoutALogin() {
        Scope any = new Scope(1, 1, Accounts.XIAMEN, "1,2");
        for (String route : routes()) {
            String path = path(route, any);
            Response r = given().accept("text/html").redirects().follow(false).get(path);
            if (route.equals("GET /login")) {
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.asString()).contains("用户名").contains("href=\"/help\"").contains("请联系");
            } else if (route.equals("GET /help")) {
                // Help is at hand before logging in: the notice, the outline and whom to ask.
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.asString()).contains("闽科高〔2024〕135号").contains("刘丹，13290741853")
                        .contains("产业科技创新对策建议及技术攻关方向").contains("厦门市科技局 成果转化处").contains("未配置");
            } else {
                assertThat(r.statusCode()).as(path).isEqualTo(303);
                assertThat(r.header("Location")).as(path).contains("/login");
            }
        }
    }

    @Test
    void shouldNeverSendAPersonOffSiteAfterLoggingIn() {
        for (String next : List.of("https://evil.example/", "//evil.example/", "/\\evil.example")) {
            String html = given().accept("text/html").queryParam("next", next).get("/login").then().statusCode(200)
                    .extract().asString();
            assertThat(html).contains("data-next=\"\"");
        }
        assertThat(given().accept("text/html").queryParam("next", "/city").get("/login").asString()).contains("data-next=\"/city\"");
    }

    @Test
    void shouldAnswerAnUnknownPageWithAReadablePageAndNoStackTrace() {
        List<java.util.logging.LogRecord> traced = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getThrown() != null) {
                    traced.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (String account : List.of(Accounts.HAICANG, Accounts.ADMIN)) {
                Response r = as(account).accept("text/html").get("/no-such-page");
                assertThat(r.statusCode()).isEqualTo(404);
                assertThat(r.contentType()).startsWith("text/html");
                assertThat(r.asString()).contains("请求的地址不存在").contains("href=\"/help\"").doesNotContain("Exception");
            }
            Response anonymous = given().accept("text/html").get("/no/such/page");
            assertThat(anonymous.statusCode()).isEqualTo(404);
            assertThat(anonymous.asString()).contains("请求的地址不存在");
            Response api = as(Accounts.HAICANG).get("/api/no-such-thing");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(api.asString()).contains("detail").doesNotContain("Exception");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(traced).as("log records with a stack trace").extracting(java.util.logging.LogRecord::getMessage).isEmpty();
    }

    private static String path(String route, Scope s) {
        String path = route.substring(4)
                .replace("{id}", String.valueOf(s.report()))
                .replace("{unit}", s.unit());
        String query = switch (route) {
            case "GET /city/merge" -> "?ids=" + s.mergeIds();
            case "GET /county", "GET /city", "GET /institute", "GET /packages/{unit}" -> "?campaign=" + s.campaign();
            default -> "";
        };
        return path + query;
    }

    /** GET routes of the page classes, as "GET /path". */
    private static Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (Class<?> page : PAGE_CLASSES) {
            String root = page.getAnnotation(Path.class).value();
            for (Method m : page.getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class)) {
                    Path sub = m.getAnnotation(Path.class);
                    String path = (root + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                    routes.add("GET " + (path.length() > 1 ? path.replaceAll("/$", "") : path));
                }
            }
        }
        return routes;
    }
}
