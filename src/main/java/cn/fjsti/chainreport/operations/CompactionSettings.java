package cn.fjsti.chainreport.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@link H2Compaction}: when the H2 file counts as quiet. */
@ConfigMapping(prefix = "chainreport.h2-compaction")
public interface CompactionSettings {

    /**
     * How long no commit must have reached the H2 file before it is compacted (default 60 s); {@code 0s} switches the
     * compaction off. It is looked at every quarter of this, at most every 15 s.
     */
    @WithDefault("60s")
    Duration quiet();
}
