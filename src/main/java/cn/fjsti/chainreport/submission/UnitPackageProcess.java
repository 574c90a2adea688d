package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** A unit's Process_UnitPackage instance: its current task and its pending timers. */
@ApplicationScoped
public class UnitPackageProcess {

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Inject
    ManagementService management;

    @Inject
    HistoryService history;

    private Optional<ProcessInstance> instance(Long campaignId, String unitCode) {
        String id = CityPackage.of(campaignId, unitCode).map(p -> p.processInstanceId).orElse(null);
        if (id != null) {
            return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult());
        }
        return Optional.ofNullable(runtime.createProcessInstanceQuery()
                .processDefinitionKey(Workflow.Process.UNIT_PACKAGE)
                .variableValueEquals(Workflow.Var.CAMPAIGN_ID, campaignId)
                .variableValueEquals(Workflow.Var.UNIT_CODE, unitCode)
                .singleResult());
    }

    /** The unit's open task (sending, or the institute's review), if its process still runs. */
    public Optional<OpenTask> activeTask(Long campaignId, String unitCode) {
        return instance(campaignId, unitCode).map(pi -> OpenTask.of(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult()));
    }

    /**
     * Delivers Message_PackageWithdrawn to the unit's process, recording who withdrew: it interrupts the
     * institute's task and the preparation starts again. False when the process is not waiting for it (an
     * instance on a process version without that path).
     */
    public boolean withdraw(Long campaignId, String unitCode, String actor) {
        ProcessInstance instance = instance(campaignId, unitCode).orElseThrow();
        return !runtime.createMessageCorrelation(Workflow.Message.PACKAGE_WITHDRAWN).processInstanceId(instance.getId())
                .setVariable(Workflow.Var.ACTOR, actor).correlateAllWithResult().isEmpty();
    }

    /** The unit's pending timers (reminders and the deadline), earliest first: engine jobs in the database. */
    public List<Instant> pendingTimers(Long campaignId, String unitCode) {
        return instance(campaignId, unitCode)
                .map(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers().orderByJobDuedate().asc().list()
                        .stream().map(Job::getDuedate).map(Date::toInstant).toList())
                .orElse(List.of());
    }

    /**
     * The unit's deadline as its process holds it: the variable its due dates, reminders and overdue timer are
     * computed from (an extension changes it). Once the process has ended, the due date of its last sending
     * task (the engine keeps task history, not variable history, at the configured level).
     */
    public Optional<Instant> deadline(Long campaignId, String unitCode) {
        String id = CityPackage.of(campaignId, unitCode).map(p -> p.processInstanceId).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            return Optional.ofNullable((Date) runtime.getVariable(id, Workflow.Var.DEADLINE)).map(Date::toInstant);
        }
        return history.createHistoricTaskInstanceQuery().processInstanceId(id).taskDefinitionKey(Workflow.Task.SEND_PACKAGE)
                .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .map(t -> t.getDueDate()).map(Date::toInstant);
    }

    /**
     * Moves the unit's deadline: sets the process variable and, while the unit prepares its package, delivers
     * Message_DeadlineExtended, which restarts the preparation with reminders and the overdue timer for the new
     * deadline. Returns whether the preparation was restarted (false: sent or accepted, only the variable moved).
     */
    public boolean extend(String processInstanceId, Instant deadline, String actor) {
        runtime.setVariable(processInstanceId, Workflow.Var.DEADLINE, Date.from(deadline));
        return !runtime.createMessageCorrelation(Workflow.Message.DEADLINE_EXTENDED).processInstanceId(processInstanceId)
                .setVariable(Workflow.Var.ACTOR, actor).correlateAllWithResult().isEmpty();
    }

    /** Completes the unit's task (sent; accepted or returned), recording who did it. */
    public void complete(OpenTask task, String actor, boolean approved) {
        tasks.complete(task.id(), Map.of(Workflow.Var.ACTOR, actor, Workflow.Var.APPROVED, approved));
    }

    /** What the board needs of several package processes: open task, running or ended, and the unit's deadline. */
    public record States(Map<String, String> openTask, java.util.Set<String> running, Map<String, Instant> deadline) {
    }

    /**
     * The states of the given package processes of one campaign in a fixed number of engine queries. The deadline
     * is the process's variable (an extension changes it); for an ended process, the due date of its last sending
     * task (no variable history is kept).
     */
    public States states(Long campaignId, String[] ids) {
        Map<String, String> openTask = new java.util.HashMap<>();
        java.util.Set<String> running = new java.util.HashSet<>();
        Map<String, Instant> deadline = new java.util.HashMap<>();
        if (ids.length == 0) {
            return new States(openTask, running, deadline);
        }
        for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids).list()) {
            openTask.put(task.getProcessInstanceId(), task.getTaskDefinitionKey());
        }
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(ids)).list()) {
            running.add(pi.getId());
        }
        for (org.camunda.bpm.engine.runtime.VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                .variableName(Workflow.Var.DEADLINE).list()) {
            if (v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() instanceof Date date) {
                deadline.put(v.getProcessInstanceId(), date.toInstant());
            }
        }
        if (running.size() < ids.length) {
            Map<String, org.camunda.bpm.engine.history.HistoricTaskInstance> lastSend = new java.util.HashMap<>();
            for (org.camunda.bpm.engine.history.HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
                    .processDefinitionKey(Workflow.Process.UNIT_PACKAGE).taskDefinitionKey(Workflow.Task.SEND_PACKAGE)
                    .processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaignId) + "%").list()) {
                lastSend.merge(t.getProcessInstanceId(), t, (a, b) -> b.getStartTime().after(a.getStartTime()) ? b : a);
            }
            for (String id : ids) {
                var t = lastSend.get(id);
                if (!running.contains(id) && t != null && t.getDueDate() != null) {
                    deadline.put(id, t.getDueDate().toInstant());
                }
            }
        }
        return new States(openTask, running, deadline);
    }
}
