package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.AccountService;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The administrator's pages: campaigns (open one, its deadline and pilot counties) and accounts. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces("text/html;charset=UTF-8")
public class AdminPages {

    @Inject
    Frames frames;

    @Inject
    CampaignService campaigns;

    @Inject
    AccountService accounts;

    /** A region in a drop-down: code, name, and the level it acts at; label adds a county's city: 鼓楼区（福州市）. */
    public record RegionOption(String code, String name, boolean reviewUnit, String label) {
        RegionOption(String code, String name, boolean reviewUnit) {
            this(code, name, reviewUnit, name);
        }
    }

    /** What the accounts list is filtered by, to fill the search form again. */
    public record AccountFilter(String q, String role, String region) {
    }

    @GET
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance campaigns() {
        List<RegionOption> counties = Region.draftingCounties().stream()
                .map(r -> new RegionOption(r.code, r.name, false)).toList();
        List<RegionOption> units = Region.reviewUnits().stream().map(r -> new RegionOption(r.code, r.name, true)).toList();
        return Views.admin(frames.of("调研工作", "admin"), campaigns.list(), counties, units);
    }

    @GET
    @Path("/accounts")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance accounts(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("role") String role,
                                     @jakarta.ws.rs.QueryParam("region") String region, @jakarta.ws.rs.QueryParam("page") String page,
                                     @jakarta.ws.rs.QueryParam("size") String size) {
        String query = cn.fjsti.chainreport.common.Paging.query(q);
        String base = cn.fjsti.chainreport.common.Paging.base("/admin/accounts",
                cn.fjsti.chainreport.common.Paging.filters("q", query, "role", role, "region", region, "size", size));
        var found = accounts.search(query, role, region, cn.fjsti.chainreport.common.Paging.page(page),
                cn.fjsti.chainreport.common.Paging.size(size, 20), base);
        List<RegionOption> regions = Region.<Region>listAll().stream()
                .filter(r -> r.isReviewUnit() || r.isDraftingCounty() || r.reviewUnit == null)
                .map(r -> new RegionOption(r.code, r.name, r.isReviewUnit(), !r.level.isCountyLevel()
                        ? r.name : r.name + "（" + Region.nameOf(r.reviewUnit) + "）")).toList();
        return Views.accounts(frames.of("账号管理", "accounts"), found, regions,
                new AccountFilter(query == null ? "" : query, role == null ? "" : role, region == null ? "" : region));
    }
}
