package cn.fjsti.chainreport.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.SettableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HardeningTest {

    @Inject
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldLockAUserNameAfterFiveWrongPasswordsForFifteenMinutes() {
        String user = "350981";
        Instant start = Instant.parse("2031-06-01T02:00:00Z");
        clock.set(start);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(user, "wrong" + i).get("/api/session").then().statusCode(401);
        }
        given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/session").then().statusCode(401)
                .body("detail", containsString("暂停登录 15 分钟"));
        given().formParam("j_username", user).formParam("j_password", Api.PASSWORD).post("/j_security_check").then().statusCode(401);
        clock.set(start.plus(Duration.ofMinutes(16)));
        given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/session").then().statusCode(200)
                .body("regionName", equalTo("福安市"));
    }

    @Test
    void shouldSendSecurityHeadersOnTheApi() {
        Api.as(Accounts.HAICANG).get("/api/session").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", "no-store");
    }
}
