package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged jar on one PostgreSQL (Camunda's clustering on a shared database): a season
 * driven across both nodes; every reminder and overdue mark fires exactly once, a task completed through both
 * nodes at once completes once, a package sent through both at once is sent once. Needs a shared database:
 * runs in CI's PostgreSQL pass (TWO_NODE_JDBC_URL), skipped on H2, whose file only one process may open.
 */
class TwoNodeIT {

    private final List<PackagedJar> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(PackagedJar::close);
    }

    @Test
    void shouldRunOneSeasonOnTwoNodesWithEverythingHappeningOnce() throws Exception {
        String url = System.getenv("TWO_NODE_JDBC_URL");
        Assumptions.assumeTrue(url != null, "needs a shared PostgreSQL (TWO_NODE_JDBC_URL)");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        Assumptions.assumeTrue(now.getHour() < 23 || now.getMinute() < 55, "reminder and deadline must fall on the same day");
        OffsetDateTime reminderAt = now.plusSeconds(50);
        OffsetDateTime deadline = now.plusSeconds(75);
        String timeOfDay = reminderAt.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        // The first node creates the schema of an empty database; the second joins it.
        int a = start(url, timeOfDay);
        int b = start(url, timeOfDay);

        int campaign = on(a, "admin").body(Map.of("year", 2098, "deadline", deadline.toString())).post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        int report = on(b, "350128").body(Map.of("chains", List.of("海洋渔业产业链"))).post("/api/campaigns/{c}/chains", campaign)
                .then().statusCode(200).extract().path("declaredChains[0].reportId");
        int version = on(a, "350128").get("/api/reports/{id}", report).then().extract().path("version");
        Map<String, Object> sections = Map.of("COUNTY_INDUSTRY", "甲", "COUNTY_TECHNOLOGY", "乙", "DOMESTIC_INDUSTRY", "丙",
                "DOMESTIC_TECHNOLOGY", "丁", "DOMESTIC_TRENDS", "戊", "INDUSTRY_MEASURES", "己", "INNOVATION_DIRECTIONS", "庚");
        int saved = on(b, "350128").body(Map.of("version", version, "sections", sections,
                        "units", List.of(Map.of("name", "福建师范大学", "kind", "UNIVERSITY", "strength", "海洋生物"))))
                .put("/api/reports/{id}/draft", report).then().statusCode(200).extract().path("version");
        on(a, "350128").body(Map.of("version", saved)).post("/api/reports/{id}/submit", report).then().statusCode(200);

        // The same review through both nodes at once: it completes once.
        List<Integer> reviews = both(() -> on(a, "PTZ").body(Map.of()).post("/api/reports/{id}/approve", report).statusCode(),
                () -> on(b, "PTZ").body(Map.of()).post("/api/reports/{id}/approve", report).statusCode());
        assertThat(reviews).containsExactlyInAnyOrder(200, 409);
        // The same package through both nodes at once: it is sent once.
        List<Integer> sends = both(() -> on(a, "PTZ").post("/api/campaigns/{c}/packages/PTZ/send", campaign).statusCode(),
                () -> on(b, "PTZ").post("/api/campaigns/{c}/packages/PTZ/send", campaign).statusCode());
        assertThat(sends).containsExactlyInAnyOrder(200, 409);
        on(b, "PTZ").get("/api/campaigns/{c}/packages/PTZ", campaign).then().statusCode(200);
        assertThat((List<?>) on(a, "PTZ").get("/api/campaigns/{c}/packages/PTZ", campaign).then().extract().path("rounds")).hasSize(1);

        // Both job executors poll the same timers: each unit's reminder and each overdue mark happen once.
        Instant until = Instant.now().plus(Duration.ofSeconds(150));
        int overdue = 0;
        while (Instant.now().isBefore(until)) {
            overdue = count(a, "institute", campaign, "OVERDUE");
            if (overdue >= 9) {
                break;
            }
            Thread.sleep(1000);
        }
        Thread.sleep(8000);
        assertThat(count(b, "institute", campaign, "OVERDUE")).as("overdue marks: the nine unsent units, once each").isEqualTo(9);
        for (String unit : List.of("350100", "350200", "350300", "350400", "350500", "350600", "350700", "350800", "350900")) {
            assertThat(count(unit.hashCode() % 2 == 0 ? a : b, unit, campaign, "REMINDER")).as("reminders for " + unit).isEqualTo(1);
        }
        assertThat(count(b, "PTZ", campaign, "REMINDER")).as("PTZ sent before the reminder time: its timers were cancelled").isZero();
        assertThat(count(a, "institute", campaign, "PACKAGE_SENT")).isEqualTo(1);
    }

    private static List<Integer> both(java.util.function.Supplier<Integer> first, java.util.function.Supplier<Integer> second) {
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(second);
        return List.of(one.join(), two.join());
    }

    private static int count(int port, String account, int campaign, String kind) {
        List<?> items = on(port, account).get("/api/notifications").then().statusCode(200)
                .extract().path("items.findAll { it.campaignId == " + campaign + " && it.kind == '" + kind + "' }");
        return items.size();
    }

    private static RequestSpecification on(int port, String user) {
        return given().port(port).auth().preemptive().basic(user, "demo2026").contentType(ContentType.JSON);
    }

    private int start(String url, String reminderTime) throws Exception {
        PackagedJar node = PackagedJar.start("two-node-it", url,
                "-Dchainreport.reminders.days-before=0", "-Dchainreport.reminders.time-of-day=" + reminderTime,
                "-Dquarkus.camunda.job-executor.generic-config.wait-time-in-millis=1000");
        nodes.add(node);
        return node.port();
    }
}
