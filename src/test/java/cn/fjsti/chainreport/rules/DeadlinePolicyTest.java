package cn.fjsti.chainreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.common.ClockProducer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlinePolicyTest {

    private static final Instant DEADLINE = Campaign.defaultDeadline(2026);

    private static Instant beijing(int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(2026, month, day, hour, minute, second).atZone(ClockProducer.ZONE).toInstant();
    }

    @Test
    void shouldCountTheLastSecondOfOctoberAsOnTime() {
        assertThat(DeadlinePolicy.onTime(beijing(10, 31, 23, 59, 59), DEADLINE)).isTrue();
        assertThat(DeadlinePolicy.onTime(beijing(11, 1, 0, 0, 0), DEADLINE)).isFalse();
    }

    @Test
    void shouldMarkOverdueFromTheFirstLateSecond() {
        assertThat(DeadlinePolicy.overdueAt(DEADLINE)).isEqualTo(beijing(11, 1, 0, 0, 0));
    }

    @Test
    void shouldReadTheDeadlineInBeijingNotUtc() {
        // 2026-10-31T16:30Z is 00:30 on 1 November in Beijing: late, although still 31 October in UTC.
        assertThat(DeadlinePolicy.onTime(Instant.parse("2026-10-31T16:30:00Z"), DEADLINE)).isFalse();
        assertThat(DeadlinePolicy.onTime(Instant.parse("2026-10-31T15:59:59Z"), DEADLINE)).isTrue();
    }

    @Test
    void shouldCountCalendarDaysLeftAndLate() {
        assertThat(DeadlinePolicy.daysLeft(beijing(10, 17, 9, 0, 0), DEADLINE)).isEqualTo(14);
        assertThat(DeadlinePolicy.daysLeft(beijing(10, 31, 0, 0, 1), DEADLINE)).isZero();
        assertThat(DeadlinePolicy.daysLeft(beijing(11, 1, 0, 0, 0), DEADLINE)).isEqualTo(-1);
        assertThat(DeadlinePolicy.daysLate(beijing(10, 31, 23, 59, 59), DEADLINE)).isZero();
        assertThat(DeadlinePolicy.daysLate(beijing(11, 1, 0, 0, 0), DEADLINE)).isEqualTo(1);
        assertThat(DeadlinePolicy.daysLate(beijing(11, 3, 12, 0, 0), DEADLINE)).isEqualTo(3);
    }

    @Test
    void shouldScheduleRemindersAtNineOnTheRightDays() {
        List<Instant> reminders = DeadlinePolicy.reminders(DEADLINE, List.of(14, 3, 1), LocalTime.of(9, 0), beijing(9, 1, 0, 0, 0));
        assertThat(reminders).containsExactly(beijing(10, 17, 9, 0, 0), beijing(10, 28, 9, 0, 0), beijing(10, 30, 9, 0, 0));
    }

    @Test
    void shouldSkipRemindersAlreadyPast() {
        assertThat(DeadlinePolicy.reminders(DEADLINE, List.of(14, 3, 1), LocalTime.of(9, 0), beijing(10, 29, 12, 0, 0)))
                .containsExactly(beijing(10, 30, 9, 0, 0));
        assertThat(DeadlinePolicy.reminders(DEADLINE, List.of(14, 3, 1), LocalTime.of(9, 0), beijing(11, 2, 0, 0, 0))).isEmpty();
    }

    @Test
    void shouldSetDeadlinesOnlyBetweenNowAndTheEndOfTheFollowingYear() {
        Instant now = Instant.parse("2031-03-01T00:00:00Z");
        Instant lastSecond = LocalDateTime.of(2032, 12, 31, 23, 59, 59).atZone(ClockProducer.ZONE).toInstant();
        assertThat(DeadlinePolicy.unsettable(lastSecond, now, 2031)).isNull();
        assertThat(DeadlinePolicy.unsettable(lastSecond.plusSeconds(1), now, 2031)).contains("2032 年底");
        assertThat(DeadlinePolicy.unsettable(now, now, 2031)).contains("晚于当前时间");
        assertThat(DeadlinePolicy.unsettable(Instant.MAX, now, 2031)).isNotNull();
        assertThat(DeadlinePolicy.unsettable(now.plusSeconds(1), now, 2031)).isNull();
    }
}
