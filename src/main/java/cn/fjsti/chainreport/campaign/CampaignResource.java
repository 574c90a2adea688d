package cn.fjsti.chainreport.campaign;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The yearly campaigns: opened by the administrator, read by everyone. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/campaigns")
@Authenticated
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Tag(name = ApiTags.ADMIN)
    @Operation(summary = "启动年度调研工作", description = "截止时间默认为当年 10 月 31 日 23:59:59（北京时间）；启动后每个县（市、区）收到“确定本县重点产业链”任务")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已启动（Location 指向新的调研工作）", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CampaignView.class)))
    public Response open(@NotNull(message = "请求内容不能为空") @Valid CampaignRequests.Open request) {
        CampaignView view = campaigns.open(request);
        return Response.created(URI.create("/api/campaigns/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "列出调研工作")
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "查看一次调研工作")
    public CampaignView get(@PathParam("id") Long id) {
        return campaigns.get(id);
    }
}
