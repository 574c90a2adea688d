package cn.fjsti.chainreport.common;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API endpoint that does not declare {@code @Consumes} reads JSON, and only JSON: a body of any other
 * type gets 415 before it is read. Without this, RESTEasy turns a {@code text/plain} body into a one-string
 * record (a password reset once stored the JSON text itself as the password), and an HTML form on another
 * site can post to the API without a CORS preflight. Endpoints that take files declare their types.
 */
public class JsonBodiesOnly {

    @ServerRequestFilter
    public void requireJson(ContainerRequestContext request, ResourceInfo resource) {
        int length = request.getLength();
        boolean body = length > 0 || (length < 0 && request.hasEntity());
        if (!body || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(Consumes.class)
                || resource.getResourceClass().isAnnotationPresent(Consumes.class)) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                || type.getSubtype().endsWith("+json"));
        if (!json) {
            throw new ApiException(415, "请求内容类型不受支持",
                    "请以 JSON 发送（Content-Type: application/json）；收到的是 " + (type == null ? "未声明的类型" : type.getType() + "/" + type.getSubtype()),
                    java.util.List.of(), java.util.Map.of());
        }
    }
}
