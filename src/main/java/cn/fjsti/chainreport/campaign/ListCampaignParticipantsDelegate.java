package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Gives the campaign process the drafting counties and the city-level units to fan out to, as transient
 * variables: they are read once by the multi-instance activities and never stored.
 */
@Dependent
@Named("listCampaignParticipantsDelegate")
public class ListCampaignParticipantsDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> counties = Region.draftingCounties().stream().map(r -> r.code).toList();
        List<String> units = Region.reviewUnits().stream().map(r -> r.code).toList();
        execution.setVariable(Workflow.Var.DRAFTING_COUNTIES, Variables.objectValue(counties, true).create());
        execution.setVariable(Workflow.Var.REVIEW_UNITS, Variables.objectValue(units, true).create());
    }
}
