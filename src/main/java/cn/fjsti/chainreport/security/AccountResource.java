package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.fjsti.chainreport.common.Text;
import cn.fjsti.chainreport.common.FreeText;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accounts: the administrator manages them; everyone may change their own password. */
public final class AccountResource {

    private AccountResource() {
    }

    /** A new account. */
    public record NewAccount(
            @NotBlank(message = "请填写用户名") @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "用户名为 3 到 64 位字母、数字或 _.-") String username,
            @NotNull(message = "请填写密码") String password,
            @NotNull(message = "请选择角色") Role role,
            @NotBlank(message = "请填写地区代码") String regionCode,
            @Text(FreeText.DISPLAY_NAME) String displayName) {
    }

    /** A password set by the administrator. */
    public record NewPassword(@NotNull(message = "请填写密码") String password) {
    }

    /** How many paused addresses an unlock lifted. */
    public record UnlockResult(String username, int lifted) {
    }

    /** A person's own password change. */
    public record OwnPassword(@NotNull(message = "请填写当前密码") String currentPassword,
                              @NotNull(message = "请填写新密码") String newPassword) {
    }

    /** The administrator's account management. */
    @Tag(name = ApiTags.ADMIN)
    @Path("/api/accounts")
    @RolesAllowed(Role.ADMIN_NAME)
    public static class Admin {

        @Inject
        AccountService accounts;

        @GET
        @Operation(summary = "列出账号")
        public List<AccountService.AccountView> list() {
            return accounts.list();
        }

        /** One page of the accounts: {total, page, size, pages, items}. */
        public record AccountPage(long total, int page, int size, int pages, List<AccountService.AccountView> items) {
        }

        @GET
        @Path("/search")
        @Operation(summary = "查找账号（分页）", description = "q：用户名、显示名称或地区名称中包含的文字（不超过 60 字）；role：COUNTY、CITY、"
                + "INSTITUTE、ADMIN；region：地区代码；page 从 1 起，size 1 到 100（默认 20）。参数不正确时 400")
        public AccountPage search(@QueryParam("q") String q, @QueryParam("role") String role, @QueryParam("region") String region,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
            var p = accounts.search(cn.fjsti.chainreport.common.Paging.query(q), role, region,
                    cn.fjsti.chainreport.common.Paging.page(page), cn.fjsti.chainreport.common.Paging.size(size, 20), "");
            return new AccountPage(p.total(), p.page(), p.size(), p.pages(), p.items());
        }

        @POST
        @Operation(summary = "新建账号", description = "角色须与地区相符（县账号对应须编写报告的县，市账号对应审核单位）；密码至少 10 位，含三类字符，不含用户名")
        @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已创建账号", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AccountService.AccountView.class)))
        public Response create(@NotNull(message = "请求内容不能为空") @Valid NewAccount a) {
            return Response.status(201).entity(accounts.create(a.username(), a.password(), a.role(), a.regionCode(), a.displayName())).build();
        }

        @POST
        @Path("/{username}/disable")
        @Operation(summary = "停用账号")
        public AccountService.AccountView disable(@PathParam("username") String username) {
            return accounts.setEnabled(username, false);
        }

        @POST
        @Path("/{username}/enable")
        @Operation(summary = "启用账号")
        public AccountService.AccountView enable(@PathParam("username") String username) {
            return accounts.setEnabled(username, true);
        }

        @POST
        @Path("/{username}/unlock")
        @Operation(summary = "解除登录暂停", description = "某地址连续输错密码后，该用户名在该地址的登录会暂停；管理员可立即解除全部暂停")
        public UnlockResult unlock(@PathParam("username") String username) {
            return new UnlockResult(username, accounts.unlock(username));
        }

        @PUT
        @Path("/{username}/password")
        @Operation(summary = "重设密码")
        public AccountService.AccountView resetPassword(@PathParam("username") String username,
                                                         @NotNull(message = "请求内容不能为空") @Valid NewPassword p) {
            return accounts.resetPassword(username, p.password());
        }
    }

    /** Changing one's own password. */
    @Tag(name = ApiTags.GENERAL)
    @Path("/api/session/password")
    @Authenticated
    public static class Own {

        @Inject
        AccountService accounts;

        @PUT
        @APIResponse(responseCode = "204", description = "已修改，本账号所有会话已结束")
        @Operation(summary = "修改本人密码", description = "修改后本账号的所有会话（包括当前这个）结束，请用新密码重新登录")
        public Response change(@NotNull(message = "请求内容不能为空") @Valid OwnPassword p) {
            accounts.changeOwnPassword(p.currentPassword(), p.newPassword());
            return Response.noContent().build();
        }
    }
}
