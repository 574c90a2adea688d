package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.audit.SecurityAudit;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns the account table into security identities: a user name and password (form login or HTTP Basic)
 * is checked against the bcrypt hash; a login cookie (trusted request) is re-read so that a disabled
 * account or a changed role takes effect at once, and refused when it was issued before the account's
 * sessions were ended (logout, password change or reset, disabling). The identity carries the role and, as
 * attribute {@code region}, the region the account acts for.
 *
 * <p>A wrong name costs as much time as a wrong password (a check against a dummy hash), so the answer's
 * timing does not tell which user names exist.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String REGION_ATTRIBUTE = "region";
    /** The account's display name, or its region's name when it has none (what the page header shows). */
    public static final String DISPLAY_NAME_ATTRIBUTE = "displayName";
    /** The name of the account's region, read once at login, so error pages need no database. */
    public static final String REGION_NAME_ATTRIBUTE = "regionName";
    /** bcrypt reads at most this many bytes of a password. */
    static final int BCRYPT_MAX_BYTES = 72;

    @Inject
    LoginThrottle throttle;

    @Inject
    SecurityAudit audit;

    @Inject
    VerifiedCredentials verified;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            if (LoginThrottle.impossible(username)) {
                throw new AuthenticationFailedException("no such user name");
            }
            String address = clientAddress(request);
            if (throttle.locked(username, address)) {
                throw new AuthenticationFailedException("paused after repeated failures");
            }
            String password = new String(request.getPassword().getPassword());
            Account account = load(username);
            if (!checks(password, account)) {
                if (throttle.failed(username, address)) {
                    audit.record(username, "login.paused", "连续 " + throttle.maxFailures() + " 次密码错误，暂停 "
                            + throttle.lockDuration().toMinutes() + " 分钟", address);
                }
                throw new AuthenticationFailedException("bad credentials");
            }
            throttle.succeeded(username, address);
            return identityOf(account);
        });
    }

    /** The password against the account's hash; for no account, against a dummy hash, taking as long. */
    private boolean checks(String password, Account account) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            Passwords.matches("", DummyHash.VALUE);
            return false;
        }
        if (account == null) {
            Passwords.matches(password, DummyHash.VALUE);
            return false;
        }
        return verified.matches(account.username, password, account.passwordHash);
    }

    /** Made once, on the first login attempt: a real hash of the service's cost. */
    private static final class DummyHash {
        static final String VALUE = Passwords.hash("dummy-password-that-matches-no-account");
    }

    static String clientAddress(AuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context == null || context.request().remoteAddress() == null ? "" : context.request().remoteAddress().hostAddress();
    }

    static Account load(String username) {
        Account account = QuarkusTransaction.joiningExisting().call(() -> {
            Account found = Account.byUsername(username).orElse(null);
            if (found != null) {
                Panache.getEntityManager().detach(found);
                found.regionName = cn.fjsti.chainreport.region.Region.nameOf(found.regionCode);
            }
            return found;
        });
        return account != null && account.enabled ? account : null;
    }

    static SecurityIdentity identityOf(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRole(account.role.name())
                .addAttribute(REGION_ATTRIBUTE, account.regionCode)
                .addAttribute(REGION_NAME_ATTRIBUTE, account.regionName == null ? account.regionCode : account.regionName)
                .addAttribute(DISPLAY_NAME_ATTRIBUTE, account.displayName != null && !account.displayName.isBlank()
                        ? account.displayName : account.regionName == null ? account.username : account.regionName)
                .build();
    }

    /** Re-reads the account behind a login cookie, and refuses a cookie issued before its sessions were ended. */
    @ApplicationScoped
    public static class FromCookie implements IdentityProvider<TrustedAuthenticationRequest> {

        @Inject
        SessionCookies cookies;

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                Account account = load(request.getPrincipal());
                if (account == null) {
                    throw new AuthenticationFailedException("account gone or disabled");
                }
                if (account.sessionsValidFrom != null) {
                    Instant issued = cookies.issuedAt(HttpSecurityUtils.getRoutingContextAttribute(request)).orElse(Instant.EPOCH);
                    if (issued.isBefore(account.sessionsValidFrom)) {
                        throw new AuthenticationFailedException("session ended");
                    }
                }
                return identityOf(account);
            });
        }
    }
}
