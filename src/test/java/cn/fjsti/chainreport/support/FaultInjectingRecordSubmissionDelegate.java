package cn.fjsti.chainreport.support;

import cn.fjsti.chainreport.report.RecordSubmissionDelegate;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The real submission step, made to fail after it has written the revision when the chain is
 * {@link #FAULTY_CHAIN}: lets a test prove that a failing process step rolls back the entities too.
 */
@Alternative
@Priority(1)
@Dependent
@Named("recordSubmissionDelegate")
public class FaultInjectingRecordSubmissionDelegate extends RecordSubmissionDelegate {

    public static final String FAULTY_CHAIN = "故障注入测试产业链";

    @Override
    public void execute(DelegateExecution execution) {
        super.execute(execution);
        Report report = Report.findById(execution.getVariable(Workflow.Var.REPORT_ID));
        if (FAULTY_CHAIN.equals(report.chainName)) {
            throw new IllegalStateException("injected failure after the revision was written");
        }
    }
}
