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
import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;

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
    Clock clock;

    @Transactional
    @Audited("report.review")
    public ReportViews.Detail decide(Long reportId, boolean approve, String comment) {
        // Row lock first: two reviewers of one report queue here instead of racing (and deadlocking) in the engine.
        Report report = Report.<Report>findByIdOptional(reportId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + reportId + " 的报告"));
        if (!user.is(Role.CITY) || !Objects.equals(user.regionCode(), report.reviewUnit) || report.kind != Report.Kind.COUNTY) {
            throw ApiException.forbidden("只有该县（市、区）所属的设区市可以审核这份报告");
        }
        Optional<Task> active = process.activeTask(report);
        ReportStage stage = process.stageOf(report, active);
        Task task = active
                .filter(t -> Workflow.Task.CITY_REVIEW.equals(t.getTaskDefinitionKey()))
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
        return reports.get(report.id);
    }
}
