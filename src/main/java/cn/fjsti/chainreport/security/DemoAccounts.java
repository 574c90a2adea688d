package cn.fjsti.chainreport.security;

import jakarta.inject.Inject;
import cn.fjsti.chainreport.common.TableRows;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.region.RegionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Demo accounts for trying the service: {@code admin}, {@code institute}, and one per region with the
 * region code as user name (a city-level unit as CITY, a drafting county as COUNTY). Only in the demo, dev
 * and test profiles; production has none.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    @Inject
    AccountSettings settings;

    @Transactional
    public void seedIfEnabled() {
        if (!settings.demo().enabled()) {
            bootstrapAdmin();
            return;
        }
        if (TableRows.count(Account.getEntityManager(), "account") == 0) {
            // One bcrypt computation for all demo accounts: they share a password anyway.
            String hash = Passwords.hash(settings.demo().password());
            List<Account> accounts = new ArrayList<>();
            String province = Region.<Region>find("level", RegionLevel.PROVINCE).firstResult().code;
            accounts.add(new Account("admin", hash, Role.ADMIN, province, "省科技厅管理员"));
            accounts.add(new Account("institute", hash, Role.INSTITUTE, province, "福建省科学技术信息研究所"));
            for (Region unit : Region.reviewUnits()) {
                accounts.add(new Account(unit.code, hash, Role.CITY, unit.code, unit.name + "科技局"));
            }
            for (Region county : Region.draftingCounties()) {
                accounts.add(new Account(county.code, hash, Role.COUNTY, county.code, county.name + "科技局"));
            }
            Account.persist(accounts);
            LOG.infof("Created %d demo accounts", accounts.size());
        }
        LOG.infof("""
                Demo accounts (password %s):
                  admin      省科技厅管理员 (ADMIN)
                  institute  省科学技术信息研究所 (INSTITUTE)
                  350200     厦门市科技局 (CITY; every city-level unit by its code, PTZ for 平潭综合实验区)
                  350205     海沧区科技局 (COUNTY; every drafting county by its GB/T 2260 code)
                Log in: curl -c cookies -d j_username=350205 -d j_password=%s http://localhost:%d/j_security_check
                API docs: http://localhost:%d/q/swagger-ui""", settings.demo().password(), settings.demo().password(), port(), port());
    }

    /** The port the service listens on, as configured (quarkus.http.port, 8080 by default), for the log's examples. */
    private static int port() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    /**
     * Production starts without demo accounts; someone must be able to log in to create the real ones. On an
     * empty account table, CHAINREPORT_BOOTSTRAP_ADMIN_PASSWORD creates {@code admin} with that password (which
     * must pass the password rules); without it the log says how to get in.
     */
    private void bootstrapAdmin() {
        if (TableRows.count(Account.getEntityManager(), "account") > 0) {
            return;
        }
        if (settings.bootstrap().adminPassword().isEmpty()) {
            LOG.warn("No accounts yet. Start once with CHAINREPORT_BOOTSTRAP_ADMIN_PASSWORD set to create the administrator 'admin'.");
            return;
        }
        var problems = PasswordRules.problems("admin", settings.bootstrap().adminPassword().get());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("CHAINREPORT_BOOTSTRAP_ADMIN_PASSWORD is not acceptable: " + String.join("; ", problems));
        }
        String province = Region.<Region>find("level", RegionLevel.PROVINCE).firstResult().code;
        new Account("admin", Passwords.hash(settings.bootstrap().adminPassword().get()), Role.ADMIN, province, "省科技厅管理员").persist();
        LOG.info("Created the administrator account 'admin' from CHAINREPORT_BOOTSTRAP_ADMIN_PASSWORD");
    }
}
