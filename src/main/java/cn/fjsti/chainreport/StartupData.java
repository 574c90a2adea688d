package cn.fjsti.chainreport;

import cn.fjsti.chainreport.common.DataSettings;
import cn.fjsti.chainreport.region.RegionLoader;
import cn.fjsti.chainreport.security.DemoAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start: says which data directory the service uses (absolute), then fills an empty database: reference
 * regions first, then (if enabled) demo accounts.
 */
@ApplicationScoped
public class StartupData {

    private static final Logger LOG = Logger.getLogger(StartupData.class);

    @Inject
    DataSettings data;

    @Inject
    RegionLoader regions;

    @Inject
    DemoAccounts demoAccounts;

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Data directory: %s", data.dataDir().toAbsolutePath().normalize());
        regions.loadIfEmpty();
        demoAccounts.seedIfEnabled();
    }
}
