package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/** Gives the campaign process the drafting counties to fan out to, as a transient (unsaved) variable. */
@Dependent
@Named("listDraftingCountiesDelegate")
public class ListDraftingCountiesDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> codes = Region.draftingCounties().stream().map(r -> r.code).toList();
        execution.setVariable(Workflow.Var.DRAFTING_COUNTIES, Variables.objectValue(codes, true).create());
    }
}
