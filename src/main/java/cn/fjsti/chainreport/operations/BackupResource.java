package cn.fjsti.chainreport.operations;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/admin/backup}: the administrator backs up the H2 database while the service runs ({@link BackupService}). */
@Tag(name = ApiTags.ADMIN)
@Path("/api/admin/backup")
@RolesAllowed(Role.ADMIN_NAME)
public class BackupResource {

    @Inject
    BackupService backups;

    @POST
    @Operation(summary = "在线备份数据库（H2）", description = "在数据目录的 backups/ 下生成 chainreport-时间.zip，服务照常运行；恢复须停机，见运维文档。PostgreSQL 请用 pg_dump（409）")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已备份", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = BackupService.Backup.class)))
    public Response backup() {
        return Response.status(201).entity(backups.backup()).build();
    }
}
