package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignProcess;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.ReadOnlyPersistence;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The institute's deadline board (进度看板): every unit, its counties' progress, its package, days left or late. */
@ApplicationScoped
public class BoardService {

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    BoardFacts boardFacts;

    @Inject
    CampaignProcess campaignProcess;

    @Inject
    PackageService packages;

    /**
     * The institute's deadline board: every unit, its counties' progress, its package, days left or late. Read in a
     * fixed number of queries whatever the campaign's size ({@link BoardFacts}): no query per unit, no report text.
     */
    @Transactional
    public PackageViews.Board board(Long campaignId) {
        Campaign campaign = CampaignService.require(campaignId);
        if (!user.seesEverything()) {
            throw ApiException.forbidden("进度看板仅供省科学技术信息研究所和省科技厅使用");
        }
        ReadOnlyPersistence.forThisTransaction();
        Instant now = clock.instant();
        BoardFacts.Facts facts = boardFacts.of(campaign);
        List<PackageViews.BoardRow> rows = new ArrayList<>();
        for (Region unit : Region.reviewUnits()) {
            rows.add(boardRow(campaign, unit, now, facts));
        }
        boolean ended = !campaignProcess.isOpen(campaign);
        return new PackageViews.Board(campaign.id, campaign.year, Times.beijing(campaign.deadline),
                Times.text(campaign.deadline), Times.beijing(now),
                DeadlinePolicy.daysLeft(now, campaign.deadline), ended,
                rows.stream().filter(r -> r.stage().equals(PackageStage.ACCEPTED.name())).count(),
                rows.stream().filter(r -> r.sentAt() != null).count(),
                rows.stream().filter(PackageViews.BoardRow::overdue).count(), rows);
    }

    private PackageViews.BoardRow boardRow(Campaign campaign, Region unit, Instant now, BoardFacts.Facts facts) {
        List<Region> counties = facts.countiesByUnit().getOrDefault(unit.code, List.of());
        List<BoardFacts.ReportFact> reports = facts.reportsByUnit().getOrDefault(unit.code, List.of());
        BoardFacts.PackageFact pf = facts.packagesByUnit().get(unit.code);
        if (pf == null) {
            throw new IllegalStateException("No package record for unit " + unit.code + " in campaign " + campaign.id);
        }
        CityPackage pkg = pf.pkg();
        BoardFacts.RoundFact last = pf.lastRound();
        PackageStage stage;
        Instant deadline;
        if (pkg.processInstanceId == null) {
            // A package recorded before its process id was kept: the per-unit reading finds the process by its variables.
            stage = packages.stage(campaign.id, unit.code, pkg.lastRound());
            deadline = packages.deadlineOf(campaign, unit.code);
        } else {
            stage = pf.openTask() == null ? PackageStage.ACCEPTED
                    : Workflow.Task.INSTITUTE_REVIEW.equals(pf.openTask()) ? PackageStage.SENT
                    : last != null && last.decision() == PackageRound.Decision.RETURNED ? PackageStage.RETURNED
                    : PackageStage.PREPARING;
            deadline = pf.deadline() != null ? pf.deadline()
                    : pf.processRunning() ? campaign.deadline : packages.deadlineOf(campaign, unit.code);
        }
        Instant sentAt = (stage == PackageStage.SENT || stage == PackageStage.ACCEPTED) && last != null ? last.sentAt() : null;
        Instant reference = sentAt != null ? sentAt : now;

        Map<Long, ReportStage> stageById = reports.stream()
                .collect(Collectors.toMap(BoardFacts.ReportFact::id, BoardFacts.ReportFact::stage));
        Map<String, List<BoardFacts.ReportFact>> byCounty = reports.stream()
                .filter(r -> r.kind() == Report.Kind.COUNTY)
                .collect(Collectors.groupingBy(BoardFacts.ReportFact::authorRegion));
        java.util.function.Predicate<BoardFacts.ReportFact> covered = r -> r.stage() == ReportStage.APPROVED
                || (r.stage() == ReportStage.MERGED && r.mergedInto() != null && stageById.get(r.mergedInto()) == ReportStage.APPROVED);
        long declared = counties.stream().filter(c -> byCounty.containsKey(c.code)).count();
        long coveredCounties = counties.stream()
                .filter(c -> byCounty.getOrDefault(c.code, List.of()).stream().anyMatch(covered)).count();
        Map<ReportStage, Long> countyStages = reports.stream().filter(r -> r.kind() == Report.Kind.COUNTY)
                .collect(Collectors.groupingBy(BoardFacts.ReportFact::stage, Collectors.counting()));
        long cityReports = reports.stream()
                .filter(r -> r.kind().cityWritten() && r.stage() != ReportStage.WITHDRAWN).count();
        return new PackageViews.BoardRow(unit.code, unit.name, counties.size(), declared, coveredCounties,
                countyStages.getOrDefault(ReportStage.DRAFTING, 0L) + countyStages.getOrDefault(ReportStage.RETURNED, 0L),
                countyStages.getOrDefault(ReportStage.UNDER_REVIEW, 0L), countyStages.getOrDefault(ReportStage.APPROVED, 0L),
                countyStages.getOrDefault(ReportStage.MERGED, 0L), cityReports, stage.name(), stage.label(),
                Times.beijing(sentAt), sentAt == null ? null : last.onTime(),
                Math.max(0, DeadlinePolicy.daysLeft(now, deadline)),
                DeadlinePolicy.daysLate(reference, deadline),
                pkg.overdueMarkedAt != null || reference.isAfter(deadline),
                pf.rounds().size(), Times.beijing(deadline), !deadline.equals(campaign.deadline));
    }
}
