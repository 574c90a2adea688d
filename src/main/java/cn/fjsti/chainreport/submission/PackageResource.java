package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.Text;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** City packages to the institute, and the institute's deadline board. */
@Tag(name = ApiTags.CITY)
@Path("/api/campaigns")
@Authenticated
public class PackageResource {

    @Inject
    PackageService packages;

    @Inject
    SendingService sending;

    @Inject
    InstituteDecisionService decisions;

    @Inject
    DeadlineService deadlines;

    @Inject
    BoardService boards;

    /** The institute's decision; a return needs a comment. */
    public record Decision(@Text(FreeText.COMMENT) String comment) {
    }

    /** Why a package is returned. */
    public record Return(@NotNull(message = "退回时请填写意见") @Text(value = FreeText.COMMENT, required = true, message = "退回时请填写意见") String comment) {
    }

    /** The unit's own deadline for its counties; null removes it. */
    public record InternalDeadline(OffsetDateTime deadline) {
    }

    @GET
    @Path("/{campaignId}/packages/{unit}")
    @Tag(name = ApiTags.CITY)
    @Tag(name = ApiTags.INSTITUTE)
    @Operation(summary = "查看设区市报送材料", description = "状态、缺项清单、将报送的报告、历次报送与接收意见、待触发的提醒与截止计时器")
    public PackageViews.Package view(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit) {
        return packages.view(campaignId, unit);
    }

    @POST
    @Path("/{campaignId}/packages/{unit}/send")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "报送材料", description = "检查完整性（缺项返回 422 并逐项列出），记录报送时间及是否按期（北京时间，精确到秒）")
    public PackageViews.Package send(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit) {
        return sending.send(campaignId, unit);
    }

    @POST
    @Path("/{campaignId}/packages/{unit}/withdraw")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "撤回已报送的材料", description = "省科学技术信息研究所尚未接收或退回时，设区市可撤回材料修改后重新报送（新的一轮）；"
            + "信息所已处理后返回 409")
    public PackageViews.Package withdraw(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit) {
        return sending.withdraw(campaignId, unit);
    }

    @POST
    @Path("/{campaignId}/packages/{unit}/accept")
    @RolesAllowed(Role.INSTITUTE_NAME)
    @Tag(name = ApiTags.INSTITUTE)
    @Operation(summary = "接收材料")
    public PackageViews.Package accept(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit,
                                       @Valid Decision decision) {
        String comment = decision == null ? null : FreeText.COMMENT.cleanAt("comment", decision.comment());
        return decisions.decide(campaignId, unit, true, comment == null ? null : comment.strip());
    }

    @POST
    @Path("/{campaignId}/packages/{unit}/return")
    @RolesAllowed(Role.INSTITUTE_NAME)
    @Tag(name = ApiTags.INSTITUTE)
    @Operation(summary = "退回材料", description = "附意见退回设区市，设区市修改后重新报送")
    public PackageViews.Package returnPackage(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit,
                                              @NotNull(message = "请求内容不能为空") @Valid Return request) {
        return decisions.decide(campaignId, unit, false, FreeText.COMMENT.requireAt("comment", request.comment()).strip());
    }

    @PUT
    @Path("/{campaignId}/packages/{unit}/internal-deadline")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "设置市级内部截止时间", description = "早于全省截止时间；所辖县（市、区）的待办以此为期限")
    public PackageViews.Package internalDeadline(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit,
                                                 @NotNull(message = "请求内容不能为空") InternalDeadline request) {
        return deadlines.setInternalDeadline(campaignId, unit, request.deadline() == null ? null : request.deadline().toInstant());
    }

    /** A new, later deadline. */
    public record Extension(@NotNull(message = "请填写延期后的截止时间") OffsetDateTime deadline) {
    }

    @PUT
    @Path("/{campaignId}/deadline")
    @RolesAllowed(Role.ADMIN_NAME)
    @Tag(name = ApiTags.ADMIN)
    @Operation(summary = "延期（全省）", description = "截止时间只能推迟；各设区市尚在准备的材料按新期限重排提醒和逾期计时，已自行延期更晚的保持不变")
    public PackageViews.Extension extendCampaign(@PathParam("campaignId") Long campaignId,
                                                 @NotNull(message = "请求内容不能为空") @Valid Extension request) {
        return deadlines.extend(campaignId, null, request.deadline().toInstant());
    }

    @PUT
    @Path("/{campaignId}/packages/{unit}/deadline")
    @RolesAllowed(Role.ADMIN_NAME)
    @Tag(name = ApiTags.ADMIN)
    @Operation(summary = "延期（单个设区市）", description = "该设区市的提醒、逾期计时和是否按期均按新的截止时间")
    public PackageViews.Extension extendUnit(@PathParam("campaignId") Long campaignId, @PathParam("unit") String unit,
                                             @NotNull(message = "请求内容不能为空") @Valid Extension request) {
        return deadlines.extend(campaignId, unit, request.deadline().toInstant());
    }

    @GET
    @Path("/{campaignId}/board")
    @RolesAllowed({Role.INSTITUTE_NAME, Role.ADMIN_NAME})
    @Tag(name = ApiTags.INSTITUTE)
    @Tag(name = ApiTags.ADMIN)
    @Operation(summary = "进度看板", description = "各设区市及所辖县的进度、报送状态、剩余或逾期天数")
    public PackageViews.Board board(@PathParam("campaignId") Long campaignId) {
        return boards.board(campaignId);
    }
}
