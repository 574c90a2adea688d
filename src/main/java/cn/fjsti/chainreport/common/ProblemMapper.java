package cn.fjsti.chainreport.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become application/problem+json. Messages are Chinese and never carry
 * class names or stack traces; unexpected failures are logged with an incident number the clerk can quote.
 * (A failed login's text carries the configured pause rule: security.FailedLogins gives it, through {@link #respond}.)
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.status(), e.title(), e.getMessage(), uri, e.fields(), e.extensions());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .distinct() // two rules of one field that say the same thing (a missing comment: @NotNull and @Text) count once
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = fields.size() == 1 ? fields.get(0).message() : "有 " + fields.size() + " 处填写有误，请逐项修改";
        return respond(400, "请求内容有误", detail, uri, fields, Map.of());
    }

    /** Declared separately: Quarkus ships a more specific built-in mapper for this type that answers with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            String field = duplicateField(e, original);
            return respond(400, "请求内容有误", "字段 " + field + " 出现了不止一次，无法确定以哪一个为准；请只保留一个后再提交", uri,
                    List.of(new FieldError(field, "重复的字段")), Map.of());
        }
        if (original.startsWith("Trailing token") || afterTheValue(e)) {
            return respond(400, "请求内容有误", "JSON 内容结束之后还有多余的字符；请只发送一个完整的 JSON 值", uri,
                    List.of(new FieldError("body", "JSON 之后有多余的内容")), Map.of());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return respond(400, "请求内容有误", "不认识的字段：" + u.getPropertyName(), uri,
                    List.of(new FieldError(jsonPath(u), "不认识的字段")), Map.of());
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String path = jsonPath((MismatchedInputException) e);
            String message = path.isEmpty() ? "请求内容的结构不正确" : "字段 " + path + " 的类型或取值不正确";
            return respond(400, "请求内容有误", message, uri,
                    List.of(new FieldError(path.isEmpty() ? "body" : path, "类型或取值不正确")), Map.of());
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = jsonPath(mapping);
            return respond(400, "请求内容有误", "字段 " + path + " 的类型或取值不正确", uri,
                    List.of(new FieldError(path, "类型或取值不正确")), Map.of());
        }
        if (e instanceof com.fasterxml.jackson.core.exc.InputCoercionException coercion
                && coercion.getProcessor() != null && coercion.getProcessor().getParsingContext() != null
                && coercion.getProcessor().getParsingContext().getCurrentName() != null) {
            String field = coercion.getProcessor().getParsingContext().getCurrentName();
            return respond(400, "请求内容有误", "字段 " + field + " 的数值超出范围", uri,
                    List.of(new FieldError(field, "数值超出范围")), Map.of());
        }
        return respond(400, "请求内容有误", "请求内容不是有效的 JSON", uri,
                List.of(new FieldError("body", "不是有效的 JSON")), Map.of());
    }

    /** A text refused by the input rule where no request field was at hand. */
    @ServerExceptionMapper
    public Response refusedText(FreeText.Refused e, UriInfo uri) {
        return respond(400, "请求内容有误", e.getMessage(), uri, List.of(new FieldError("body", e.getMessage())), Map.of());
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return staleConflict(uri);
    }

    @ServerExceptionMapper
    public Response staleWrite(StaleStateException e, UriInfo uri) {
        return staleConflict(uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return respond(401, "未登录", "请先登录", uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "无权访问", "您的账号角色不能进行此操作", uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e.getCause() instanceof ApiException refused) {
            // A query parameter refused by StrictQueryParams, wrapped by JAX-RS in its 404.
            return api(refused, uri);
        }
        String detail = switch (status) {
            case 404 -> "请求的地址不存在";
            case 405 -> "该地址不支持此请求方法";
            case 406 -> "无法提供所要求的内容格式";
            case 413 -> uri != null && HttpRefusals.isFigureUpload(uri.getPath()) ? HttpRefusals.FIGURE_TOO_LARGE
                    : "上传的内容过大：Word 文件不能超过 10 MB，请压缩图片或删去附件后再上传";
            case 415 -> HttpRefusals.unsupportedType(uri == null ? null : uri.getPath());
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            default -> status < 500 ? "请求无法处理" : "系统暂时无法处理该请求，请稍后重试";
        };
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(status, status == 404 ? "未找到" : "请求无法处理", detail, uri, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleConflict(uri);
            }
            if (cause instanceof ApiException api) {
                return api(api, uri);
            }
            if (cause instanceof FreeText.Refused refused) {
                return refusedText(refused, uri);
            }
            boolean concurrent = cause instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
            // A lock wait that timed out (H2: HYT00; PostgreSQL: 55P03) lost a race like a serialization failure.
            boolean lockTimeout = cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof jakarta.persistence.LockTimeoutException
                    || cause instanceof org.hibernate.PessimisticLockException
                    || cause instanceof java.sql.SQLException lock && ("HYT00".equals(lock.getSQLState()) || "55P03".equals(lock.getSQLState()));
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                // The client went away in the middle of sending its body: nothing failed here, and no one reads the answer.
                LOG.debugf("Client closed the connection on %s before its request was read", uri.getPath());
                return respond(400, "请求未完成", "请求内容尚未传完连接就已断开，请重新提交。", uri, List.of(), Map.of());
            }
            if (concurrent || lockTimeout || cause instanceof org.camunda.bpm.engine.OptimisticLockingException
                    || cause instanceof org.hibernate.exception.ConstraintViolationException) {
                LOG.infof("Concurrent update refused on %s: %s", uri.getPath(), cause);
                return respond(409, "操作冲突", "有人同时进行了相同的操作，您的这次操作未生效，请刷新后查看结果。", uri, List.of(), Map.of());
            }
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure, incident %s, on %s", incident, uri.getPath());
        return respond(500, "系统内部错误", "系统内部错误，已记录（编号 " + incident + "），请稍后重试或联系管理员。您的操作未生效。",
                uri, List.of(), Map.of("incident", incident));
    }

    private Response staleConflict(UriInfo uri) {
        return respond(409, "操作冲突", "内容已被他人修改，您的这次保存未生效，请刷新后重新保存。", uri, List.of(), Map.of());
    }

    /** The one shape of a refusal: problem+json for the API, a page for a person ({@link PageRefusals}). */
    public static Response respond(int status, String title, String detail, UriInfo uri, List<FieldError> fields,
                            Map<String, Object> extensions) {
        if (uri != null && PageRefusals.isPage(uri.getPath())) {
            return io.quarkus.arc.Arc.container().instance(PageRefusals.class).get().page(status, title, detail, uri);
        }
        Problem problem = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), fields, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('.').append(node.getKey());
                }
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                path.append('.').append(node.getKey());
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Unreadable text after a complete JSON value (e.g. {@code {...} garbage}) is trailing text too. */
    private static boolean afterTheValue(JsonProcessingException e) {
        return e instanceof com.fasterxml.jackson.core.JsonParseException
                && e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
                && parser.getParsingContext() != null && parser.getParsingContext().inRoot()
                && (parser.getParsingContext().getEntryCount() > 1
                    || parser.getParsingContext().getEntryCount() == 1 && e.getOriginalMessage().startsWith("Unexpected close marker"));
    }

    /** The repeated field's path (e.g. sections.COUNTY_INDUSTRY), from the parser's position when it was found. */
    private static String duplicateField(JsonProcessingException e, String message) {
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser && parser.getParsingContext() != null) {
            java.util.Deque<String> parts = new java.util.ArrayDeque<>();
            for (var context = parser.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
                if (context.inObject() && context.getCurrentName() != null) {
                    parts.addFirst("." + context.getCurrentName());
                } else if (context.inArray()) {
                    parts.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
                }
            }
            String path = String.join("", parts);
            if (!path.isEmpty()) {
                return shortened(path.startsWith(".") ? path.substring(1) : path);
            }
        }
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'(.*)'").matcher(message);
        return quoted.find() ? shortened(quoted.group(1)) : "body";
    }

    /** A field name comes from the request: echo a readable amount of it, not all of it. */
    private static String shortened(String field) {
        return field.codePointCount(0, field.length()) <= 100 ? field : field.substring(0, field.offsetByCodePoints(0, 100)) + "…";
    }

    private static String jsonPath(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
