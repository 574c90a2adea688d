package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs against the packaged jar (java -jar target/quarkus-app/quarkus-run.jar), where class-loading
 * problems that @QuarkusTest cannot see would stop the engine from starting.
 */
@QuarkusIntegrationTest
class PackagedJarIT {

    private static String login(String user) {
        return given().formParam("j_username", user).formParam("j_password", "demo2026")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
    }

    private static RequestSpecification with(String cookie) {
        return given().cookie("quarkus-credential", cookie).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String user) {
        return with(login(user));
    }

    @Test
    void shouldStartWithTheEngineAndCarryADraftToTheCity() throws java.io.IOException {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));

        int campaign = as("admin").body(Map.of("year", 2090)).post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        String county = login("350213");
        int report = with(county).body(Map.of("chains", List.of("集成电路产业链"))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200).extract().path("declaredChains[0].reportId");
        int version = with(county).get("/api/reports/{id}", report).then().statusCode(200).extract().path("version");
        Map<String, Object> sections = Map.of("COUNTY_INDUSTRY", "甲", "COUNTY_TECHNOLOGY", "乙", "DOMESTIC_INDUSTRY", "丙",
                "DOMESTIC_TECHNOLOGY", "丁", "DOMESTIC_TRENDS", "戊", "INDUSTRY_MEASURES", "己", "INNOVATION_DIRECTIONS", "庚");
        int saved = with(county).body(Map.of("version", version, "sections", sections,
                        "units", List.of(Map.of("name", "厦门大学", "kind", "UNIVERSITY", "strength", "集成电路设计"))))
                .put("/api/reports/{id}/draft", report).then().statusCode(200).extract().path("version");
        with(county).body(Map.of("version", saved)).post("/api/reports/{id}/submit", report)
                .then().statusCode(200).body("stage", equalTo("UNDER_REVIEW"));

        as("350200").get("/api/tasks").then().statusCode(200).body("reportId", hasItem(report));

        // Word rendering works inside the production class loader too.
        byte[] docx = with(county).get("/api/reports/{id}/document", report).then().statusCode(200).extract().asByteArray();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            org.assertj.core.api.Assertions.assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("翔安区县域重点产业创新链调研报告");
        }
        with(county).contentType("application/octet-stream").body(docx).post("/api/reports/{id}/import", report)
                .then().statusCode(409);
    }
}
