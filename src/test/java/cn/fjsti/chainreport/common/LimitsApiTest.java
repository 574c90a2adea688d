package cn.fjsti.chainreport.common;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Limits that disagreed, each a 500 before: every documented limit is checked at the door with a 4xx
 * problem+json, and what passes the door is stored (the columns are checked by {@link LimitsSchemaTest}).
 * Texts at the limit are made of characters outside the BMP (𠮷), which take two UTF-16 units each.
 */
@QuarkusTest
class LimitsApiTest {

    private static final String ASTRAL = "𠮷";
    private static final String GOOD_PASSWORD = "Fujian#Chain2031";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    Database db;

    @Test
    void shouldDeliverAReturnCommentOfTheFullLengthToTheInbox() {
        long report = Fixtures.newReport(Accounts.HULI);
        Fixtures.fillAndSubmit(Accounts.HULI, report);
        String tooLong = ASTRAL.repeat(Limits.COMMENT + 1);
        db.assertWritesNothing(() -> as(Accounts.XIAMEN).body(Map.of("comment", tooLong)).post("/api/reports/{id}/return", report)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("fields[0].field", equalTo("comment")).body("detail", containsString("4000")));
        String comment = "请补充数据" + ASTRAL.repeat(Limits.COMMENT - 5);
        as(Accounts.XIAMEN).body(Map.of("comment", comment)).post("/api/reports/{id}/return", report).then().statusCode(200);
        List<String> bodies = as(Accounts.HULI).get("/api/notifications").then().statusCode(200).extract().path("items.body");
        assertThat(bodies).anyMatch(b -> b.contains(comment));
    }

    @Test
    void shouldMergeReportsOnChainsWithNamesOfTheFullLength() {
        long campaign = Fixtures.openCampaign();
        String chain = ASTRAL.repeat(Limits.CHAIN_NAME - 3) + "产业链";
        long haicang = Fixtures.approvedInXiamen(Accounts.HAICANG, campaign, chain);
        long xiangan = Fixtures.approvedInXiamen(Accounts.XIANGAN, campaign, chain);
        as(Accounts.XIAMEN).body(Map.of("reportIds", List.of(haicang, xiangan), "chain", "合" + ASTRAL.repeat(Limits.CHAIN_NAME - 1)))
                .post("/api/campaigns/{c}/merges", campaign).then().statusCode(201)
                .body("chainName", equalTo("合" + ASTRAL.repeat(Limits.CHAIN_NAME - 1)));
    }

