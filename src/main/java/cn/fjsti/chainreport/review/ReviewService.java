package cn.fjsti.chainreport.review;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportService;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.ReviewComment;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.submission.PackageRound;
import cn.fjsti.chainreport.submission.PackageService;
import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The city-level unit's review of a county report: approve it, or return it with a comment. */
@ApplicationScoped
public class ReviewService {

    @Inject
    CurrentUser user;

    @Inject
    ReportProcess process;

    @Inject
    ReportService reports;

    @Inject
    Notifier notifier;

    @Inject
    PackageService packages;

    @Inject
    Clock clock;

    @Transactional
    @Audited("report.review")
    public ReportViews.Answer decide(Long reportId, boolean approve, String comment, boolean minimal) {
        // Row lock first: two reviewers of one report queue here instead of racing (and deadlocking) in the engine.
        Report report = Report.<Report>findByIdOptional(reportId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + reportId + " 的报告"));
        if (!user.is(Role.CITY) || !Objects.equals(user.regionCode(), report.reviewUnit) || report.kind != Report.Kind.COUNTY) {
            throw ApiException.forbidden("只有该县（市、区）所属的设区市可以审核这份报告");
        }
        Optional<OpenTask> active = process.activeTask(report);
        ReportStage stage = process.stageOf(report, active);
        OpenTask task = active
                .filter(t -> t.is(Workflow.Task.CITY_REVIEW))
                .orElseThrow(() -> ApiException.conflict("报告当前处于“" + stage.label() + "”阶段，不在待审核状态"));
        new ReviewComment(report, approve ? ReviewComment.Decision.APPROVED : ReviewComment.Decision.RETURNED,
                comment, user.username(), clock.instant()).persist();
        process.complete(task, user.username(), Map.of(Workflow.Var.APPROVED, approve));
        String title = report.title(ReportViews.regionName(report.authorRegion)) + "（" + report.chainName + "）";
        notifier.toRegion(report.authorRegion, new Notifier.Message(report.campaignId,
                approve ? Notification.Kind.REPORT_APPROVED : Notification.Kind.REPORT_RETURNED,
                approve ? "报告已审核通过" : "报告被退回修改",
                approve ? title + " 已审核通过。" + (comment == null ? "" : "意见：" + comment)
                        : title + " 被退回修改。意见：" + comment, report.id));
        return minimal ? ReportViews.saved(report, process.stageOf(report)) : reports.get(report.id);
    }

    /**
     * The city approves several of its counties' reports at once, with one optional comment for all. All or
     * nothing: every report is locked (in id order, so two batches queue rather than deadlock) and checked
     * first; an unknown id answers 404, a report outside the caller's unit 403, and one not waiting for review
     * 409 naming every such report (county, chain, stage); then nothing is written. Otherwise each is approved
     * as by {@link #decide} in this one transaction (each county is notified).
     *
     * @param reportIds 1 to {@link cn.fjsti.chainreport.common.Limits#MERGE_REPORTS} distinct ids
     */
    @Transactional
    @Audited("report.review.batch")
    public List<ReportViews.Answer> approveAll(List<Long> reportIds, String comment, boolean minimal) {
        List<Long> ids = reportIds.stream().distinct().sorted().toList();
        List<String> notWaiting = new java.util.ArrayList<>();
        for (Long id : ids) {
            Report report = Report.<Report>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ApiException.notFound("没有编号为 " + id + " 的报告，未审核任何报告"));
            if (user.is(Role.CITY) && Objects.equals(user.regionCode(), report.reviewUnit) && report.kind != Report.Kind.COUNTY) {
                // The city's own report (merged or city-led) is sent, not reviewed: "not this city's" would be untrue.
                throw ApiException.forbidden("“" + report.chainName + "”是本市自己编写的报告（合并或市本级），直接随上报材料报送，"
                        + "无需审核；未审核任何报告");
            }
            if (!user.is(Role.CITY) || !Objects.equals(user.regionCode(), report.reviewUnit) || report.kind != Report.Kind.COUNTY) {
                throw ApiException.forbidden("只能审核本市所辖县（市、区）的报告；" + ReportViews.regionName(report.authorRegion)
                        + "的报告不属于本市，未审核任何报告");
            }
            ReportStage stage = process.stageOf(report);
            if (stage != ReportStage.UNDER_REVIEW) {
                notWaiting.add(ReportViews.regionName(report.authorRegion) + "的“" + report.chainName + "”（" + stage.label() + "）");
            }
        }
        if (!notWaiting.isEmpty()) {
            throw ApiException.conflict("以下报告不在待审核状态，未审核任何报告：" + String.join("；", notWaiting));
        }
        return ids.stream().map(id -> decide(id, true, comment, minimal)).toList();
    }

    /**
     * After the institute returned the unit's package, the city reopens one of its reports: its own (city-led
     * or consolidated) goes back to the city's drafting, a county's report goes back to the county. The
     * report's process leaves its wait for the package (message Message_ReportReopened); the institute's
     * comment, and the city's own if given, is kept beside the report.
     */
    @Transactional
    @Audited("report.reopen")
    public ReportViews.Detail reopen(Long reportId, String note) {
        Report report = Report.<Report>findByIdOptional(reportId)
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + reportId + " 的报告"));
        if (!user.is(Role.CITY) || !Objects.equals(user.regionCode(), report.reviewUnit)) {
            throw ApiException.forbidden("只有报告所属的设区市可以重新打开这份报告");
        }
        // The package first (as sending and merging take it), then the report: a reopening and a sending queue.
        PackageRound returned = packages.requireReturned(report.campaignId, report.reviewUnit);
        Report.getEntityManager().lock(report, LockModeType.PESSIMISTIC_WRITE);
        if (report.withdrawnAt != null) {
            throw ApiException.conflict("这份合并报告已撤销合并，不在报送材料中，不能重新打开");
        }
        if (report.mergedInto != null) {
            throw ApiException.conflict("这份报告已合并到市级合并报告（编号 " + report.mergedInto + "）中，请重新打开合并报告");
        }
        ReportStage stage = process.stageOf(report);
        if (stage != ReportStage.APPROVED) {
            throw ApiException.conflict("报告当前处于“" + stage.label() + "”阶段，不需要重新打开");
        }
        if (!process.correlate(report, Workflow.Message.REPORT_REOPENED, user.username())) {
            throw ApiException.conflict("这份报告按旧版流程办理，审核通过后流程已结束，不能重新打开");
        }
        String comment = "省科学技术信息研究所退回第 " + returned.number + " 次报送的材料，意见：" + returned.comment
                + (note == null ? "" : "\n市级意见：" + note);
        new ReviewComment(report, ReviewComment.Decision.REOPENED, comment, user.username(), clock.instant()).persist();
        if (report.kind == Report.Kind.COUNTY) {
            String title = report.title(ReportViews.regionName(report.authorRegion)) + "（" + report.chainName + "）";
            notifier.toRegion(report.authorRegion, new Notifier.Message(report.campaignId, Notification.Kind.REPORT_REOPENED,
                    "报告随材料被退回，请修改后重新提交", title + " 已重新打开修改。" + comment, report.id));
        }
        return reports.get(report.id);
    }
}
