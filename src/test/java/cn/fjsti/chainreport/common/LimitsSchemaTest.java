package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every column that stores what a person types holds the most that can pass the door: the sizes are read from
 * the live schema (INFORMATION_SCHEMA, after every migration) and checked against {@link Limits}, in UTF-16 units
 * (what H2 counts; PostgreSQL counts characters, so this is the stricter of the two).
 */
@QuarkusTest
class LimitsSchemaTest {

    private static final List<String> SECTIONS = List.of("county_industry", "county_technology", "domestic_industry",
            "domestic_technology", "domestic_trends", "industry_measures", "innovation_directions", "units_note");

    @Inject
    EntityManager em;

    @Inject
    Database db;

    /** The smallest size each column may have, from the limits declared in code. */
    static Map<String, Integer> required() {
        Map<String, Integer> required = new LinkedHashMap<>();
        int chainName = Limits.utf16(Limits.CHAIN_NAME);
        required.put("report.chain_name", chainName);
        required.put("pilot_chain.chain_name", chainName);
        required.put("merge_group.chain_name", chainName);
        required.put("report.chain_key", Limits.CHAIN_KEY);
        required.put("pilot_chain.chain_key", Limits.CHAIN_KEY);
        required.put("campaign.title", Limits.utf16(Limits.CAMPAIGN_TITLE));
        required.put("account.display_name", Limits.utf16(Limits.DISPLAY_NAME));
        required.put("account.username", Limits.USERNAME);
        required.put("review_comment.comment", Limits.utf16(Limits.COMMENT));
        required.put("package_round.comment", Limits.utf16(Limits.COMMENT));
        required.put("notification.body", Limits.utf16(Limits.COMMENT) + Limits.NOTIFICATION_FRAME);
        // A consolidated report's sections: the largest merge of the longest county texts. The live report's
        // sections are rows of report_section (V24); a revision keeps its own columns.
        required.put("report_section.section_text", Limits.utf16(Limits.MERGED_SECTION));
        for (String section : SECTIONS) {
            required.put("report_revision." + section, Limits.utf16(Limits.MERGED_SECTION));
        }
        required.put("exhibit.caption", Limits.utf16(Limits.EXHIBIT_CAPTION));
        // A table's cells as JSON: each character at most two units (a supplementary character, or an escaped quote),
        // plus quotes, commas and brackets.
        required.put("exhibit.cells", Limits.utf16(Limits.TABLE_ROWS * Limits.TABLE_COLUMNS * Limits.TABLE_CELL)
                + Limits.TABLE_ROWS * (Limits.TABLE_COLUMNS * 3 + 2) + 2);
        for (String table : List.of("report_unit", "report_revision_unit")) {
            required.put(table + ".name", Limits.utf16(Limits.UNIT_NAME));
            required.put(table + ".strength", Limits.utf16(Limits.UNIT_STRENGTH));
            required.put(table + ".contact", Limits.utf16(Limits.UNIT_CONTACT));
        }
        return required;
    }

    @Test
    void shouldHoldInEveryColumnWhatPassesTheDoor() {
        Map<String, Integer> actual = columnSizes();
        SoftAssertions softly = new SoftAssertions();
        required().forEach((column, size) -> {
            softly.assertThat(actual).as(column + " exists").containsKey(column);
            if (actual.containsKey(column)) {
                softly.assertThat(actual.get(column)).as(column + " holds " + size).isGreaterThanOrEqualTo(size);
            }
        });
        softly.assertAll();
    }

    @Test
    void shouldLetAMergeOfTheLongestTextsFitTheMergedLimit() {
        // Each county's text, its label 【region】 and the blank line between counties, for the largest merge.
        int longestRegionName = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select max(char_length(name)) from region").getSingleResult()).intValue());
        assertThat("【".length() + longestRegionName + "】\n".length() + "\n\n".length()).isLessThanOrEqualTo(Limits.MERGE_LABEL);
        assertThat((long) Limits.MERGE_REPORTS * (Limits.SECTION + Limits.MERGE_LABEL)).isLessThanOrEqualTo(Limits.MERGED_SECTION);
        assertThat(FreeText.MERGED_SECTION.max()).isEqualTo(Limits.MERGED_SECTION);
        assertThat(FreeText.SECTION.max()).isEqualTo(Limits.SECTION);
    }

    @Test
    void shouldFingerprintEveryTableOfTheSchemaForTheWritesNothingCheck() {
        assertThat(db.tables()).contains("report", "merge_active_member", "audit_event", "notification",
                "act_ru_task", "act_ru_execution", "act_hi_taskinst", "act_hi_procinst");
        assertThat(db.tables()).noneMatch(t -> t.startsWith("flyway"));
        assertThat(db.tables()).allMatch(t -> !t.startsWith("act_") || t.startsWith("act_ru_") || t.startsWith("act_hi_"));
    }

    private Map<String, Integer> columnSizes() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select table_name, column_name, character_maximum_length "
                    + "from information_schema.columns where table_schema = current_schema "
                    + "and character_maximum_length is not null").getResultList();
            Map<String, Integer> sizes = new HashMap<>();
            for (Object[] row : rows) {
                sizes.put((((String) row[0]) + "." + row[1]).toLowerCase(Locale.ROOT), ((Number) row[2]).intValue());
            }
            return sizes;
        });
    }
}
