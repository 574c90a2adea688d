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

    /** The account's display name (or its region's name), as the page header shows it. */
    public String displayName() {
        String name = identity.getAttribute(AccountIdentityProvider.DISPLAY_NAME_ATTRIBUTE);
        return name == null ? username() : name;
    }

    /** The name of the account's region, read at login. */
    public String regionName() {
        String name = identity.getAttribute(AccountIdentityProvider.REGION_NAME_ATTRIBUTE);
        return name == null ? regionCode() : name;
    }

    public boolean is(Role role) {
        return identity.hasRole(role.name());
    }

    /** Institute and admin staff see every region. */
    public boolean seesEverything() {
        return is(Role.INSTITUTE) || is(Role.ADMIN);
    }
}
