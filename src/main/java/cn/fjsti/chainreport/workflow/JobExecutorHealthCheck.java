package cn.fjsti.chainreport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the engine's job executor should run but its acquisition loop does not: then no timer
 * fires (no reminder, no overdue mark) while everything else looks well. An OutOfMemoryError once killed
 * that thread and left the node half-dead with /q/health UP; a supervisor must see it and restart the node.
 */
@Readiness
@ApplicationScoped
public class JobExecutorHealthCheck implements HealthCheck {

    static final String NAME = "workflow-job-executor";

    /** What the job executor is doing, as far as health is concerned. */
    enum State {
        /** Switched off by configuration (tests run due jobs themselves): nothing to watch. */
        OFF(true),
        /** Active, with a live acquisition thread. */
        RUNNING(true),
        /** Should be active but has been shut down, or its acquisition thread has ended. */
        STOPPED(false);

        final boolean up;

        State(boolean up) {
            this.up = up;
        }
    }

    @Inject
    ProcessEngine engine;

    @Override
    public HealthCheckResponse call() {
        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        State state = state(executor);
        return HealthCheckResponse.named(NAME).status(state.up).withData("jobExecutor", state.name()).build();
    }

    static State state(JobExecutor executor) {
        if (executor == null || !executor.isAutoActivate() && !executor.isActive()) {
            return State.OFF;
        }
        return executor.isActive() && acquisitionRunning(executor) ? State.RUNNING : State.STOPPED;
    }

    /**
     * Whether a live thread is inside the acquisition loop. The engine's own executor runs it on a thread of
     * its own, the Quarkus extension's on a pooled one, and neither says when an Error has ended it (isActive()
     * stays true); so look for the loop's run() on the threads' stacks, which it never leaves while it runs.
     */
    private static boolean acquisitionRunning(JobExecutor executor) {
        if (executor.getAcquireJobsRunnable() == null) {
            return false;
        }
        String loop = executor.getAcquireJobsRunnable().getClass().getName();
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals(loop) && frame.getMethodName().equals("run")) {
                    return true;
                }
            }
        }
        return false;
    }
}
