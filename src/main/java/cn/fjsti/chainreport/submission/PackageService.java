package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.campaign.PilotChain;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A unit's package as it stands: its view (stage, what is missing, contents, rounds, timers), its contents and the
 * sent reports for the documents, its deadline, and the package row's lock that every change to it takes first.
 * Sending ({@link SendingService}), the institute's decision ({@link InstituteDecisionService}), deadlines
 * ({@link DeadlineService}) and the board ({@link BoardService}) are beside it.
 */
@ApplicationScoped
public class PackageService {

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess reportProcess;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    Clock clock;

    /** The unit's package as the unit, its reviewers and the institute see it. */
    @Transactional
    public PackageViews.Package view(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        return view(campaign, unit, snapshot(campaign, unit));
    }

    /** The unit's own deadline: the campaign's unless the administrator extended it for the unit. */
    Instant deadlineOf(Campaign campaign, String unitCode) {
        return unitProcess.deadline(campaign.id, unitCode).orElse(campaign.deadline);
    }

    /** Where the unit's package stands (for pages deciding which buttons to show). */
    @Transactional
    public PackageStage stageOf(Long campaignId, String unitCode) {
        return CityPackage.of(campaignId, unitCode).map(p -> stage(campaignId, unitCode, p.lastRound())).orElse(PackageStage.PREPARING);
    }

    /**
     * The unit's last sending, when the institute has returned it and the unit has not sent again (taking the
     * package's lock); otherwise 409 saying where the package stands.
     */
    public PackageRound requireReturned(Long campaignId, String unitCode) {
        lockPackage(campaignId, unitCode);
        Optional<PackageRound> last = pkg(campaignId, unitCode).lastRound();
        PackageStage stage = stage(campaignId, unitCode, last);
        if (stage != PackageStage.RETURNED) {
            throw ApiException.conflict("本市材料当前为“" + stage.label() + "”，只有省科学技术信息研究所退回材料后，才能重新打开已通过的报告");
        }
        return last.orElseThrow();
    }

    /** What a unit's documents show: the reports of its last sending, or, before it sends, those it would send. */
    public record PackageContents(Campaign campaign, Region unit, PackageRound lastRound, List<Report> reports) {
    }

    /** The reports a unit's documents show (see {@link PackageContents}). */
    @Transactional
    public PackageContents contents(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        Optional<PackageRound> last = pkg(campaign.id, unit.code).lastRound();
        List<Report> reports = last.isPresent()
                ? last.get().reportIds.stream().map(id -> Report.<Report>findById(id)).toList()
                : snapshot(campaign, unit).contents();
        return new PackageContents(campaign, unit, last.orElse(null), reports);
    }

    /**
     * One report of a unit's last sending: which unit sent it, its id (loaded by the caller, one at a time), and the
     * sending's round number and decision (null while undecided; RETURNED, ACCEPTED), which the compilation's stamp
     * includes.
     */
    public record SentReport(Region unit, Long reportId, int round, String decision) {
    }

