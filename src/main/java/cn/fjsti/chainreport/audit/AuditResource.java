package cn.fjsti.chainreport.audit;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.security.Role;
import cn.fjsti.chainreport.common.Limits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log, read-only, for the institute and the administrator. */
@Tag(name = ApiTags.INSTITUTE)
@Tag(name = ApiTags.ADMIN)
@Path("/api/audit")
@RolesAllowed({Role.INSTITUTE_NAME, Role.ADMIN_NAME})
public class AuditResource {

    /** An audit record as shown. */
    public record AuditView(Long id, OffsetDateTime at, String username, String role, String regionCode, String action,
                            String target, String remoteAddress) {
    }

    @GET
    @Transactional
    @Operation(summary = "操作日志", description = "每一次状态变更：谁（账号、角色、地区）、做了什么、何时、从何处；只读。最新的在前，每页 100 条")
    public List<AuditView> list(@QueryParam("username") String username, @QueryParam("page") @DefaultValue("0")
            @Min(value = 0, message = "页码不能小于 0")
            @Max(value = Limits.AUDIT_MAX_PAGE, message = "页码不能超过 " + Limits.AUDIT_MAX_PAGE) int page) {
        var query = username == null
                ? AuditEvent.<AuditEvent>find("order by id desc")
                : AuditEvent.<AuditEvent>find("username = ?1 order by id desc", username);
        return query.page(page, Limits.AUDIT_PAGE_SIZE).list().stream()
                .map(e -> new AuditView(e.id, Times.beijing(e.occurredAt), e.username, e.role, e.regionCode, e.action,
                        e.target, e.remoteAddress))
                .toList();
    }
}
