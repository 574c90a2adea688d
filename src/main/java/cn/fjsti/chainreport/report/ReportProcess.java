package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public ReportStage stageOf(Report report) {
        return stageOf(report, activeTask(report));
    }

    /** The stage, given the active task the caller has already read (one task query instead of two). */
    public ReportStage stageOf(Report report, Optional<Task> activeTask) {
        return ReportStage.of(report, activeTask.map(Task::getTaskDefinitionKey).orElse(null));
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

    public Optional<Task> activeTask(Report report) {
        return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(report.processInstanceId).singleResult());
    }

    /** Completes the report's current task, recording who did it; the engine runs the next steps in this transaction. */
    public void complete(Task task, String actor, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(Workflow.Var.ACTOR, actor);
        tasks.complete(task.getId(), all);
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
}
