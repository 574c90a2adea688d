package cn.fjsti.chainreport.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.RuntimeService;

/** A campaign's Process_Campaign instance, as other features ask about it. */
@ApplicationScoped
public class CampaignProcess {

    @Inject
    RuntimeService runtime;

    /** Whether the campaign's process still runs (opened and not yet ended). */
    public boolean isOpen(Campaign campaign) {
        return campaign.processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(campaign.processInstanceId).count() > 0;
    }
}
