package cn.fjsti.chainreport.security;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.region.Region;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is logged in, and logging out. Logging in is {@code POST /j_security_check} (form) or HTTP Basic. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/session")
@Authenticated
public class MeResource {

    @Inject
    CurrentUser user;

    @Inject
    AccountService accounts;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    /** The logged-in account. */
    public record Me(String username, String role, String regionCode, String regionName) {
    }

    @GET
    @Operation(summary = "当前登录账号")
    public Me me() {
        String region = user.regionCode();
        return new Me(user.username(), user.role().name(), region, Region.nameOf(region));
    }

    @POST
    @Path("/logout")
    @APIResponse(responseCode = "204", description = "已退出，会话 Cookie 已清除")
    @Operation(summary = "退出登录", description = "结束本账号的所有会话（所有浏览器、所有节点）")
    public Response logout() {
        accounts.logout();
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").build();
        return Response.noContent().cookie(expired).build();
    }
}
