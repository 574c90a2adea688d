package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.OpenTask;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A county's part of the campaign (its Process_CountySurvey instance, then its reports' processes): the
 * declaration task that its first declaration completes, and the due dates of its open tasks.
 */
@ApplicationScoped
public class CountySurveyProcess {

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    /** The county's open declaration task, if its survey is still waiting for the first declaration. */
    public Optional<OpenTask> declarationTask(Long campaignId, String countyCode) {
        // By the survey's own business key (an index look-up). Two slower ways were found by the national season
        // simulator: filtering on a process variable (a scan of every open task's variables, seconds per
        // declaration) and by candidate group, which the engine joins as an outer join, so that H2 starts from
        // every unassigned task (≈ 30 ms of each declaration with 2,844 counties).
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(Workflow.partBusinessKey(campaignId, countyCode))
                .taskDefinitionKey(Workflow.Task.DECLARE_CHAINS)
                .singleResult();
        if (task != null) {
            return Optional.of(OpenTask.of(task));
        }
        // A campaign opened by an earlier version, whose surveys all carry the campaign's key.
        return Optional.ofNullable(OpenTask.of(tasks.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(campaignId))
                .taskDefinitionKey(Workflow.Task.DECLARE_CHAINS)
                .taskCandidateGroup(countyCode)
                .singleResult()));
    }

    /** Completes the declaration task, recording who declared; the survey ends in this transaction. */
    public void completeDeclaration(OpenTask declaration, String actor) {
        tasks.complete(declaration.id(), Map.of(Workflow.Var.ACTOR, actor));
    }

    /**
     * Gives every open declaration and drafting task of these counties in the campaign the due date (a city's
     * internal deadline, or its own deadline when the internal one is cleared).
     */
    public void setDueDates(Long campaignId, Set<String> countyCodes, Instant due) {
        Date date = Date.from(due);
        for (Task task : tasks.createTaskQuery().processVariableValueEquals(Workflow.Var.CAMPAIGN_ID, campaignId)
                .taskDefinitionKeyIn(Workflow.Task.DECLARE_CHAINS, Workflow.Task.DRAFT_REPORT).list()) {
            String region = (String) runtime.getVariable(task.getExecutionId(), Workflow.Var.REGION_CODE);
            if (countyCodes.contains(region)) {
                task.setDueDate(date);
                tasks.saveTask(task);
            }
        }
    }
}
