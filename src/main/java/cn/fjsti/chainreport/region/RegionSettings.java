package cn.fjsti.chainreport.region;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Key {@code chainreport.regions.resource}: the reference data {@link RegionLoader} loads into an empty database. */
@ConfigMapping(prefix = "chainreport.regions")
public interface RegionSettings {

    /** A classpath resource or file path of the regions CSV (header {@code code,name,level,gb_parent,review_unit,drafting}). */
    @WithDefault("reference/fujian-regions.csv")
    String resource();
}
