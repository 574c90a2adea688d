package cn.fjsti.chainreport.common;

import cn.fjsti.chainreport.region.RegionLoader;
import cn.fjsti.chainreport.security.DemoAccounts;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Fills an empty database at start: reference regions first, then (if enabled) demo accounts. */
@ApplicationScoped
public class StartupData {

    @Inject
    RegionLoader regions;

    @Inject
    DemoAccounts demoAccounts;

    void onStart(@Observes StartupEvent event) {
        regions.loadIfEmpty();
        demoAccounts.seedIfEnabled();
    }
}
