package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A reminder timer fired: remind the unit, and its counties that still have unfinished work. */
@Dependent
@Named("sendReminderDelegate")
public class SendReminderDelegate implements JavaDelegate {

    @Inject
    DeadlineService deadlines;

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.remind((Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID),
                (String) execution.getVariable(Workflow.Var.UNIT_CODE));
    }
}