    /**
     * The reports of every package sent so far (last sending of each unit, withdrawn sendings left out), in the
     * units' code order, for the institute's compilation: ids only, so the caller holds one report's text at a time.
     * 403 for anyone but the institute and the province's administrators.
     */
    @Transactional
    public List<SentReport> sentReports(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.seesEverything()) {
            throw ApiException.forbidden("汇编仅供省科学技术信息研究所和省科技厅使用");
        }
        // A fixed number of queries whatever the number of units (issue 23: one query per package for its last
        // round and one for its report list made the institute's page wait ≈ 200 ms nationally for its compilation
        // line): the packages, their last rounds, the rounds' report lists in batches, the units.
        Map<Long, String> unitOf = new java.util.HashMap<>();
        CityPackage.of(campaign.id).forEach(pkg -> unitOf.put(pkg.id, pkg.unitCode));
        List<PackageRound> last = PackageRound.getEntityManager().createQuery(
                        "select r from PackageRound r where r.packageId in "
                                + "(select p.id from CityPackage p where p.campaignId = :campaign) "
                                + "and r.number = (select max(r2.number) from PackageRound r2 where r2.packageId = r.packageId)",
                        PackageRound.class)
                .setParameter("campaign", campaign.id).getResultList().stream()
                .filter(r -> r.decision != PackageRound.Decision.WITHDRAWN)
                .sorted(java.util.Comparator.comparing((PackageRound r) -> unitOf.get(r.packageId)))
                .toList();
        Map<String, Region> units = new java.util.HashMap<>();
        if (!last.isEmpty()) {
            Region.<Region>list("code in ?1", last.stream().map(r -> unitOf.get(r.packageId)).distinct().toList())
                    .forEach(region -> units.put(region.code, region));
        }
        return last.stream()
                .flatMap(round -> round.reportIds.stream()
                        .map(id -> new SentReport(units.get(unitOf.get(round.packageId)), id, round.number,
                                round.decision == null ? null : round.decision.name())))
                .toList();
    }

    /** The package as its unit and the institute see it (the answer of every package action). */
    PackageViews.Package view(Campaign campaign, Region unit, UnitSnapshot snapshot) {
        CityPackage pkg = pkg(campaign.id, unit.code);
        Optional<PackageRound> last = pkg.lastRound();
        PackageStage stage = stage(campaign.id, unit.code, last);
        Instant now = clock.instant();
        Instant deadline = deadlineOf(campaign, unit.code);
        List<String> missing = snapshot.missing();
        boolean sendable = stage == PackageStage.PREPARING || stage == PackageStage.RETURNED;
        List<PackageViews.Item> contents = snapshot.contents().stream()
                .map(r -> new PackageViews.Item(r.id, r.authorRegion, regionName(r.authorRegion), r.kind.name(), r.chainName,
                        r.title(regionName(r.authorRegion))))
                .toList();
        List<PackageViews.Round> rounds = pkg.rounds().stream()
                .map(r -> new PackageViews.Round(r.number, Times.beijing(r.sentAt), r.sentBy, r.onTime,
                        r.decision == null ? null : r.decision.name(), Times.beijing(r.decidedAt), r.decidedBy, r.comment,
                        List.copyOf(r.reportIds)))
                .toList();
        boolean overdue = pkg.overdueMarkedAt != null || (sendable && now.isAfter(deadline));
        return new PackageViews.Package(campaign.id, unit.code, unit.name, stage.name(), stage.label(),
                Times.beijing(deadline), Times.beijing(pkg.internalDeadline),
                DeadlinePolicy.daysLeft(now, deadline), overdue, Times.beijing(pkg.overdueMarkedAt),
                sendable && missing.isEmpty(), missing, contents, rounds,
                unitProcess.pendingTimers(campaign.id, unit.code).stream().map(Times::beijing).toList(),
                sendable ? snapshot.repeatedUnmerged() : List.of());
    }

    /** Where the package stands: the process's open task, and whether the last sending was returned. */
    PackageStage stage(Long campaignId, String unitCode, Optional<PackageRound> last) {
        Optional<OpenTask> task = unitProcess.activeTask(campaignId, unitCode);
        if (task.isEmpty()) {
            return PackageStage.ACCEPTED;
        }
        if (task.get().is(Workflow.Task.INSTITUTE_REVIEW)) {
            return PackageStage.SENT;
        }
        return last.filter(r -> r.decision == PackageRound.Decision.RETURNED).isPresent()
                ? PackageStage.RETURNED : PackageStage.PREPARING;
    }

    /** The unit's counties, reports, their stages and the pilot chains: what the rules of the notice are asked about. */
    UnitSnapshot snapshot(Campaign campaign, Region unit) {
        List<Region> counties = Region.draftingCountiesOf(unit.code);
        Set<String> codes = counties.stream().map(r -> r.code).collect(Collectors.toSet());
        List<Report> reports = Report.list("campaignId = ?1 and reviewUnit = ?2 order by id", campaign.id, unit.code);
        Map<Long, ReportStage> stages = reportProcess.stagesOf(reports);
        List<PilotChain> pilots = PilotChain.of(campaign.id).stream().filter(p -> codes.contains(p.countyCode)).toList();
        return new UnitSnapshot(unit, counties, reports, stages, pilots);
    }

    /** Creates the unit's package record when its process starts (in the campaign-opening transaction). */
    @Transactional
    public void ensurePackage(Long campaignId, String unitCode, String processInstanceId) {
        CityPackage pkg = CityPackage.of(campaignId, unitCode).orElseGet(() -> {
            CityPackage created = new CityPackage(campaignId, unitCode);
            created.persist();
            return created;
        });
        pkg.processInstanceId = processInstanceId;
    }

    /**
     * Serialises everything that changes one unit's package (send, decide, merges): concurrent callers, on
     * one node or several, queue on the package row instead of racing in the engine.
     */
    public void lockPackage(Long campaignId, String unitCode) {
        CityPackage.getEntityManager().lock(pkg(campaignId, unitCode), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    static CityPackage pkg(Long campaignId, String unitCode) {
        return CityPackage.of(campaignId, unitCode).orElseThrow();
    }

    private static String regionName(String code) {
        return Region.nameOf(code);
    }
}
