package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * (Re)starts a unit's preparation: makes sure its package record exists and lists the reminder instants
 * still ahead (a transient variable read once by the reminder timers' multi-instance).
 */
@Dependent
@Named("prepareUnitPackageDelegate")
public class PrepareUnitPackageDelegate implements JavaDelegate {

    @Inject
    PackageService packages;

    @Inject
    ReminderSettings settings;

    @Inject
    Clock clock;

    @Override
    public void execute(DelegateExecution execution) {
        packages.ensurePackage((Long) execution.getVariable(Workflow.Var.CAMPAIGN_ID),
                (String) execution.getVariable(Workflow.Var.UNIT_CODE), execution.getProcessInstanceId());
        Date deadline = (Date) execution.getVariable(Workflow.Var.DEADLINE);
        List<Date> dates = DeadlinePolicy.reminders(deadline.toInstant(), settings.daysBefore(), settings.timeOfDay(), clock.instant())
                .stream().map(Date::from).toList();
        execution.setVariable(Workflow.Var.REMINDER_DATES, Variables.objectValue(dates, true).create());
        execution.setVariable(Workflow.Var.OVERDUE_AT, Date.from(DeadlinePolicy.overdueAt(deadline.toInstant())));
    }
}
