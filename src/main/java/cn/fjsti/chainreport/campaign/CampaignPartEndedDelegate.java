package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The last step of a campaign part (a county's survey, a unit's package): when no other part of the same
 * kind is still running in the campaign, sends the campaign the message its input parameter
 * {@code campaignMessage} names. Parts of one campaign end one at a time, queued on the campaign row
 * ({@link CampaignService#lockForCompletion}), so the last one to end sees every other one ended.
 */
@Dependent
@Named("campaignPartEndedDelegate")
public class CampaignPartEndedDelegate implements JavaDelegate {

    @Inject
    RuntimeService runtime;

    @Inject
    RepositoryService repository;

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID);
        String processKey = repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        // This part is still in the database until the transaction ends: look for one that is not this one.
        boolean othersRunning = runtime.createProcessInstanceQuery()
                .processDefinitionKey(processKey)
                .processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaignId) + "%")
                .listPage(0, 2).stream()
                .anyMatch(part -> !part.getId().equals(execution.getProcessInstanceId()));
        if (!othersRunning) {
            runtime.createMessageCorrelation((String) execution.getVariableLocal(Workflow.Var.CAMPAIGN_MESSAGE))
                    .processInstanceId(CampaignService.require(campaignId).processInstanceId)
                    .correlate();
        }
    }
}
