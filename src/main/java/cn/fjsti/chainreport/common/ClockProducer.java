package cn.fjsti.chainreport.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The service's clock: Asia/Shanghai system time; tests replace it with a settable one. */
@ApplicationScoped
public class ClockProducer {

    /** All deadlines are read in the province's civil time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
