package cn.fjsti.chainreport.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a city-level unit's package must hold before it is sent (闽科高〔2024〕135号, 一、1 and the closing
 * paragraph: 汇总各县（市、区）以及连同本单位牵头编写的《调研报告》上报): every county meets
 * {@link OneChainPerCounty}; every pilot county's designated chains are finished ({@link PilotCountyChains});
 * every report the unit writes itself (牵头编写, or a merged report) is submitted and approved. Asked by
 * submission.UnitSnapshot#missing, which the send action (refused with 422 while anything is missing), the
 * package view and the institute's board all read.
 */
public final class CompletePackage {

    private CompletePackage() {
    }

    /** A county of the unit. */
    public record County(String code, String name) {
    }

    /**
     * A county's report: its chain and whether it is finished (approved, or merged into a consolidated report
     * that has been approved).
     */
    public record CountyReport(String countyCode, String chainKey, boolean finished) {
    }

    /** A report the unit writes itself (withdrawn ones left out): its chain, whether merged, whether approved. */
    public record UnitReport(String chainName, boolean merged, boolean approved) {
    }

    /** A chain designated for a pilot county. */
    public record PilotChain(String countyCode, String chainKey, String chainName) {
    }

    /** What keeps the package from being sent, in Chinese, one line each; empty when it may be sent. */
    public static List<String> missing(List<County> counties, List<CountyReport> countyReports, List<UnitReport> unitReports,
                                       List<PilotChain> pilots) {
        Map<String, List<CountyReport>> byCounty = countyReports.stream().collect(Collectors.groupingBy(CountyReport::countyCode));
        List<String> missing = new ArrayList<>();
        for (County county : counties) {
            List<CountyReport> own = byCounty.getOrDefault(county.code(), List.of());
            String unmet = OneChainPerCounty.unmet(county.name(), own.size(), own.stream().filter(CountyReport::finished).count());
            if (unmet != null) {
                missing.add(unmet);
            }
        }
        Map<String, String> names = counties.stream().collect(Collectors.toMap(County::code, County::name, (a, b) -> a));
        for (PilotChain pilot : pilots) {
            Set<String> finished = byCounty.getOrDefault(pilot.countyCode(), List.of()).stream()
                    .filter(CountyReport::finished).map(CountyReport::chainKey).collect(Collectors.toSet());
            if (!PilotCountyChains.missing(Map.of(pilot.chainKey(), pilot.chainName()), finished).isEmpty()) {
                missing.add(PilotCountyChains.packageMissing(names.getOrDefault(pilot.countyCode(), pilot.countyCode()), pilot.chainName()));
            }
        }
        for (UnitReport report : unitReports) {
            if (!report.approved()) {
                missing.add("本级报告“" + report.chainName() + "”" + (report.merged() ? "（合并报告）" : "") + "尚未提交");
            }
        }
        return missing;
    }
}
