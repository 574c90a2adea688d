package cn.fjsti.chainreport.metrics;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignProcess;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.workflow.EngineJobs;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * What an operator watches at {@code /q/metrics} (Prometheus) beside Quarkus's own HTTP timings per route and
 * the datasource pool:
 * <ul>
 *   <li>the engine's job executor: {@code chainreport_engine_jobs_total{event=acquired|executed|failed}}
 *       (the engine's own meters, counted since the database was created: flushed rows plus what this node has
 *       not flushed yet), and {@code chainreport_engine_jobs{state=due|failing|timers}} now;</li>
 *   <li>the season, per open campaign ({@code campaign} = its year): reports by stage
 *       ({@code chainreport_reports{stage=DRAFTING|…}}), units that sent their package and units late.</li>
 * </ul>
 * The business figures are read at most once every {@value #REFRESH_SECONDS} seconds, whatever the scrape rate,
 * with projections (no report texts) and one task query per campaign.
 */
@ApplicationScoped
public class SeasonMetrics {

    static final long REFRESH_SECONDS = 30;

    @Inject
    MeterRegistry registry;

    @Inject
    EngineJobs jobs;

    @Inject
    CampaignProcess campaignProcess;

    @Inject
    ReportProcess reportProcess;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    /** One open campaign's figures. */
    record CampaignFigures(Map<ReportStage, Long> reports, long unitsSent, long unitsLate) {
    }

    record Snapshot(Instant takenAt, Map<Integer, CampaignFigures> campaigns) {
    }

    void start(@Observes StartupEvent event) {
        for (EngineJobs.Event jobEvent : EngineJobs.Event.values()) {
            Gauge.builder("chainreport.engine.jobs.total", this, m -> m.jobs.count(jobEvent))
                    .description("Jobs of the workflow engine's executor since the database was created")
                    .tag("event", jobEvent.label()).register(registry);
        }
        jobGauge("due", m -> m.jobs.due());
        jobGauge("failing", m -> m.jobs.failing());
        jobGauge("timers", m -> m.jobs.timers());
        // Read on every scrape: registers the gauges of campaigns opened since, which show from the next scrape.
        Gauge.builder("chainreport.campaigns.open", this, m -> {
            m.refresh();
            return m.current().campaigns().size();
        }).description("Campaigns whose process is running").register(registry);
    }

    private void jobGauge(String state, ToDoubleFunction<SeasonMetrics> value) {
        Gauge.builder("chainreport.engine.jobs", this, value)
                .description("Jobs of the workflow engine now").tag("state", state).register(registry);
    }

    /** The season's figures, refreshed when older than {@value #REFRESH_SECONDS} s; new campaigns get gauges. */
    Snapshot current() {
        Snapshot now = snapshot;
        if (Duration.between(now.takenAt(), clock.instant()).getSeconds() >= REFRESH_SECONDS) {
            synchronized (this) {
                if (snapshot == now) {
                    snapshot = QuarkusTransaction.requiringNew().call(this::read);
                }
            }
        }
        return snapshot;
    }

    /** Registers the gauges of every open campaign (called on scrape through the first gauge, and at start). */
    public void refresh() {
        for (Integer year : current().campaigns().keySet()) {
            if (registered.putIfAbsent(String.valueOf(year), true) == null) {
                for (ReportStage stage : ReportStage.values()) {
                    Gauge.builder("chainreport.reports", this, m -> m.figure(year, f -> f.reports().getOrDefault(stage, 0L)))
                            .description("Reports of an open campaign by stage")
                            .tags("campaign", String.valueOf(year), "stage", stage.name()).register(registry);
                }
                Gauge.builder("chainreport.units.sent", this, m -> m.figure(year, CampaignFigures::unitsSent))
                        .description("City-level units whose package was sent").tag("campaign", String.valueOf(year)).register(registry);
                Gauge.builder("chainreport.units.late", this, m -> m.figure(year, CampaignFigures::unitsLate))
                        .description("City-level units late (sent after the deadline, or marked overdue)")
                        .tag("campaign", String.valueOf(year)).register(registry);
            }
        }
    }

    private double figure(int year, ToDoubleFunction<CampaignFigures> value) {
        CampaignFigures figures = current().campaigns().get(year);
        return figures == null ? Double.NaN : value.applyAsDouble(figures);
    }

    private Snapshot read() {
        Map<Integer, CampaignFigures> campaigns = new HashMap<>();
        for (Campaign campaign : Campaign.<Campaign>listAll()) {
            if (campaignProcess.isOpen(campaign)) {
                campaigns.put(campaign.year, figures(campaign));
            }
        }
        return new Snapshot(clock.instant(), campaigns);
    }

    private CampaignFigures figures(Campaign campaign) {
        List<Object[]> rows = em.createQuery("select r.processInstanceId, r.withdrawnAt, r.mergedInto, r.revisionCount"
                + " from Report r where r.campaignId = :c", Object[].class).setParameter("c", campaign.id).getResultList();
        List<String> processes = rows.stream().map(r -> (String) r[0]).filter(java.util.Objects::nonNull).toList();
        Map<String, String> taskByProcess = reportProcess.openTasksOf(processes);
        Map<ReportStage, Long> stages = new EnumMap<>(ReportStage.class);
        for (Object[] r : rows) {
            ReportStage stage = ReportStage.of(r[1] != null, r[2] != null, ((Number) r[3]).intValue(), taskByProcess.get((String) r[0]));
            stages.merge(stage, 1L, Long::sum);
        }
        long sent = em.createQuery("select count(distinct p.unitCode) from CityPackage p, PackageRound r"
                + " where r.packageId = p.id and p.campaignId = :c", Long.class).setParameter("c", campaign.id).getSingleResult();
        long late = em.createQuery("select count(p) from CityPackage p where p.campaignId = :c and (p.overdueMarkedAt is not null"
                + " or exists (select r from PackageRound r where r.packageId = p.id and r.sentAt > :deadline))", Long.class)
                .setParameter("c", campaign.id).setParameter("deadline", campaign.deadline).getSingleResult();
        return new CampaignFigures(stages, sent, late);
    }
}
