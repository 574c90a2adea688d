package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public Optional<ProcessInstance> instance(Long campaignId, String unitCode) {
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

    public Optional<Task> activeTask(Long campaignId, String unitCode) {
        return instance(campaignId, unitCode).map(pi -> tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult());
    }

    /** The unit's pending timers (reminders and the deadline), earliest first: engine jobs in the database. */
    public List<Instant> pendingTimers(Long campaignId, String unitCode) {
        return instance(campaignId, unitCode)
                .map(pi -> management.createJobQuery().processInstanceId(pi.getId()).timers().orderByJobDuedate().asc().list()
                        .stream().map(Job::getDuedate).map(Date::toInstant).toList())
                .orElse(List.of());
    }

    public void complete(Task task, String actor, boolean approved) {
        tasks.complete(task.getId(), Map.of(Workflow.Var.ACTOR, actor, Workflow.Var.APPROVED, approved));
    }
}
