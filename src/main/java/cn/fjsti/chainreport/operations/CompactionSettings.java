package cn.fjsti.chainreport.operations;

import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * While commits go on: the live bytes of mostly dead chunks rewritten at most per second (default 1M), in four
     * steps a second, the kind of work H2's own background housekeeping does under load; {@code 0} switches it off
     * (the file then grows while writes never pause for the quiet time). A commit that arrives during a step waits
     * for it (H2's store lock): a few milliseconds for a step of 256 KB.
     */
    @WithDefault("1M")
    MemorySize busyRewrite();
}
