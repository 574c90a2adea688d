package cn.fjsti.chainreport.security;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns the account table into security identities: a user name and password (form login or HTTP Basic)
 * is checked against the bcrypt hash; a login cookie (trusted request) is re-read so that a disabled
 * account or a changed role takes effect at once. The identity carries the role and, as attribute
 * {@code region}, the region the account acts for.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String REGION_ATTRIBUTE = "region";

    @jakarta.inject.Inject
    LoginThrottle throttle;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            if (throttle.locked(username)) {
                throw new AuthenticationFailedException("locked after repeated failures");
            }
            Account account = load(username);
            String password = new String(request.getPassword().getPassword());
            if (account == null || !Passwords.matches(password, account.passwordHash)) {
                throttle.failed(username);
                throw new AuthenticationFailedException("bad credentials");
            }
            throttle.succeeded(username);
            return identityOf(account);
        });
    }

    static Account load(String username) {
        Account account = QuarkusTransaction.joiningExisting().call(() -> {
            Account found = Account.byUsername(username).orElse(null);
            if (found != null) {
                Panache.getEntityManager().detach(found);
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
                .build();
    }

    /** Re-reads the account behind a login cookie. */
    @ApplicationScoped
    public static class FromCookie implements IdentityProvider<TrustedAuthenticationRequest> {

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
                return identityOf(account);
            });
        }
    }
}
