package cn.fjsti.chainreport.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of an {@link Audited} method that holds a secret (a password, a key, a token): the audit
 * log records {@code ***} in its place. The interceptor also hides any parameter whose name says it is one
 * ({@link AuditInterceptor#SECRET_NAME}), so a forgotten annotation still writes nothing secret.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Secret {
}
