package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.common.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The person behind the current request: user name, role and the region the account acts for. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.getPrincipal().getName();
    }

    public Role role() {
        for (Role role : Role.values()) {
            if (identity.hasRole(role.name())) {
                return role;
            }
        }
        throw ApiException.forbidden("账号没有角色");
    }

    public String regionCode() {
        return identity.getAttribute(AccountIdentityProvider.REGION_ATTRIBUTE);
    }

    public boolean is(Role role) {
        return identity.hasRole(role.name());
    }

    /** Institute and admin staff see every region. */
    public boolean seesEverything() {
        return is(Role.INSTITUTE) || is(Role.ADMIN);
    }
}
