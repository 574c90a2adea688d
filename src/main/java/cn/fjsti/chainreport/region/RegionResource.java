package cn.fjsti.chainreport.region;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Reference data: the regions every account may read. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/regions")
@Authenticated
public class RegionResource {

    /** A region as the API shows it. */
    public record RegionView(String code, String name, String level, String levelLabel, String reviewUnit,
                             boolean draftingCounty) {
        static RegionView of(Region r) {
            return new RegionView(r.code, r.name, r.level.name(), r.level.label(), r.reviewUnit, r.isDraftingCounty());
        }
    }

    @GET
    @Operation(summary = "列出地区", description = "reviewUnit 过滤某设区市（或平潭综合实验区）所辖县（市、区）")
    public List<RegionView> list(@QueryParam("reviewUnit") String reviewUnit) {
        List<Region> regions = reviewUnit == null
                ? Region.list("order by code")
                : Region.list("reviewUnit = ?1 and code <> ?1 order by code", reviewUnit);
        return regions.stream().map(RegionView::of).toList();
    }

    @GET
    @Path("/review-units")
    @Operation(summary = "列出审核单位（设区市科技局、平潭综合实验区经发局）")
    public List<RegionView> reviewUnits() {
        return Region.reviewUnits().stream().map(RegionView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "查看一个地区")
    public RegionView get(@PathParam("code") String code) {
        return Region.byCode(code).map(RegionView::of)
                .orElseThrow(() -> ApiException.notFound("没有代码为 " + code + " 的地区"));
    }
}
