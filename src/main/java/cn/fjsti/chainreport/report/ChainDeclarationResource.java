package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The chains each county surveys in a campaign. */
@Path("/api/campaigns/{campaignId}/chains")
@Authenticated
public class ChainDeclarationResource {

    @Inject
    ChainDeclarationService declarations;

    @POST
    @RolesAllowed(Role.COUNTY_NAME)
    @Tag(name = ApiTags.COUNTY)
    @Operation(summary = "申报本县重点产业链", description = "每条产业链生成一份报告草稿；试点县须包含全部指定产业链；可多次追加")
    public ChainDeclarationService.RegionChains declare(@PathParam("campaignId") Long campaignId,
            @NotNull(message = "请求内容不能为空") @Valid ReportRequests.DeclareChains request) {
        return declarations.declare(campaignId, request);
    }

    /** A chain the city-level unit writes itself. */
    public record CityLedChain(@cn.fjsti.chainreport.common.Text(value = cn.fjsti.chainreport.common.FreeText.CHAIN_NAME, required = true)
                               String chain) {
    }

    @POST
    @Path("/city-led")
    @RolesAllowed(Role.CITY_NAME)
    @Tag(name = ApiTags.CITY)
    @Operation(summary = "设区市牵头编写报告", description = "同样的提纲与流程；提交即完成，随材料报送信息所")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已创建牵头编写的报告", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ReportViews.Detail.class)))
    public jakarta.ws.rs.core.Response declareCityLed(@PathParam("campaignId") Long campaignId,
            @NotNull(message = "请求内容不能为空") @Valid CityLedChain request) {
        ReportViews.Detail detail = declarations.declareCityLed(campaignId, request.chain());
        return jakarta.ws.rs.core.Response.status(201).entity(detail).build();
    }

    @GET
    @Tag(name = ApiTags.GENERAL)
    @Operation(summary = "列出可见县（市、区）的产业链", description = "含试点县的指定产业链及尚未申报的指定产业链")
    public List<ChainDeclarationService.RegionChains> list(@PathParam("campaignId") Long campaignId) {
        return declarations.list(campaignId);
    }
}
