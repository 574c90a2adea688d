package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import cn.fjsti.chainreport.report.UnitKind;
import java.io.OutputStream;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;

/**
 * Writes reports in the outline of the notice's attachment, in the official format: one report, a city's
 * bundle (cover, contents, every report), and the compilation of bottlenecks and research directions.
 */
public final class ReportRenderer {

    static final List<String> UNIT_HEADER = List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式");
    /**
     * Sized for their content at 4号: 序号 holds two characters, 类型 four (科研院所, 创新平台) on one line, 联系方式 a
     * mobile number or "0592-2180000" unbroken; the name and the field share the rest.
     */
    static final List<Integer> UNIT_WIDTHS = List.of(9, 24, 17, 23, 27);
    /** 序号 and 类型 are centred. */
    static final Set<Integer> UNIT_CENTRED = Set.of(0, 2);

    /**
     * A bundle's order: the unit's own reports first, then the counties' in GB/T 2260 code order; one author's
     * reports by chain name in pinyin order.
     */
    static final Comparator<ReportText> BUNDLE_ORDER = Comparator.comparing((ReportText r) -> !r.cityWritten())
            .thenComparing(ReportText::authorCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.chainName() == null ? "" : r.chainName(), Collator.getInstance(Locale.CHINA))
            .thenComparing(ReportText::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final OfficialFormat format;

    public ReportRenderer(OfficialFormat format) {
        this.format = format;
    }

    public void report(ReportText report, OutputStream out) {
        try (OfficialDocument doc = new OfficialDocument(format)) {
            doc.properties(report.title() + "（" + report.chainName() + "）", report.authorUnit());
            body(doc, report);
            doc.write(out);
        }
    }

    /** A bundle's cover: the unit (its region's name and its full name), the campaign, the date sent in Chinese. */
    public record Cover(String regionName, String unitFullName, String campaignTitle, String dateText) {
    }

    /**
     * A city's package as one document: a cover and a contents page without page numbers, then every report on a
     * new page, numbered from 1, in {@link #BUNDLE_ORDER}.
     */
    public void bundle(Cover cover, List<ReportText> reports, OutputStream out) {
        List<ReportText> ordered = reports.stream().sorted(BUNDLE_ORDER).toList();
        String title = cover.regionName() + "县域重点产业创新链调研报告汇编";
        try (OfficialDocument doc = new OfficialDocument(format)) {
            doc.properties(title + "（" + cover.campaignTitle() + "）", cover.unitFullName());
            doc.coverTitle(title, 4);
            doc.coverSubtitle("（" + cover.campaignTitle() + "）");
            doc.spaceBefore(doc.plain(cover.unitFullName(), ParagraphAlignment.CENTER), 8);
            doc.plain(cover.dateText(), ParagraphAlignment.CENTER);
            doc.plain("共" + ordered.size() + "份调研报告", ParagraphAlignment.CENTER);
            List<OfficialDocument.ContentsEntry> entries = new ArrayList<>();
            for (ReportText r : ordered) {
                entries.add(new OfficialDocument.ContentsEntry(r.title(), 1));
                entries.add(new OfficialDocument.ContentsEntry(subtitle(r), 2));
            }
            doc.contents("目　　录", entries);
            doc.endUnnumberedSection();
            if (ordered.isEmpty()) {
                doc.text("尚无调研报告。");
            }
            for (int i = 0; i < ordered.size(); i++) {
                if (i > 0) {
                    doc.startNewPage();
                }
                body(doc, ordered.get(i));
            }
            doc.write(out);
        }
    }

    /** One passage of the compilation: a report's bottlenecks and research directions, attributed. */
    public record CompilationEntry(ReportText report, String attribution) {
    }

    /** By industry category: each report's 一.2 and 二.2 (bottlenecks) and 三.2 (research directions). */
    public void compilation(String title, Map<String, List<CompilationEntry>> byCategory, OutputStream out) {
        String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"};
        try (OfficialDocument doc = new OfficialDocument(format)) {
            doc.properties(title, "福建省科学技术信息研究所");
            doc.title(title);
            doc.subtitle("（供编制项目申报指南参考）");
            if (byCategory.isEmpty()) {
                doc.text("尚无已报送的调研报告。");
            }
            int c = 0;
            for (Map.Entry<String, List<CompilationEntry>> category : byCategory.entrySet()) {
                doc.heading1(numerals[Math.min(c++, numerals.length - 1)] + "、" + category.getKey());
                int n = 1;
                for (CompilationEntry entry : category.getValue()) {
                    ReportText r = entry.report();
                    doc.heading3(n++ + "." + r.chainName() + "（" + entry.attribution() + "）");
                    ExhibitRenderer exhibits = new ExhibitRenderer(doc, r.exhibits());
                    passage(doc, exhibits, "（一）县域产业技术瓶颈", r.text(Section.COUNTY_TECHNOLOGY));
                    passage(doc, exhibits, "（二）国内产业技术瓶颈", r.text(Section.DOMESTIC_TECHNOLOGY));
                    passage(doc, exhibits, "（三）技术攻关方向", r.text(Section.INNOVATION_DIRECTIONS));
                }
            }
            doc.write(out);
        }
    }

    private static void passage(OfficialDocument doc, ExhibitRenderer exhibits, String heading, String text) {
        doc.heading2(heading);
        exhibits.text(text == null || text.isBlank() ? "（未填写）" : text);
    }

    /** The line under a report's title: its chain, and for a merged report the counties it merges. */
    static String subtitle(ReportText r) {
        return r.coverage().isEmpty() ? "（" + r.chainName() + "）"
                : "（" + r.chainName() + "，合并" + String.join("、", r.coverage()) + "的调研报告）";
    }

    private static void body(OfficialDocument doc, ReportText report) {
        doc.title(report.title());
        doc.subtitle(subtitle(report));
        ExhibitRenderer exhibits = new ExhibitRenderer(doc, report.exhibits());
        int part = 0;
        for (Section section : Section.values()) {
            if (section.part() != part) {
                part = section.part();
                doc.heading1(section.partHeading(report.authorName(), report.industry(), report.cityWritten()));
            }
            doc.heading3(section.heading(report.industry()));
            exhibits.text(report.text(section));
            if (section == Section.UNITS_NOTE) {
                doc.keepLastWithNext();
                doc.table(UNIT_HEADER, unitRows(report.units()), UNIT_WIDTHS, UNIT_CENTRED);
            }
        }
    }

    private static List<List<String>> unitRows(List<StrengthUnit> units) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            StrengthUnit u = units.get(i);
            rows.add(List.of(String.valueOf(i + 1), nz(u.name), u.kind == null ? "" : u.kind.label(), nz(u.strength), nz(u.contact)));
        }
        return rows;
    }

    static UnitKind kindOf(String label) {
        String l = label == null ? "" : label.strip();
        for (UnitKind kind : UnitKind.values()) {
            if (kind.label().equals(l) || kind.name().equalsIgnoreCase(l)) {
                return kind;
            }
        }
        if (l.contains("企业") || l.contains("公司")) {
            return UnitKind.ENTERPRISE;
        }
        if (l.contains("高校") || l.contains("大学") || l.contains("学院")) {
            return UnitKind.UNIVERSITY;
        }
        if (l.contains("院所") || l.contains("研究所") || l.contains("研究院")) {
            return UnitKind.INSTITUTE;
        }
        if (l.contains("平台") || l.contains("中心") || l.contains("实验室")) {
            return UnitKind.PLATFORM;
        }
        if (l.contains("团队")) {
            return UnitKind.TEAM;
        }
        return l.equals("其他") ? UnitKind.OTHER : null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
