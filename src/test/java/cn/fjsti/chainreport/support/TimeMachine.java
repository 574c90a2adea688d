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
 * Moves the service clock and the engine clock together, and runs the timer jobs that are due then, and the
 * asynchronous continuations a test needs to have run (the job executor is off in tests, so nothing fires
 * behind the test's back).
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

    /**
     * Runs the asynchronous continuations waiting in one campaign's parts (a county's "last county?" step after its
     * declaration), as the job executor, off in tests, would at once: {@code threads} jobs side by side, until none
     * is left. A job that fails on an engine conflict is run again, as the job executor retries it; any other
     * failure is thrown. Returns how many jobs succeeded.
     */
    public int runWaitingJobs(long campaignId, int threads) throws InterruptedException {
        java.util.Set<String> parts = new java.util.HashSet<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(Workflow.partBusinessKeyPrefix(campaignId) + "%")
                .list().forEach(p -> parts.add(p.getId()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int attempt = 0; attempt < 10; attempt++) {
                List<Job> waiting = management.createJobQuery().messages().withRetriesLeft().list().stream()
                        .filter(j -> parts.contains(j.getProcessInstanceId())).toList();
                if (waiting.isEmpty()) {
                    return done.get();
                }
                List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (Job job : waiting) {
                    runs.add(pool.submit(() -> {
                        try {
                            management.executeJob(job.getId());
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            // The engine wraps the job's exception. A conflict leaves the job with its retries
                            // decremented: the next pass runs it again.
                            if (!isConflict(e)) {
                                throw e;
                            }
                        }
                    }));
                }
                for (var run : runs) {
                    try {
                        run.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a job of campaign " + campaignId + " failed", e.getCause());
                    }
                }
            }
            throw new IllegalStateException("jobs of campaign " + campaignId + " still waiting after 10 passes");
        } finally {
            pool.shutdown();
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                return true;
            }
        }
        return false;
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
