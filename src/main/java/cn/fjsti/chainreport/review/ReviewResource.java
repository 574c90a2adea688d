package cn.fjsti.chainreport.review;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.Text;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.Prefer;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** City review of county reports. */
@Tag(name = ApiTags.CITY)
@Path("/api/reports")
@RolesAllowed(Role.CITY_NAME)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    /** An approval, optionally with a comment. */
    public record Approve(@Text(FreeText.COMMENT) String comment) {
    }

    /** A return: the comment tells the county what to change. */
    public record Return(@NotNull(message = "退回时请填写修改意见") @Text(value = FreeText.COMMENT, required = true, message = "退回时请填写修改意见") String comment) {
    }

    /** Reopening after the institute returned the package; the city may add its own comment to the institute's. */
    public record Reopen(@Size(max = 4000, message = "意见不能超过 4000 字") String comment) {
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "材料退回后重新打开报告", description = "省科学技术信息研究所退回材料后，设区市重新打开本级（牵头、合并）报告修改，"
            + "或将县（市、区）的报告连同退回意见发回县修改；修改后重新提交、重新报送")
    public ReportViews.Detail reopen(@PathParam("id") Long id, @Valid Reopen request) {
        String comment = request == null || request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        return reviews.reopen(id, comment);
    }

    /** Several reports approved at once, with one optional comment. */
    public record ApproveAll(@NotNull(message = "请选择报告")
                             @jakarta.validation.constraints.Size(min = 1, max = cn.fjsti.chainreport.common.Limits.MERGE_REPORTS,
                                     message = "请选择 1 到 " + cn.fjsti.chainreport.common.Limits.MERGE_REPORTS + " 份报告")
                             java.util.List<@NotNull(message = "报告编号不能为空") Long> reportIds,
                             @Text(FreeText.COMMENT) String comment) {
    }

    @POST
    @Path("/approve")
    @Operation(summary = "批量审核通过", description = "一次通过本市所辖县（市、区）的多份待审核报告，可附一条共同意见。全部通过或全部不变："
            + "有报告不存在 404，不属于本市 403，不在待审核状态 409（列出这些报告），均不写入任何内容")
    @APIResponse(responseCode = "200", description = "通过后的各份报告；请求头 Prefer: return=minimal 时每份只返回版本号与阶段（ReportViews.Saved）",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, oneOf = {ReportViews.Detail.class, ReportViews.Saved.class})))
    public Response approveAll(@Parameter(description = PREFER) @HeaderParam("Prefer") String prefer,
                               @NotNull(message = "请求内容不能为空") @Valid ApproveAll request) {
        boolean minimal = Prefer.minimal(prefer);
        return Prefer.answer(reviews.approveAll(request.reportIds(), stripped(FreeText.COMMENT.cleanAt("comment", request.comment())),
                minimal), minimal);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "审核通过")
    @APIResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ReportViews.Detail.class, ReportViews.Saved.class})))
    public Response approve(@PathParam("id") Long id, @Parameter(description = PREFER) @HeaderParam("Prefer") String prefer,
                            @Valid Approve request) {
        String comment = request == null ? null : stripped(FreeText.COMMENT.cleanAt("comment", request.comment()));
        boolean minimal = Prefer.minimal(prefer);
        return Prefer.answer(reviews.decide(id, true, comment, minimal), minimal);
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "退回修改", description = "附修改意见退回县（市、区），县修改后重新提交；每一轮意见都保留")
    @APIResponse(responseCode = "200", description = ANSWER, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ReportViews.Detail.class, ReportViews.Saved.class})))
    public Response returnReport(@PathParam("id") Long id, @Parameter(description = PREFER) @HeaderParam("Prefer") String prefer,
                                 @NotNull(message = "请求内容不能为空") @Valid Return request) {
        boolean minimal = Prefer.minimal(prefer);
        return Prefer.answer(reviews.decide(id, false, stripped(FreeText.COMMENT.requireAt("comment", request.comment())), minimal),
                minimal);
    }

    private static final String PREFER = "return=minimal：只返回审核后的版本号与阶段（审核页不读回答时使用）";
    private static final String ANSWER = "审核后的报告；请求头 Prefer: return=minimal 时只返回版本号与阶段（ReportViews.Saved）";

    private static String stripped(String comment) {
        return comment == null ? null : comment.strip();
    }
}
