package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.ApiTags;
import cn.fjsti.chainreport.common.Prefer;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Reports: read, save drafts, submit, and the frozen revisions. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/reports")
@Authenticated
public class ReportResource {

    @Inject
    ReportService reports;

    @GET
    @Operation(summary = "列出可见的报告", description = "县只看到本县的报告，设区市看到本市及所辖县的报告")
    public List<ReportViews.Summary> list(@QueryParam("campaignId") Long campaignId, @QueryParam("region") String region) {
        return reports.list(campaignId, region);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看一份报告", description = "含按通知附件格式填好名称的提纲、各章节正文与优势单位表")
    public ReportViews.Detail get(@PathParam("id") Long id) {
        return reports.get(id);
    }

    @PUT
    @Path("/{id}/draft")
    @Tag(name = ApiTags.COUNTY)
    @Tag(name = ApiTags.CITY)
    @Operation(summary = "保存草稿", description = "version 为编辑开始时的版本；已被他人修改时返回 409，内容不被覆盖。"
            + "提交的章节替换原文，未提交的章节保持不变；units 提交时替换整个表格。每章节最多 20000 字。")
    @APIResponse(responseCode = "200", description = "保存后的报告；请求头 Prefer: return=minimal 时只返回版本号与阶段（ReportViews.Saved）",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ReportViews.Detail.class, ReportViews.Saved.class})))
    public Response saveDraft(@PathParam("id") Long id,
                              @Parameter(description = "return=minimal：只返回保存后的版本号与阶段（编辑页自动保存时使用）")
                              @HeaderParam("Prefer") String prefer,
                              @NotNull(message = "请求内容不能为空") @Valid ReportRequests.SaveDraft request) {
        boolean minimal = Prefer.minimal(prefer);
        return Prefer.answer(reports.saveDraft(id, request, minimal), minimal);
    }

    @POST
    @Path("/{id}/submit")
    @Tag(name = ApiTags.COUNTY)
    @Tag(name = ApiTags.CITY)
    @Operation(summary = "提交报告", description = "检查提纲是否完整（缺项返回 422 并逐项列出），保存提交版本，转设区市审核")
    @APIResponse(responseCode = "200", description = "提交后的报告；请求头 Prefer: return=minimal 时只返回版本号与阶段（ReportViews.Saved）",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ReportViews.Detail.class, ReportViews.Saved.class})))
    public Response submit(@PathParam("id") Long id,
                           @Parameter(description = "return=minimal：只返回提交后的版本号与阶段")
                           @HeaderParam("Prefer") String prefer,
                           @NotNull(message = "请求内容不能为空") @Valid ReportRequests.Submit request) {
        boolean minimal = Prefer.minimal(prefer);
        return Prefer.answer(reports.submit(id, request, minimal), minimal);
    }

    @POST
    @Path("/{id}/copy-last-year")
    @Tag(name = ApiTags.COUNTY)
    @Tag(name = ApiTags.CITY)
    @Operation(summary = "复制上年报告", description = "以本地区同一产业链最近一次往年调研的定稿（最后提交版本）正文和优势单位表替换当前草稿；仅编写单位、编写中、版本号须为最新；GET 报告的 lastYear 字段说明有无可复制的上年报告及哪些章节有变化")
    public ReportViews.Detail copyLastYear(@PathParam("id") Long id,
                                           @NotNull(message = "请求内容不能为空") @Valid ReportRequests.Submit request) {
        return reports.copyLastYear(id, request);
    }

    @POST
    @Path("/{id}/withdraw")
    @Tag(name = ApiTags.COUNTY)
    @Operation(summary = "撤回已提交的报告", description = "设区市尚未审核时，县（市、区）可撤回已提交的报告继续修改；"
            + "设区市已通过或退回后返回 409")
    public ReportViews.Detail withdraw(@PathParam("id") Long id) {
        return reports.withdraw(id);
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "列出提交版本")
    public List<ReportViews.RevisionSummary> revisions(@PathParam("id") Long id) {
        return reports.revisions(id);
    }

    @GET
    @Path("/{id}/revisions/{number}")
    @Operation(summary = "查看一个提交版本")
    public ReportViews.RevisionDetail revision(@PathParam("id") Long id, @PathParam("number") int number) {
        return reports.revision(id, number);
    }
}
