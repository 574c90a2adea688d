package cn.fjsti.chainreport.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void shouldReportTheDatabaseAndTheEngineInHealth() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("workflow-engine", "Database connections health check"))
                .body("checks.find { it.name == 'workflow-engine' }.data.processDefinitions", equalTo(5));
    }

    @Test
    void shouldDocumentTheApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/reports/{id}/draft"))
                .body("paths", hasKey("/api/campaigns/{campaignId}/chains"))
                .body("paths", hasKey("/api/tasks"));
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().auth().preemptive().basic("350205", "demo2026").get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
