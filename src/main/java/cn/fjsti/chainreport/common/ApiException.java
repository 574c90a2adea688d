package cn.fjsti.chainreport.common;

import java.util.List;
import java.util.Map;

/**
 * A refusal a person can read: HTTP status, a Chinese message and, for bad input, the failing fields.
 * Thrown by services and entities; rendered as application/problem+json by {@link ProblemMapper}.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> fields;
    private final Map<String, Object> extensions;

    public ApiException(int status, String title, String detail, List<FieldError> fields, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException badRequest(String detail, List<FieldError> fields) {
        return new ApiException(400, "请求内容有误", detail, fields, Map.of());
    }

    public static ApiException badField(String field, String message) {
        return badRequest(message, List.of(new FieldError(field, message)));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "无权访问", detail, List.of(), Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "未找到", detail, List.of(), Map.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "操作冲突", detail, List.of(), Map.of());
    }

    public static ApiException conflict(String detail, Map<String, Object> extensions) {
        return new ApiException(409, "操作冲突", detail, List.of(), extensions);
    }

    /** Refused because a rule of the notice is not met yet; lists what is missing. */
    public static ApiException unprocessable(String detail, List<FieldError> fields) {
        return new ApiException(422, "内容不完整", detail, fields, Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fields() {
        return fields;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
