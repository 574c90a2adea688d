package cn.fjsti.chainreport.security;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Secrets never reach the audit log; ending sessions; login pauses; forged cross-site requests; JSON only. */
@QuarkusTest
class SessionSecurityTest {

    private static final String COOKIE = "quarkus-credential";
    private static final String GOOD = "Fujian#Keji2031";

    @Inject
    LoginThrottle throttle;

    @Inject
    Database db;

    private static String newCounty() {
        String username = "s-" + UUID.randomUUID().toString().substring(0, 8);
        as(Accounts.ADMIN).body(Map.of("username", username, "password", GOOD, "role", "COUNTY", "regionCode", "350124"))
                .post("/api/accounts").then().statusCode(201);
        return username;
    }

    private static String login(String username, String password) {
        return given().formParam("j_username", username).formParam("j_password", password).post("/j_security_check")
                .then().statusCode(200).extract().cookie(COOKIE);
    }

    private static int session(String cookie) {
        return given().cookie(COOKIE, cookie).get("/api/session").statusCode();
    }

    @Test
    void shouldNeverWriteAPasswordIntoTheAuditLog() {
        String created = "Audit#Create2031";
        String reset = "Audit#Reset20311";
        String changed = "Audit#Change2031";
        String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        as(Accounts.ADMIN).body(Map.of("username", username, "password", created, "role", "COUNTY", "regionCode", "350124"))
                .post("/api/accounts").then().statusCode(201);
        as(Accounts.ADMIN).body(Map.of("password", reset)).put("/api/accounts/" + username + "/password").then().statusCode(200);
        given().auth().preemptive().basic(username, reset).contentType("application/json")
                .body(Map.of("currentPassword", reset, "newPassword", changed)).put("/api/session/password").then().statusCode(204);
        String log = as(Accounts.INSTITUTE).get("/api/audit").then().statusCode(200).extract().asString();
        assertThat(log).contains("account.create", "account.resetPassword", "account.changeOwnPassword", username)
                .doesNotContain(created, reset, changed);
        String rows = as(Accounts.ADMIN).get("/api/audit?username=" + username).then().statusCode(200).extract().asString();
        assertThat(rows).doesNotContain(reset, changed);
    }

    @Test
    void shouldEndEverySessionOfTheAccountOnLogout() {
        String username = newCounty();
        String first = login(username, GOOD);
        String second = login(username, GOOD);
        assertThat(session(first)).isEqualTo(200);
        given().cookie(COOKIE, first).post("/api/session/logout").then().statusCode(204);
        assertThat(session(first)).as("the cookie that logged out").isEqualTo(401);
        assertThat(session(second)).as("another browser of the same account").isEqualTo(401);
        assertThat(session(login(username, GOOD))).as("a new login").isEqualTo(200);
    }

    @Test
    void shouldEndSessionsOnPasswordResetChangeAndDisabling() {
        String username = newCounty();
        String before = login(username, GOOD);
        as(Accounts.ADMIN).body(Map.of("password", "Reset#Pass20311")).put("/api/accounts/" + username + "/password").then().statusCode(200);
        assertThat(session(before)).as("after a reset").isEqualTo(401);

        String beforeChange = login(username, "Reset#Pass20311");
        given().cookie(COOKIE, beforeChange).contentType("application/json")
                .body(Map.of("currentPassword", "Reset#Pass20311", "newPassword", "Change#Pass2031")).put("/api/session/password")
                .then().statusCode(204);
        assertThat(session(beforeChange)).as("after changing one's own password").isEqualTo(401);

        String beforeDisable = login(username, "Change#Pass2031");
        as(Accounts.ADMIN).post("/api/accounts/" + username + "/disable").then().statusCode(200);
        as(Accounts.ADMIN).post("/api/accounts/" + username + "/enable").then().statusCode(200);
        assertThat(session(beforeDisable)).as("after disabling, even once enabled again").isEqualTo(401);
        assertThat(session(login(username, "Change#Pass2031"))).isEqualTo(200);
    }

