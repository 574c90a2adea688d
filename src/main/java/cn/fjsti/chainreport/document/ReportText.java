package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.report.Exhibit;
import cn.fjsti.chainreport.report.ExhibitMarkers;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a document needs of a report, detached from the database: title, names for the headings,
 * the eight sections and the units table; {@code authorCode} is the author's GB/T 2260 code (a bundle's order),
 * {@code authorUnit} the unit's full name (the file's author); {@code coverage} names the counties of a consolidated
 * report; {@code unitCounties}, for a consolidated report, the county (or counties, 海沧区、翔安区) each row of
 * {@code units} came from, by position ("" for a row the city added), empty for other reports; {@code exhibits} the
 * report's own tables and figures its sections' marker lines place, by id.
 */
public record ReportText(Long id, String title, String authorCode, String authorName, String authorUnit,
                         boolean cityWritten, String chainName, Map<Section, String> sections, List<StrengthUnit> units,
                         List<String> coverage, List<String> unitCounties, Map<Long, ExhibitRenderer.Item> exhibits) {

    /** A report without tables or figures, and no county per units row. */
    public ReportText(Long id, String title, String authorCode, String authorName, String authorUnit, boolean cityWritten,
                      String chainName, Map<Section, String> sections, List<StrengthUnit> units, List<String> coverage) {
        this(id, title, authorCode, authorName, authorUnit, cityWritten, chainName, sections, units, coverage, List.of(), Map.of());
    }

    /** A consolidated report without tables or figures. */
    public ReportText(Long id, String title, String authorCode, String authorName, String authorUnit, boolean cityWritten,
                      String chainName, Map<Section, String> sections, List<StrengthUnit> units, List<String> coverage,
                      List<String> unitCounties) {
        this(id, title, authorCode, authorName, authorUnit, cityWritten, chainName, sections, units, coverage, unitCounties, Map.of());
    }

    /** A report with tables or figures, and no county per units row. */
    public ReportText(Long id, String title, String authorCode, String authorName, String authorUnit, boolean cityWritten,
                      String chainName, Map<Section, String> sections, List<StrengthUnit> units, List<String> coverage,
                      Map<Long, ExhibitRenderer.Item> exhibits) {
        this(id, title, authorCode, authorName, authorUnit, cityWritten, chainName, sections, units, coverage, List.of(), exhibits);
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
                sections, report.units.stream().map(StrengthUnit::copy).toList(), coverage, unitCounties,
                exhibits(report.id, sections));
    }

    /** The report's own tables and figures its text places, read now (inside the caller's transaction). */
    private static Map<Long, ExhibitRenderer.Item> exhibits(Long reportId, Map<Section, String> sections) {
        List<Long> ids = sections.values().stream().flatMap(t -> ExhibitMarkers.refs(t).stream()).map(ExhibitMarkers.Ref::id).toList();
        if (ids.isEmpty() || reportId == null) {
            return Map.of();
        }
        Map<Long, ExhibitRenderer.Item> items = new HashMap<>();
        Exhibit.ofReport(reportId, ids).forEach((id, e) -> items.put(id, new ExhibitRenderer.Item(id,
                e.kind == Exhibit.Kind.FIGURE, e.caption, e.rows(), e.image(), e.mediaType,
                e.pixelWidth == null ? 0 : e.pixelWidth, e.pixelHeight == null ? 0 : e.pixelHeight)));
        return items;
    }

    public String industry() {
        return ChainNames.industry(chainName);
    }

    public String text(Section section) {
        return sections.getOrDefault(section, "");
    }
}
