package cn.fjsti.chainreport.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignDeadlineTest {

    @Test
    void shouldDefaultToTheLastSecondOfOctoberInBeijing() {
        assertThat(Campaign.defaultDeadline(2026)).isEqualTo(Instant.parse("2026-10-31T15:59:59Z"));
    }

    @Test
    void shouldNameTheYearInTheDefaultTitle() {
        assertThat(Campaign.defaultTitle(2027)).isEqualTo("2027年度县域重点产业创新链调研");
    }
}
