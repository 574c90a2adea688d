package cn.fjsti.chainreport.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Problem details written straight to the HTTP layer, for refusals made before a request reaches a resource
 * (where {@link ProblemMapper} cannot answer): same shape, same media type, Chinese text.
 */
public final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    /** What a failed login is told (form, Basic or cookie): the pause rule with the configured numbers. */
    public static String badCredentials(int maxFailures, java.time.Duration lock) {
        return "用户名或密码不正确，或登录已过期、已退出；从同一地址连续 " + maxFailures + " 次输错密码，将暂停登录 "
                + lock.toMinutes() + " 分钟（管理员可解除）";
    }

    public static void send(RoutingContext context, int status, String title, String detail) {
        Problem problem = new Problem("about:blank", title, status, detail, context.request().path(), List.of(), Map.of());
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            body = "{\"status\":" + status + "}";
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
