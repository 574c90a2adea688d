package cn.fjsti.chainreport.benchmark;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Runs {@link BareEngineBaseline} inside the service, for the season simulator (docs/benchmarks.md).
 * Only in a jar built with {@code ./mvnw -Pbenchmark package} (this source folder, src/benchmark/java, is
 * added by that profile alone; production builds never hold it), for the administrator.
 */
@Path("/api/benchmark")
@RolesAllowed(Role.ADMIN_NAME)
public class BenchmarkResource {

    @Inject
    BareEngineBaseline baseline;

    @POST
    @Path("/bare-engine")
    @Operation(summary = "基准测试：引擎直接执行报告流程", description = "仅在以 -Pbenchmark 构建的测试用程序包中存在")
    public BareEngineBaseline.Result bareEngine(@QueryParam("reports") Integer reports, @QueryParam("first") Integer first) {
        if (reports == null || reports < 1 || reports > 20_000) {
            throw ApiException.badField("reports", "reports 应为 1 到 20000");
        }
        if (first != null && (first < 0 || first > 1_000_000)) {
            throw ApiException.badField("first", "first 应为 0 到 1000000");
        }
        return baseline.run(reports, first == null ? 0 : first);
    }
}
