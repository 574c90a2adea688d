package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.common.Problem;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Downloads and the Word import, scoped like everything else. */
public final class DocumentResources {

    /** How every download names its file (the OpenAPI description of the header). */
    static final String ATTACHMENT = "attachment; filename=\"download.<扩展名>\"; filename*=UTF-8''<中文文件名>";

    private DocumentResources() {
    }

    static Response download(DocumentService.Download d) {
        StreamingOutput body = out -> d.writer().accept(out);
        String encoded = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(body, d.mediaType())
                .header("Content-Disposition", "attachment; filename=\"download" + extension(d.fileName())
                        + "\"; filename*=UTF-8''" + encoded)
                .build();
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.'));
    }

    /** A report's Word file, and importing one. */
    @Tag(name = ApiTags.GENERAL)
    @Path("/api/reports")
    @Authenticated
    public static class ReportDocuments {

        @Inject
        DocumentService documents;

        @GET
        @Path("/{id}/document")
        @APIResponse(responseCode = "200", description = "Word 文件（.docx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载报告 Word 文件", description = "按公文格式（GB/T 9704）生成的 .docx")
        public Response document(@PathParam("id") Long id) {
            return download(documents.report(id));
        }

        @POST
        @Path("/{id}/import")
        @Consumes({DocumentService.DOCX, "application/msword", MediaType.APPLICATION_OCTET_STREAM})
        @Tag(name = ApiTags.COUNTY)
        @Tag(name = ApiTags.CITY)
        @APIResponse(responseCode = "200", description = "识别结果（不保存）", content = @Content(mediaType = "application/json",
                schema = @Schema(implementation = DocumentService.ImportPreview.class)))
        @APIResponse(responseCode = "503", description = "同时导入的文件较多，请稍后重试（报告未改动）",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
        @Operation(summary = "导入 Word 文件（预览）", description = "读取 .docx（含 Strict Open XML）和 Word 97-2003 .doc，按标题文字识别提纲各章节"
                + "（不论编号方式）与优势单位表；每段文字要么归入章节或单位表，要么列入 notPlaced 并注明位置；sourceHeadings 给出各章节所依据的原标题。"
                + "章节中的表格（表题取自其上方的“表N …”行）和 PNG/JPEG 图片（题注取自其下方或上方的“图N …”行）列入 exhibits，注明章节和位置（afterLine）；"
                + "优势单位表照旧识别，不作为表格；章节外的、超过 30 行 × 10 列的表格，EMF/WMF 等其他格式的图片、图表列入 notPlaced 并说明原因。"
                + "不保存；确认导入用 POST /api/reports/{id}/import/apply。拒绝 PDF、WPS、RTF、网页另存的 .doc、超过 10 MB、压缩炸弹和含外部实体的文件，并说明怎么办。")
        public DocumentService.ImportPreview importDocx(@PathParam("id") Long id, byte[] body) {
            return documents.preview(id, body == null ? new byte[0] : body);
        }

        @POST
        @Path("/{id}/import/apply")
        @Consumes({DocumentService.DOCX, "application/msword", MediaType.APPLICATION_OCTET_STREAM})
        @Operation(summary = "确认导入 Word 文件", description = "请求体为预览过的同一文件，version（查询参数）为确认时草稿的版本号。"
                + "在一个事务中写入：文件填入了文字或表格/图片的章节（替换原内容，表格和图片的标记行在原位置），文件中有优势单位表时替换单位表，"
                + "并新建这些表格和图片。检查与编辑页相同（题注、单元格、30 行 × 10 列、图片按内容识别、5 MB、像素上限、章节字数）；"
                + "version 过期 409，非作者 403；任何一项被拒绝时返回中文 problem+json，不写入任何内容。返回报告的新内容和版本。")
        public cn.fjsti.chainreport.report.ReportViews.Detail applyImport(@PathParam("id") Long id,
                                                                        @QueryParam("version") String version, byte[] body) {
            return documents.applyImport(id, version(version), body == null ? new byte[0] : body);
        }

        private static Long version(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(raw.strip());
            } catch (NumberFormatException e) {
                throw cn.fjsti.chainreport.common.ApiException.badField("version", "version 应为整数（收到“"
                        + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "”）");
            }
        }
    }

    /** A unit's bundle and 汇总表, the board and the compilation. */
    @Tag(name = ApiTags.CITY)
    @Tag(name = ApiTags.INSTITUTE)
    @Path("/api/campaigns")
    @Authenticated
    public static class CampaignDocuments {

        @Inject
        DocumentService documents;

        @Inject
        CompilationJobs jobs;

        @GET
        @Path("/{campaignId}/packages/{unit}/bundle")
        @APIResponse(responseCode = "200", description = "Word 文件（.docx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载设区市报送材料汇编（Word）", description = "封面、目录及全部报告；未报送时为将报送的内容")
        public Response bundle(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit) {
            return download(documents.bundle(campaignId, unit));
        }

