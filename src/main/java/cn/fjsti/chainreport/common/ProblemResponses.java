package cn.fjsti.chainreport.common;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents in /q/openapi the refusals every API operation can answer, each as application/problem+json with
 * the {@code Problem} schema ({@link Problem}, {@link FieldError}): 401 and 403 on every operation but the
 * public ones, 400 where the caller sends parameters or a body, 404 where the path names something by id,
 * 409 on every change (stale version, state), 413 and 415 where a body is sent, 422 on changes (a rule of
 * the notice not met), 500 everywhere. What an operation documents itself with a body is kept; a refusal
 * documented without one (Quarkus adds 401 and 403 to secured operations, in English and bodiless) is replaced
 * or given the problem schema. Also gives the
 * who-uses-it tags ({@link ApiTags}) their descriptions: one filter is all MicroProfile OpenAPI takes.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiTags.describe(openAPI);
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", string("JSON 路径，如 sections.现状 或 chains[0]"))
                .addProperty("message", string("该处的问题（中文）")));
        openAPI.getComponents().addSchema(SCHEMA, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details：拒绝的原因（中文），不含内部信息；拒绝的请求不写入任何数据")
                .addProperty("type", string("about:blank"))
                .addProperty("title", string("简短标题"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("给用户看的说明"))
                .addProperty("instance", string("请求的路径"))
                .addProperty("fields", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("incident", string("500 时的事件编号"))
                .addProperty("reportId", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .description("409 重复时已有的报告")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation));
        });
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        boolean parameters = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean open = path.startsWith("/api/session") || path.equals("/api/regions") || path.startsWith("/api/regions/");
        if (parameters) {
            add(operation, 400, "请求内容有误（字段、格式、长度；fields 列出每一处）");
        }
        if (!open || path.equals("/api/session") && !change) {
            add(operation, 401, "未登录，或登录已过期");
        }
        if (!open) {
            add(operation, 403, "角色或地区不符：他人的数据答 403 而不是 404");
        }
        if (path.contains("{")) {
            add(operation, 404, "编号不存在");
        }
        if (change) {
            add(operation, 409, "冲突：内容已被他人修改（版本过期）、当前阶段不允许此操作，或重复");
            add(operation, 422, "不符合通知的规定（如缺少提纲内容、试点县指定产业链、材料不全）");
        }
        if (body) {
            add(operation, 413, "提交的内容过大");
            add(operation, 415, "内容格式不受支持（请用 application/json，上传用 multipart/form-data）");
        }
        add(operation, 500, "系统内部错误（含事件编号，操作未生效）");
        bodiesOfRefusals(operation);
    }

    private static void add(Operation operation, int status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        String code = String.valueOf(status);
        var existing = operation.getResponses().getAPIResponse(code);
        if (existing != null && (existing.getRef() != null || hasBody(existing))) {
            return;
        }
        operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problem()));
    }

    private static boolean hasBody(org.eclipse.microprofile.openapi.models.responses.APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    /** Any other refusal an operation documents without a body still answers problem+json: give it the schema. */
    private static void bodiesOfRefusals(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            boolean refusal = code.startsWith("4") || code.startsWith("5");
            if (refusal && response.getRef() == null && !hasBody(response)) {
                response.setContent(problem());
            }
        });
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

}
