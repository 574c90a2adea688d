package cn.fjsti.chainreport.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A person's login: a role, the region it acts for, and a bcrypt password hash. */
@Entity
// Who receives a notification (notification.Notifier). Named, so Hibernate parses them once at start-up: the first
// parse of a query string, when twenty submissions asked for it at once, took seconds on the deadline-day rush.
@NamedQuery(name = Account.ENABLED_OF_REGION,
        query = "select a.username, a.role from Account a where a.regionCode = ?1 and a.enabled = true order by a.username")
@NamedQuery(name = Account.ENABLED_WITH_ROLE,
        query = "select a.username, a.role from Account a where a.role = ?1 and a.enabled = true order by a.username")
public class Account extends PanacheEntityBase {

    /** User name and role of the enabled accounts of a region (parameter 1: the region code), by user name. */
    public static final String ENABLED_OF_REGION = "Account.enabledOfRegion";
    /** User name and role of the enabled accounts of a role (parameter 1: the {@link Role}), by user name. */
    public static final String ENABLED_WITH_ROLE = "Account.enabledWithRole";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "display_name")
    public String displayName;

    public boolean enabled;

    /** The region's name, filled in when the account is loaded for a login (not a column). */
    @jakarta.persistence.Transient
    public String regionName;

    /** Login cookies issued before this moment are refused (null: none ended yet). Wall-clock time. */
    @Column(name = "sessions_valid_from")
    public Instant sessionsValidFrom;

    protected Account() {
    }

    public Account(String username, String passwordHash, Role role, String regionCode, String displayName) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.regionCode = regionCode;
        this.displayName = displayName;
        this.enabled = true;
    }

    /** Ends every session of this account, on every node: its login cookies issued until now stop working. */
    public void endSessions() {
        // Milliseconds, as the cookie counts: a login in the same millisecond as a logout stays valid.
        sessionsValidFrom = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Optional<Account> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