        @GET
        @Path("/{campaignId}/packages/{unit}/summary")
        @APIResponse(responseCode = "200", description = "Excel 文件（.xlsx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载汇总表（Excel）")
        public Response summary(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit) {
            return download(documents.summary(campaignId, unit));
        }

        @GET
        @Path("/{campaignId}/board/export")
        @Tag(name = ApiTags.INSTITUTE)
        @Tag(name = ApiTags.ADMIN)
        @APIResponse(responseCode = "200", description = "Excel 文件（.xlsx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载进度看板（Excel）")
        public Response board(@PathParam("campaignId") Long campaignId) {
            return download(documents.board(campaignId));
        }

        @GET
        @Path("/{campaignId}/compilation")
        @Tag(name = ApiTags.INSTITUTE)
        @Tag(name = ApiTags.ADMIN)
        @APIResponse(responseCode = "200", description = "Word 文件（.docx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载技术瓶颈与攻关方向汇编（Word）", description = "按产业类别、产业链列出各报告一.2、二.2（技术瓶颈）与三.2（研究方向）中的条目，注明提出的县（市、区）及个数，意思相同的条目合并；前有汇总表和目录")
        @APIResponse(responseCode = "202", description = "汇编正在生成（已完成 X/Y 或 排版中），Retry-After 秒后再请求；正文为 problem+json，"
                + "compilation 为进度（同 GET …/compilation/status）", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
        @APIResponse(responseCode = "503", description = "本次生成失败（如服务器内存不足）；POST …/compilation/build 重新生成",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
        public Response compilation(@PathParam("campaignId") Long campaignId) {
            return compiled(jobs.download(campaignId, CompilationJobs.Format.DOCX));
        }

        @GET
        @Path("/{campaignId}/compilation/items")
        @Tag(name = ApiTags.INSTITUTE)
        @Tag(name = ApiTags.ADMIN)
        @APIResponse(responseCode = "200", description = "Excel 文件（.xlsx）", headers = @Header(name = "Content-Disposition", description = ATTACHMENT,
                schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = DocumentService.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
        @Operation(summary = "下载技术瓶颈与研究方向条目（Excel）", description = "与汇编相同的条目，每行一条：产业类别、产业链、类型、条目、县（市、区）、设区市，"
                + "以及在汇编中的编号和同组县市数，供排序筛选；仅省科学技术信息研究所和省科技厅")
        @APIResponse(responseCode = "202", description = "汇编正在生成，Retry-After 秒后再请求（同 …/compilation）",
                headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
        @APIResponse(responseCode = "503", description = "本次生成失败；POST …/compilation/build 重新生成",
                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
        public Response compilationItems(@PathParam("campaignId") Long campaignId) {
            return compiled(jobs.download(campaignId, CompilationJobs.Format.ITEMS));
        }

        @GET
        @Path("/{campaignId}/compilation/status")
        @Tag(name = ApiTags.INSTITUTE)
        @Tag(name = ApiTags.ADMIN)
        @Operation(summary = "汇编生成进度", description = "当前已报送内容的汇编：NONE 尚未生成（下载时开始）、QUEUED/READING/LAYING_OUT 生成中"
                + "（read/total 为已读取/全部报告数）、DONE 已生成（两个文件可立即下载）、FAILED 生成失败（message 说明原因，retry 为 true 时可重新生成）；"
                + "仅省科学技术信息研究所和省科技厅")
        public CompilationJobs.Status compilationStatus(@PathParam("campaignId") Long campaignId) {
            return jobs.status(campaignId);
        }

        @POST
        @Path("/{campaignId}/compilation/build")
        @Tag(name = ApiTags.INSTITUTE)
        @Tag(name = ApiTags.ADMIN)
        @APIResponse(responseCode = "202", description = "已开始（或已在）生成；正文为进度", content = @Content(mediaType = "application/json",
                schema = @Schema(implementation = CompilationJobs.Status.class)))
        @Operation(summary = "生成（重新生成）汇编", description = "为当前已报送内容生成汇编 Word 和条目表 Excel；已在生成或已生成时不重复生成，"
                + "生成失败后再次请求即重新生成。不需要请求体。仅省科学技术信息研究所和省科技厅")
        public Response buildCompilation(@PathParam("campaignId") Long campaignId) {
            return Response.accepted(jobs.start(campaignId)).type(MediaType.APPLICATION_JSON).build();
        }

        private static Response compiled(Object answer) {
            if (answer instanceof DocumentService.Download d) {
                return download(d);
            }
            CompilationJobs.Status status = ((CompilationJobs.Pending) answer).status();
            Problem problem = new Problem("about:blank", "汇编正在生成", 202, status.message(), null, List.of(),
                    Map.of("compilation", status));
            return Response.status(202).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Retry-After", CompilationJobs.RETRY_AFTER_SECONDS).build();
        }
    }
}
