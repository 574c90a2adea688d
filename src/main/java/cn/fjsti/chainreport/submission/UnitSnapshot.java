package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.campaign.PilotChain;
import cn.fjsti.chainreport.rules.CompletePackage;
import cn.fjsti.chainreport.rules.OneChainPerCounty;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Everything about one city-level unit's reports in a campaign at one moment: the counties it reviews,
 * every report with its stage, the pilot chains. Answers the rules of the notice: is the package complete
 * (and if not, exactly what is missing), and what goes in it.
 */
public final class UnitSnapshot {

    private final Region unit;
    private final List<Region> counties;
    private final List<Report> reports;
    private final Map<Long, ReportStage> stages;
    private final List<PilotChain> pilots;

    public UnitSnapshot(Region unit, List<Region> counties, List<Report> reports, Map<Long, ReportStage> stages,
                        List<PilotChain> pilots) {
        this.unit = unit;
        this.counties = counties;
        this.reports = reports;
        this.stages = stages;
        this.pilots = pilots;
    }

    public Region unit() {
        return unit;
    }

    public List<Region> counties() {
        return counties;
    }

    public ReportStage stage(Report report) {
        return stages.get(report.id);
    }

    /** What prevents sending ({@link CompletePackage}, the notice's rule); empty when the package is complete. */
    public List<String> missing() {
        return CompletePackage.missing(
                counties.stream().map(c -> new CompletePackage.County(c.code, c.name)).toList(),
                reports.stream().filter(r -> r.kind == Report.Kind.COUNTY)
                        .map(r -> new CompletePackage.CountyReport(r.authorRegion, r.chainKey, covered(r))).toList(),
                cityReports().stream().map(r -> new CompletePackage.UnitReport(r.chainName, r.kind == Report.Kind.MERGED,
                        stage(r) == ReportStage.APPROVED)).toList(),
                pilots.stream().map(p -> new CompletePackage.PilotChain(p.countyCode, p.chainKey, p.chainName)).toList());
    }

    /**
     * Chains that several of the unit's counties wrote and the unit has not merged (the notice's rule: 同一产业链由设区市
     * 统筹合并), one line each, in Chinese; empty when there are none. Only the same chain (same normalised name) counts:
     * similar names are the merge proposals' matter. A warning, not a refusal: a city may have its reasons to keep
     * two reports apart.
     */
    public List<String> repeatedUnmerged() {
        Map<String, List<Report>> byChain = new java.util.LinkedHashMap<>();
        for (Report r : reports) {
            ReportStage stage = stage(r);
            if (r.kind == Report.Kind.COUNTY && r.mergedInto == null && stage != ReportStage.MERGED && stage != ReportStage.WITHDRAWN) {
                byChain.computeIfAbsent(r.chainKey, k -> new java.util.ArrayList<>()).add(r);
            }
        }
        Map<String, String> names = counties.stream().collect(java.util.stream.Collectors.toMap(c -> c.code, c -> c.name, (a, b) -> a));
        List<String> lines = new java.util.ArrayList<>();
        for (List<Report> same : byChain.values()) {
            List<String> who = same.stream().map(r -> names.getOrDefault(r.authorRegion, r.authorRegion)).distinct().toList();
            if (who.size() > 1) {
                lines.add("“" + same.get(0).chainName + "”：" + String.join("、", who) + "都写了这条产业链，尚未合并为一份报告"
                        + "（通知要求同一产业链由设区市统筹合并；确不合并的可忽略此提示）");
            }
        }
        return lines;
    }

    /** The reports the package carries: approved county reports not merged, and the unit's own finished reports. */
    public List<Report> contents() {
        return reports.stream()
                .filter(r -> stage(r) == ReportStage.APPROVED)
                .toList();
    }

    /** County reports in a stage. */
    public long countyReportsIn(ReportStage stage) {
        return reports.stream().filter(r -> r.kind == Report.Kind.COUNTY && stage(r) == stage).count();
    }

    /** Counties that have declared at least one chain. */
    public long countiesDeclared() {
        return counties.stream().filter(c -> OneChainPerCounty.declared(countyReports(c.code).size())).count();
    }

    /** Counties covered by at least one approved or merged report. */
    public long countiesCovered() {
        return counties.stream().filter(c -> countyReports(c.code).stream().anyMatch(this::covered)).count();
    }

    /** A county with work left: no chain declared yet, or a report still being drafted or returned. */
    public boolean unfinished(String countyCode) {
        List<Report> own = countyReports(countyCode);
        return !OneChainPerCounty.declared(own.size()) || own.stream().map(this::stage).anyMatch(ReportStage::editable);
    }

    /**
     * What one county still owes (for 催办): no chain declared, a designated pilot chain not declared, each
     * report not yet submitted, each report returned (by the city or after a reopening) and not submitted again.
     * Empty when the county has nothing left to do.
     */
    public List<String> countyOwes(String countyCode) {
        List<String> owes = new ArrayList<>();
        List<Report> own = countyReports(countyCode);
        if (own.isEmpty()) {
            owes.add("尚未申报本县重点产业链");
        }
        for (PilotChain pilot : pilots) {
            if (pilot.countyCode.equals(countyCode) && own.stream().noneMatch(r -> r.chainKey.equals(pilot.chainKey))) {
                owes.add("试点指定产业链“" + pilot.chainName + "”尚未申报");
            }
        }
        for (Report report : own) {
            if (stage(report) == ReportStage.DRAFTING) {
                owes.add("“" + report.chainName + "”报告尚未提交");
            } else if (stage(report) == ReportStage.RETURNED) {
                owes.add("“" + report.chainName + "”报告已退回，尚未修改后重新提交");
            }
        }
        return owes;
    }

    public List<Report> cityReports() {
        return reports.stream().filter(r -> r.kind.cityWritten() && stage(r) != ReportStage.WITHDRAWN).toList();
    }

    private List<Report> countyReports(String countyCode) {
        return reports.stream().filter(r -> r.kind == Report.Kind.COUNTY && r.authorRegion.equals(countyCode)).toList();
    }

    /** Approved, or merged into a consolidated report that has itself been submitted. */
    private boolean covered(Report report) {
        ReportStage stage = stage(report);
        if (stage == ReportStage.APPROVED) {
            return true;
        }
        return stage == ReportStage.MERGED && reports.stream()
                .filter(byId(report.mergedInto))
                .anyMatch(merged -> stage(merged) == ReportStage.APPROVED);
    }

    private static Predicate<Report> byId(Long id) {
        return r -> Objects.equals(r.id, id);
    }
}
