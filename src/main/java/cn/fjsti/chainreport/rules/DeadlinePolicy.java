package cn.fjsti.chainreport.rules;

import cn.fjsti.chainreport.common.ClockProducer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * The deadline and the on-time rule of the notice (闽科高〔2024〕135号: "各设市区科技管理部门应于10月底前汇总…上报省科学技术信息研究所"):
 * the default deadline is 31 October of the campaign year, 23:59:59 Beijing time (campaign.Campaign#defaultDeadline);
 * a package sent up to and including its deadline's last second is on time. Also when reminders go out and
 * how far a deadline may be set. Pure functions in Beijing civil time, unit-tested at the second boundaries
 * (DeadlinePolicyTest).
 */
public final class DeadlinePolicy {

    private DeadlinePolicy() {
    }

    /**
     * Why a campaign's deadline (or an extension) cannot be set now, or null when it can: it must lie after now
     * and no later than the end of the year after the campaign's year, Beijing time (the notice's deadline is
     * 31 October of the campaign's year; an extension into the next year is the most a season can need, and a
     * date like +999999999-12-31 is a typing slip beyond what the engine's timers can hold).
     */
    public static String unsettable(Instant deadline, Instant now, int campaignYear) {
        if (!deadline.isAfter(now)) {
            return "截止时间必须晚于当前时间";
        }
        Instant latest = LocalDate.of(campaignYear + 2, 1, 1).atStartOfDay(ClockProducer.ZONE).toInstant();
        if (!deadline.isBefore(latest)) {
            return "截止时间不能晚于 " + (campaignYear + 1) + " 年底，请检查年份";
        }
        return null;
    }

    /** On time up to and including the deadline's last second. */
    public static boolean onTime(Instant sentAt, Instant deadline) {
        return !sentAt.isAfter(deadline);
    }

    /** The first second that is late: the deadline is inclusive. */
    public static Instant overdueAt(Instant deadline) {
        return deadline.plusSeconds(1);
    }

    /** Calendar days from today to the deadline's day (0 on the day itself); negative once it has passed. */
    public static long daysLeft(Instant now, Instant deadline) {
        if (now.isAfter(deadline)) {
            return -daysLate(now, deadline);
        }
        return ChronoUnit.DAYS.between(date(now), date(deadline));
    }

    /** Calendar days since the deadline's day; 1 from the first second after a 23:59:59 deadline. */
    public static long daysLate(Instant now, Instant deadline) {
        if (!now.isAfter(deadline)) {
            return 0;
        }
        return Math.max(1, ChronoUnit.DAYS.between(date(deadline), date(now)));
    }

    /**
     * The reminder instants still ahead: {@code daysBefore} calendar days before the deadline's day, at
     * {@code timeOfDay} Beijing time, earliest first; none at or after the deadline.
     */
    public static List<Instant> reminders(Instant deadline, Collection<Integer> daysBefore, LocalTime timeOfDay, Instant now) {
        LocalDate day = date(deadline);
        return daysBefore.stream()
                .distinct()
                .map(days -> day.minusDays(days).atTime(timeOfDay).atZone(ClockProducer.ZONE).toInstant())
                .filter(at -> at.isAfter(now) && at.isBefore(deadline))
                .sorted()
                .toList();
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ClockProducer.ZONE).toLocalDate();
    }
}
