package cn.fjsti.chainreport.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * /q/openapi tells the whole truth: the refusals as problem+json (ProblemResponses), the 201s and 204s the resources
 * answer, downloads with their real media types as binary, and every operation tagged by who uses it (ApiTags).
 */
@QuarkusTest
class OpenApiTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static JsonPath api() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void refusalsAreDocumentedAsProblems() {
        JsonPath api = api();
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

    @Test
    void everyOperationIsTaggedByWhoUsesIt() {
        JsonPath api = api();
        Set<String> roles = Set.of("区县", "设区市", "省情报所", "管理员", "通用");
        assertThat(api.getList("tags.name", String.class)).containsAll(roles);
        assertThat(api.getString("tags.find { it.name == '省情报所' }.description")).contains("福建省科学技术信息研究所");
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                List<String> tags = (List<String>) op.getValue().get("tags");
                assertThat(tags).as(op.getKey() + " " + path.getKey()).isNotEmpty().allMatch(roles::contains);
            }
        }
        assertThat(tags(api, "post", "/api/campaigns/{campaignId}/chains")).containsExactly("区县");
        assertThat(tags(api, "post", "/api/reports/{id}/approve")).containsExactly("设区市");
        assertThat(tags(api, "post", "/api/campaigns/{campaignId}/packages/{unit}/accept")).containsExactly("省情报所");
        assertThat(tags(api, "get", "/api/campaigns/{campaignId}/packages/{unit}")).containsExactlyInAnyOrder("设区市", "省情报所");
        assertThat(tags(api, "post", "/api/campaigns")).containsExactly("管理员");
        assertThat(tags(api, "get", "/api/tasks")).containsExactly("通用");
    }

    @Test
    void downloadsAreBinaryInTheirRealMediaTypes() {
        JsonPath api = api();
        String report = "paths.'/api/reports/{id}/document'.get.responses.'200'";
        assertThat(api.getMap(report + ".content")).containsOnlyKeys(DOCX);
        assertThat(api.getString(report + ".content.'" + DOCX + "'.schema.format")).isEqualTo("binary");
        assertThat(api.getMap(report + ".headers")).containsKey("Content-Disposition");
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/packages/{unit}/bundle'.get.responses.'200'.content")).containsOnlyKeys(DOCX);
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/packages/{unit}/summary'.get.responses.'200'.content")).containsOnlyKeys(XLSX);
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/board/export'.get.responses.'200'.content")).containsOnlyKeys(XLSX);
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/compilation'.get.responses.'200'.content")).containsOnlyKeys(DOCX);
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/compilation/items'.get.responses.'200'.content")).containsOnlyKeys(XLSX);
        String image = "paths.'/api/reports/{id}/exhibits/{exhibitId}/image'.get.responses.'200'.content";
        assertThat(api.getMap(image)).containsOnlyKeys("image/png", "image/jpeg");
        assertThat(api.getString(image + ".'image/png'.schema.format")).isEqualTo("binary");
    }

    @Test
    void createdAndEmptyAnswersAndTheRarerRefusalsAreDocumented() {
        JsonPath api = api();
        String chase = "paths.'/api/campaigns/{campaignId}/chases/{regionCode}'.post.responses";
        assertThat(api.getMap(chase)).containsKeys("201", "429").doesNotContainKey("200");
        assertThat(api.getMap(chase + ".'429'.content")).containsOnlyKeys("application/problem+json");
        assertThat(api.getMap("paths.'/api/campaigns/{campaignId}/chains/city-led'.post.responses")).containsKey("201").doesNotContainKey("200");
        assertThat(api.getMap("paths.'/api/reports/{id}/import'.post.responses")).containsKeys("200", "413", "415", "503");
        for (String empty : new String[]{"post.'/api/campaigns/{campaignId}/duplicates/dismiss'", "post.'/api/session/logout'",
                "put.'/api/session/password'"}) {
            String[] m = empty.split("\\.", 2);
            assertThat(api.getMap("paths." + m[1] + "." + m[0] + ".responses")).as(empty).containsKey("204").doesNotContainKey("200");
        }
        // Every refusal an operation documents, whoever documented it, is a problem.
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.getValue().get("responses");
                if (!path.getKey().startsWith("/api/") || responses == null) {
                    continue;
                }
                responses.forEach((code, answer) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) answer.get("content");
                        assertThat(content).as(code + " " + op.getKey() + " " + path.getKey()).containsOnlyKeys("application/problem+json");
                    }
                });
            }
        }
    }

    private static List<String> tags(JsonPath api, String method, String path) {
        return api.getList("paths.'" + path + "'." + method + ".tags", String.class);
    }
}
