package cn.fjsti.chainreport.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Instants as people read them: Beijing time, to the second. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime beijing(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atZone(ClockProducer.ZONE).toOffsetDateTime();
    }

    private static final java.time.format.DateTimeFormatter TEXT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    /** e.g. 2026年10月31日 23:59:59（北京时间） */
    public static String text(Instant instant) {
        return TEXT.format(beijing(instant)) + "（北京时间）";
    }

    public static OffsetDateTime beijing(Date date) {
        return date == null ? null : beijing(date.toInstant());
    }
}
