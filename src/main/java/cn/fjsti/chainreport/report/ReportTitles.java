package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.chain.ChainNames;

/**
 * The one rule for a report's title. A county's report is about its county: 海沧区县域重点产业创新链调研报告. A
 * report the city writes (merged or city-led) is about one chain of the unit: 厦门市集成电路产业创新链调研报告.
 * A city often names the merged chain after itself (厦门市集成电路产业链); the unit's name is then not written
 * twice: a chain that starts with the unit's full name (厦门市, 平潭综合实验区) loses that start and a separator
 * after it (·、- or a space); one that starts with its short name (the full name without 市/县/区/综合实验区, at
 * least two characters: 厦门, 平潭) loses it only when a separator follows (厦门·集成电路), since a short name
 * also starts names of their own (宁德时代). A chain that is nothing but the unit's name keeps its name.
 */
public final class ReportTitles {

    private static final String[] UNIT_SUFFIXES = {"综合实验区", "自治县", "市", "县", "区"};

    private ReportTitles() {
    }

    /**
     * @param cityWritten whether the city-level unit writes the report (merged or city-led)
     * @param unitName    the author region's name, e.g. 厦门市
     * @param chainName   the chain as stored, e.g. 厦门市集成电路产业链
     */
    public static String title(boolean cityWritten, String unitName, String chainName) {
        if (!cityWritten) {
            return unitName + "县域重点产业创新链调研报告";
        }
        return unitName + industryWithoutUnit(unitName, chainName) + "产业创新链调研报告";
    }

    /** The chain's industry (集成电路) without a leading repetition of the unit's name. */
    public static String industryWithoutUnit(String unitName, String chainName) {
        String industry = ChainNames.industry(chainName);
        if (unitName == null || unitName.isBlank()) {
            return industry;
        }
        String[] prefixes = {unitName, shortName(unitName)};
        for (int i = 0; i < prefixes.length; i++) {
            String prefix = prefixes[i];
            if (prefix.length() >= 2 && industry.startsWith(prefix)) {
                String after = industry.substring(prefix.length());
                String rest = after.replaceFirst("^[\\s·・、\\-—]+", "");
                boolean separated = rest.length() < after.length();
                if (!rest.isEmpty() && (i == 0 || separated)) {
                    return rest;
                }
            }
        }
        return industry;
    }

    /** 厦门市 → 厦门, 平潭综合实验区 → 平潭; a name that would become shorter than two characters stays whole. */
    static String shortName(String unitName) {
        for (String suffix : UNIT_SUFFIXES) {
            if (unitName.endsWith(suffix) && unitName.length() - suffix.length() >= 2) {
                return unitName.substring(0, unitName.length() - suffix.length());
            }
        }
        return unitName;
    }
}
