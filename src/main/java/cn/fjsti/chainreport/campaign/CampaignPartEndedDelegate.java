package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The last step of a campaign part (a county's survey, a unit's package): when no other part of the same
 * kind is still running in the campaign, sends the campaign the message its input parameter
 * {@code campaignMessage} names. Parts of one campaign end one at a time: this step first takes the campaign's
 * row in {@code campaign_part_lock} ({@link CampaignService#lockForCompletion}; an acceptance has taken it
 * already, and taking it again in the same transaction costs nothing), so the last one to end sees every other
 * one ended and exactly one part tells the campaign.
 *
 * <p>In a county's survey this step is an asynchronous continuation (county-survey.bpmn): the job executor runs
 * it after the declaration has committed, and a survey whose step still waits as a job counts as running, so the
 * campaign hears from the last of those jobs. A run that fails rolls back whole and is retried by the job
 * executor (the BPMN's retry intervals). Surveys started from an earlier version of the process run it
 * synchronously inside the declaration, under the same lock.
 */
@Dependent
@Named("campaignPartEndedDelegate")
public class CampaignPartEndedDelegate implements JavaDelegate {

    @Inject
    RuntimeService runtime;

    @Inject
    RepositoryService repository;

    @Inject
    ManagementService management;

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID);
        Campaign campaign = CampaignService.require(campaignId);
        CampaignService.lockForCompletion(campaign);
        String processKey = repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        // This part is still in the database until the transaction ends: look for one that is not this one.
        // A native query, because the engine's own process instance query filters on the parent column and
        // sorts by id: H2 then reads every running process instance of every campaign (≈ 11 ms a declaration
        // with 2,844 counties), where this one stops at the first row of the business key's index (0.3 ms).
        boolean lastPart = runtime.createNativeProcessInstanceQuery()
                .sql("select RES.* from " + management.getTableName(ProcessInstance.class) + " RES"
                        + " where RES.BUSINESS_KEY_ like #{prefix} and RES.PROC_DEF_KEY_ = #{processKey}"
                        + " and RES.ID_ = RES.PROC_INST_ID_ and RES.ID_ <> #{self}")
                .parameter("prefix", Workflow.partBusinessKeyPrefix(campaignId) + "%")
                .parameter("processKey", processKey)
                .parameter("self", execution.getProcessInstanceId())
                .listPage(0, 1)
                .isEmpty();
        if (lastPart) {
            runtime.createMessageCorrelation((String) execution.getVariableLocal(Workflow.Var.CAMPAIGN_MESSAGE))
                    .processInstanceId(campaign.processInstanceId)
                    .correlate();
        }
    }
}
