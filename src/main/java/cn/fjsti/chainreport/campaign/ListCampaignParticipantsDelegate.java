package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Gives the campaign process the city-level units and, for each, its drafting counties to fan out to, as
 * transient variables: they are read once by the multi-instance activities and never stored. Every drafting
 * county must belong to a city-level unit, or it would get no survey: that is refused here, loudly.
 */
@Dependent
@Named("listCampaignParticipantsDelegate")
public class ListCampaignParticipantsDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> units = Region.reviewUnits().stream().map(r -> r.code).toList();
        Map<String, List<String>> countiesByUnit = new LinkedHashMap<>();
        units.forEach(unit -> countiesByUnit.put(unit, new ArrayList<>()));
        for (Region county : Region.draftingCounties()) {
            List<String> counties = countiesByUnit.get(county.reviewUnit);
            if (counties == null) {
                throw new IllegalStateException("Drafting county " + county.code + " has no city-level unit (" + county.reviewUnit + ")");
            }
            counties.add(county.code);
        }
        execution.setVariable(Workflow.Var.DRAFTING_COUNTIES_BY_UNIT, Variables.objectValue(countiesByUnit, true).create());
        execution.setVariable(Workflow.Var.REVIEW_UNITS, Variables.objectValue(units, true).create());
    }
}
