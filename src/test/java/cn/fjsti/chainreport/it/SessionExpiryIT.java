package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A login cookie stops working after the configured idle time (8 hours in production; 3 seconds here). */
class SessionExpiryIT {

    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void shouldExpireAnIdleSession() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = System.getenv().getOrDefault("SESSION_IT_JDBC_URL",
                "jdbc:h2:file:./target/h2/session-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        File log = Files.createDirectories(Path.of("target", "session-it")).resolve("app.log").toFile();
        app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.profile=demo", "-Dquarkus.datasource.jdbc.url=" + url,
                "-Dquarkus.http.auth.form.timeout=PT3S", "-Dquarkus.http.auth.form.new-cookie-interval=PT1S",
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log).start();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        boolean ready = false;
        while (!ready && Instant.now().isBefore(until)) {
            try {
                ready = given().port(port).get("/q/health/ready").statusCode() == 200;
            } catch (Exception notYet) {
                Thread.sleep(250);
            }
        }
        String cookie = given().port(port).formParam("j_username", "350205").formParam("j_password", "demo2026")
                .post("/j_security_check").then().statusCode(200).extract().cookie("quarkus-credential");
        given().port(port).cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(200);
        Thread.sleep(4500);
        given().port(port).cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(401);
    }
}
