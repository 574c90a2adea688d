package cn.fjsti.chainreport.benchmark;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Runs {@link BareEngineBaseline} inside the service, for the season simulator (docs/benchmarks.md).
 * Off unless the service was started with chainreport.benchmark.enabled=true (the simulator does so on
 * its own throwaway database); even then only for the administrator.
 */
@Path("/api/benchmark")
@RolesAllowed(Role.ADMIN_NAME)
public class BenchmarkResource {

    @Inject
    BareEngineBaseline baseline;

    @ConfigProperty(name = "chainreport.benchmark.enabled", defaultValue = "false")
    boolean enabled;

    @POST
    @Path("/bare-engine")
    @Operation(summary = "基准测试：引擎直接执行报告流程", description = "仅在以 chainreport.benchmark.enabled=true 启动的测试实例上可用")
    public BareEngineBaseline.Result bareEngine(@QueryParam("reports") Integer reports) {
        if (!enabled) {
            throw ApiException.notFound("基准测试未启用");
        }
        if (reports == null || reports < 1 || reports > 20_000) {
            throw ApiException.badField("reports", "reports 应为 1 到 20000");
        }
        return baseline.run(reports);
    }
}
