package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar, drives part of a season, kills the process with SIGKILL and starts it again on
 * the same H2 file: saved drafts, revisions, open tasks and pending timers must all still be there.
 */
class RestartIT {

    /** An H2 file of its own, or the database named by RESTART_IT_JDBC_URL (the PostgreSQL run of CI). */
    private final String dbUrl = System.getenv().getOrDefault("RESTART_IT_JDBC_URL",
            "jdbc:h2:file:./target/h2/restart-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    private PackagedJar app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void shouldKeepDraftsRevisionsTasksAndTimersAcrossAKill() throws Exception {
        // The H2 file is compacted after 2 s without a commit (operations.H2Compaction), so that the kill below comes
        // after a compaction moved the chunks, with more commits on top.
        app = PackagedJar.start("restart-it", dbUrl, "-Dchainreport.h2-compaction.quiet=2s");
        int campaign = as("admin").body(Map.of("year", 2096)).post("/api/campaigns").then().statusCode(201).extract().path("id");
        int submitted = declare("350205", campaign, "集成电路产业链");
        int drafted = declare("350206", campaign, "新型显示产业链");
        save("350205", submitted, 1, true);
        as("350205").body(Map.of("version", 2)).post("/api/reports/{id}/submit", submitted).then().statusCode(200);
        save("350206", drafted, 1, false);
        List<String> timers = as("350200").get("/api/campaigns/{c}/packages/350200", campaign).then().statusCode(200)
                .extract().path("pendingTimers");
        assertThat(timers).hasSize(4);
        if (dbUrl.startsWith("jdbc:h2:")) {
            Instant until = Instant.now().plusSeconds(30);
            while (!app.log().contains("H2 file compacted while quiet") && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertThat(app.log()).contains("H2 file compacted while quiet");
        }
        // A second campaign whose deadline passes while the service is down.
        String soon = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusSeconds(20)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        int shortCampaign = as("admin").body(Map.of("year", 2097, "deadline", soon)).post("/api/campaigns").then().statusCode(201)
                .extract().path("id");
        as("350200").get("/api/campaigns/{c}/packages/350200", shortCampaign).then().body("overdue", equalTo(false));

        app.kill();
        Thread.sleep(Math.max(0, java.time.OffsetDateTime.parse(soon).toInstant().toEpochMilli() + 2000 - System.currentTimeMillis()));
        app = PackagedJar.start("restart-it", dbUrl);

        if (dbUrl.startsWith("jdbc:h2:")) {
            // The killed process left the file unclosed: the start checked it for commits H2's own open could miss.
            assertThat(app.log()).contains("was not closed cleanly");
        }
        as("350205").get("/api/reports/{id}", submitted).then().statusCode(200)
                .body("stage", equalTo("UNDER_REVIEW")).body("revisionCount", equalTo(1));
        as("350205").get("/api/reports/{id}/revisions/1", submitted).then().statusCode(200)
                .body("sections.COUNTY_INDUSTRY", equalTo("重启前保存的正文"));
        as("350206").get("/api/reports/{id}", drafted).then().statusCode(200)
                .body("stage", equalTo("DRAFTING")).body("version", equalTo(2))
                .body("sections.COUNTY_INDUSTRY", equalTo("重启前保存的正文"));
        as("350200").get("/api/tasks").then().body("reportId", hasItem(submitted));
        as("350200").get("/api/campaigns/{c}/packages/350200", campaign).then().body("pendingTimers", equalTo(timers));
        as("350203").get("/api/tasks").then().body("key", hasItem("Task_DeclareChains"));

        // The overdue timer that fell due during the outage fires after the restart (job executor), once.
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        boolean overdue = false;
        while (!overdue && Instant.now().isBefore(until)) {
            overdue = as("350200").get("/api/campaigns/{c}/packages/350200", shortCampaign).then().extract().path("overdue");
            Thread.sleep(500);
        }
        assertThat(overdue).as("overdue marked after restart").isTrue();
        List<String> titles = as("institute").get("/api/notifications").then().extract().path("items.findAll { it.campaignId == " + shortCampaign + " }.title");
        assertThat(titles).filteredOn(t -> t.equals("厦门市未按期报送")).hasSize(1);
    }

    private int declare(String county, int campaign, String chain) {
        return as(county).body(Map.of("chains", List.of(chain))).post("/api/campaigns/{id}/chains", campaign)
                .then().statusCode(200).extract().path("declaredChains[0].reportId");
    }

    private void save(String county, int report, int version, boolean complete) {
        Map<String, Object> sections = complete
                ? Map.of("COUNTY_INDUSTRY", "重启前保存的正文", "COUNTY_TECHNOLOGY", "乙", "DOMESTIC_INDUSTRY", "丙",
                        "DOMESTIC_TECHNOLOGY", "丁", "DOMESTIC_TRENDS", "戊", "INDUSTRY_MEASURES", "己", "INNOVATION_DIRECTIONS", "庚")
                : Map.of("COUNTY_INDUSTRY", "重启前保存的正文");
        as(county).body(Map.of("version", version, "sections", sections,
                        "units", List.of(Map.of("name", "厦门大学", "kind", "UNIVERSITY", "strength", "芯片设计"))))
                .put("/api/reports/{id}/draft", report).then().statusCode(200);
    }

    private RequestSpecification as(String user) {
        return given().port(app.port()).auth().preemptive().basic(user, "demo2026").contentType(ContentType.JSON);
    }

}
