package cn.fjsti.chainreport.security;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API (read from the live OpenAPI document) called as each role, on its own region's
 * data and on another region's. A cell expects either FORBIDDEN (403) or PASS (a status below 500 other than
 * 401/403: the call got past authorization and scoping; it may still be refused for its content or state, but
 * a 5xx is a failure, never a pass). Every refusal is application/problem+json. An endpoint
 * with no rule here fails the test, so a new endpoint cannot ship without deciding who may call it.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String PASS = "pass";
    private static final String FORBIDDEN = "403";
    private static final List<String> ROLES = List.of("COUNTY", "CITY", "INSTITUTE", "ADMIN");

    @Inject
    Notifier notifier;

    /** The data each role acts on: its own region's, and another region's. */
    private record Scope(long campaign, long report, long submitted, String unit, long merge, long notification) {
        Scope withNotification(long id) {
            return new Scope(campaign, report, submitted, unit, merge, id);
        }
    }

    /** How to call one endpoint on some data, and what each role may expect on its own and on other data. */
    private record Rule(Function<Scope, Response> own, Function<Scope, Response> other, Map<String, String[]> expected) {
    }

    private static String[] both(String expectation) {
        return new String[]{expectation, expectation};
    }

    private static String[] ownOnly() {
        return new String[]{PASS, FORBIDDEN};
    }

    private static Map<String, String[]> expect(String[] county, String[] city, String[] institute, String[] admin) {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("COUNTY", county);
        m.put("CITY", city);
        m.put("INSTITUTE", institute);
        m.put("ADMIN", admin);
        return m;
    }

    private static final Map<String, String> ACCOUNT = Map.of("COUNTY", Accounts.HAICANG, "CITY", Accounts.XIAMEN,
            "INSTITUTE", Accounts.INSTITUTE, "ADMIN", Accounts.ADMIN);

    @Test
    void shouldGiveEveryEndpointAnAnswerForEveryRoleOnOwnAndOtherData() {
        Map<String, Map<String, Scope>> scopes = scopes();
        Map<String, Function<String, Rule>> rules = rules();

        Set<String> endpoints = new TreeSet<>();
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        assertThat(endpoints).hasSizeGreaterThan(35);
        assertThat(rules.keySet()).as("endpoints without an authorization rule").containsAll(endpoints);

        SoftAssertions softly = new SoftAssertions();
        int cells = 0;
        for (String endpoint : endpoints) {
            for (String role : ROLES) {
                Rule rule = rules.get(endpoint).apply(ACCOUNT.get(role));
                String[] expected = rule.expected().get(role);
                Scope own = scopes.get(role).get("own");
                Scope other = scopes.get(role).get("other");
                cells += 2;
                check(softly, endpoint, role, "own", rule.own().apply(own), expected[0]);
                check(softly, endpoint, role, "other", rule.other().apply(other), expected[1]);
            }
        }
        softly.assertAll();
        System.out.printf("authorization matrix: %d endpoints × 4 roles × own/other = %d cells%n", endpoints.size(), cells);
    }

    private static void check(SoftAssertions softly, String endpoint, String role, String data, Response r, String expected) {
        String cell = endpoint + " as " + role + " on " + data + " data";
        if (expected.equals(FORBIDDEN)) {
            softly.assertThat(r.statusCode()).as(cell).isEqualTo(403);
            softly.assertThat(r.contentType()).as(cell).startsWith("application/problem+json");
        } else {
            softly.assertThat(r.statusCode()).as(cell + " (" + r.asString() + ")").isNotIn(401, 403).isLessThan(500);
            if (r.statusCode() >= 400) {
                softly.assertThat(r.contentType()).as(cell + ": refusal").startsWith("application/problem+json");
            }
        }
    }

    /** Per role: its own data and another region's. County 海沧区 vs 闽侯县, city 厦门市 vs 福州市. */
    private Map<String, Map<String, Scope>> scopes() {
        long campaign = Fixtures.openCampaign();
        long haicang = Fixtures.declare(Accounts.HAICANG, campaign, "矩阵甲产业链").get("矩阵甲产业链");
        long minhou = Fixtures.declare(Accounts.MINHOU, campaign, "矩阵乙产业链").get("矩阵乙产业链");
        long haicangSubmitted = Fixtures.declare(Accounts.HAICANG, campaign, "矩阵丙产业链").get("矩阵丙产业链");
        long minhouSubmitted = Fixtures.declare(Accounts.MINHOU, campaign, "矩阵丁产业链").get("矩阵丁产业链");
        Fixtures.fillAndSubmit(Accounts.HAICANG, haicangSubmitted);
        Fixtures.fillAndSubmit(Accounts.MINHOU, minhouSubmitted);
        long xiamenMerge = merge(campaign, Accounts.XIAMEN, Accounts.HULI, Accounts.XIANGAN);
        long fuzhouMerge = merge(campaign, Accounts.FUZHOU, "350124", "350125");
        Map<String, Long> notes = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String region : List.of(Accounts.HAICANG, Accounts.MINHOU, Accounts.XIAMEN, Accounts.FUZHOU)) {
                notifier.toRegion(region, Notifier.Message.of(campaign, Notification.Kind.REMINDER, "矩阵测试", "矩阵测试"));
            }
            notifier.toInstitute(Notifier.Message.of(campaign, Notification.Kind.REMINDER, "矩阵测试", "矩阵测试"));
        });
        for (String account : List.of(Accounts.HAICANG, Accounts.MINHOU, Accounts.XIAMEN, Accounts.FUZHOU, Accounts.INSTITUTE)) {
            notes.put(account, ((Number) as(account).get("/api/notifications").then().extract().path("items[0].id")).longValue());
        }
        Scope haicangSide = new Scope(campaign, haicang, haicangSubmitted, Accounts.XIAMEN, xiamenMerge, notes.get(Accounts.HAICANG));
        Scope minhouSide = new Scope(campaign, minhou, minhouSubmitted, Accounts.FUZHOU, fuzhouMerge, notes.get(Accounts.MINHOU));
        Scope xiamenSide = new Scope(campaign, haicang, haicangSubmitted, Accounts.XIAMEN, xiamenMerge, notes.get(Accounts.XIAMEN));
        Scope fuzhouSide = new Scope(campaign, minhou, minhouSubmitted, Accounts.FUZHOU, fuzhouMerge, notes.get(Accounts.FUZHOU));
        Scope province = new Scope(campaign, haicang, haicangSubmitted, Accounts.XIAMEN, xiamenMerge, notes.get(Accounts.INSTITUTE));
        return Map.of(
                "COUNTY", Map.of("own", haicangSide, "other", minhouSide),
                "CITY", Map.of("own", xiamenSide, "other", fuzhouSide),
                "INSTITUTE", Map.of("own", province, "other", minhouSide.withNotification(notes.get(Accounts.HAICANG))),
                "ADMIN", Map.of("own", province, "other", minhouSide.withNotification(notes.get(Accounts.HAICANG))));
    }

    private static long merge(long campaign, String city, String countyA, String countyB) {
        List<Long> ids = new ArrayList<>();
        for (String county : List.of(countyA, countyB)) {
            long id = Fixtures.declare(county, campaign, "矩阵合并产业链").get("矩阵合并产业链");
            Fixtures.fillAndSubmit(county, id);
            Fixtures.approve(city, id);
            ids.add(id);
        }
        return ((Number) as(city).body(Map.of("reportIds", ids)).post("/api/campaigns/{c}/merges", campaign)
                .then().statusCode(201).extract().path("id")).longValue();
    }

    private static Map<String, Function<String, Rule>> rules() {
        Map<String, Function<String, Rule>> rules = new LinkedHashMap<>();
        String[] pass = both(PASS);
        String[] no = both(FORBIDDEN);
        Map<String, String[]> everyone = expect(pass, pass, pass, pass);
        Map<String, String[]> provinceOnly = expect(no, no, pass, pass);
        Map<String, String[]> scopedRead = expect(ownOnly(), ownOnly(), pass, pass);
        Map<String, String[]> authorOnly = expect(ownOnly(), no, no, no);
        Map<String, String[]> cityOwn = expect(no, ownOnly(), no, no);
        Map<String, String[]> unitAndProvince = expect(no, ownOnly(), pass, pass);

        rules.put("GET /api/session", a -> same(s -> as(a).get("/api/session"), everyone));
        // Logging out ends every session of the account: the cached cookie is dropped with it.
        rules.put("POST /api/session/logout", a -> same(s -> Api.forgetAfter(a, as(a).post("/api/session/logout")), everyone));
        rules.put("GET /api/regions", a -> same(s -> as(a).get("/api/regions"), everyone));
        rules.put("GET /api/regions/review-units", a -> same(s -> as(a).get("/api/regions/review-units"), everyone));
        rules.put("GET /api/regions/{code}", a -> same(s -> as(a).get("/api/regions/350205"), everyone));
        rules.put("GET /api/campaigns", a -> same(s -> as(a).get("/api/campaigns"), everyone));
        rules.put("POST /api/campaigns", a -> same(s -> as(a).body(Map.of("year", Fixtures.freshYear())).post("/api/campaigns"),
                expect(no, no, no, pass)));
        rules.put("GET /api/campaigns/{id}", a -> same(s -> as(a).get("/api/campaigns/{c}", s.campaign()), everyone));
        rules.put("GET /api/campaigns/{campaignId}/chains", a -> same(s -> as(a).get("/api/campaigns/{c}/chains", s.campaign()), everyone));
        rules.put("POST /api/campaigns/{campaignId}/chains", a -> same(s -> as(a).body(Map.of("chains", List.of(Fixtures.uniqueChain())))
                .post("/api/campaigns/{c}/chains", s.campaign()), expect(pass, no, no, no)));
        rules.put("POST /api/campaigns/{campaignId}/chains/city-led", a -> same(s -> as(a).body(Map.of("chain", Fixtures.uniqueChain()))
                .post("/api/campaigns/{c}/chains/city-led", s.campaign()), expect(no, pass, no, no)));
        rules.put("GET /api/tasks", a -> same(s -> as(a).get("/api/tasks"), everyone));
        rules.put("GET /api/reports", a -> new Rule(s -> as(a).get("/api/reports?campaignId=" + s.campaign()),
                s -> as(a).get("/api/reports?region=350121"), scopedRead));
        rules.put("GET /api/reports/{id}", a -> same(s -> as(a).get("/api/reports/{id}", s.report()), scopedRead));
        rules.put("PUT /api/reports/{id}/draft", a -> same(s -> as(a).body(Map.of("version", 0)).put("/api/reports/{id}/draft", s.report()), authorOnly));
        rules.put("POST /api/reports/{id}/submit", a -> same(s -> as(a).body(Map.of("version", 0)).post("/api/reports/{id}/submit", s.report()), authorOnly));
        rules.put("GET /api/reports/{id}/revisions", a -> same(s -> as(a).get("/api/reports/{id}/revisions", s.submitted()), scopedRead));
        rules.put("GET /api/reports/{id}/revisions/{number}", a -> same(s -> as(a).get("/api/reports/{id}/revisions/1", s.submitted()), scopedRead));
        rules.put("POST /api/reports/{id}/approve", a -> same(s -> as(a).body(Map.of()).post("/api/reports/{id}/approve", s.submitted()), cityOwn));
        // Batch approval (issue 19): another city's report in the list refuses the whole batch with 403.
        rules.put("POST /api/reports/approve", a -> same(s -> as(a).body(Map.of("reportIds", List.of(s.submitted())))
                .post("/api/reports/approve"), cityOwn));
        rules.put("POST /api/reports/{id}/return", a -> same(s -> as(a).body(Map.of("comment", "矩阵")).post("/api/reports/{id}/return", s.submitted()), cityOwn));
        // Detours (issue 18): the county withdraws its submission; the city reopens a report after a returned package.
        rules.put("POST /api/reports/{id}/withdraw", a -> same(s -> as(a).post("/api/reports/{id}/withdraw", s.submitted()), authorOnly));
        rules.put("POST /api/reports/{id}/reopen", a -> same(s -> as(a).body(Map.of()).post("/api/reports/{id}/reopen", s.report()), cityOwn));
        rules.put("POST /api/reports/{id}/copy-last-year", a -> same(s -> as(a).body(Map.of("version", 0))
                .post("/api/reports/{id}/copy-last-year", s.report()), authorOnly));
        // Tables and figures (issue 21): only the author writes; whoever reads the report reads them (unknown ids: 404).
        rules.put("POST /api/reports/{id}/exhibits/tables", a -> same(s -> as(a).body(Map.of("version", 0, "section", "COUNTY_INDUSTRY",
                "caption", "矩阵", "rows", List.of(List.of("a"), List.of("b")))).post("/api/reports/{id}/exhibits/tables", s.report()), authorOnly));
        rules.put("POST /api/reports/{id}/exhibits/figures", a -> same(s -> as(a).contentType("image/png").body(new byte[]{(byte) 0x89, 'P', 'N', 'G'})
                .post("/api/reports/{id}/exhibits/figures?version=0&caption=x&section=COUNTY_INDUSTRY", s.report()), authorOnly));
        rules.put("DELETE /api/reports/{id}/exhibits/{exhibitId}", a -> same(s -> as(a).delete("/api/reports/{id}/exhibits/987654?version=0",
                s.report()), authorOnly));
        rules.put("GET /api/reports/{id}/exhibits/{exhibitId}", a -> same(s -> as(a).get("/api/reports/{id}/exhibits/987654", s.report()), scopedRead));
        rules.put("GET /api/reports/{id}/exhibits/{exhibitId}/image", a -> same(s -> as(a).get("/api/reports/{id}/exhibits/987654/image",
                s.report()), scopedRead));
        rules.put("GET /api/reports/{id}/document", a -> same(s -> as(a).get("/api/reports/{id}/document", s.report()), scopedRead));
        rules.put("POST /api/reports/{id}/import", a -> same(s -> as(a).contentType("application/octet-stream").body(new byte[]{'P', 'K', 3, 4})
                .post("/api/reports/{id}/import", s.report()), authorOnly));
        rules.put("POST /api/reports/{id}/import/apply", a -> same(s -> as(a).contentType("application/octet-stream").body(new byte[]{'P', 'K', 3, 4})
                .post("/api/reports/{id}/import/apply?version=0", s.report()), authorOnly));
        rules.put("GET /api/campaigns/{campaignId}/duplicates", a -> same(s -> as(a).get("/api/campaigns/{c}/duplicates?unit=" + s.unit(), s.campaign()), unitAndProvince));
        rules.put("POST /api/campaigns/{campaignId}/duplicates/dismiss", a -> same(s -> as(a).body(Map.of("reportIds", List.of(s.report(), s.submitted())))
                .post("/api/campaigns/{c}/duplicates/dismiss", s.campaign()), cityOwn));
        rules.put("GET /api/campaigns/{campaignId}/merges", a -> same(s -> as(a).get("/api/campaigns/{c}/merges?unit=" + s.unit(), s.campaign()), unitAndProvince));
        rules.put("POST /api/campaigns/{campaignId}/merges", a -> same(s -> as(a).body(Map.of("reportIds", List.of(s.report(), s.submitted())))
                .post("/api/campaigns/{c}/merges", s.campaign()), cityOwn));
        rules.put("POST /api/campaigns/{campaignId}/merges/{groupId}/undo", a -> same(s -> as(a).post("/api/campaigns/{c}/merges/{g}/undo", s.campaign(), s.merge()), cityOwn));
        rules.put("POST /api/campaigns/{campaignId}/merges/{groupId}/restore", a -> same(s -> as(a).body(Map.of("version", 0))
                .post("/api/campaigns/{c}/merges/{g}/restore", s.campaign(), s.merge()), cityOwn));
        // 催办 (issue 18): a city chases its own counties, the institute any city-level unit; nobody else.
        rules.put("GET /api/campaigns/{campaignId}/chases", a -> same(s -> as(a).get("/api/campaigns/{c}/chases", s.campaign()),
                expect(no, pass, pass, no)));
        rules.put("POST /api/campaigns/{campaignId}/chases/{regionCode}", a -> new Rule(
                s -> as(a).post("/api/campaigns/{c}/chases/{r}", s.campaign(), a.equals(Accounts.INSTITUTE) ? s.unit() : Accounts.HULI),
                s -> as(a).post("/api/campaigns/{c}/chases/{r}", s.campaign(), a.equals(Accounts.INSTITUTE) ? s.unit() : Accounts.MINHOU),
                expect(no, ownOnly(), pass, no)));
        rules.put("GET /api/notifications/submission-notices", a -> same(s -> as(a).get("/api/notifications/submission-notices"),
                expect(no, pass, no, no)));
        rules.put("PUT /api/notifications/submission-notices", a -> same(s -> as(a).body(Map.of("mode", "EACH"))
                .put("/api/notifications/submission-notices"), expect(no, pass, no, no)));
        rules.put("GET /api/campaigns/{campaignId}/packages/{unit}", a -> same(s -> as(a).get("/api/campaigns/{c}/packages/{u}", s.campaign(), s.unit()), unitAndProvince));
        rules.put("POST /api/campaigns/{campaignId}/packages/{unit}/send", a -> same(s -> as(a).post("/api/campaigns/{c}/packages/{u}/send", s.campaign(), s.unit()), cityOwn));
        rules.put("POST /api/campaigns/{campaignId}/packages/{unit}/accept", a -> same(s -> as(a).body(Map.of()).post("/api/campaigns/{c}/packages/{u}/accept", s.campaign(), s.unit()),
                expect(no, no, pass, no)));
        rules.put("POST /api/campaigns/{campaignId}/packages/{unit}/return", a -> same(s -> as(a).body(Map.of("comment", "矩阵")).post("/api/campaigns/{c}/packages/{u}/return", s.campaign(), s.unit()),
                expect(no, no, pass, no)));
        rules.put("POST /api/campaigns/{campaignId}/packages/{unit}/withdraw", a -> same(s -> as(a).post("/api/campaigns/{c}/packages/{u}/withdraw", s.campaign(), s.unit()), cityOwn));
        // 延期 (issue 18): the administrator only; a far deadline, so that the extension itself may pass.
        rules.put("PUT /api/campaigns/{campaignId}/deadline", a -> same(s -> as(a).body(Map.of("deadline", "2999-01-01T00:00:00+08:00"))
                .put("/api/campaigns/{c}/deadline", s.campaign()), expect(no, no, no, pass)));
        rules.put("PUT /api/campaigns/{campaignId}/packages/{unit}/deadline", a -> same(s -> as(a).body(Map.of("deadline", "2999-06-01T00:00:00+08:00"))
                .put("/api/campaigns/{c}/packages/{u}/deadline", s.campaign(), s.unit()), expect(no, no, no, pass)));
        rules.put("PUT /api/campaigns/{campaignId}/packages/{unit}/internal-deadline", a -> same(s -> as(a).body(Map.of("deadline", "2999-01-01T00:00:00+08:00"))
                .put("/api/campaigns/{c}/packages/{u}/internal-deadline", s.campaign(), s.unit()), cityOwn));
        rules.put("GET /api/campaigns/{campaignId}/packages/{unit}/bundle", a -> same(s -> as(a).get("/api/campaigns/{c}/packages/{u}/bundle", s.campaign(), s.unit()), unitAndProvince));
        rules.put("GET /api/campaigns/{campaignId}/packages/{unit}/summary", a -> same(s -> as(a).get("/api/campaigns/{c}/packages/{u}/summary", s.campaign(), s.unit()), unitAndProvince));
        rules.put("GET /api/campaigns/{campaignId}/board", a -> same(s -> as(a).get("/api/campaigns/{c}/board", s.campaign()), provinceOnly));
        rules.put("GET /api/campaigns/{campaignId}/board/export", a -> same(s -> as(a).get("/api/campaigns/{c}/board/export", s.campaign()), provinceOnly));
        rules.put("GET /api/campaigns/{campaignId}/compilation", a -> same(s -> as(a).get("/api/campaigns/{c}/compilation", s.campaign()), provinceOnly));
        rules.put("GET /api/campaigns/{campaignId}/compilation/items", a -> same(s -> as(a).get("/api/campaigns/{c}/compilation/items", s.campaign()), provinceOnly));
        rules.put("GET /api/campaigns/{campaignId}/compilation/status", a -> same(s -> as(a).get("/api/campaigns/{c}/compilation/status", s.campaign()), provinceOnly));
        rules.put("POST /api/campaigns/{campaignId}/compilation/build", a -> same(s -> as(a).post("/api/campaigns/{c}/compilation/build", s.campaign()), provinceOnly));
        rules.put("GET /api/notifications", a -> same(s -> as(a).get("/api/notifications"), everyone));
        rules.put("POST /api/notifications/read-all", a -> same(s -> as(a).post("/api/notifications/read-all"), everyone));
        rules.put("POST /api/notifications/{id}/read", a -> same(s -> as(a).post("/api/notifications/{n}/read", s.notification()),
                // The admin receives no messages here; its "own" cell points at the institute's message.
                expect(ownOnly(), ownOnly(), ownOnly(), no)));
        rules.put("GET /api/audit", a -> same(s -> as(a).get("/api/audit"), provinceOnly));
        Map<String, String[]> adminOnly = expect(no, no, no, pass);
        rules.put("GET /api/accounts", a -> same(s -> as(a).get("/api/accounts"), adminOnly));
        rules.put("GET /api/accounts/search", a -> same(s -> as(a).queryParam("q", "3502").get("/api/accounts/search"), adminOnly));
        rules.put("POST /api/admin/backup", a -> same(s -> as(a).post("/api/admin/backup"), adminOnly));
        rules.put("POST /api/accounts", a -> same(s -> as(a).body(Map.of("username", "matrix-" + Fixtures.uniqueChain().hashCode(),
                "password", "Matrix#Pass2031", "role", "COUNTY", "regionCode", "350203")).post("/api/accounts"), adminOnly));
        rules.put("POST /api/accounts/{username}/disable", a -> same(s -> as(a).post("/api/accounts/nobody/disable"), adminOnly));
        rules.put("POST /api/accounts/{username}/unlock", a -> same(s -> as(a).post("/api/accounts/nobody/unlock"), adminOnly));
        rules.put("POST /api/accounts/{username}/enable", a -> same(s -> as(a).post("/api/accounts/350206/enable"), adminOnly));
        rules.put("PUT /api/accounts/{username}/password", a -> same(s -> as(a).body(Map.of("password", "x")).put("/api/accounts/nobody/password"), adminOnly));
        rules.put("PUT /api/session/password", a -> same(s -> as(a).body(Map.of("currentPassword", "wrong", "newPassword", "x"))
                .put("/api/session/password"), everyone));
        return rules;
    }

    /** One call made on the role's own scope and on the other scope (whose report, unit, message differ). */
    private static Rule same(Function<Scope, Response> call, Map<String, String[]> expected) {
        return new Rule(call, call, expected);
    }
}
