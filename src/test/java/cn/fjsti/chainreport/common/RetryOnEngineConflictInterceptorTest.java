package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

/** Which failures run the transaction again ({@link RetryOnEngineConflict}): races and waits, never a refusal. */
class RetryOnEngineConflictInterceptorTest {

    @Test
    void shouldRetryRacesAndLockWaitsThatTimedOutButNeverARefusalOrAnotherDatabaseError() {
        assertThat(RetryOnEngineConflictInterceptor.engineConflict(new OptimisticLockingException("counter"))).isTrue();
        for (String state : new String[] {"40001", "40P01", "HYT00", "55P03"}) {
            RuntimeException wrapped = new jakarta.persistence.PessimisticLockException("wrapped",
                    new RuntimeException(new SQLException("waited", state)));
            assertThat(RetryOnEngineConflictInterceptor.engineConflict(wrapped)).as(state).isTrue();
        }
        // A unique key violated, a value too long: running again would fail the same way.
        for (String state : new String[] {"23505", "22001", null}) {
            assertThat(RetryOnEngineConflictInterceptor.engineConflict(new RuntimeException(new SQLException("x", state))))
                    .as(String.valueOf(state)).isFalse();
        }
        // Our own refusal (a stale edit, a wrong state) is never run again.
        assertThat(RetryOnEngineConflictInterceptor.engineConflict(
                ApiException.conflict("已被他人修改"))).isFalse();
    }
}
