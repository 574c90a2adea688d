package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateExtension;

/**
 * Who did something, as the pages name them: the account's display name (海沧区科技局), else its region's
 * name, never the bare user name, which for the units' accounts is a region code. In a template:
 * {@code {people:name(r.updatedBy)}}. An unknown user name (a deleted account, a system step) is shown as it is.
 */
@TemplateExtension(namespace = "people")
public final class PeopleNames {

    private PeopleNames() {
    }

    /** The display name of the account {@code username}; "" for null. One indexed read per call. */
    static String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return QuarkusTransaction.joiningExisting().call(() -> Account.byUsername(username)
                .map(a -> a.displayName != null && !a.displayName.isBlank() ? a.displayName : Region.nameOf(a.regionCode))
                .orElse(username));
    }
}
