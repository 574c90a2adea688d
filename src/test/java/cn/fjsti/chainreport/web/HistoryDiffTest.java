package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The revision history of a section of 16,000 lines (as many as a county's 20,000 字 allow with text on some)
 * changed throughout: the history page and the revisions API answer 200, and the page says that the
 * comparison fell back to whole blocks. Before, the diff needed 400 MB and then every viewer got 500s.
 */
@QuarkusTest
class HistoryDiffTest {

    @Test
    void shouldShowTheHistoryOfAHugeSectionChangedThroughout() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        String first = TextDiffBoundsTest.scattered(16_000, 1, 5);
        String second = TextDiffBoundsTest.scattered(16_000, 2, 5);

        long version = Fixtures.version(Accounts.HAICANG, report);
        Map<String, Object> draft = new HashMap<>(Fixtures.completeDraft(version));
        @SuppressWarnings("unchecked")
        Map<String, Object> sections = new HashMap<>((Map<String, Object>) draft.get("sections"));
        sections.put("COUNTY_INDUSTRY", first);
        draft.put("sections", sections);
        long saved = ((Number) as(Accounts.HAICANG).body(draft).put("/api/reports/{id}/draft", report)
                .then().statusCode(200).extract().path("version")).longValue();
        as(Accounts.HAICANG).body(Map.of("version", saved)).post("/api/reports/{id}/submit", report).then().statusCode(200);
        as(Accounts.XIAMEN).body(Map.of("comment", "请重写产业现状")).post("/api/reports/{id}/return", report).then().statusCode(200);
        long current = Fixtures.version(Accounts.HAICANG, report);
        as(Accounts.HAICANG).body(Map.of("version", current, "sections", Map.of("COUNTY_INDUSTRY", second)))
                .put("/api/reports/{id}/draft", report).then().statusCode(200);

        as(Accounts.HAICANG).get("/api/reports/{id}/revisions", report).then().statusCode(200);
        as(Accounts.HAICANG).get("/api/reports/{id}/revisions/1", report).then().statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo(first));
        for (String account : new String[] {Accounts.HAICANG, Accounts.XIAMEN}) {
            given().cookie("quarkus-credential", Api.login(account)).accept("text/html")
                    .get("/reports/{id}/history", report)
                    .then().statusCode(200)
                    .body(containsString("按整段显示"));
        }
    }
}
