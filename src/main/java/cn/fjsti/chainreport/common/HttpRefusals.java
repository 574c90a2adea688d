package cn.fjsti.chainreport.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals made below the REST layer, as application/problem+json in Chinese like every other refusal:
 * a body over the HTTP limit (Quarkus would answer 413 with an empty body), a login form too long for the
 * form decoder (which answered 200 without a cookie), a Word import beyond the number the service reads at once (503,
 * before its body is read), and whatever else the HTTP layer
 * refuses with a 4xx (an /api address nothing serves, a method no route takes). Pages keep their own
 * error pages ({@link PageRefusals}); a failed login is answered by security.FailedLogins.
 */
@ApplicationScoped
public class HttpRefusals {

    static final String LOGIN = "/j_security_check";
    /** Quarkus checks Content-Length against the body limit at route order -2; these checks come first. */
    private static final int ORDER = -3;
    /** A refused body is read and thrown away up to this size so the client can read the answer; beyond, the connection is closed. */
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size", defaultValue = "2048")
    MemorySize maxFormAttributeSize;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkLength);
        router.route().order(ORDER).failureHandler(this::failure);
    }

    private void checkLength(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "请求内容有误", "请求头 Content-Length 不是有效的长度", 0);
            return;
        }
        boolean login = request.method() == HttpMethod.POST && LOGIN.equals(request.path());
        if (length > maxBodySize.asLongValue()) {
            refuse(ctx, 413, "内容过大", isFigureUpload(request.path()) ? FIGURE_TOO_LARGE
                    : "提交的内容超过 " + megabytes(maxBodySize) + "，已拒绝。上传的 Word 文件不能超过 10 MB："
                    + "请压缩或删去其中的图片和附件，另存为新的 .docx 后再上传；报告每章节不超过 20000 字。", length);
        } else if (login && length > maxFormAttributeSize.asLongValue()) {
            refuse(ctx, 413, "内容过大", "用户名或密码过长，已拒绝。请检查输入的用户名（单位代码或账号）和密码后重新登录。", length);
        } else if (login && length < 0) {
            refuse(ctx, 411, "请求无法处理", "登录请求须注明内容长度（Content-Length）；请在登录页面登录，或用 curl -d 提交用户名和密码。",
                    maxFormAttributeSize.asLongValue());
        } else if (request.method() == HttpMethod.POST && isWordImport(request.path()) && !admitImport(ctx)) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "60");
            refuse(ctx, 503, "系统繁忙", "同时导入的 Word 文件较多，请稍等一分钟后重新导入。报告内容没有改动。", length);
        } else {
            ctx.next();
        }
    }

    /**
     * Counts a Word import in until its answer is sent or its connection drops; false (and not counted) when {@link
     * #IMPORTS_AT_ONCE} are already in. Checked before the body is read: each import holds its whole file (up to the
     * body limit) while it waits for one of the readers, so without a bound sixty imports at once filled a 512 MB heap.
     */
    private boolean admitImport(RoutingContext ctx) {
        if (importsInFlight.incrementAndGet() > IMPORTS_AT_ONCE) {
            importsInFlight.decrementAndGet();
            return false;
        }
        ctx.addEndHandler(done -> importsInFlight.decrementAndGet());
        return true;
    }

    /** Imports at once, service-wide: two being read (document.DocxPackageGuard) and two waiting for them. */
    static final int IMPORTS_AT_ONCE = 4;

    private final java.util.concurrent.atomic.AtomicInteger importsInFlight = new java.util.concurrent.atomic.AtomicInteger();

    private void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || PageRefusals.isPage(path)) {
            ctx.next();
            return;
        }
        write(ctx, status, status == 404 ? "未找到" : "请求无法处理", switch (status) {
            case 400 -> "请求无法解析，请检查请求的格式";
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            case 404 -> "请求的地址不存在，请检查地址（接口说明见 /q/swagger-ui）";
            case 405 -> "该地址不支持此请求方法";
            case 406 -> "无法提供所要求的内容格式，请接受 application/json";
            case 413 -> isFigureUpload(path) ? FIGURE_TOO_LARGE : "提交的内容过大，已拒绝";
            case 415 -> unsupportedType(path);
            default -> "请求无法处理";
        });
    }

    /**
     * Answers after reading (and dropping) the body, so that a client still sending it gets the answer rather
     * than a reset connection; a body beyond {@link #MAX_DISCARDED_BYTES} is not read: the connection closes.
     */
    private void refuse(RoutingContext ctx, int status, String title, String detail, long declaredLength) {
        HttpServerRequest request = ctx.request();
        if (declaredLength > MAX_DISCARDED_BYTES || request.isEnded()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            write(ctx, status, title, detail);
            return;
        }
        long[] read = {0};
        request.handler(buffer -> {
            read[0] += buffer.length();
            if (read[0] > MAX_DISCARDED_BYTES && !ctx.response().ended()) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, status, title, detail);
                request.connection().close();
            }
        });
        request.exceptionHandler(e -> request.connection().close());
        request.endHandler(v -> {
            if (!ctx.response().ended()) {
                write(ctx, status, title, detail);
            }
        });
        request.resume();
    }

    private void write(RoutingContext ctx, int status, String title, String detail) {
        HttpProblems.send(ctx, status, title, detail);
    }

    /** What a refused figure upload is told: the image rules, not the JSON or Word ones the other endpoints get. */
    static final String FIGURE_TOO_LARGE = "图片不能超过 " + Limits.IMAGE_BYTES / 1024 / 1024 + " MB，已拒绝；请压缩或截图后再上传";
    static final String FIGURE_TYPE = "插入图片时请直接上传 PNG 或 JPEG 图片文件（Content-Type: image/png、image/jpeg 或 application/octet-stream）";

    static final String WORD_TYPE = "导入 Word 文件时请直接上传 .docx 或 .doc 文件（Content-Type: "
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document、application/msword 或 application/octet-stream）";

    /** What a 415 says, by where it was sent: the figure upload, the Word import, else JSON. */
    static String unsupportedType(String path) {
        if (isFigureUpload(path)) {
            return FIGURE_TYPE;
        }
        return isWordImport(path) ? WORD_TYPE : "请求的内容格式不受支持，请使用 application/json";
    }

    /** The Word import, {@code /api/reports/{id}/import} and {@code …/import/apply}. */
    static boolean isWordImport(String path) {
        return path != null && path.startsWith("/api/reports/") && (path.endsWith("/import") || path.endsWith("/import/apply"));
    }

    /** The figure upload, {@code /api/reports/{id}/exhibits/figures}. */
    static boolean isFigureUpload(String path) {
        return path != null && path.startsWith("/api/reports/") && path.endsWith("/exhibits/figures");
    }

    private static String megabytes(MemorySize size) {
        return size.asLongValue() / 1024 / 1024 + " MB";
    }
}
