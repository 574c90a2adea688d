package cn.fjsti.chainreport.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Api;
import cn.fjsti.chainreport.support.Fixtures;
import cn.fjsti.chainreport.support.SettableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /q/metrics as Prometheus scrapes it: routes, the pool, the engine's jobs and the season's figures. */
@QuarkusTest
class MetricsTest {

    @Inject
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as("series " + series + " in\n" + metrics.lines().filter(l -> l.startsWith("chainreport")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldShowRoutesPoolJobsAndTheSeason() {
        long campaign = Fixtures.openCampaign();
        int year = Api.as(Accounts.ADMIN).get("/api/campaigns/{id}", campaign).then().statusCode(200).extract().path("year");
        Fixtures.declare(Accounts.HAICANG, campaign, "集成电路产业链", "生物医药产业链");
        Api.as(Accounts.HAICANG).get("/api/session").then().statusCode(200);

        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        scrape();
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        String metrics = scrape();

        assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/api/session\"")
                .contains("agroal_active_count");
        assertThat(value(metrics, "chainreport_engine_jobs{state=\"timers\"}")).isPositive();
        assertThat(value(metrics, "chainreport_engine_jobs{state=\"failing\"}")).isZero();
        assertThat(metrics).contains("chainreport_engine_jobs_total{event=\"executed\"}");
        assertThat(value(metrics, "chainreport_reports{campaign=\"" + year + "\",stage=\"DRAFTING\"}")).isGreaterThanOrEqualTo(2);
        assertThat(value(metrics, "chainreport_units_sent{campaign=\"" + year + "\"}")).isZero();
        assertThat(value(metrics, "chainreport_units_late{campaign=\"" + year + "\"}")).isZero();
        assertThat(metrics).doesNotContain("/api/reports/1\"");
    }
}
