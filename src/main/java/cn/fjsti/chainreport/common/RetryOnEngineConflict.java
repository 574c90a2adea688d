package cn.fjsti.chainreport.common;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the whole transaction again when it lost a race inside the engine's own bookkeeping: two counties
 * finishing their declaration at once both update the campaign's multi-instance counter, and one of them
 * gets Camunda's OptimisticLockingException although the two did unrelated things. Only for that, the
 * database's serialization failures and deadlocks, and a lock wait that timed out (H2 gives up after its lock
 * timeout where PostgreSQL would go on waiting: the institute accepting ten packages at once); a stale edit of our
 * own content is never retried.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryOnEngineConflict {
}
