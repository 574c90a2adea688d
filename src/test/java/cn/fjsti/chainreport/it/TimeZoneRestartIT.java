package cn.fjsti.chainreport.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Timers that do not move with the server's time zone: the engine keeps job due dates as zone-less local
 * timestamps, so the service pins its JVM to Asia/Shanghai. Opened under a JVM in UTC, the reminders are due at
 * 09:00 and the overdue mark at 00:00 Beijing time, and a restart under yet another zone reads them the same.
 * The due dates are read from the database with the service stopped (an embedded H2 file has one user).
 */
class TimeZoneRestartIT {

    @Test
    void shouldKeepReminderAndOverdueTimesWhateverTheServersZone() throws Exception {
        String url = System.getenv().getOrDefault("TIMEZONE_IT_JDBC_URL",
                "jdbc:h2:file:./target/h2/timezone-" + UUID.randomUUID() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        List<String> first;
        try (PackagedJar app = PackagedJar.start("timezone-it", url, "-Duser.timezone=UTC")) {
            given().port(app.port()).auth().preemptive().basic("admin", "demo2026").contentType("application/json")
                    .body(Map.of("year", 2031)).post("/api/campaigns").then().statusCode(201);
            Thread.sleep(3000);
            app.kill();
        }
        first = timers(url);
        assertThat(first).isNotEmpty().allSatisfy(t -> assertThat(t).matches(".*( 09:00:00| 00:00:00)"));
        assertThat(first).anyMatch(t -> t.startsWith("2031-10-17 09:00:00")).anyMatch(t -> t.startsWith("2031-11-01 00:00:00"));

        try (PackagedJar app = PackagedJar.start("timezone-it", url, "-Duser.timezone=America/New_York")) {
            given().port(app.port()).auth().preemptive().basic("admin", "demo2026").get("/api/campaigns").then().statusCode(200);
            app.kill();
        }
        assertThat(timers(url)).containsExactlyInAnyOrderElementsOf(first);
    }

    /** Every timer's due date as the database holds it (local wall-clock text), read with the service stopped. */
    private static List<String> timers(String url) throws Exception {
        List<String> due = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url,
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "sa"), System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
             ResultSet rs = c.createStatement().executeQuery(
                     "select cast(DUEDATE_ as varchar(40)) from ACT_RU_JOB where TYPE_ = 'timer' order by DUEDATE_")) {
            while (rs.next()) {
                due.add(rs.getString(1));
            }
        }
        return due;
    }
}
