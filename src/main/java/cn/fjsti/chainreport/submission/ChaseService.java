package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.audit.Audited;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.ClockProducer;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.notification.Notification;
import cn.fjsti.chainreport.notification.Notifier;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 催办: a city-level unit chases one of its counties that has not declared, not submitted or not fixed a
 * returned report; the institute chases a unit whose package is not sent (or was returned and not sent again).
 * One message in the target's inbox naming the campaign, what is missing and the deadline (Beijing time),
 * recorded in the audit log; at most once per Beijing calendar day per target and campaign.
 */
@ApplicationScoped
public class ChaseService {

    @Inject
    CurrentUser user;

    @Inject
    PackageService packages;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    /**
     * A chase sent, or what a chase would say: the target, what it still owes, the deadline it is given, when
     * it was last chased in this campaign and from when it may be chased again (null: now).
     */
    public record ChaseView(Long campaignId, String campaignTitle, String target, String targetName, List<String> missing,
                            OffsetDateTime deadline, String deadlineText, OffsetDateTime lastChasedAt,
                            OffsetDateTime nextPossibleAt) {
    }

    /**
     * Chases {@code targetCode} in the campaign. 403: a county or the administrator chasing, a city chasing
     * what is not one of its own drafting counties, the institute chasing anything but a city-level unit;
     * 404 unknown campaign or region; 409 nothing is missing (or the package is sent or accepted);
     * 429 already chased today (problem+json with {@code nextPossibleAt}, 00:00 next day Beijing time).
     */
    @Transactional
    @Audited("chase")
    public ChaseView chase(Long campaignId, String targetCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region target = Region.byCode(targetCode).filter(r -> r.level != cn.fjsti.chainreport.region.RegionLevel.PROVINCE)
                .orElseThrow(() -> ApiException.notFound("没有代码为 " + targetCode + " 的设区市或县（市、区）"));
        Region unit = unitOf(target);
        // The unit's package row serialises chases of the unit and its counties: two clicks at once queue, the second sees the first.
        packages.lockPackage(campaign.id, unit.code);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.ZONE);
        Optional<Chase> already = Chase.on(campaign.id, target.code, today);
        if (already.isPresent()) {
            OffsetDateTime next = nextDay(today);
            throw new ApiException(429, "今天已催办", target.name + "今天（" + Times.text(already.get().chasedAt) + "）已被催办过，同一单位每天只能催办一次，"
                    + Times.text(next.toInstant()) + "起可再次催办", List.of(), Map.of("nextPossibleAt", next));
        }
        ChaseView owed = owed(campaign, target, unit, null);
        if (owed.missing().isEmpty()) {
            throw ApiException.conflict(target.isReviewUnit()
                    ? target.name + "的材料已报送或已接收，无需催办"
                    : target.name + "已申报产业链且报告均已提交，无需催办");
        }
        Instant now = clock.instant();
        String missingText = String.join("；", owed.missing());
        new Chase(campaign.id, target.code, today, now, user.username(),
                missingText.length() > 2000 ? missingText.substring(0, 2000) : missingText).persist();
        String from = user.is(Role.INSTITUTE) ? "省科学技术信息研究所" : unit.name;
        notifier.toRegion(target.code, Notifier.Message.of(campaign.id, Notification.Kind.CHASE,
                "催办：" + campaign.title,
                from + "催办" + campaign.title + "：" + missingText + "。请在 " + owed.deadlineText() + "前完成"
                        + (target.isReviewUnit() ? "并报送省科学技术信息研究所。" : "并提交。")));
        return new ChaseView(campaign.id, campaign.title, target.code, target.name, owed.missing(), owed.deadline(),
                owed.deadlineText(), Times.beijing(now), nextDay(today));
    }

    /** What each target the caller may chase in the campaign still owes (the caller's counties, or every unit for the institute). */
    @Transactional
    public List<ChaseView> chaseable(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        List<ChaseView> views = new ArrayList<>();
        if (user.is(Role.CITY)) {
            Region unit = Region.byCode(user.regionCode()).orElseThrow();
            UnitSnapshot snapshot = packages.snapshot(campaign, unit);
            for (Region county : Region.draftingCountiesOf(unit.code)) {
                views.add(owed(campaign, county, unit, snapshot));
            }
        } else if (user.is(Role.INSTITUTE)) {
            for (Region unit : Region.reviewUnits()) {
                views.add(owed(campaign, unit, unit, null));
            }
        } else {
            throw ApiException.forbidden("只有设区市和省科学技术信息研究所可以催办");
        }
        return views.stream().filter(v -> !v.missing().isEmpty()).toList();
    }

    /**
     * The institute's board: the given units (whose packages are not sent) as chase targets, with their
     * deadline and whether they were chased today; what each lacks is left empty here (the chase lists it).
     */
    @Transactional
    public List<ChaseView> targets(Long campaignId, List<String> unitCodes) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.is(Role.INSTITUTE)) {
            throw ApiException.forbidden("只有省科学技术信息研究所可以催办设区市");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.ZONE);
        List<ChaseView> views = new ArrayList<>();
        for (String code : unitCodes) {
            Region unit = Region.byCode(code).orElseThrow();
            Instant deadline = packages.deadlineOf(campaign, unit.code);
            Optional<Chase> chased = Chase.on(campaign.id, unit.code, today);
            views.add(new ChaseView(campaign.id, campaign.title, unit.code, unit.name, List.of(), Times.beijing(deadline),
                    Times.text(deadline), chased.map(c -> Times.beijing(c.chasedAt)).orElse(null),
                    chased.isPresent() ? nextDay(today) : null));
        }
        return views;
    }

    /** Checks who may chase the target; returns the unit whose package row the chase queues on. */
    private Region unitOf(Region target) {
        if (user.is(Role.CITY)) {
            if (!target.isDraftingCounty() || !user.regionCode().equals(target.reviewUnit)) {
                throw ApiException.forbidden("只能催办本单位所辖的县（市、区）");
            }
            return Region.byCode(target.reviewUnit).orElseThrow();
        }
        if (user.is(Role.INSTITUTE)) {
            if (!target.isReviewUnit()) {
                throw ApiException.forbidden("省科学技术信息研究所催办的是设区市（审核单位），县（市、区）由所在设区市催办");
            }
            return target;
        }
        throw ApiException.forbidden("只有设区市和省科学技术信息研究所可以催办");
    }

    /**
     * What the target owes. {@code snapshot}: the unit's, when the caller already has it; null reads it only
     * where needed (for a unit, only when its package is not sent: a list of every unit stays cheap).
     */
    private ChaseView owed(Campaign campaign, Region target, Region unit, UnitSnapshot snapshot) {
        Instant unitDeadline = packages.deadlineOf(campaign, unit.code);
        List<String> missing;
        Instant deadline;
        if (target.isReviewUnit()) {
            PackageStage stage = packages.stageOf(campaign.id, unit.code);
            missing = new ArrayList<>();
            if (stage == PackageStage.PREPARING || stage == PackageStage.RETURNED) {
                missing.add(stage == PackageStage.RETURNED ? "材料已被退回，尚未重新报送" : "材料尚未报送");
                missing.addAll((snapshot != null ? snapshot : packages.snapshot(campaign, unit)).missing());
            }
            deadline = unitDeadline;
        } else {
            missing = (snapshot != null ? snapshot : packages.snapshot(campaign, unit)).countyOwes(target.code);
            Instant internal = CityPackage.of(campaign.id, unit.code).map(p -> p.internalDeadline).orElse(null);
            deadline = internal != null ? internal : unitDeadline;
        }
        Chase last = Chase.<Chase>find("campaignId = ?1 and targetRegion = ?2 order by chasedAt desc", campaign.id, target.code)
                .firstResult();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.ZONE);
        return new ChaseView(campaign.id, campaign.title, target.code, target.name, missing, Times.beijing(deadline),
                Times.text(deadline), last == null ? null : Times.beijing(last.chasedAt),
                last != null && last.chasedOn.equals(today) ? nextDay(today) : null);
    }

    private static OffsetDateTime nextDay(LocalDate today) {
        return today.plusDays(1).atStartOfDay(ClockProducer.ZONE).toOffsetDateTime();
    }
}
