package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Freezes the submitted text as a revision, in the same transaction as the submission. */
@Dependent
@Named("recordSubmissionDelegate")
public class RecordSubmissionDelegate implements JavaDelegate {

    @Inject
    Clock clock;

    @Override
    public void execute(DelegateExecution execution) {
        Long reportId = (Long) execution.getVariable(Workflow.Var.REPORT_ID);
        String actor = (String) execution.getVariable(Workflow.Var.ACTOR);
        Report report = Report.<Report>findByIdOptional(reportId)
                .orElseThrow(() -> new IllegalStateException("Report " + reportId + " of process " + execution.getProcessInstanceId() + " is gone"));
        report.freezeRevision(actor, clock.instant()).persist();
    }
}
