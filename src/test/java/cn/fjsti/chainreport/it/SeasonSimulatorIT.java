package cn.fjsti.chainreport.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.perf.SeasonSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The season simulator at its smallest size against the packaged jar, as CI's smoke test: 3 units, 12
 * counties, the whole season with documents, a short load phase and (in a -Pbenchmark build only) the bare-engine
 * baseline, one round of the deadline-day rush (cookie and HTTP Basic) and one request of each view, with no
 * error. On an H2 file of its own, or on the database named by SIMULATOR_IT_JDBC_URL (CI's PostgreSQL pass, whose
 * jar is built for PostgreSQL).
 */
class SeasonSimulatorIT {

    @Test
    void shouldRunASmallSeasonWithoutErrors() throws Exception {
        SeasonSimulator.Result result = SeasonSimulator.smoke(Path.of("target", "quarkus-app", "quarkus-run.jar"),
                Path.of("target", "perf-smoke"), System.getenv("SIMULATOR_IT_JDBC_URL"));
        assertThat(result.errors()).as("season errors: %s", result.errorSamples()).isZero();
        assertThat(result.loadErrors()).as("load errors").isZero();
        assertThat(result.counties()).isEqualTo(12);
        assertThat(result.reports()).isGreaterThanOrEqualTo(12);
        assertThat(result.mergedReports()).isPositive();
        assertThat(result.latencies()).containsKeys("saveDraft", "submit", "approve", "merge", "sendPackage",
                "acceptPackage", "reportDocx", "bundleDocx", "boardXlsx");
        assertThat(result.latencies().get("reportDocx").get("count")).isEqualTo(result.reports() + result.mergedReports());
        // The bare-engine baseline is only in a jar built with -Pbenchmark (docs/benchmarks.md): never in the one
        // verify builds, which is the production jar.
        boolean benchmarkBuild = java.nio.file.Files.exists(Path.of("target", "classes", "cn", "fjsti", "chainreport", "benchmark"));
        if (benchmarkBuild) {
            assertThat(result.bareEngineMsPerReport()).isPositive();
        } else {
            assertThat(result.bareEngineMsPerReport()).as("bare-engine endpoint in a production jar").isNaN();
        }
        // The side-by-side phase took every counted step once per report (declare, submit, approve; a fifth returned).
        assertThat(result.stepReports()).isEqualTo(12);
        assertThat(result.latencies().get("stepDeclare").get("count")).isEqualTo(12.0);
        assertThat(result.latencies().get("stepApprove").get("count")).isEqualTo(12.0);
        assertThat(result.latencies().get("stepReturn").get("count")).isEqualTo(3.0);
        assertThat(result.stepMsPerReport()).isPositive();
        assertThat(result.serviceCpuSeconds()).isPositive();
        assertThat(result.liveHeapMb()).hasSize(3).allSatisfy(mb -> assertThat(mb).isPositive());
        assertThat(result.load().get("loadSaveDraft").get("count")).isPositive();
        // One round of the deadline-day rush by cookie and by HTTP Basic, and one request of each view: the code paths run,
        // without errors; no timing is asserted.
        assertThat(result.viewErrors()).as("view errors").isZero();
        assertThat(result.views()).containsKeys("viewBoard", "viewInstituteHome", "viewBoardXlsx", "viewCityHome", "viewReportPage");
        assertThat(result.rush()).extracting(SeasonSimulator.Rush::auth).containsExactly("cookie", "basic");
        assertThat(result.rush()).allSatisfy(rush -> {
            assertThat(rush.errors()).as("rush errors (%s): %s", rush.auth(), rush.errorSamples()).isZero();
            assertThat(rush.latencies().get("submit").get("count")).isEqualTo(12.0);
            assertThat(rush.latencies().get("save").get("count")).isEqualTo(24.0);
        });
    }
}
