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

    public static OffsetDateTime beijing(Date date) {
        return date == null ? null : beijing(date.toInstant());
    }
}
