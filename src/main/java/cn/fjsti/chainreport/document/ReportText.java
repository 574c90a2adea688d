package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a document needs of a report, detached from the database: title, names for the headings,
 * the eight sections and the units table; {@code authorCode} is the author's GB/T 2260 code (a bundle's order),
 * {@code authorUnit} the unit's full name (the file's author); {@code coverage} names the counties of a consolidated
 * report; {@code unitCounties}, for a consolidated report, the county (or counties, 海沧区、翔安区) each row of
 * {@code units} came from, by position ("" for a row the city added); empty for other reports.
 */
public record ReportText(Long id, String title, String authorCode, String authorName, String authorUnit,
                         boolean cityWritten, String chainName, Map<Section, String> sections, List<StrengthUnit> units,
                         List<String> coverage, List<String> unitCounties) {

    public ReportText(Long id, String title, String authorCode, String authorName, String authorUnit, boolean cityWritten,
                      String chainName, Map<Section, String> sections, List<StrengthUnit> units, List<String> coverage) {
        this(id, title, authorCode, authorName, authorUnit, cityWritten, chainName, sections, units, coverage, List.of());
    }

    public static ReportText of(Report report, String authorName, String authorUnit, List<String> coverage) {
        return of(report, authorName, authorUnit, coverage, List.of());
    }

    public static ReportText of(Report report, String authorName, String authorUnit, List<String> coverage,
                                List<String> unitCounties) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            String text = s.read(report.content());
            sections.put(s, text == null ? "" : text);
        }
        return new ReportText(report.id, report.title(authorName), report.authorRegion, authorName, authorUnit,
                report.kind.cityWritten(), report.chainName,
                sections, report.units.stream().map(StrengthUnit::copy).toList(), coverage, unitCounties);
    }

    public String industry() {
        return ChainNames.industry(chainName);
    }

    public String text(Section section) {
        return sections.getOrDefault(section, "");
    }
}
