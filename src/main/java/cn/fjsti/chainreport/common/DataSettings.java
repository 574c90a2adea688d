package cn.fjsti.chainreport.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/**
 * Key {@code chainreport.data-dir} (env {@code CHAINREPORT_DATA_DIR}): where the H2 file and the login key
 * file live. The main class makes it absolute before Quarkus starts (see ChainReportMain: a relative path is
 * taken against the working directory, or the application's directory when started from the packaged jar),
 * and the absolute path is logged at start.
 */
@ConfigMapping(prefix = "chainreport")
public interface DataSettings {

    /** The data directory; {@code data} by default. */
    @WithDefault("data")
    Path dataDir();
}
