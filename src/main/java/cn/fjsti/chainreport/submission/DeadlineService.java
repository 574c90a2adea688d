package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignProcess;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.RetryOnEngineConflict;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.CountySurveyProcess;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deadlines of the units' packages: the administrator's extensions (延期), a unit's internal deadline for its
 * counties, and what the process timers call: reminders and the overdue mark.
 */
@ApplicationScoped
public class DeadlineService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    CampaignProcess campaignProcess;

    @Inject
    CountySurveyProcess countySurvey;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Inject
    PackageService packages;

    /**
     * 延期: the administrator moves the deadline of the whole campaign (unitCode null) or of one unit. Only later:
     * an extension, never a shortening. Every affected unit still preparing its package restarts its
     * preparation in the engine (reminders and overdue timer for the new deadline; a unit marked overdue under
     * the old deadline is no longer overdue); a unit that has sent keeps its rounds as they were judged, and a
     * later return or withdrawal prepares against the new deadline. A unit's own later extension is kept when
     * the campaign is extended less far. Accepted units are left alone.
     */
    @Transactional
    @RetryOnEngineConflict
    @Audited("package.extendDeadline")
    public PackageViews.Extension extend(Long campaignId, String unitCode, Instant deadline) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.is(cn.fjsti.chainreport.security.Role.ADMIN)) {
            throw ApiException.forbidden("只有省科技厅可以延期");
        }
        Instant now = clock.instant();
        String unsettable = DeadlinePolicy.unsettable(deadline, now, campaign.year);
        if (unsettable != null) {
            throw ApiException.badField("deadline", "延期后的" + unsettable);
        }
        List<Region> units;
        if (unitCode == null) {
            if (!campaignProcess.isOpen(campaign)) {
                throw ApiException.conflict("本年度调研工作已结束，不能延期");
            }
            if (!deadline.isAfter(campaign.deadline)) {
                throw ApiException.badField("deadline", "延期后的截止时间须晚于原截止时间 " + Times.text(campaign.deadline));
            }
            campaign.deadline = deadline;
            units = Region.reviewUnits();
        } else {
            Region unit = Region.byCode(unitCode).filter(r -> Region.reviewUnits().stream().anyMatch(u -> u.code.equals(r.code)))
                    .orElseThrow(() -> ApiException.notFound("没有代码为 " + unitCode + " 的设区市"));
            Instant current = packages.deadlineOf(campaign, unit.code);
            if (!deadline.isAfter(current)) {
                throw ApiException.badField("deadline", unit.name + "延期后的截止时间须晚于现在的截止时间 " + Times.text(current));
            }
            if (packages.stage(campaign.id, unit.code, PackageService.pkg(campaign.id, unit.code).lastRound()) == PackageStage.ACCEPTED) {
                throw ApiException.conflict(unit.name + "的材料已接收，不能延期");
            }
            units = List.of(unit);
        }
        List<String> moved = new ArrayList<>();
        for (Region unit : units) {
            packages.lockPackage(campaign.id, unit.code);
            CityPackage pkg = PackageService.pkg(campaign.id, unit.code);
            if (pkg.processInstanceId == null || packages.stage(campaign.id, unit.code, pkg.lastRound()) == PackageStage.ACCEPTED
                    || !deadline.isAfter(packages.deadlineOf(campaign, unit.code))) {
                continue;
            }
            if (unitProcess.extend(pkg.processInstanceId, deadline, user.username())) {
                pkg.overdueMarkedAt = null;
            }
            moved.add(unit.code);
            notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                    "报送截止时间已延期", "省科技厅已将" + unit.name + "的报送截止时间延至 " + Times.text(deadline) + "。"));
        }
        return new PackageViews.Extension(campaign.id, Times.beijing(campaign.deadline), Times.beijing(deadline), moved);
    }

    /** Sets the unit's own deadline for its counties; their open tasks take it as due date. */
    @Transactional
    @Audited("package.internalDeadline")
    public PackageViews.Package setInternalDeadline(Long campaignId, String unitCode, Instant deadline) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(unitCode);
        Instant unitDeadline = packages.deadlineOf(campaign, unit.code);
        if (deadline != null && (deadline.isAfter(unitDeadline) || !deadline.isAfter(clock.instant()))) {
            throw ApiException.badField("deadline", "市级截止时间须晚于当前时间，且不晚于全省截止时间");
        }
        PackageService.pkg(campaign.id, unit.code).internalDeadline = deadline;
        Set<String> counties = Region.draftingCountiesOf(unit.code).stream().map(r -> r.code).collect(Collectors.toSet());
        countySurvey.setDueDates(campaign.id, counties, deadline == null ? unitDeadline : deadline);
        return packages.view(campaign, unit, packages.snapshot(campaign, unit));
    }

    /** Called by a reminder timer. */
    @Transactional
    @Audited("package.remind")
    public void remind(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = Region.byCode(unitCode).orElseThrow();
        Instant unitDeadline = packages.deadlineOf(campaign, unit.code);
        long days = DeadlinePolicy.daysLeft(clock.instant(), unitDeadline);
        notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                "距报送截止还有 " + days + " 天",
                "请在 " + Times.text(unitDeadline) + "前汇总各县（市、区）及本级牵头编写的调研报告，报送省科学技术信息研究所。"));
        UnitSnapshot snapshot = packages.snapshot(campaign, unit);
        CityPackage pkg = PackageService.pkg(campaign.id, unit.code);
        Instant countyDeadline = pkg.internalDeadline != null ? pkg.internalDeadline : unitDeadline;
        for (Region county : snapshot.counties()) {
            if (snapshot.unfinished(county.code)) {
                notifier.toRegion(county.code, Notifier.Message.of(campaign.id, Notification.Kind.REMINDER,
                        "调研报告尚未完成",
                        "请在 " + Times.text(countyDeadline) + "前完成并提交本县（市、区）的调研报告。"));
            }
        }
    }

    /** Called by the deadline timer while the package is still unsent. */
    @Transactional
    @Audited("package.markOverdue")
    public void markOverdue(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = Region.byCode(unitCode).orElseThrow();
        if (PackageService.pkg(campaign.id, unit.code).markOverdue(clock.instant())) {
            notifier.toInstitute(Notifier.Message.of(campaign.id, Notification.Kind.OVERDUE,
                    unit.name + "未按期报送", unit.name + "在截止时间前未报送调研报告，已标记为逾期。"));
            notifier.toRegion(unit.code, Notifier.Message.of(campaign.id, Notification.Kind.OVERDUE,
                    "已超过报送截止时间", "报送截止时间已过，材料仍可报送，将被标记为逾期。"));
        }
    }
}
