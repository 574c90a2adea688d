package cn.fjsti.chainreport.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@link H2Compaction}: when the H2 file counts as quiet, and how long one compaction call may hold H2's store lock. */
@ConfigMapping(prefix = "chainreport.h2-compaction")
public interface CompactionSettings {

    /**
     * How long no commit must have reached the H2 file before it is compacted; {@code 0s} switches the compaction off.
     * It is looked at every quarter of this, at most every 15 s.
     */
    @WithDefault("60s")
    Duration quiet();

    /**
     * How long one call of H2's {@code MVStore.compactFile} may run under H2's store lock; a commit that arrives
     * meanwhile waits for it (at most about this long plus one 16 MB step), and the compaction stops there until
     * the file is quiet again.
     */
    @WithDefault("250ms")
    Duration stepTime();
}
