package cn.fjsti.chainreport.report;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Data tables and figures of a report (表 and 图, the 产业创新链图谱 first), placed in its sections by marker lines. */
@Tag(name = ApiTags.COUNTY)
@Tag(name = ApiTags.CITY)
@Path("/api/reports/{id}/exhibits")
@Authenticated
public class ExhibitResource {

    @Inject
    ExhibitService exhibits;

    /**
     * A table to place. {@code rows}: the header first, at most 30 rows × 10 columns of 200 characters;
     * {@code afterLine}: after how many lines of the section's text (absent: at the end); {@code replaces}: the
     * table it replaces (its marker is swapped, in whichever section it stands; {@code section} is then not needed).
     */
    public record PlaceTable(@NotNull(message = "请提供所编辑的版本号 version") Long version, Section section,
                             String caption, List<List<String>> rows, Integer afterLine, Long replaces) {
    }

    @POST
    @Path("/tables")
    @Operation(summary = "插入或替换数据表", description = "在草稿某章节中插入表格（题注必填，第一行为表头，最多 30 行 × 10 列，每格 200 字），"
            + "或以新表替换原表（replaces）。与保存草稿同一乐观锁：version 过期返回 409，不写入任何内容。返回新表和报告的新版本。")
    public ReportViews.Placed table(@PathParam("id") Long id, @NotNull(message = "请求内容不能为空") @Valid PlaceTable request) {
        return exhibits.placeTable(id, new ExhibitService.TablePlacement(request.version(), request.section(), request.caption(),
                request.rows(), request.afterLine(), request.replaces()));
    }

    @POST
    @Path("/figures")
    @Consumes({"image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "插入或替换图片", description = "请求体为图片文件（PNG 或 JPEG，不超过 5 MB、每边 8000 像素、共 4000 万像素；"
            + "按文件内容识别类型，不看文件名）；version、caption（题注，必填）、section 或 replaces、afterLine 为查询参数。"
            + "过大 413，非 PNG/JPEG 415，损坏 400，version 过期 409；被拒绝时不写入任何内容。")
    public ReportViews.Placed figure(@PathParam("id") Long id, @QueryParam("version") String version,
                                     @QueryParam("section") String section, @QueryParam("caption") String caption,
                                     @QueryParam("afterLine") String afterLine, @QueryParam("replaces") String replaces,
                                     byte[] body) {
        Long v = number("version", version);
        if (v == null) {
            throw ApiException.badField("version", "请提供所编辑的版本号 version");
        }
        Long after = number("afterLine", afterLine);
        return exhibits.placeFigure(id, new ExhibitService.FigurePlacement(v, section(section), caption, body,
                after == null ? null : (int) Math.min(after, Integer.MAX_VALUE), number("replaces", replaces)));
    }

    @DELETE
    @Path("/{exhibitId}")
    @Operation(summary = "删除表格或图片", description = "从草稿中删去其标记行（已提交的版本仍保留原表原图）；version 过期返回 409")
    public ReportViews.Detail remove(@PathParam("id") Long id, @PathParam("exhibitId") Long exhibitId,
                                     @QueryParam("version") String version) {
        Long v = number("version", version);
        if (v == null) {
            throw ApiException.badField("version", "请提供所编辑的版本号 version");
        }
        return exhibits.remove(id, exhibitId, v);
    }

    @GET
    @Path("/{exhibitId}")
    @Tag(name = ApiTags.GENERAL)
    @Operation(summary = "查看表格或图片的信息")
    public ReportViews.ExhibitView get(@PathParam("id") Long id, @PathParam("exhibitId") Long exhibitId) {
        return exhibits.get(id, exhibitId);
    }

    @GET
    @Path("/{exhibitId}/image")
    @Tag(name = ApiTags.GENERAL)
    @APIResponse(responseCode = "200", description = "图片本身（PNG 或 JPEG，按上传时的格式）", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Operation(summary = "下载图片", description = "仅能查看该报告的用户可下载")
    public Response image(@PathParam("id") Long id, @PathParam("exhibitId") Long exhibitId) {
        ExhibitService.Image image = exhibits.image(id, exhibitId);
        return Response.ok(image.bytes(), image.mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=86400")
                .header("Content-Disposition", "inline")
                .build();
    }

    private static Long number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(raw.strip());
            if (n < 0) {
                throw ApiException.badField(field, field + " 不能为负数");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badField(field, field + " 应为整数（收到“" + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "”）");
        }
    }

    private static Section section(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Section.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("section", "没有名为“" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "”的章节");
        }
    }
}
