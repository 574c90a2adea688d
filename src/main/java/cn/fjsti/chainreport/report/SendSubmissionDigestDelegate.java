package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The digest timer fired: one message to the unit listing its counties' submissions since the digest started. */
@Dependent
@Named("sendSubmissionDigestDelegate")
public class SendSubmissionDigestDelegate implements JavaDelegate {

    @Inject
    SubmissionNotices notices;

    @Override
    public void execute(DelegateExecution execution) {
        notices.sendDigest((Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID),
                (String) execution.getVariable(Workflow.Var.UNIT_CODE),
                ((Date) execution.getVariable(Workflow.Var.DIGEST_SINCE)).toInstant());
    }
}
