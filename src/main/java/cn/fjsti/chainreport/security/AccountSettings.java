package cn.fjsti.chainreport.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Accounts made at start ({@link DemoAccounts}): keys {@code chainreport.demo.*} and {@code chainreport.bootstrap.*}. */
@ConfigMapping(prefix = "chainreport")
public interface AccountSettings {

    Demo demo();

    Bootstrap bootstrap();

    /** {@code chainreport.demo.*}: one account per region for trying the service (demo, dev and test profiles only). */
    interface Demo {

        /** Whether an empty account table gets the demo accounts; false in production. */
        @WithDefault("false")
        boolean enabled();

        /** The demo accounts' shared password. */
        @WithDefault("demo2026")
        String password();
    }

    /** {@code chainreport.bootstrap.*}: the first administrator of a production database without accounts. */
    interface Bootstrap {

        /** The password of the account {@code admin} made when the account table is empty; none when unset. */
        Optional<String> adminPassword();
    }
}
