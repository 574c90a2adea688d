package cn.fjsti.chainreport.audit;

import cn.fjsti.chainreport.security.AccountIdentityProvider;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Clock;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes an {@link AuditEvent} after an {@link Audited} method returns, inside the same transaction (it runs
 * within the {@code @Transactional} interceptor): the record commits exactly when the change does. Calls
 * without a user (engine timers) are recorded as {@code system}.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class AuditInterceptor {

    /** Parameter names that hold secrets whether annotated or not (compiled with {@code -parameters}). */
    static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|token|key$|cookie|credential");

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentVertxRequest request;

    @Inject
    Clock clock;

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        Object result = context.proceed();
        Audited audited = context.getMethod().getAnnotation(Audited.class);
        String action = audited != null && !audited.value().isEmpty() ? audited.value()
                : context.getMethod().getDeclaringClass().getSimpleName() + "." + context.getMethod().getName();
        String target = target(context.getMethod(), context.getParameters());
        // Engine timers run on job-executor threads: no request, no user.
        boolean inRequest = Arc.container().requestContext().isActive();
        boolean anonymous = !inRequest || identity.isAnonymous();
        String remote = !inRequest || request.getCurrent() == null || request.getCurrent().request().remoteAddress() == null
                ? null : request.getCurrent().request().remoteAddress().hostAddress();
        new AuditEvent(clock.instant(), anonymous ? "system" : identity.getPrincipal().getName(),
                anonymous ? null : identity.getRoles().stream().findFirst().orElse(null),
                anonymous ? null : identity.getAttribute(AccountIdentityProvider.REGION_ATTRIBUTE),
                action, target.length() > 200 ? target.substring(0, 200) : target, remote).persist();
        return result;
    }

    /**
     * The audit row's target: the method's plain arguments (numbers, texts, flags) joined by commas, a
     * secret shown as {@code ***}. Records and entities are left out (they carry whole texts).
     */
    static String target(Method method, Object[] arguments) {
        Parameter[] parameters = method.getParameters();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof Number || argument instanceof CharSequence || argument instanceof Boolean) {
                parts.add(isSecret(parameters[i]) ? "***" : String.valueOf(argument));
            }
        }
        return String.join(",", parts);
    }

    static boolean isSecret(Parameter parameter) {
        return parameter.isAnnotationPresent(Secret.class) || SECRET_NAME.matcher(parameter.getName()).find();
    }
}
