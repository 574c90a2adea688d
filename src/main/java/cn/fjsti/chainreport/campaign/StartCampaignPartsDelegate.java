package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Starts a campaign's parts, in the campaign's transaction: a Process_CountySurvey for every drafting county
 * and a Process_UnitPackage for every city-level unit, each a process instance of its own whose business
 * key is the campaign's id and the region's code ({@link Workflow#partBusinessKey}). The campaign waits
 * for the messages the last of them sends (see {@link CampaignPartEndedDelegate}).
 */
@Dependent
@Named("startCampaignPartsDelegate")
public class StartCampaignPartsDelegate implements JavaDelegate {

    @Inject
    RuntimeService runtime;

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = (Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID);
        Object deadline = execution.getVariable(Workflow.Var.DEADLINE);
        for (Region county : Region.draftingCounties()) {
            startPart(Workflow.Process.COUNTY_SURVEY, campaignId, deadline, Workflow.Var.REGION_CODE, county.code);
        }
        for (Region unit : Region.reviewUnits()) {
            startPart(Workflow.Process.UNIT_PACKAGE, campaignId, deadline, Workflow.Var.UNIT_CODE, unit.code);
        }
    }

    /** One part: the campaign's id and deadline, and the region's code under the name its process reads. */
    private void startPart(String processKey, Long campaignId, Object deadline, String regionVariable, String regionCode) {
        runtime.startProcessInstanceByKey(processKey, Workflow.partBusinessKey(campaignId, regionCode),
                Variables.createVariables()
                        .putValue(Workflow.Var.CAMPAIGN_ID, campaignId)
                        .putValue(Workflow.Var.DEADLINE, deadline)
                        .putValue(regionVariable, regionCode));
    }
}
