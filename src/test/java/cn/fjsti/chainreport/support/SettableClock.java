package cn.fjsti.chainreport.support;

import cn.fjsti.chainreport.common.ClockProducer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** Replaces the service clock in tests: system time until a test fixes it, Asia/Shanghai zone. */
@Singleton
public class SettableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Fixes the clock at a Beijing wall-clock time. */
    public void setBeijing(LocalDateTime time) {
        set(time.atZone(ClockProducer.ZONE).toInstant());
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ClockProducer.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in one zone");
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now != null ? now : Instant.now();
    }
}
