package cn.fjsti.chainreport.common;

import static cn.fjsti.chainreport.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import cn.fjsti.chainreport.document.DocumentService;
import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every refusal, the HTTP layer's included, is application/problem+json with a Chinese message that says what
 * to do: bodies over the 12 MB limit (were 413 with an empty body), login fields over the form decoder's 2 KB
 * (were 200 without a cookie), failed logins, addresses and methods nothing serves, formats nothing reads or
 * writes. Nothing is written, and an ordinary login still works.
 */
@QuarkusTest
class HttpRefusalsTest {

    private static final String CHINESE = ".*[\\u4e00-\\u9fff].*";

    @Inject
    Database db;

    @Test
    void shouldRefuseAnUploadOverTheHttpLimitWithAProblem() {
        long report = Fixtures.newReport(Accounts.XIANGAN);
        byte[] thirteenMegabytes = new byte[13 * 1024 * 1024];
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DocumentService.DOCX).body(thirteenMegabytes)
                .post("/api/reports/{id}/import", report)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("10 MB")).body("status", equalTo(413)));
    }

    @Test
    void shouldRefuseAWordImportBeyondTheNumberReadAtOnceBeforeReadingItsBody() throws Exception {
        long report = Fixtures.newReport(Accounts.XIANGAN);
        String auth = java.util.Base64.getEncoder().encodeToString((Accounts.XIANGAN + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        java.util.List<java.net.Socket> waiting = new java.util.ArrayList<>();
        try {
            // Imports whose bodies are still coming: each is counted in until its answer or its connection ends.
            for (int i = 0; i < HttpRefusals.IMPORTS_AT_ONCE; i++) {
                java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port);
                socket.getOutputStream().write(("POST /api/reports/" + report + "/import HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Basic " + auth + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                waiting.add(socket);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            Response refused;
            do {
                refused = as(Accounts.XIANGAN).contentType(DocumentService.DOCX).body(new byte[100]).post("/api/reports/{id}/import", report);
            } while (refused.statusCode() != 503 && System.currentTimeMillis() < deadline);
            Response answer = refused;
            db.assertWritesNothing(() -> answer.then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "60").body("detail", containsString("稍等一分钟")));
        } finally {
            for (java.net.Socket socket : waiting) {
                socket.close();
            }
        }
        // Their connections gone, imports are read again (this one is not Word: 400, not 503).
        long deadline = System.currentTimeMillis() + 10_000;
        int status;
        do {
            status = as(Accounts.XIANGAN).contentType(DocumentService.DOCX).body(new byte[100]).post("/api/reports/{id}/import", report)
                    .statusCode();
        } while (status == 503 && System.currentTimeMillis() < deadline);
        assertThat(status).isEqualTo(400);
    }

    @Test
    void shouldRefuseAJsonBodyOverTheHttpLimitWithAProblem() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        long version = Fixtures.version(Accounts.HAICANG, report);
        byte[] text = new byte[13 * 1024 * 1024];
        Arrays.fill(text, (byte) 'a');
        byte[] body = ("{\"version\":" + version + ",\"sections\":{\"COUNTY_INDUSTRY\":\"" + new String(text, StandardCharsets.US_ASCII)
                + "\"}}").getBytes(StandardCharsets.US_ASCII);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body(body).put("/api/reports/{id}/draft", report)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", matchesPattern(CHINESE)));
    }

    @Test
    void shouldRefuseALoginFieldOverTheFormLimitWithAProblemAndNoCookie() {
        for (String[] fields : new String[][] {
            {Accounts.HAICANG, "x".repeat(3000)},
            {"u".repeat(3000), Api.PASSWORD},
            {Accounts.HAICANG, "密".repeat(1000)},
        }) {
            Response r = given().formParam("j_username", fields[0]).formParam("j_password", fields[1]).post("/j_security_check");
            r.then().statusCode(413).contentType("application/problem+json").body("detail", containsString("过长"));
            assertThat(r.getCookie("quarkus-credential")).as("login cookie").isNull();
        }
    }

    @Test
    void shouldRefuseAChunkedLoginWithAProblem() throws Exception {
        // A body of unknown length (chunked) cannot be held to the form limit before it is read.
        byte[] form = ("j_username=" + Accounts.HAICANG + "&j_password=" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(411);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).matches("(?s)" + CHINESE);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("quarkus-credential="));
    }

    @Test
    void shouldStillLogInNormallyAndAnswerAWrongPasswordWithAProblem() {
        assertThat(Api.login(Accounts.HULI)).isNotBlank();
        Response wrong = given().formParam("j_username", Accounts.XIANGAN).formParam("j_password", "not-the-password")
                .post("/j_security_check");
        wrong.then().statusCode(401).contentType("application/problem+json").body("detail", matchesPattern(CHINESE));
        assertThat(wrong.getCookie("quarkus-credential")).isNull();
    }

    @Test
    void shouldAnswerAnApiAddressNothingServesWithAProblem() {
        as(Accounts.HAICANG).get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("detail", matchesPattern(CHINESE));
        Api.anonymous().get("/api/no-such-thing/either").then().statusCode(404).contentType("application/problem+json");
        as(Accounts.HAICANG).get("/api/reports/1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAWrongMethodAndUnreadableFormatsWithAProblem() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).delete("/api/reports/{id}", report)
                .then().statusCode(405).contentType("application/problem+json").body("detail", matchesPattern(CHINESE)));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).contentType("text/plain").body("{\"version\":1}")
                .put("/api/reports/{id}/draft", report)
                .then().statusCode(415).contentType("application/problem+json").body("detail", matchesPattern(CHINESE)));
        // The figure upload says what it takes (an image), not "use application/json"; over the HTTP limit, the image limit.
        long version = Fixtures.version(Accounts.HAICANG, report);
        db.assertWritesNothing(() -> as(Accounts.HAICANG).contentType("text/plain").body("不是图片".getBytes(StandardCharsets.UTF_8))
                .queryParam("version", version).queryParam("section", "COUNTY_INDUSTRY").queryParam("caption", "图谱")
                .post("/api/reports/{id}/exhibits/figures", report)
                .then().statusCode(415).contentType("application/problem+json").body("detail", containsString("PNG 或 JPEG")));
        db.assertWritesNothing(() -> as(Accounts.HAICANG).contentType("image/png").body(new byte[13 * 1024 * 1024])
                .queryParam("version", version).queryParam("section", "COUNTY_INDUSTRY").queryParam("caption", "图谱")
                .post("/api/reports/{id}/exhibits/figures", report)
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("图片不能超过 5 MB")));
        Response r = as(Accounts.HAICANG).accept("application/xml").get("/api/reports/{id}", report);
        r.then().statusCode(406).body("detail", matchesPattern(CHINESE));
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
    /** An endpoint that reads no body would drop it (a comment, a broken JSON text) and act as if it had been taken. */
    @Test
    void shouldRefuseABodyTheEndpointWouldDropAndDoNothing() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        Fixtures.fillAndSubmit(Accounts.HAICANG, report);
        for (String body : java.util.List.of("{\"comment\":\"撤回原因\"}", "{bad", "[1]")) {
            db.assertWritesNothing(() -> as(Accounts.HAICANG).body(body).post("/api/reports/{id}/withdraw", report)
                    .then().statusCode(400).contentType("application/problem+json").body("fields[0].field", equalTo("body"))
                    .body("detail", containsString("不需要请求内容")));
        }
        db.assertWritesNothing(() -> as(Accounts.HAICANG).body("{\"unreadOnly\":true}").post("/api/notifications/read-all")
                .then().statusCode(400));
        // 重新生成 the compilation takes no options either: a body is refused and no build starts.
        long campaign = Fixtures.openCampaign();
        as(Accounts.INSTITUTE).body("{\"force\":true}").post("/api/campaigns/{id}/compilation/build", campaign)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("不需要请求内容"));
        as(Accounts.INSTITUTE).get("/api/campaigns/{id}/compilation/status", campaign)
                .then().statusCode(200).body("state", equalTo("NONE"));
        // Nothing, or an empty object, is what a script sends: taken.
        as(Accounts.HAICANG).body(" { } ").post("/api/reports/{id}/withdraw", report).then().statusCode(200);
        as(Accounts.HAICANG).post("/api/notifications/read-all").then().statusCode(200);
    }
}
