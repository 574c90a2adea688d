package cn.fjsti.chainreport.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.SettableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The login pause rule comes from the configuration alone ({@link LoginSettings}): with other figures set,
 * the throttle, the 401 answers (form and Basic) and the login page all follow them, and the page's script
 * holds no figure of its own.
 */
@QuarkusTest
@TestProfile(LoginSettingsTest.OtherFigures.class)
class LoginSettingsTest {

    public static class OtherFigures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chainreport.login.max-failures", "3", "chainreport.login.lock", "PT20M");
        }
    }

    private static final String RULE = "连续 3 次输错密码，将暂停登录 20 分钟";

    @Inject
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldApplyAndShowTheConfiguredPauseEverywhere() throws IOException {
        String html = given().accept("text/html").get("/login").then().statusCode(200).extract().asString();
        assertThat(html).contains("data-failed=\"").contains(RULE);
        try (InputStream script = getClass().getResourceAsStream("/META-INF/resources/static/app.js")) {
            String js = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(js).contains("form.dataset.failed").doesNotContainPattern("\\d+ 次|\\d+ 分钟");
        }

        String user = "350982";
        Instant start = Instant.parse("2031-07-01T02:00:00Z");
        clock.set(start);
        for (int i = 0; i < 3; i++) {
            given().formParam("j_username", user).formParam("j_password", "wrong" + i).post("/j_security_check")
                    .then().statusCode(401).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(RULE));
        }
        given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/session").then().statusCode(401)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(RULE));
        clock.set(start.plus(Duration.ofMinutes(16)));
        given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/session").then().statusCode(401);
        clock.set(start.plus(Duration.ofMinutes(21)));
        given().auth().preemptive().basic(user, Api.PASSWORD).get("/api/session").then().statusCode(200)
                .body("regionName", equalTo("福鼎市"));
    }
}
