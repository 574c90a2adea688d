package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the institute's board needs about every unit of a campaign, read in a fixed number of queries whatever
 * the number of units and reports (issue 23): the reports as a projection of the few columns that decide their
 * stage (never their texts), the report processes' open tasks in one engine query, the packages and all their
 * sendings, the package processes' open tasks, deadlines and, for ended ones, the last sending task. The rules
 * are those of {@link UnitSnapshot} and {@link PackageService}'s per-unit reading, applied to these facts;
 * {@code PackageResourceTest}, {@code CampaignEndTest} and the season tests check the board's answers.
 */
@ApplicationScoped
class BoardFacts {

    @Inject
    EntityManager em;

    @Inject
    cn.fjsti.chainreport.report.ReportProcess reportProcesses;

    @Inject
    UnitPackageProcess packageProcesses;

    /** A report as the board sees it: who wrote it, for which unit, and its stage. */
    record ReportFact(Long id, String reviewUnit, String authorRegion, Report.Kind kind, Long mergedInto, ReportStage stage) {
    }

    /** A sending of a package, without its list of reports. */
    record RoundFact(int number, Instant sentAt, boolean onTime, PackageRound.Decision decision) {
    }

    /** A unit's package: its record, its sendings (in order), its process's open task and its deadline. */
    record PackageFact(CityPackage pkg, List<RoundFact> rounds, String openTask, boolean processRunning, Instant deadline) {
        RoundFact lastRound() {
            return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        }
    }

    /** Everything, per unit code. */
    record Facts(Map<String, List<Region>> countiesByUnit, Map<String, List<ReportFact>> reportsByUnit,
                 Map<String, PackageFact> packagesByUnit) {
    }

    Facts of(Campaign campaign) {
        Map<String, List<Region>> counties = Region.draftingCounties().stream()
                .collect(Collectors.groupingBy(r -> r.reviewUnit, LinkedHashMap::new, Collectors.toList()));
        return new Facts(counties, reports(campaign.id), packages(campaign));
    }

    private Map<String, List<ReportFact>> reports(Long campaignId) {
        List<Object[]> rows = em.createQuery("select r.id, r.reviewUnit, r.authorRegion, r.kind, r.processInstanceId,"
                + " r.withdrawnAt, r.mergedInto, r.revisionCount from Report r where r.campaignId = :c order by r.id",
                Object[].class).setParameter("c", campaignId).getResultList();
        Map<String, String> taskByProcess = rows.isEmpty() ? Map.of() : reportProcesses.openTasksByProcess();
        Map<String, List<ReportFact>> byUnit = new HashMap<>();
        for (Object[] r : rows) {
            ReportStage stage = ReportStage.of(r[5] != null, r[6] != null, ((Number) r[7]).intValue(),
                    taskByProcess.get((String) r[4]));
            ReportFact fact = new ReportFact((Long) r[0], (String) r[1], (String) r[2], (Report.Kind) r[3], (Long) r[6], stage);
            byUnit.computeIfAbsent(fact.reviewUnit(), k -> new ArrayList<>()).add(fact);
        }
        return byUnit;
    }

    private Map<String, PackageFact> packages(Campaign campaign) {
        List<CityPackage> packages = CityPackage.of(campaign.id);
        Map<Long, List<RoundFact>> rounds = new HashMap<>();
        for (Object[] r : em.createQuery("select pr.packageId, pr.number, pr.sentAt, pr.onTime, pr.decision from PackageRound pr"
                + " where pr.packageId in (select p.id from CityPackage p where p.campaignId = :c) order by pr.packageId, pr.number",
                Object[].class).setParameter("c", campaign.id).getResultList()) {
            rounds.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(new RoundFact((Integer) r[1], (Instant) r[2], (Boolean) r[3], (PackageRound.Decision) r[4]));
        }
        String[] ids = packages.stream().map(p -> p.processInstanceId).filter(Objects::nonNull).toArray(String[]::new);
        UnitPackageProcess.States states = packageProcesses.states(campaign.id, ids);
        Map<String, String> openTask = states.openTask();
        Set<String> running = states.running();
        Map<String, Instant> deadline = states.deadline();
        Map<String, PackageFact> byUnit = new HashMap<>();
        for (CityPackage pkg : packages) {
            String pid = pkg.processInstanceId;
            byUnit.put(pkg.unitCode, new PackageFact(pkg, rounds.getOrDefault(pkg.id, List.of()),
                    pid == null ? null : openTask.get(pid), pid != null && running.contains(pid),
                    pid == null ? null : deadline.get(pid)));
        }
        return byUnit;
    }
}
