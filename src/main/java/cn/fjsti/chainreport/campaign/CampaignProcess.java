package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

/** A campaign's Process_Campaign instance: starting it, and whether it still runs, as other features ask. */
@ApplicationScoped
public class CampaignProcess {

    @Inject
    RuntimeService runtime;

    /** Starts the campaign's process (which starts every county's survey and every unit's package); joins the caller's transaction. */
    public void start(Campaign campaign) {
        var process = runtime.startProcessInstanceByKey(Workflow.Process.CAMPAIGN, String.valueOf(campaign.id),
                Variables.createVariables()
                        .putValue(Workflow.Var.CAMPAIGN_ID, campaign.id)
                        .putValue(Workflow.Var.DEADLINE, Date.from(campaign.deadline)));
        campaign.processInstanceId = process.getId();
    }

    /** Whether the campaign's process still runs (opened and not yet ended). */
    public boolean isOpen(Campaign campaign) {
        return campaign.processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId).count() > 0;
    }
}
