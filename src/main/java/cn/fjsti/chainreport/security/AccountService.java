package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.audit.Audited;
import cn.fjsti.chainreport.audit.Secret;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.region.RegionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** The administrator's account management, and a person changing their own password. */
@ApplicationScoped
public class AccountService {

    @Inject
    CurrentUser user;

    @Inject
    LoginThrottle throttle;

    /** An account as shown: never the hash. */
    public record AccountView(String username, String role, String regionCode, String regionName, String displayName,
                              boolean enabled, String roleLabel) {
        static AccountView of(Account a) {
            return new AccountView(a.username, a.role.name(), a.regionCode,
                    Region.nameOf(a.regionCode), a.displayName, a.enabled, a.role.label());
        }
    }

    /**
     * One page of the accounts, found by user name, display name or region name (q, contains, case-insensitive),
     * role and region; ordered by user name. Bounds and refusals: {@link cn.fjsti.chainreport.common.Paging}
     * (400 for a bad page, size or search text); an unknown role is refused (400, field role).
     *
     * @param base the address of the list without the page number (for the page links)
     */
    @Transactional
    public cn.fjsti.chainreport.common.Paging<AccountView> search(String q, String role, String region, int page, int size, String base) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (q != null) {
            String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            List<String> regions = Region.<Region>list("lower(name) like ?1 escape '!'", like).stream().map(r -> r.code).toList();
            where.append(" and (lower(username) like :q escape '!' or lower(displayName) like :q escape '!'")
                    .append(regions.isEmpty() ? ")" : " or regionCode in :regions)");
            params.put("q", like);
            if (!regions.isEmpty()) {
                params.put("regions", regions);
            }
        }
        if (role != null && !role.isBlank()) {
            Role r;
            try {
                r = Role.valueOf(role.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("role", "角色须为 COUNTY、CITY、INSTITUTE 或 ADMIN");
            }
            where.append(" and role = :role");
            params.put("role", r);
        }
        if (region != null && !region.isBlank()) {
            where.append(" and regionCode = :region");
            params.put("region", region.strip());
        }
        long total = Account.count(where.toString(), params);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(page, pages);
        List<AccountView> items = Account.<Account>find(where + " order by username", params)
                .page(io.quarkus.panache.common.Page.of(shown - 1, size)).list().stream().map(AccountView::of).toList();
        return new cn.fjsti.chainreport.common.Paging<>(items, shown, size, total, base);
    }

    @Transactional
    public List<AccountView> list() {
        return Account.<Account>list("order by username").stream().map(AccountView::of).toList();
    }

    @Transactional
    @Audited("account.create")
    public AccountView create(String username, @Secret String password, Role role, String regionCode, String displayName) {
        Region region = Region.byCode(regionCode)
                .orElseThrow(() -> ApiException.badField("regionCode", "没有代码为 " + regionCode + " 的地区"));
        boolean fits = switch (role) {
            case COUNTY -> region.isDraftingCounty();
            case CITY -> region.isReviewUnit();
            case INSTITUTE, ADMIN -> region.level == RegionLevel.PROVINCE;
        };
        if (!fits) {
            throw ApiException.badField("regionCode", region.name + " 不能设 " + role.name() + " 账号");
        }
        requireGoodPassword(username, password, "password");
        if (Account.byUsername(username).isPresent()) {
            throw new ApiException(409, "操作冲突", "用户名 " + username + " 已被使用", List.of(new FieldError("username", "已被使用")), Map.of());
        }
        Account account = new Account(username, Passwords.hash(password), role, region.code,
                java.util.Objects.requireNonNullElse(cn.fjsti.chainreport.common.FreeText.DISPLAY_NAME.cleanAt("displayName", displayName), region.name));
        account.persist();
        return AccountView.of(account);
    }

    @Transactional
    @Audited("account.enable")
    public AccountView setEnabled(String username, boolean enabled) {
        Account account = find(username);
        if (!enabled && account.username.equals(user.username())) {
            throw ApiException.conflict("不能停用自己的账号");
        }
        account.enabled = enabled;
        if (!enabled) {
            account.endSessions();
        }
        return AccountView.of(account);
    }

    @Transactional
    @Audited("account.resetPassword")
    public AccountView resetPassword(String username, @Secret String password) {
        Account account = find(username);
        requireGoodPassword(username, password, "password");
        account.passwordHash = Passwords.hash(password);
        account.endSessions();
        return AccountView.of(account);
    }

    @Transactional
    @Audited("account.changeOwnPassword")
    public void changeOwnPassword(@Secret String currentPassword, @Secret String newPassword) {
        Account account = find(user.username());
        if (!Passwords.matches(currentPassword, account.passwordHash)) {
            throw ApiException.badField("currentPassword", "当前密码不正确");
        }
        requireGoodPassword(account.username, newPassword, "newPassword");
        account.passwordHash = Passwords.hash(newPassword);
        account.endSessions();
    }

    /** Logging out ends every session of the account (every browser, every node), not only this cookie. */
    @Transactional
    @Audited("session.logout")
    public void logout() {
        find(user.username()).endSessions();
    }

    /** Lifts the login pauses of an account (wrong passwords from some address); returns how many were lifted. */
    @Transactional
    @Audited("account.unlock")
    public int unlock(String username) {
        find(username);
        return throttle.unlock(username);
    }

    private static void requireGoodPassword(String username, String password, String field) {
        List<String> problems = PasswordRules.problems(username, password);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems.get(0), problems.stream().map(p -> new FieldError(field, p)).toList());
        }
    }

    private static Account find(String username) {
        return Account.byUsername(username).orElseThrow(() -> ApiException.notFound("没有用户名为 " + username + " 的账号"));
    }
}
