package cn.fjsti.chainreport.support;

import cn.fjsti.chainreport.common.ClockProducer;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Moves the service clock and the engine clock together, and runs the timer jobs that are due then
 * (the job executor is off in tests, so nothing fires behind the test's back).
 */
@ApplicationScoped
public class TimeMachine {

    @Inject
    SettableClock clock;

    @Inject
    ManagementService management;

    @Inject
    org.camunda.bpm.engine.RuntimeService runtime;

    public void travelTo(LocalDateTime beijing) {
        Instant instant = beijing.atZone(ClockProducer.ZONE).toInstant();
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /**
     * Executes the timers of one campaign's processes that are due at the current engine time
     * ({@code executable()} compares with ClockUtil); other tests' campaigns are left alone. Returns how many fired.
     */
    public int runDueTimers(long campaignId) {
        int fired = 0;
        List<Job> due;
        while (!(due = dueTimers(campaignId)).isEmpty()) {
            for (Job job : due) {
                management.executeJob(job.getId());
                fired++;
            }
        }
        return fired;
    }

    private List<Job> dueTimers(long campaignId) {
        List<Job> due = new java.util.ArrayList<>();
        var instances = new java.util.ArrayList<>(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaignId) + "%").list());
        instances.addAll(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(campaignId)).list());
        instances.addAll(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(Workflow.digestBusinessKey(campaignId, "") + "%").list());
        for (var instance : instances) {
            due.addAll(management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list());
        }
        return due;
    }

    public void reset() {
        clock.reset();
        ClockUtil.reset();
    }
}