    @Test
    void shouldForgetAVerifiedBasicPasswordOnceTheAccountChanges() {
        String username = newCounty();
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(username, GOOD).get("/api/session").then().statusCode(200);
        }
        as(Accounts.ADMIN).body(Map.of("password", "Reset#Pass20311")).put("/api/accounts/" + username + "/password").then().statusCode(200);
        given().auth().preemptive().basic(username, GOOD).get("/api/session").then().statusCode(401);
        given().auth().preemptive().basic(username, "Reset#Pass20311").get("/api/session").then().statusCode(200);
        as(Accounts.ADMIN).post("/api/accounts/" + username + "/disable").then().statusCode(200);
        given().auth().preemptive().basic(username, "Reset#Pass20311").get("/api/session").then().statusCode(401);
    }

    @Test
    void shouldRefuseACookieThatWasTamperedWith() {
        String username = newCounty();
        String cookie = login(username, GOOD);
        as(Accounts.ADMIN).body(Map.of("password", "Reset#Pass20311")).put("/api/accounts/" + username + "/password").then().statusCode(200);
        char[] chars = cookie.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertThat(session(new String(chars))).isEqualTo(401);
        assertThat(session("not-a-cookie")).isEqualTo(401);
    }

    @Test
    void shouldPauseOnlyTheAddressThatGuessedAndLetTheAdministratorLiftIt() {
        String username = newCounty();
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(username, "wrong" + i).get("/api/session").then().statusCode(401);
        }
        given().auth().preemptive().basic(username, GOOD).get("/api/session").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("管理员可解除"));
        assertThat(throttle.locked(username, "10.1.2.3")).as("the same name from another address").isFalse();

        db.assertWritesNothing(() -> as(Accounts.HAICANG).post("/api/accounts/" + username + "/unlock").then().statusCode(403));
        db.assertWritesNothing(() -> as(Accounts.INSTITUTE).post("/api/accounts/" + username + "/unlock").then().statusCode(403));
        as(Accounts.ADMIN).post("/api/accounts/" + username + "/unlock").then().statusCode(200).body("lifted", equalTo(1));
        given().auth().preemptive().basic(username, GOOD).get("/api/session").then().statusCode(200);
        as(Accounts.ADMIN).post("/api/accounts/nobody-at-all/unlock").then().statusCode(404);

        String log = as(Accounts.ADMIN).get("/api/audit?username=" + username).then().statusCode(200).extract().asString();
        assertThat(log).contains("login.paused");
        assertThat(as(Accounts.ADMIN).get("/api/audit").then().extract().asString()).contains("account.unlock");
    }

    @Test
    void shouldKeepNothingForUserNamesNoAccountCanHave() {
        long before = throttle.tracked();
        for (int i = 0; i < 50; i++) {
            String name = "x".repeat(65) + i;
            given().auth().preemptive().basic(name, "whatever").get("/api/session").then().statusCode(401);
            given().formParam("j_username", name + "y".repeat(1000)).formParam("j_password", "p").post("/j_security_check")
                    .then().statusCode(401).header("Set-Cookie", nullValue());
        }
        assertThat(throttle.tracked()).isEqualTo(before);
    }

    @Test
    void shouldTreatPasswordsBeyondWhatBcryptReadsAsOrdinaryFailures() {
        String longChinese = "福建省科学技术信息研究所县域重点产业创新链调研报告的密码很长很长很长";
        given().auth().preemptive().basic(Accounts.HULI, longChinese).get("/api/session").then().statusCode(401)
                .contentType("application/problem+json");
        given().formParam("j_username", Accounts.HULI).formParam("j_password", "a".repeat(500)).post("/j_security_check")
                .then().statusCode(401);
        given().auth().preemptive().basic("no-such-user", longChinese).get("/api/session").then().statusCode(401);
    }

    @Test
    void shouldRefuseStateChangesFromAnotherOrigin() {
        String own = "http://localhost:" + RestAssured.port;
        for (String origin : List.of("http://evil.example", "http://localhost:" + (RestAssured.port + 1), "null",
                "https://localhost:" + RestAssured.port + ".evil.example", "file://")) {
            as(Accounts.MINHOU).header("Origin", origin).post("/api/session/logout").then().statusCode(403)
                    .contentType("application/problem+json").body("title", equalTo("跨站请求被拒绝"));
            given().header("Origin", origin).formParam("j_username", Accounts.MINHOU).formParam("j_password", Api.PASSWORD)
                    .post("/j_security_check").then().statusCode(403).header("Set-Cookie", nullValue());
            db.assertWritesNothing(() -> as(Accounts.ADMIN).header("Origin", origin).post("/api/accounts/350206/disable")
                    .then().statusCode(403));
        }
        for (String site : List.of("cross-site", "same-site")) {
            db.assertWritesNothing(() -> as(Accounts.ADMIN).header("Sec-Fetch-Site", site).post("/api/accounts/350206/disable")
                    .then().statusCode(403));
        }
        given().header("Origin", own).formParam("j_username", Accounts.MINHOU).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check").then().statusCode(200);
        as(Accounts.HAICANG).header("Origin", own).header("Sec-Fetch-Site", "same-origin").get("/api/session").then().statusCode(200);
        as(Accounts.HAICANG).header("Origin", "http://evil.example").get("/api/session").then().statusCode(200);
    }

    @Test
    void shouldReadOnlyJsonBodiesOnJsonEndpoints() {
        String username = newCounty();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "text/html")) {
            db.assertWritesNothing(() -> as(Accounts.ADMIN).config(RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                            .encodeContentTypeAs(type.split(";")[0], io.restassured.http.ContentType.TEXT)))
                    .contentType(type).body("{\"password\":\"Plain#Text20311\"}")
                    .put("/api/accounts/" + username + "/password").then().statusCode(415)
                    .contentType("application/problem+json").body("detail", containsString("application/json")));
        }
        given().auth().preemptive().basic(username, GOOD).get("/api/session").then().statusCode(200);
        db.assertWritesNothing(() -> as(Accounts.ADMIN).contentType("text/plain").body("{\"year\":2040}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/campaigns")
                .then().statusCode(415));
    }

    @Test
    void shouldAcceptOnlySameSitePathsAfterLogin() {
        for (String bad : List.of("/\t/evil.example/x", "/\n/evil.example", "/\r/evil.example", "//evil.example", "/\\evil.example",
                "https://evil.example", "/\u000B/evil.example", "/\u200B/evil.example", "/ /evil.example", "/\u3000/evil", "evil",
                "")) {
            assertThat(cn.fjsti.chainreport.web.Pages.safeNext(bad)).as(bad).isEmpty();
        }
        assertThat(cn.fjsti.chainreport.web.Pages.safeNext("/report/5?tab=history")).isEqualTo("/report/5?tab=history");
        String page = given().urlEncodingEnabled(false).get("/login?next=/%09/evil.example/x").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("evil.example");
        page = given().urlEncodingEnabled(false).get("/login?next=/%0a/evil.example/x").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("evil.example");
    }
}