    @Test
    void shouldMergeTwelveFullReportsKeepingEveryCountysWords() {
        long campaign = Fixtures.openCampaign();
        List<Long> reports = new ArrayList<>();
        Map<Long, String> words = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String county = i % 2 == 0 ? Accounts.HAICANG : Accounts.XIANGAN;
            String chain = "第" + (i + 1) + "号长文产业链";
            long id = Fixtures.declare(county, campaign, chain).get(chain);
            String mark = "【第" + (i + 1) + "份】";
            String text = mark + "字".repeat(Limits.SECTION - mark.length());
            Map<String, Object> draft = new LinkedHashMap<>(Fixtures.completeDraft(Fixtures.version(county, id)));
            Map<String, String> sections = new LinkedHashMap<>();
            for (String section : List.of("COUNTY_INDUSTRY", "COUNTY_TECHNOLOGY", "DOMESTIC_INDUSTRY", "DOMESTIC_TECHNOLOGY",
                    "DOMESTIC_TRENDS", "INDUSTRY_MEASURES", "INNOVATION_DIRECTIONS")) {
                sections.put(section, text);
            }
            draft.put("sections", sections);
            long saved = ((Number) as(county).body(draft).put("/api/reports/{id}/draft", id).then().statusCode(200)
                    .extract().path("version")).longValue();
            as(county).body(Map.of("version", saved)).post("/api/reports/{id}/submit", id).then().statusCode(200);
            Fixtures.approve(Accounts.XIAMEN, id);
            reports.add(id);
            words.put(id, text);
        }
        long merged = ((Number) as(Accounts.XIAMEN).body(Map.of("reportIds", reports)).post("/api/campaigns/{c}/merges", campaign)
                .then().statusCode(201).extract().path("consolidatedReportId")).longValue();
        Map<String, String> sections = as(Accounts.XIAMEN).get("/api/reports/{id}", merged).then().statusCode(200)
                .extract().path("sections");
        assertThat(sections.get("COUNTY_INDUSTRY").length()).isGreaterThan(12 * Limits.SECTION);
        for (String text : words.values()) {
            assertThat(sections.get("COUNTY_INDUSTRY")).contains(text);
            assertThat(sections.get("INNOVATION_DIRECTIONS")).contains(text);
        }
        // The city condenses it step by step: a save of the whole merged text, edited a little, is accepted.
        long version = Fixtures.version(Accounts.XIAMEN, merged);
        as(Accounts.XIAMEN).body(Map.of("version", version, "sections", Map.of("COUNTY_INDUSTRY", "综述：" + sections.get("COUNTY_INDUSTRY"))))
                .put("/api/reports/{id}/draft", merged).then().statusCode(200).body("version", org.hamcrest.Matchers.greaterThan((int) version));
        // A county still cannot type more than its limit.
        long county = Fixtures.newReport(Accounts.HAICANG);
        long countyVersion = Fixtures.version(Accounts.HAICANG, county);
        db.assertWritesNothing(() -> as(Accounts.HAICANG)
                .body(Map.of("version", countyVersion, "sections", Map.of("COUNTY_INDUSTRY", "字".repeat(Limits.SECTION + 1))))
                .put("/api/reports/{id}/draft", county).then().statusCode(400)
                .body("fields[0].field", equalTo("sections.COUNTY_INDUSTRY")));
    }

    @Test
    void shouldRefuseAuditPagesBeyondTheLast() {
        for (String page : List.of("2147483647", String.valueOf(Limits.AUDIT_MAX_PAGE + 1), "-1", "-2147483648")) {
            as(Accounts.INSTITUTE).get("/api/audit?page=" + page).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("detail", containsString("页码"));
        }
        as(Accounts.INSTITUTE).get("/api/audit?page=" + Limits.AUDIT_MAX_PAGE).then().statusCode(200);
        as(Accounts.INSTITUTE).get("/api/audit?page=99999999999").then().statusCode(org.hamcrest.Matchers.lessThan(500))
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldRefusePasswordsBcryptCannotReadAndFailLoginsWithThemNormally() {
        String chinese31 = "福建省科学技术信息研究所县域重点产业创新链调研报告工作流程服务";
        assertThat(chinese31.codePointCount(0, chinese31.length())).isEqualTo(31);
        List<String> tooLong = List.of(chinese31, "Aa1!" + "密".repeat(23), "Aa1!" + "x".repeat(69), "Aa1!" + "😀".repeat(18));
        for (String password : tooLong) {
            assertThat(password.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(Limits.PASSWORD_BYTES);
            db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("username", "limits-long", "password", password,
                            "role", "COUNTY", "regionCode", Accounts.HULI)).post("/api/accounts").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("fields.field", hasItem("password")).body("fields.message", hasItem(containsString("72 个字节"))));
            db.assertWritesNothing(() -> as(Accounts.ADMIN).body(Map.of("password", password))
                    .put("/api/accounts/{u}/password", Accounts.HULI).then().statusCode(400));
        }
        // 72 bytes exactly: 22 Chinese characters and 6 ASCII ones.
        String fits = "Aa1!xy" + "福建省科学技术信息研究所县域重点产业创新链调";
        assertThat(fits.getBytes(StandardCharsets.UTF_8).length).isEqualTo(Limits.PASSWORD_BYTES);
        as(Accounts.ADMIN).body(Map.of("username", "limits-72", "password", fits, "role", "COUNTY", "regionCode", Accounts.HULI))
                .post("/api/accounts").then().statusCode(201);
        given().header("Authorization", basic("limits-72", fits)).get("/api/session").then().statusCode(200);
        given().contentType(FORM).formParam("j_username", "limits-72").formParam("j_password", fits).post("/j_security_check").then().statusCode(200);

        // Logging in with a password bcrypt cannot read is a wrong password, on both doors, for known and unknown names.
        for (String user : List.of("limits-72", "no-such-user")) {
            given().header("Authorization", basic(user, chinese31)).get("/api/session").then().statusCode(401)
                    .contentType(startsWith("application/problem+json"));
            given().contentType(FORM).formParam("j_username", user).formParam("j_password", chinese31).post("/j_security_check")
                    .then().statusCode(401);
        }
        given().header("Authorization", basic("limits-72", fits)).get("/api/session").then().statusCode(200);
        // Changing one's own password: a current password that is too long is just not the current password.
        given().header("Authorization", basic("limits-72", fits)).contentType("application/json")
                .body(Map.of("currentPassword", chinese31, "newPassword", GOOD_PASSWORD)).put("/api/session/password")
                .then().statusCode(400).body("fields[0].field", equalTo("currentPassword"));
    }

    /** HTTP Basic in UTF-8 (RFC 7617), which rest-assured's own encoding is not. */
    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
