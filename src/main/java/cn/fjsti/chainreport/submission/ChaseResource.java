package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.common.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 催办: a city chases its counties, the institute the city-level units. */
@Tag(name = ApiTags.CITY)
@Tag(name = ApiTags.INSTITUTE)
@Path("/api/campaigns/{campaignId}/chases")
@Authenticated
public class ChaseResource {

    @Inject
    ChaseService chases;

    @GET
    @RolesAllowed({Role.CITY_NAME, Role.INSTITUTE_NAME})
    @Operation(summary = "可催办的单位", description = "设区市：所辖县（市、区）中尚未申报、尚未提交或退回未改的；信息所：材料尚未报送或退回未重报的设区市。各附所缺事项、期限、今天是否已催办")
    public List<ChaseService.ChaseView> chaseable(@PathParam("campaignId") Long campaignId) {
        return chases.chaseable(campaignId);
    }

    @POST
    @Path("/{regionCode}")
    @RolesAllowed({Role.CITY_NAME, Role.INSTITUTE_NAME})
    @APIResponse(responseCode = "201", description = "已催办", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChaseService.ChaseView.class)))
    @APIResponse(responseCode = "429", description = "今天已催办过这个单位（nextPossibleAt：下次可催办的时间）",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(summary = "催办", description = "向对方收件箱发一条催办消息（调研工作名称、所缺事项、截止时间），记入操作日志；同一单位每天最多一次（429，附 nextPossibleAt）")
    public Response chase(@PathParam("campaignId") Long campaignId, @PathParam("regionCode") String regionCode) {
        return Response.status(201).entity(chases.chase(campaignId, regionCode)).build();
    }
}
