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
