package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A unit's pending submission digest: one {@code Process_SubmissionDigest} instance per (campaign, unit) whose timer
 * fires at the digest time and calls {@link SendSubmissionDigestDelegate}.
 */
@ApplicationScoped
public class SubmissionDigestProcess {

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    /**
     * Starts the unit's digest unless one is pending; joins the caller's transaction.
     *
     * @param since the first submission the digest covers
     * @param at    when the digest is sent (its timer)
     */
    public void startUnlessPending(Long campaignId, String unitCode, Instant since, Instant at) {
        String key = Workflow.digestBusinessKey(campaignId, unitCode);
        // A native count on the business key's index: the engine's process instance query rebuilds its SQL from
        // some hundred optional conditions at every submission.
        long pending = runtime.createNativeProcessInstanceQuery()
                .sql("select count(*) from " + management.getTableName(ProcessInstance.class)
                        + " RES where RES.BUSINESS_KEY_ = #{key} and RES.ID_ = RES.PROC_INST_ID_")
                .parameter("key", key)
                .count();
        if (pending == 0) {
            runtime.startProcessInstanceByKey(Workflow.Process.SUBMISSION_DIGEST, key, Map.of(
                    Workflow.Var.CAMPAIGN_ID, campaignId, Workflow.Var.UNIT_CODE, unitCode,
                    Workflow.Var.DIGEST_SINCE, Date.from(since), Workflow.Var.DIGEST_AT, Date.from(at)));
        }
    }
}
