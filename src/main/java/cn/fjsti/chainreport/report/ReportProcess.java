package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.ProcessDiagram;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/** A report's Process_Report instance: starting it, reading where it stands, completing its steps. */
@ApplicationScoped
public class ReportProcess {

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Inject
    HistoryService history;

    @Inject
    RepositoryService repository;

    @Inject
    ManagementService management;

    /** ACT_RU_TASK with the engine's table prefix, once known. */
    private volatile String taskTable;

    /** Starts the report's process; joins the caller's transaction. */
    public void start(Report report, Instant deadline) {
        var instance = runtime.startProcessInstanceByKey(Workflow.Process.REPORT, String.valueOf(report.id),
                Variables.createVariables()
                        .putValue(Workflow.Var.CAMPAIGN_ID, report.campaignId)
                        .putValue(Workflow.Var.REPORT_ID, report.id)
                        .putValue(Workflow.Var.REGION_CODE, report.authorRegion)
                        .putValue(Workflow.Var.REVIEW_UNIT, report.reviewUnit)
                        .putValue(Workflow.Var.CITY_REVIEW, !report.kind.cityWritten())
                        .putValue(Workflow.Var.DEADLINE, Date.from(deadline)));
        report.processInstanceId = instance.getId();
    }

    /** Where the report stands: its entity's facts and its process's open task. */
    public ReportStage stageOf(Report report) {
        return stageOf(report, activeTask(report));
    }

    /** The stage, given the active task the caller has already read (one task query instead of two). */
    public ReportStage stageOf(Report report, Optional<OpenTask> activeTask) {
        return ReportStage.of(report, activeTask.map(OpenTask::key).orElse(null));
    }

    /** Stages of many reports with one task query. */
    public Map<Long, ReportStage> stagesOf(List<Report> reports) {
        Map<Long, ReportStage> stages = new HashMap<>();
        if (reports.isEmpty()) {
            return stages;
        }
        Map<String, String> taskByProcess = new HashMap<>();
        String[] ids = reports.stream().map(r -> r.processInstanceId).toArray(String[]::new);
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids).list()) {
            taskByProcess.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
        }
        for (Report report : reports) {
            stages.put(report.id, ReportStage.of(report, taskByProcess.get(report.processInstanceId)));
        }
        return stages;
    }

    /** Ends a report's process that is no longer needed (a withdrawn consolidated report), if still running. */
    public void cancel(Report report, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(report.processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(report.processInstanceId, reason);
        }
    }

    /**
     * Delivers a message to the report's process, recording who sent it. False when the process is not waiting
     * for it (the step has passed, or the instance runs on a process version without that path).
     */
    public boolean correlate(Report report, String message, String actor) {
        return !runtime.createMessageCorrelation(message).processInstanceId(report.processInstanceId)
                .setVariable(Workflow.Var.ACTOR, actor).correlateAllWithResult().isEmpty();
    }

    /** The report's open task (drafting, or the city's review), if its process waits in one. */
    public Optional<OpenTask> activeTask(Report report) {
        // A native query: the engine's task query builds its SQL from a mapping with some hundred optional
        // conditions at every call (MyBatis evaluating each), which was a fifth of an autosave's CPU in the
        // deadline-day rush; this statement is fixed and reads the process instance's index.
        return Optional.ofNullable(OpenTask.of(tasks.createNativeTaskQuery()
                .sql("select RES.* from " + taskTable() + " RES where RES.PROC_INST_ID_ = #{processInstanceId}")
                .parameter("processInstanceId", report.processInstanceId)
                .singleResult()));
    }

    private String taskTable() {
        String table = taskTable;
        if (table == null) {
            table = management.getTableName(Task.class);
            taskTable = table;
        }
        return table;
    }

    /** Completes the report's current task, recording who did it; the engine runs the next steps in this transaction. */
    public void complete(OpenTask task, String actor, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(Workflow.Var.ACTOR, actor);
        tasks.complete(task.id(), all);
    }

    /**
     * Every open task of every report process, as process instance id → task definition key, in one engine query
     * (far fewer rows than a campaign's reports once most are approved; no list of thousands of ids sent).
     */
    public Map<String, String> openTasksByProcess() {
        Map<String, String> open = new HashMap<>();
        for (Task task : tasks.createTaskQuery().processDefinitionKey(Workflow.Process.REPORT).list()) {
            open.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
        }
        return open;
    }

    /**
     * The open tasks of the given process instances, as process instance id → task definition key: one engine
     * query per thousand ids (the metrics read a whole campaign's reports this way).
     */
    public Map<String, String> openTasksOf(List<String> processInstanceIds) {
        Map<String, String> open = new HashMap<>();
        for (int from = 0; from < processInstanceIds.size(); from += 1000) {
            String[] chunk = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + 1000)).toArray(String[]::new);
            for (Task task : tasks.createTaskQuery().processInstanceIdIn(chunk).list()) {
                open.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
            }
        }
        return open;
    }

    /** A user task the report's process has entered: when, its name, whether it is still open. */
    public record Step(Instant startedAt, String name, boolean open) {
    }

    /**
     * The report's way through its process so far, for the process page.
     *
     * @param running whether the process still runs
     * @param steps   the user tasks it has entered, in the order the engine recorded them
     * @param svg     the process diagram, steps passed shaded and the current one outlined ({@link ProcessDiagram})
     */
    public record Trail(boolean running, List<Step> steps, String svg) {
    }

    /** Reads the report's trail from the engine's history and draws its diagram from the deployed BPMN. */
    public Trail trail(Report report) {
        var instance = history.createHistoricProcessInstanceQuery().processInstanceId(report.processInstanceId).singleResult();
        boolean running = instance.getEndTime() == null;
        Set<String> active = running ? new HashSet<>(runtime.getActiveActivityIds(report.processInstanceId)) : Set.of();
        Set<String> visited = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (var a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(report.processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            visited.add(a.getActivityId());
            if (a.getActivityName() != null && a.getActivityType() != null && a.getActivityType().endsWith("Task")) {
                steps.add(new Step(a.getStartTime().toInstant(), a.getActivityName(), a.getEndTime() == null));
            }
        }
        String svg = ProcessDiagram.svg(repository.getBpmnModelInstance(instance.getProcessDefinitionId()), active, visited);
        return new Trail(running, steps, svg);
    }
}
