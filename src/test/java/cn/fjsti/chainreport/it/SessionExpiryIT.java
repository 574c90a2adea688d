package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A login cookie stops working after the configured idle time (8 hours in production; 3 seconds here). */
class SessionExpiryIT {

    @Test
    void shouldExpireAnIdleSession() throws Exception {
        String url = System.getenv().getOrDefault("SESSION_IT_JDBC_URL",
                "jdbc:h2:file:./target/h2/session-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        try (PackagedJar app = PackagedJar.start("session-it", url,
                "-Dquarkus.http.auth.form.timeout=PT3S", "-Dquarkus.http.auth.form.new-cookie-interval=PT1S")) {
            int port = app.port();
            String cookie = given().port(port).formParam("j_username", "350205").formParam("j_password", "demo2026")
                    .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
            given().port(port).cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(200);
            Thread.sleep(4500);
            given().port(port).cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(401);
        }
    }
}
