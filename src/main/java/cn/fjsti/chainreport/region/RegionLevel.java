package cn.fjsti.chainreport.region;

import java.util.EnumSet;
import java.util.Set;

/** Level of an administrative division, as named in the reference CSV. */
public enum RegionLevel {
    PROVINCE("省"),
    CITY("设区市"),
    ZONE("综合实验区"),
    DISTRICT("市辖区"),
    COUNTY_CITY("县级市"),
    COUNTY("县");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isCountyLevel() {
        return countyLevels().contains(this);
    }

    public static Set<RegionLevel> countyLevels() {
        return EnumSet.of(DISTRICT, COUNTY_CITY, COUNTY);
    }

    /** Reads the CSV spelling (e.g. {@code county_city}). */
    public static RegionLevel fromCsv(String value) {
        return valueOf(value.trim().toUpperCase());
    }
}
