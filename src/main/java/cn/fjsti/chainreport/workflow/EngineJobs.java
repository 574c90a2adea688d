package cn.fjsti.chainreport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;

/** The engine's job executor in figures, for the metrics: its own meters and the jobs in the database now. */
@ApplicationScoped
public class EngineJobs {

    /** What the job executor counts, with the label the metrics show. */
    public enum Event {
        ACQUIRED(Metrics.JOB_ACQUIRED_SUCCESS, "acquired"),
        EXECUTED(Metrics.JOB_SUCCESSFUL, "executed"),
        FAILED(Metrics.JOB_FAILED, "failed");

        private final String meter;
        private final String label;

        Event(String meter, String label) {
            this.meter = meter;
            this.label = label;
        }

        /** The metrics label ({@code event=acquired|executed|failed}). */
        public String label() {
            return label;
        }
    }

    @Inject
    ProcessEngine engine;

    /** Flushed rows of the engine's meter log plus this node's unflushed count. */
    public double count(Event event) {
        long flushed = engine.getManagementService().createMetricsQuery().name(event.meter).sum();
        Meter live = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
                .getDbMeterByName(event.meter);
        return flushed + (live == null ? 0 : live.get());
    }

    /** Jobs due now (executable). */
    public long due() {
        return engine.getManagementService().createJobQuery().executable().count();
    }

    /** Jobs whose last run failed. */
    public long failing() {
        return engine.getManagementService().createJobQuery().withException().count();
    }

    /** Pending timers (reminders, deadlines, digests). */
    public long timers() {
        return engine.getManagementService().createJobQuery().timers().count();
    }
}
