package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.RetryOnEngineConflict;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/** The institute accepts a unit's sent package (its reports end) or returns it to the unit with comments. */
@ApplicationScoped
public class InstituteDecisionService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess reportProcess;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    PackageService packages;

    /** The institute accepts the package, or returns it to the unit with comments. */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.decide")
    public PackageViews.Package decide(Long campaignId, String unitCode, boolean accept, String comment) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        if (accept) {
            // Accepting ends the unit's part of the campaign (see lockForCompletion: first, before any write).
            CampaignService.lockForCompletion(campaign);
        }
        packages.lockPackage(campaign.id, unit.code);
        OpenTask task = unitProcess.activeTask(campaign.id, unit.code)
                .filter(t -> t.is(Workflow.Task.INSTITUTE_REVIEW))
                .orElseThrow(() -> ApiException.conflict(unit.name + "的材料当前不在待接收状态"
                        + (PackageService.pkg(campaign.id, unit.code).lastRound().filter(r -> r.decision == PackageRound.Decision.WITHDRAWN).isPresent()
                                ? "（设区市已撤回）" : "")));
        PackageRound round = PackageService.pkg(campaign.id, unit.code).lastRound().orElseThrow();
        round.decide(accept ? PackageRound.Decision.ACCEPTED : PackageRound.Decision.RETURNED, user.username(),
                comment, clock.instant());
        unitProcess.complete(task, user.username(), accept);
        if (accept) {
            closeReports(campaign.id, unit.code);
        }
        notifier.toRegion(unit.code, Notifier.Message.of(campaign.id,
                accept ? Notification.Kind.PACKAGE_ACCEPTED : Notification.Kind.PACKAGE_RETURNED,
                accept ? "省科学技术信息研究所已接收材料" : "材料被退回，请修改后重新报送",
                accept ? "第 " + round.number + " 次报送的材料已接收。" + (comment == null ? "" : "意见：" + comment)
                        : "退回意见：" + comment));
        return packages.view(campaign, unit, packages.snapshot(campaign, unit));
    }

    /** The package is accepted: every report of the unit waiting for it (approved, or written by the city) ends. */
    private void closeReports(Long campaignId, String unitCode) {
        List<Report> reports = Report.list("campaignId = ?1 and reviewUnit = ?2 and withdrawnAt is null", campaignId, unitCode);
        for (Report report : reports) {
            reportProcess.correlate(report, Workflow.Message.REPORT_CLOSED, user.username());
        }
    }
}
