package cn.fjsti.chainreport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the engine's job executor should run but its acquisition thread does not: then no timer
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
        Thread acquisition = acquisitionThread(executor);
        return executor.isActive() && acquisition != null && acquisition.isAlive() ? State.RUNNING : State.STOPPED;
    }

    /** The engine keeps the thread in a protected field with no getter; an Error ending it leaves isActive() true. */
    private static Thread acquisitionThread(JobExecutor executor) {
        try {
            Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
            field.setAccessible(true);
            return (Thread) field.get(executor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
