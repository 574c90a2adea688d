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
        if (!takesBody(method)) {
            refuseUnreadBody(request);
        }
    }

    /**
     * An endpoint that reads no body (撤回, 撤销合并, 催办, 全部已读, 备份…) would drop whatever was sent, so a
     * {@code {"comment": "…"}} or a broken JSON text acted as if it were accepted: only nothing or {@code {}} is taken.
     */
    private static void refuseUnreadBody(ContainerRequestContext request) {
        String sent;
        try {
            byte[] head = request.getEntityStream().readNBytes(MAX_SHOWN + 1);
            sent = new String(head, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            sent = "?";
        }
        if (sent.isEmpty() || sent.replaceAll("\\s", "").equals("{}")) {
            return;
        }
        String shown = sent.length() > MAX_SHOWN ? sent.substring(0, MAX_SHOWN) + "…" : sent;
        throw ApiException.badField("body", "这项操作不需要请求内容，请不带内容发送（或只发送 {}）；收到的是“" + shown + "”，未执行任何操作");
    }

    private static final int MAX_SHOWN = 40;

    /** Whether the method has an entity parameter: one that no JAX-RS annotation binds to the address, headers or context. */
    private static boolean takesBody(Method method) {
        for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
            boolean bound = false;
            for (java.lang.annotation.Annotation a : annotations) {
                String name = a.annotationType().getName();
                if (name.startsWith("jakarta.ws.rs.") && !name.equals("jakarta.ws.rs.DefaultValue")
                        || name.startsWith("org.jboss.resteasy.reactive.Rest")) {
                    bound = true;
                }
            }
            if (!bound) {
                return true;
            }
        }
        return false;
    }
}
