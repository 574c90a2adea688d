package cn.fjsti.chainreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V24 moves the live report's texts into report_section: every section a report had arrives there unchanged
 * (one row each, none for an empty section), the report keeps everything else, and the columns are gone. Run on
 * a database migrated to V23 with reports written as the service wrote them before; no Quarkus start. On a fresh H2
 * database in memory, or on the empty database {@code MIGRATION_TEST_JDBC_URL} names (with
 * {@code MIGRATION_TEST_USER}, {@code MIGRATION_TEST_PASSWORD}), e.g. a PostgreSQL one: the SQL must run on both.
 */
class ReportSectionsMigrationTest {

    private static final String LONG = "福建".repeat(30_000) + "\n第二段，含“引号”和 emoji 😀";

    @Test
    void shouldCopyEverySectionIntoItsOwnRowAndDropTheColumns() throws Exception {
        String given = System.getenv("MIGRATION_TEST_JDBC_URL");
        String url = given != null ? given : "jdbc:h2:mem:v24-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        user = given != null ? System.getenv("MIGRATION_TEST_USER") : "sa";
        password = given != null ? System.getenv("MIGRATION_TEST_PASSWORD") : "";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            flyway(url, "23").migrate();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO region (code, name, level, drafting) VALUES ('350000', '福建省', 'PROVINCE', FALSE)");
                st.execute("INSERT INTO region (code, name, level, gb_parent, review_unit, drafting)"
                        + " VALUES ('350100', '福州市', 'CITY', '350000', '350000', TRUE)");
                st.execute("INSERT INTO campaign (campaign_year, title, deadline, opened_at, opened_by, version)"
                        + " VALUES (2026, 't', TIMESTAMP WITH TIME ZONE '2026-10-31 23:59:59+08:00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+08:00', 'admin', 0)");
            }
            long full = insertReport(c, "full", Map.of("county_industry", "甲", "county_technology", "乙",
                    "domestic_industry", "丙", "domestic_technology", "丁", "domestic_trends", "戊",
                    "industry_measures", "己", "innovation_directions", LONG, "units_note", "辛"));
            long partial = insertReport(c, "partial", Map.of("domestic_trends", "只有这一节"));
            long empty = insertReport(c, "empty", Map.of());

            flyway(url, null).migrate();

            assertThat(sections(c, full)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    Section.COUNTY_INDUSTRY, "甲", Section.COUNTY_TECHNOLOGY, "乙", Section.DOMESTIC_INDUSTRY, "丙",
                    Section.DOMESTIC_TECHNOLOGY, "丁", Section.DOMESTIC_TRENDS, "戊", Section.INDUSTRY_MEASURES, "己",
                    Section.INNOVATION_DIRECTIONS, LONG, Section.UNITS_NOTE, "辛"));
            assertThat(sections(c, partial)).containsExactlyEntriesOf(Map.of(Section.DOMESTIC_TRENDS, "只有这一节"));
            assertThat(sections(c, empty)).isEmpty();
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT LOWER(column_name) FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = 'report' AND table_schema = CURRENT_SCHEMA")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertThat(columns).contains("id", "chain_name", "version", "revision_count", "updated_at")
                    .doesNotContain("county_industry", "innovation_directions", "units_note");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT chain_name, version FROM report WHERE id = " + full)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("full");
                assertThat(rs.getLong(2)).isEqualTo(7);
            }
            if (given == null) {
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
        }
    }

    private String user;
    private String password;

    private Flyway flyway(String url, String target) {
        var config = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static long insertReport(Connection c, String chain, Map<String, String> texts) throws Exception {
        StringBuilder columns = new StringBuilder("campaign_id, author_region, review_unit, kind, chain_name, chain_key,"
                + " revision_count, created_at, created_by, updated_at, updated_by, version");
        StringBuilder values = new StringBuilder("1, '350100', '350000', 'CITY_LED', ?, ?, 2, CURRENT_TIMESTAMP, 'a',"
                + " CURRENT_TIMESTAMP, 'a', 7");
        Map<String, String> ordered = new LinkedHashMap<>(texts);
        ordered.keySet().forEach(column -> {
            columns.append(", ").append(column);
            values.append(", ?");
        });
        try (PreparedStatement p = c.prepareStatement("INSERT INTO report (" + columns + ") VALUES (" + values + ")",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, chain);
            p.setString(2, chain);
            int i = 3;
            for (String text : ordered.values()) {
                p.setString(i++, text);
            }
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Map<Section, String> sections(Connection c, long reportId) throws Exception {
        Map<Section, String> sections = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT section_name, section_text FROM report_section WHERE report_id = ?")) {
            p.setLong(1, reportId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sections.put(Section.valueOf(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return sections;
    }
}
