package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.consolidation.ConsolidationService;
import cn.fjsti.chainreport.report.ChainDeclarationService;
import cn.fjsti.chainreport.report.ReportService;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.submission.BoardService;
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
    cn.fjsti.chainreport.document.CompilationJobs compilations;

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
    BoardService boards;

    @Inject
    cn.fjsti.chainreport.submission.ChaseService chases;

    @Inject
    ProgressHistory progress;

    @Inject
    NotificationResource notifications;

    @Inject
    SecurityIdentity identity;

    @Inject
    HelpSettings help;

    @Inject
    cn.fjsti.chainreport.security.LoginSettings loginSettings;

    public record CityPage(cn.fjsti.chainreport.common.Paging<ReportViews.Summary> queue, String queueFilter,
                           List<ChainDeclarationService.RegionChains> counties,
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

    /** Open tasks of another campaign than the one in view: how many, and where to switch. */
    public record OtherTasks(Long campaignId, String campaignTitle, int count) {
    }

    /** A board row with what the bars show. */
    public record BoardLine(PackageViews.BoardRow row, long reportsTotal, long reportsDone, long percentDone) {
    }

    public record BoardPage(PackageViews.Board board, cn.fjsti.chainreport.common.Paging<BoardLine> lines, String chart,
                            String q, String stage, List<Option> stages,
                            List<cn.fjsti.chainreport.submission.ChaseService.ChaseView> chases,
                            cn.fjsti.chainreport.document.CompilationJobs.Status compilation) {
    }

    /** A choice in a filter's drop-down. */
    public record Option(String value, String label) {
    }

    @GET
    @Path("login")
    @PermitAll
    @Operation(hidden = true)
    public Response login(@QueryParam("next") String next) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(Frames.home(user.role()))).build();
        }
        return Response.ok(Views.login(safeNext(next), loginSettings.failedLoginMessage(), help.usernameRule(), help.adminContact()))
                .type(MediaType.TEXT_HTML_TYPE).build();
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
    public TemplateInstance inbox(@QueryParam("unread") String unread, @QueryParam("q") String q, @QueryParam("page") String page) {
        String query = cn.fjsti.chainreport.common.Paging.query(q);
        boolean unreadOnly = "true".equals(unread);
        String base = cn.fjsti.chainreport.common.Paging.base("/inbox",
                cn.fjsti.chainreport.common.Paging.filters("unread", unreadOnly ? "true" : null, "q", query));
        return Views.inbox(frames.of("消息", "inbox"), notifications.unread(),
                notifications.page(unreadOnly, query, cn.fjsti.chainreport.common.Paging.page(page), 20, base),
                new InboxFilter(unreadOnly, query == null ? "" : query));
    }

    /** What the inbox is filtered by. */
    public record InboxFilter(boolean unread, String q) {
    }

    @GET
    @Path("county")
    @RolesAllowed(Role.COUNTY_NAME)
    @Operation(hidden = true)
    public TemplateInstance county(@QueryParam("campaign") Long campaignId) {
        PageFrame frame = frames.of("我的调研报告", "county", campaignId);
        if (frame.campaign() == null) {
            return Views.county(frame, List.<CountyTask>of(), null, List.of(), List.of());
        }
        Long id = frame.campaign().id();
        ChainDeclarationService.RegionChains mine = chains.list(id).stream()
                .filter(c -> c.regionCode().equals(user.regionCode())).findFirst().orElse(null);
        // The tasks of the campaign in view only: a task of another year listed here would link to this year's form.
        List<TaskResource.TaskView> all = tasks.mine();
        List<OtherTasks> others = all.stream().filter(t -> t.campaignId() != null && !t.campaignId().equals(id))
                .collect(java.util.stream.Collectors.groupingBy(TaskResource.TaskView::campaignId, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()))
                .values().stream().map(l -> new OtherTasks(l.get(0).campaignId(), l.get(0).campaignTitle(), l.size())).toList();
        List<ReportViews.Summary> own = reports.list(id, null);
        java.util.Map<Long, ReportViews.Summary> byId = own.stream().collect(java.util.stream.Collectors.toMap(ReportViews.Summary::id, r -> r, (a, b) -> a));
        List<CountyTask> inView = all.stream().filter(t -> id.equals(t.campaignId())).map(t -> {
            ReportViews.Summary r = t.reportId() == null ? null : byId.get(t.reportId());
            return new CountyTask(t.name(), t.reportId(), t.createdAt(), t.dueAt(), r == null ? null : r.chain(),
                    r != null && "RETURNED".equals(r.stage()));
        }).toList();
        return Views.county(frame, inView, mine, own, others);
    }

    /** A county's open task as its work list shows it: which chain's report, and whether the city returned it. */
    public record CountyTask(String name, Long reportId, java.time.OffsetDateTime createdAt, java.time.OffsetDateTime dueAt,
                             String chain, boolean returned) {
    }

    @GET
    @Path("city")
    @RolesAllowed(Role.CITY_NAME)
    @Operation(hidden = true)
    public TemplateInstance city(@QueryParam("campaign") Long campaignId, @QueryParam("q") String q, @QueryParam("page") String page) {
        String query = cn.fjsti.chainreport.common.Paging.query(q);
        int pageNumber = cn.fjsti.chainreport.common.Paging.page(page);
        PageFrame frame = frames.of("审核与汇总", "city", campaignId);
        if (frame.campaign() == null) {
            return Views.city(frame, null);
        }
        Long id = frame.campaign().id();
        List<ReportViews.Summary> all = reports.list(id, null);
        List<ReportViews.Summary> county = all.stream().filter(r -> "COUNTY".equals(r.kind())).toList();
        // The review queue: found by county or chain name, 20 a page (the other lists are short per city).
        List<ReportViews.Summary> queue = county.stream().filter(r -> "UNDER_REVIEW".equals(r.stage()))
                .filter(r -> query == null || r.authorName().contains(query) || r.chain().contains(query)).toList();
        String base = cn.fjsti.chainreport.common.Paging.base("/city", cn.fjsti.chainreport.common.Paging.filters(
                "campaign", campaignId == null ? null : campaignId.toString(), "q", query)) ;
        return Views.city(frame, new CityPage(
                cn.fjsti.chainreport.common.Paging.slice(queue, pageNumber, 20, base), query == null ? "" : query,
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
            // A table's or figure's marker line as a reader names it: which one, with its caption, not 〔表:12〕.
            sections.add(new MergeSection(item.label() + " " + item.heading(), details.stream().map(d -> ReportPages.readable(
                    d.sections().get(s), d.exhibits().stream().collect(java.util.stream.Collectors.toMap(
                            ReportViews.ExhibitView::id, e -> e, (a, b) -> a)))).toList()));
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
        boolean mine = unit.equals(user.regionCode());
        return Views.pkg(frame, pkg, mine, mine ? chases.chaseable(frame.campaign().id()) : List.of());
    }

    @GET
    @Path("institute")
    @RolesAllowed({Role.INSTITUTE_NAME, Role.ADMIN_NAME})
    @Operation(hidden = true)
    public TemplateInstance institute(@QueryParam("campaign") Long campaignId, @QueryParam("q") String q,
                                      @QueryParam("stage") String stage, @QueryParam("page") String page) {
        String query = cn.fjsti.chainreport.common.Paging.query(q);
        int pageNumber = cn.fjsti.chainreport.common.Paging.page(page);
        String stageFilter = stage == null || stage.isBlank() ? null : stage.strip();
        PageFrame frame = frames.of("进度看板", "institute", campaignId);
        if (frame.campaign() == null) {
            return Views.institute(frame, null);
        }
        Long id = frame.campaign().id();
        PackageViews.Board board = boards.board(id);
        List<BoardLine> lines = board.units().stream()
                .filter(r -> query == null || r.unitName().contains(query))
                .filter(r -> stageFilter == null || ("LATE".equals(stageFilter) ? r.overdue() || Boolean.FALSE.equals(r.onTime()) : stageFilter.equals(r.stage())))
                .map(r -> {
            long done = r.reportsApproved() + r.reportsMerged();
            long total = r.reportsDrafting() + r.reportsUnderReview() + done;
            return new BoardLine(r, total, done, total == 0 ? 0 : Math.round(100.0 * done / total));
        }).toList();
        String base = cn.fjsti.chainreport.common.Paging.base("/institute", cn.fjsti.chainreport.common.Paging.filters(
                "campaign", campaignId == null ? null : campaignId.toString(), "q", query, "stage", stageFilter));
        List<Option> stages = new ArrayList<>();
        for (cn.fjsti.chainreport.submission.PackageStage st : cn.fjsti.chainreport.submission.PackageStage.values()) {
            stages.add(new Option(st.name(), st.label()));
        }
        stages.add(new Option("LATE", "逾期"));
        // 催办 from the board's own rows: a unit whose package is not sent (or returned) may be chased; what it
        // lacks is listed in the message when the chase is sent, not read again here for every unit.
        List<String> unsent = board.units().stream()
                .filter(u -> u.stage().equals("PREPARING") || u.stage().equals("RETURNED")).map(PackageViews.BoardRow::unitCode).toList();
        return Views.institute(frame, new BoardPage(board, cn.fjsti.chainreport.common.Paging.slice(lines, pageNumber, 50, base),
                ProgressChart.svg(progress.of(id)), query == null ? "" : query, stageFilter == null ? "" : stageFilter, stages,
                user.is(Role.INSTITUTE) ? chases.targets(id, unsent) : List.of(), compilations.status(id)));
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
