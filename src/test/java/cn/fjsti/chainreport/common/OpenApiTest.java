package cn.fjsti.chainreport.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/openapi documents the refusals as problem+json (ProblemResponses) and the 201s the resources answer. */
@QuarkusTest
class OpenApiTest {

    @Test
    void refusalsAreDocumentedAsProblems() {
        JsonPath api = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(api.getMap("components.schemas.Problem.properties")).containsKeys("title", "status", "detail", "fields");
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("responses");
                String where = op.getKey() + " " + path.getKey();
                assertThat(responses).as(where).containsKey("500");
                if (path.getKey().contains("{")) {
                    assertThat(responses).as(where).containsKey("404");
                }
                if (!op.getKey().equals("get")) {
                    assertThat(responses).as(where).containsKeys("409");
                }
                operations++;
            }
        }
        assertThat(operations).isGreaterThan(35);
        String merge = "paths.'/api/campaigns/{campaignId}/merges'.post.responses";
        assertThat(api.getMap(merge)).containsKeys("400", "401", "403", "404", "409", "413", "415", "422", "500");
        assertThat(api.prettify()).contains("application/problem+json").contains("#/components/schemas/Problem");
        assertThat(api.getMap("paths.'/api/admin/backup'.post.responses")).containsKeys("201", "401", "403", "409", "500");
        for (String created : new String[]{"'/api/campaigns'", "'/api/campaigns/{campaignId}/merges'", "'/api/accounts'"}) {
            assertThat(api.getMap("paths." + created + ".post.responses")).as(created).containsKey("201").doesNotContainKey("200");
        }
    }
}
