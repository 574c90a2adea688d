package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reading, saving and submitting reports, scoped to the caller's region. */
@ApplicationScoped
public class ReportService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess process;

    @Inject
    Notifier notifier;

    @Inject
    SubmissionNotices submissionNotices;

    @Inject
    Clock clock;

    /** The reports the caller may see, optionally narrowed to one campaign and one region. */
    @Transactional
    public List<ReportViews.Summary> list(Long campaignId, String region) {
        if (campaignId != null) {
            CampaignService.require(campaignId);
        }
        if (region != null) {
            Region.byCode(region).orElseThrow(() -> ApiException.badField("region", "没有代码为 " + region + " 的地区"));
            access.requireRead(region);
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (campaignId != null) {
            conditions.add("campaignId = :campaignId");
            params.put("campaignId", campaignId);
        }
        if (region != null) {
            conditions.add("authorRegion = :region");
            params.put("region", region);
        }
        List<Report> reports;
        if (user.seesEverything()) {
            reports = find(conditions, params);
        } else if (user.is(Role.CITY)) {
            // A city's own reports and those it reviews, as two queries: for "reviewUnit = :own or
            // authorRegion = :own" H2 uses no index and reads every report (2.3 s at national size).
            params.put("own", user.regionCode());
            Map<Long, Report> byId = new TreeMap<>(Comparator.reverseOrder());
            for (String own : List.of("reviewUnit = :own", "authorRegion = :own")) {
                find(with(conditions, own), params).forEach(r -> byId.put(r.id, r));
            }
            reports = List.copyOf(byId.values());
        } else {
            params.put("own", user.regionCode());
            reports = find(with(conditions, "authorRegion = :own"), params);
        }
        Map<Long, ReportStage> stages = process.stagesOf(reports);
        return reports.stream().map(r -> ReportViews.summary(r, stages.get(r.id))).toList();
    }

    /** Reports matching all conditions, newest first: ids grow with time. */
    private static List<Report> find(List<String> conditions, Map<String, Object> params) {
        // ("order by campaignId" together with a campaignId filter returned no rows on Hibernate 6.6/H2
        // here, hence the id.)
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions) + " ";
        return Report.list("from Report " + where + "order by id desc", params);
    }

    private static List<String> with(List<String> conditions, String condition) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return all;
    }

    @Transactional
    public ReportViews.Detail get(Long id) {
        Report report = readable(id);
        return ReportViews.detail(report, process.stageOf(report));
    }

    /**
     * Saves the sections and units sent (see {@link Report#saveDraft}); 409 on a stale {@code version} or when the
     * report is not editable by the caller. {@code minimal}: answer only the new state ({@code Prefer:
     * return=minimal}, as the editor's autosave asks), which spares reading the reviews, rounds, tables and last
     * year's report at every autosave.
     */
    @Transactional
    @Audited("report.saveDraft")
    public ReportViews.Answer saveDraft(Long id, ReportRequests.SaveDraft request, boolean minimal) {
        Report report = writable(id);
        ReportStage stage = process.stageOf(report);
        List<StrengthUnit> units = request.units() == null ? null
                : request.units().stream().map(ReportRequests.UnitRow::toUnit).toList();
        report.saveDraft(stage, request.version(), request.sections() == null ? Map.of() : request.sections(), units,
                user.username(), clock.instant());
        ExhibitService.requireOwnMarkers(report, request.sections() == null ? List.of() : request.sections().keySet());
        // Flush now so that a concurrent save that slipped past the version check fails here, as a 409.
        Report.flush();
        return ReportViews.answer(report, stage, minimal);
    }

    /**
     * Validates the outline, then completes the drafting task: the process freezes a revision and asks the city to
     * review. 422 with every missing item; 409 on a stale {@code version}. {@code minimal} as for {@link #saveDraft}.
     */
    @Transactional
    @Audited("report.submit")
    public ReportViews.Answer submit(Long id, ReportRequests.Submit request, boolean minimal) {
        Report report = writable(id);
        // Two submissions of one report (two tabs, two nodes) queue on the row instead of racing in the engine.
        Report.getEntityManager().lock(report, LockModeType.PESSIMISTIC_WRITE);
        Optional<OpenTask> active = process.activeTask(report);
        report.requireEditable(process.stageOf(report, active));
        report.requireVersion(request.version());
        var missing = report.missingForSubmission();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("报告还有 " + missing.size() + " 处未完成，不能提交：" + missing.get(0).message()
                    + (missing.size() > 1 ? " 等" : ""), missing);
        }
        OpenTask draft = active.orElseThrow();
        process.complete(draft, user.username(), Map.of());
        submissionNotices.submitted(report);
        Report.flush();
        return ReportViews.answer(report, process.stageOf(report), minimal);
    }

    /**
     * 复制上年报告: replaces the draft's sections and units table with the final text of the same region's report
     * on the same chain in the newest earlier campaign (ReportViews.lastYearRevision), with copies of its tables and
     * figures placed where they stood ({@link ExhibitService#copyFrom}). Author only, while
     * drafting, on the current {@code version}; 409 stale version, not editable, or no earlier report.
     */
    @Transactional
    @Audited("report.copyLastYear")
    public ReportViews.Detail copyLastYear(Long id, ReportRequests.Submit request) {
        Report report = writable(id);
        Report.getEntityManager().lock(report, LockModeType.PESSIMISTIC_WRITE);
        ReportRevision earlier = ReportViews.lastYearRevision(report)
                .orElseThrow(() -> ApiException.conflict("往年没有本地区这条产业链已提交的报告，无可复制"));
        report.requireEditable(process.stageOf(report));
        report.requireVersion(request.version());
        Map<Section, String> sections = new java.util.EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            String text = section.read(earlier.content());
            sections.put(section, text == null ? "" : text);
        }
        // Last year's tables and figures come along as this report's own copies (the markers point at them).
        sections = ExhibitService.copyFrom(earlier.reportId, report, sections, user.username(), clock.instant());
        report.saveDraft(process.stageOf(report), request.version(), sections,
                earlier.units.stream().map(StrengthUnit::copy).toList(), user.username(), clock.instant());
        Report.flush();
        return ReportViews.detail(report, process.stageOf(report));
    }

    /**
     * The county takes back a submitted report before its city has approved or returned it: the withdrawal
     * message interrupts the city's review task and the report is back in drafting (Process_Report). The
     * submitted revision stays in the history, with the withdrawal beside it.
     */
    @Transactional
    @Audited("report.withdraw")
    public ReportViews.Detail withdraw(Long id) {
        Report report = writable(id);
        // The same row lock as the city's decision: a withdrawal and a decision queue, the second one sees the first.
        Report.getEntityManager().lock(report, LockModeType.PESSIMISTIC_WRITE);
        Optional<OpenTask> active = process.activeTask(report);
        ReportStage stage = process.stageOf(report, active);
        if (stage != ReportStage.UNDER_REVIEW) {
            throw ApiException.conflict(switch (stage) {
                case DRAFTING, RETURNED -> "报告当前处于“" + stage.label() + "”阶段，尚未提交，无需撤回";
                default -> "设区市已处理这份报告（当前“" + stage.label() + "”），不能撤回；如需修改，请联系设区市";
            });
        }
        if (!process.correlate(report, Workflow.Message.REPORT_WITHDRAWN, user.username())) {
            throw ApiException.conflict("这份报告按旧版流程办理，不能撤回；如需修改，请联系设区市退回");
        }
        new ReviewComment(report, ReviewComment.Decision.WITHDRAWN, null, user.username(), clock.instant()).persist();
        String title = report.title(ReportViews.regionName(report.authorRegion)) + "（" + report.chainName + "）";
        notifier.toRegion(report.reviewUnit, new Notifier.Message(report.campaignId, Notification.Kind.REPORT_WITHDRAWN,
                "县级报告已撤回", title + " 已由" + ReportViews.regionName(report.authorRegion)
                        + "撤回修改，重新提交后再审核。", report.id));
        return ReportViews.detail(report, process.stageOf(report));
    }

    @Transactional
    public List<ReportViews.RevisionSummary> revisions(Long id) {
        readable(id);
        return ReportRevision.of(id).stream().map(ReportViews::revisionSummary).toList();
    }

    @Transactional
    public ReportViews.RevisionDetail revision(Long id, int number) {
        readable(id);
        return ReportRevision.<ReportRevision>find("reportId = ?1 and number = ?2", id, number).firstResultOptional()
                .map(ReportViews::revisionDetail)
                .orElseThrow(() -> ApiException.notFound("这份报告没有第 " + number + " 版提交记录"));
    }

    /** The report, if the caller may read it (403 otherwise, 404 when unknown). */
    public Report requireReadable(Long id) {
        return readable(id);
    }

    /** The report, if the caller wrote it and it is open for editing. */
    public Report requireEditable(Long id) {
        Report report = writable(id);
        report.requireEditable(process.stageOf(report));
        return report;
    }

    /**
     * The report, if the caller may read it: its region's scope ({@link cn.fjsti.chainreport.security.RegionAccess}),
     * or, for a county, a consolidated report that one of its own reports is merged into (read-only: only the
     * author region may write). An undone merge clears the link, and the county loses the right with it.
     */
    private Report readable(Long id) {
        Report report = find(id);
        if (!access.canRead(report.authorRegion) && !memberOf(report)) {
            access.requireRead(report.authorRegion);
        }
        return report;
    }

    private boolean memberOf(Report consolidated) {
        return user.is(cn.fjsti.chainreport.security.Role.COUNTY) && consolidated.kind == Report.Kind.MERGED
                && Report.count("mergedInto = ?1 and authorRegion = ?2", consolidated.id, user.regionCode()) > 0;
    }

    private Report writable(Long id) {
        Report report = find(id);
        access.requireRead(report.authorRegion);
        access.requireAuthor(report.authorRegion);
        return report;
    }

    private static Report find(Long id) {
        return Report.<Report>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("没有编号为 " + id + " 的报告"));
    }
}
