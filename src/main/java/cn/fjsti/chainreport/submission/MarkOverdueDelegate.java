package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The deadline passed before the unit sent its package: mark it overdue and tell the institute. */
@Dependent
@Named("markOverdueDelegate")
public class MarkOverdueDelegate implements JavaDelegate {

    @Inject
    DeadlineService deadlines;

    @Override
    public void execute(DelegateExecution execution) {
        deadlines.markOverdue((Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID),
                (String) execution.getVariable(Workflow.Var.UNIT_CODE));
    }
}
