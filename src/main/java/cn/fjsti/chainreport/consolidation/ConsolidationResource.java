package cn.fjsti.chainreport.consolidation;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.Text;
import cn.fjsti.chainreport.common.Limits;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Duplicate-chain proposals and merges of a city-level unit. */
@Tag(name = ApiTags.CITY)
@Path("/api/campaigns")
@Authenticated
public class ConsolidationResource {

    @Inject
    ConsolidationService consolidation;

    /** Reports to merge (or to dismiss as a proposal). */
    public record ReportIds(@NotNull(message = "请选择报告") @Size(min = 2, max = Limits.MERGE_REPORTS, message = "请选择 2 到 " + Limits.MERGE_REPORTS + " 份报告")
                            List<@NotNull(message = "报告编号不能为空") Long> reportIds) {
    }

    /** A merge: the reports and, optionally, the consolidated chain name. */
    public record Merge(@NotNull(message = "请选择报告") @Size(min = 2, max = Limits.MERGE_REPORTS, message = "请选择 2 到 " + Limits.MERGE_REPORTS + " 份报告")
                        List<@NotNull(message = "报告编号不能为空") Long> reportIds,
                        @Text(FreeText.CHAIN_NAME) String chain) {
    }

    @GET
    @Path("/{campaignId}/duplicates")
    @Tag(name = ApiTags.CITY)
    @Tag(name = ApiTags.INSTITUTE)
    @Operation(summary = "重复产业链建议", description = "本市多个县（市、区）申报的相同或相近产业链；设区市只看本单位，信息所须指定 unit")
    public List<ConsolidationService.ProposalView> proposals(@PathParam("campaignId") Long campaignId, @QueryParam("unit") String unit) {
        return consolidation.proposals(campaignId, unit);
    }

    @POST
    @Path("/{campaignId}/duplicates/dismiss")
    @RolesAllowed(Role.CITY_NAME)
    @APIResponse(responseCode = "204", description = "已不采纳，无内容返回")
    @Operation(summary = "不采纳一条重复建议")
    public Response dismiss(@PathParam("campaignId") Long campaignId, @NotNull(message = "请求内容不能为空") @Valid ReportIds request) {
        consolidation.dismiss(campaignId, request.reportIds());
        return Response.noContent().build();
    }

    @GET
    @Path("/{campaignId}/merges")
    @Tag(name = ApiTags.CITY)
    @Tag(name = ApiTags.INSTITUTE)
    @Operation(summary = "列出合并")
    public List<ConsolidationService.MergeView> merges(@PathParam("campaignId") Long campaignId, @QueryParam("unit") String unit) {
        return consolidation.merges(campaignId, unit);
    }

    @POST
    @Path("/{campaignId}/merges")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "合并重复产业链", description = "所选报告须已审核通过且来自至少两个县；生成一份由设区市编写的合并报告，各章节以各县原文（注明县名）为起点")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已合并，生成合并报告", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ConsolidationService.MergeView.class)))
    public Response merge(@PathParam("campaignId") Long campaignId, @NotNull(message = "请求内容不能为空") @Valid Merge request) {
        return Response.status(201).entity(consolidation.merge(campaignId, request.reportIds(), request.chain())).build();
    }

    @POST
    @Path("/{campaignId}/merges/{groupId}/undo")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "撤销合并", description = "材料报送前可撤销；各县报告恢复独立，合并报告保留但不再报送")
    public ConsolidationService.MergeView undo(@PathParam("campaignId") Long campaignId, @PathParam("groupId") Long groupId) {
        return consolidation.undo(campaignId, groupId);
    }

    /** The consolidated report's version the city is looking at (optimistic locking). */
    public record Restore(@NotNull(message = "请提供所编辑的版本号 version") Long version) {
    }

    @POST
    @Path("/{campaignId}/merges/{groupId}/restore")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(summary = "恢复上次合并时的修改",
            description = "撤销合并后再次合并相同的报告时，把上次合并报告中设区市修改过的正文和优势单位表恢复到本次的合并报告（须为编写中，版本号须为最新）；"
                    + "合并的答复 previous 字段说明有无可恢复的内容及哪些章节不同")
    public ConsolidationService.MergeView restore(@PathParam("campaignId") Long campaignId, @PathParam("groupId") Long groupId,
                                                  @NotNull(message = "请求内容不能为空") @Valid Restore request) {
        return consolidation.restorePrevious(campaignId, groupId, request.version());
    }
}
