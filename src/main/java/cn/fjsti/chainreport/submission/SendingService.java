package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.RetryOnEngineConflict;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A unit sends its package to the institute (when every rule of the notice is met), or takes a sent package
 * back before the institute has acted on it.
 */
@ApplicationScoped
public class SendingService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    PackageService packages;

    /** Sends the package: refused with the list of what is missing unless every rule of the notice is met. */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.send")
    public PackageViews.Package send(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        packages.lockPackage(campaign.id, unit.code);
        OpenTask task = unitProcess.activeTask(campaign.id, unit.code)
                .filter(t -> t.is(Workflow.Task.SEND_PACKAGE))
                .orElseThrow(() -> ApiException.conflict("材料已报送，正等待省科学技术信息研究所接收，不能重复报送"));
        UnitSnapshot snapshot = packages.snapshot(campaign, unit);
        List<String> missing = snapshot.missing();
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("材料还不完整，不能报送：" + missing.get(0) + (missing.size() > 1 ? " 等 " + missing.size() + " 项" : ""),
                    missing.stream().map(m -> new FieldError("package", m)).toList());
        }
        CityPackage pkg = PackageService.pkg(campaign.id, unit.code);
        int number = pkg.lastRound().map(r -> r.number + 1).orElse(1);
        Instant now = clock.instant();
        PackageRound round = new PackageRound(pkg, number, now, user.username(), packages.deadlineOf(campaign, unit.code),
                snapshot.contents().stream().map(r -> r.id).toList());
        round.persist();
        unitProcess.complete(task, user.username(), true);
        notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.PACKAGE_SENT,
                unit.name + "已报送调研报告" + (round.onTime ? "" : "（逾期）"),
                unit.name + "于 " + Times.text(now) + "报送 " + round.reportIds.size() + " 份调研报告"
                        + (number > 1 ? "（第 " + number + " 次报送）" : "") + "。"));
        return packages.view(campaign, unit, snapshot);
    }

    /**
     * The unit takes back its sent package before the institute has accepted or returned it: the withdrawal
     * message interrupts the institute's task and the preparation starts again (reminders still ahead, the
     * overdue timer). The sending stays in the rounds, marked withdrawn; the next sending is a new round.
     */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.withdraw")
    public PackageViews.Package withdraw(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        // The same lock as the institute's decision: a withdrawal and a decision queue, the second sees the first.
        packages.lockPackage(campaign.id, unit.code);
        Optional<PackageRound> last = PackageService.pkg(campaign.id, unit.code).lastRound();
        PackageStage stage = packages.stage(campaign.id, unit.code, last);
        if (stage != PackageStage.SENT) {
            throw ApiException.conflict(switch (stage) {
                case ACCEPTED -> "省科学技术信息研究所已接收材料，不能撤回";
                case RETURNED -> "省科学技术信息研究所已退回材料，无需撤回，修改后重新报送即可";
                default -> "材料尚未报送，无需撤回";
            });
        }
        if (!unitProcess.withdraw(campaign.id, unit.code, user.username())) {
            throw ApiException.conflict("本市材料按旧版流程办理，报送后不能撤回；请联系省科学技术信息研究所退回");
        }
        PackageRound round = last.orElseThrow();
        round.decide(PackageRound.Decision.WITHDRAWN, user.username(), null, clock.instant());
        notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.PACKAGE_WITHDRAWN,
                unit.name + "撤回了报送的材料",
                unit.name + "撤回了第 " + round.number + " 次报送的材料，修改后将重新报送。"));
        return packages.view(campaign, unit, packages.snapshot(campaign, unit));
    }
}
