package cn.fjsti.chainreport.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@link H2Compaction}'s step: how often, below which average fill of H2's chunks, and how much it may rewrite. */
@ConfigMapping(prefix = "chainreport.h2-compaction")
public interface CompactionSettings {

    /** Time between two steps; 0 switches the compaction off. */
    @WithDefault("30s")
    Duration interval();

    /** Percent: chunks less live than this on average are rewritten (H2's own background step uses 90 by default). */
    @WithDefault("80")
    int fillRate();

    /** Bytes one step may rewrite (bounds how long a commit may wait behind it). */
    @WithDefault("16777216")
    int writeLimit();
}
