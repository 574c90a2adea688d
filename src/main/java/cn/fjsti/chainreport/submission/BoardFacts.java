package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

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
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    HistoryService history;

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
        Map<String, String> taskByProcess = new HashMap<>();
        if (!rows.isEmpty()) {
            // Every open task of every report process (one query): far fewer rows than a campaign's reports once
            // most are approved, and no list of thousands of ids sent to the database.
            for (Task task : tasks.createTaskQuery().processDefinitionKey(Workflow.Process.REPORT).list()) {
                taskByProcess.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
            }
        }
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
        Map<String, String> openTask = new HashMap<>();
        Set<String> running = new HashSet<>();
        Map<String, Instant> deadline = new HashMap<>();
        if (ids.length > 0) {
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids).list()) {
                openTask.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
            }
            for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(Set.of(ids)).list()) {
                running.add(pi.getId());
            }
            // The unit's deadline is a variable of its process (an extension changes it).
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableName(Workflow.Var.DEADLINE).list()) {
                if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() instanceof Date date) {
                    deadline.put(v.getProcessInstanceId(), date.toInstant());
                }
            }
            if (running.size() < ids.length) {
                // Ended processes: the due date of their last sending task (no variable history is kept).
                Map<String, HistoricTaskInstance> lastSend = new HashMap<>();
                for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
                        .processDefinitionKey(Workflow.Process.UNIT_PACKAGE).taskDefinitionKey(Workflow.Task.SEND_PACKAGE)
                        .processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaign.id) + "%").list()) {
                    lastSend.merge(t.getProcessInstanceId(), t, (a, b) -> b.getStartTime().after(a.getStartTime()) ? b : a);
                }
                for (String id : ids) {
                    HistoricTaskInstance t = lastSend.get(id);
                    if (!running.contains(id) && t != null && t.getDueDate() != null) {
                        deadline.put(id, t.getDueDate().toInstant());
                    }
                }
            }
        }
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
