package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.consolidation.ConsolidationService;
import cn.fjsti.chainreport.report.ChainDeclarationService;
import cn.fjsti.chainreport.report.ReportService;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.submission.PackageService;
import cn.fjsti.chainreport.submission.PackageViews;
import cn.fjsti.chainreport.submission.ProgressHistory;
import cn.fjsti.chainreport.workflow.TaskResource;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import io.quarkus.security.identity.SecurityIdentity;
import cn.fjsti.chainreport.notification.NotificationResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages at the root: logging in, each role's home, the inbox, and the work pages of the county, the
 * city-level unit and the institute. Pages only read; every action on them calls the JSON API (static/app.js),
 * so the rules, scoping and error messages are the API's own.
 */
@Path("/")
@Authenticated
@Produces("text/html;charset=UTF-8")
public class Pages {

    @Inject
    Frames frames;

    @Inject
    CurrentUser user;

    @Inject
    TaskResource tasks;

    @Inject
    ReportService reports;

    @Inject
    ChainDeclarationService chains;

    @Inject
    ConsolidationService consolidation;

    @Inject
    PackageService packages;

    @Inject
    ProgressHistory progress;

    @Inject
    NotificationResource notifications;

    @Inject
    SecurityIdentity identity;

    public record CityPage(List<ReportViews.Summary> queue, List<ChainDeclarationService.RegionChains> counties,
                           List<ReportViews.Summary> countyReports, List<ReportViews.Summary> cityReports,
                           List<ConsolidationService.ProposalView> proposals, List<ConsolidationService.MergeView> merges,
                           PackageViews.Package pkg) {
    }

    /** One section of the merge wizard: every county's text side by side. */
    public record MergeSection(String heading, List<String> texts) {
    }

    /**
     * The wizard: the reports compared side by side, the chain name, the proposal they come from (null when the
     * city chose them itself) and the unit's other approved, unmerged county reports the city may add.
     */
    public record MergePage(List<ReportViews.Detail> reports, List<Long> ids, String chain, List<MergeSection> sections,
                            ConsolidationService.ProposalView proposal, List<ReportViews.Summary> addable) {
    }

    /** A board row with what the bars show. */
    public record BoardLine(PackageViews.BoardRow row, long reportsTotal, long reportsDone, long percentDone) {
    }

