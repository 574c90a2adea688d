package cn.fjsti.chainreport.common;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.jboss.logging.Logger;

/** See {@link RetryOnEngineConflict}. Runs outside the transaction (lower priority than @Transactional). */
@RetryOnEngineConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryOnEngineConflictInterceptor {

    static final int ATTEMPTS = 10;
    static final java.util.Set<String> RETRIED_SQL_STATES = java.util.Set.of("40001", "40P01", "HYT00", "55P03");
    private static final Logger LOG = Logger.getLogger(RetryOnEngineConflictInterceptor.class);

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return context.proceed();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !engineConflict(e)) {
                    throw e;
                }
                LOG.debugf("Engine conflict in %s, attempt %d; running the transaction again", context.getMethod().getName(), attempt);
                // Random, growing pauses spread the competitors out (up to about half a second).
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, Math.min(500, 10L << attempt)));
            }
        }
    }

    static boolean engineConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return true;
            }
            // 40001 serialization failure, 40P01 deadlock (PostgreSQL); HYT00 H2's lock timeout and 55P03 PostgreSQL's
            // lock_not_available: the transaction waited in line behind others (the institute accepting several
            // packages at once queue on the campaign row) and was rolled back whole, so running it again is safe.
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && RETRIED_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof ApiException) {
                return false;
            }
        }
        return false;
    }
}