    public record BoardPage(PackageViews.Board board, List<BoardLine> lines, String chart) {
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(hidden = true)
    public Response login(@QueryParam("next") String next) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(Frames.home(user.role()))).build();
        }
        return Response.ok(Views.login(safeNext(next))).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** Each role lands on its own home. */
    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response home() {
        String target = identity.isAnonymous() ? "/login" : Frames.home(user.role());
        return Response.seeOther(URI.create(target)).build();
    }

    @GET
    @Path("inbox")
    @Operation(hidden = true)
    public TemplateInstance inbox() {
        return Views.inbox(frames.of("消息", "inbox"), notifications.inbox(false));
    }

    @GET
    @Path("county")
    @RolesAllowed(Role.COUNTY_NAME)
    @Operation(hidden = true)
    public TemplateInstance county(@QueryParam("campaign") Long campaignId) {
        PageFrame frame = frames.of("我的调研报告", "county", campaignId);
        if (frame.campaign() == null) {
            return Views.county(frame, List.of(), null, List.of());
        }
        Long id = frame.campaign().id();
        ChainDeclarationService.RegionChains mine = chains.list(id).stream()
                .filter(c -> c.regionCode().equals(user.regionCode())).findFirst().orElse(null);
        return Views.county(frame, tasks.mine(), mine, reports.list(id, null));
    }

    @GET
    @Path("city")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(hidden = true)
    public TemplateInstance city(@QueryParam("campaign") Long campaignId) {
        PageFrame frame = frames.of("审核与汇总", "city", campaignId);
        if (frame.campaign() == null) {
            return Views.city(frame, null);
        }
        Long id = frame.campaign().id();
        List<ReportViews.Summary> all = reports.list(id, null);
        List<ReportViews.Summary> county = all.stream().filter(r -> "COUNTY".equals(r.kind())).toList();
        return Views.city(frame, new CityPage(
                county.stream().filter(r -> "UNDER_REVIEW".equals(r.stage())).toList(),
                chains.list(id).stream().filter(c -> !c.regionCode().equals(user.regionCode())).toList(),
                county,
                all.stream().filter(r -> !"COUNTY".equals(r.kind()) && !"WITHDRAWN".equals(r.stage())).toList(),
                consolidation.proposals(id, null),
                consolidation.merges(id, null),
                packages.view(id, user.regionCode())));
    }

    /** The merge wizard: the chosen reports' texts side by side, then one confirmation. */
    @GET
    @Path("city/merge")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(hidden = true)
    public TemplateInstance merge(@QueryParam("ids") String ids, @QueryParam("chain") String chain) {
        List<Long> reportIds = parseIds(ids);
        List<ReportViews.Detail> details = reportIds.stream().map(reports::get).toList();
        for (ReportViews.Detail d : details) {
            if (!user.regionCode().equals(d.reviewUnit()) || !"COUNTY".equals(d.kind())) {
                throw ApiException.forbidden("只能合并本市所辖县（市、区）的报告");
            }
        }
        List<MergeSection> sections = new ArrayList<>();
        for (Section s : Section.values()) {
            ReportViews.OutlineItem item = details.get(0).outline().get(s.ordinal());
            sections.add(new MergeSection(item.label() + " " + item.heading(),
                    details.stream().map(d -> d.sections().get(s)).toList()));
        }
        String name = chain != null && !chain.isBlank() ? chain : details.get(0).chain();
        Long campaignId = details.get(0).campaignId();
        // The finder runs again: the proposal these reports come from, with its reasons and how sure.
        ConsolidationService.ProposalView proposal = consolidation.proposals(campaignId, null).stream()
                .filter(p -> p.members().stream().anyMatch(m -> reportIds.contains(m.reportId())))
                .findFirst().orElse(null);
        List<ReportViews.Summary> addable = reports.list(campaignId, null).stream()
                .filter(r -> "COUNTY".equals(r.kind()) && "APPROVED".equals(r.stage()) && r.mergedInto() == null
                        && !reportIds.contains(r.id()))
                .sorted(java.util.Comparator.comparing(ReportViews.Summary::authorRegion).thenComparing(ReportViews.Summary::id))
                .toList();
        PageFrame frame = frames.of("合并重复产业链", "city", campaignId);
        return Views.merge(frame, new MergePage(details, reportIds, name, sections, proposal, addable));
    }

    @GET
    @Path("packages/{unit}")
    @RolesAllowed({Role.CITY_NAME, Role.INSTITUTE_NAME, Role.ADMIN_NAME})
    @Operation(hidden = true)
    public TemplateInstance pkg(@PathParam("unit") String unit, @QueryParam("campaign") Long campaignId) {
        PageFrame frame = frames.of("上报材料", "package", campaignId);
        if (frame.campaign() == null) {
            throw ApiException.notFound("还没有开启调研工作");
        }
        PackageViews.Package pkg = packages.view(frame.campaign().id(), unit);
        return Views.pkg(frame, pkg, unit.equals(user.regionCode()));
    }

    @GET
    @Path("institute")
    @RolesAllowed({Role.INSTITUTE_NAME, Role.ADMIN_NAME})
    @Operation(hidden = true)
    public TemplateInstance institute(@QueryParam("campaign") Long campaignId) {
        PageFrame frame = frames.of("进度看板", "institute", campaignId);
        if (frame.campaign() == null) {
            return Views.institute(frame, null);
        }
        Long id = frame.campaign().id();
        PackageViews.Board board = packages.board(id);
        List<BoardLine> lines = board.units().stream().map(r -> {
            long done = r.reportsApproved() + r.reportsMerged();
            long total = r.reportsDrafting() + r.reportsUnderReview() + done;
            return new BoardLine(r, total, done, total == 0 ? 0 : Math.round(100.0 * done / total));
        }).toList();
        return Views.institute(frame, new BoardPage(board, lines, ProgressChart.svg(progress.of(id))));
    }

    /**
     * Only a path on this site: never send a person elsewhere after logging in. Browsers drop tabs and line
     * breaks from a URL and read a backslash as a slash, so {@code /%09/evil.example} would become
     * {@code //evil.example}: a target holding any control, format or space character or a backslash is
     * refused outright (the person lands on their home page), as is one that does not start with a single
     * slash. Returns the path, or "" for none.
     */
    public static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
            return "";
        }
        boolean clean = next.codePoints().noneMatch(c -> c == '\\' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
        return clean ? next : "";
    }

    private static List<Long> parseIds(String ids) {
        try {
            List<Long> parsed = ids == null ? List.of()
                    : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf).distinct().toList();
            if (parsed.size() < 2 || parsed.size() > 50) {
                throw ApiException.badField("ids", "请选择 2 到 50 份报告");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badField("ids", "报告编号不正确");
        }
    }
}
