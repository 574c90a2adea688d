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

    /** What the compilation's front says: title, the line under it, when the data was taken. */
    public record CompilationHeading(String title, String subtitle, String dataAsOf) {
    }

    static final List<String> SUMMARY_HEADER = List.of("产业类别", "产业链（条）", "县（市、区）（个）", "技术瓶颈（条）", "研究方向（条）");
    static final List<Integer> SUMMARY_WIDTHS = List.of(26, 16, 26, 16, 16);

    /**
     * The compilation as items ({@link Compilation}): title; a summary table (categories × chains, counties,
     * bottlenecks, directions, with the uncategorised row and totals); a contents page (TOC field over categories and
     * chains); then by category (一、), chain (（一）), kind (1.技术瓶颈 / 2.研究方向), each item （1） with who named it and
     * how many.
     */
    public void compilation(CompilationHeading heading, Compilation compilation, OutputStream out) {
        try (OfficialDocument doc = new OfficialDocument(format)) {
            doc.properties(heading.title(), "福建省科学技术信息研究所");
            doc.title(heading.title());
            doc.subtitle(heading.subtitle());
            List<List<String>> rows = new ArrayList<>();
            int chains = 0;
            int bottlenecks = 0;
            int directions = 0;
            Compilation.Category uncategorised = null;
            for (Compilation.Category c : compilation.categories()) {
                rows.add(List.of(c.uncategorised() ? c.name() + "（未归类）" : c.name(), String.valueOf(c.chains().size()),
                        String.valueOf(c.counties()), String.valueOf(c.groupCount(Compilation.Kind.BOTTLENECK)),
                        String.valueOf(c.groupCount(Compilation.Kind.DIRECTION))));
                chains += c.chains().size();
                bottlenecks += c.groupCount(Compilation.Kind.BOTTLENECK);
                directions += c.groupCount(Compilation.Kind.DIRECTION);
                if (c.uncategorised()) {
                    uncategorised = c;
                }
            }
            rows.add(List.of("合计", String.valueOf(chains), String.valueOf(compilation.counties()),
                    String.valueOf(bottlenecks), String.valueOf(directions)));
            doc.plain("表1　各产业类别条目汇总", ParagraphAlignment.CENTER);
            doc.keepLastWithNext();
            doc.table(SUMMARY_HEADER, rows, SUMMARY_WIDTHS, Set.of(1, 2, 3, 4));
            int others = uncategorised == null ? 0 : uncategorised.chains().size();
            doc.paragraph("注：县（市、区）数不含市本级报告；合计栏为不重复的个数。未归入产业类别的产业链" + others + "条"
                    + (others == 0 ? "。" : "（" + String.join("、", uncategorised.chains().stream().map(Compilation.Chain::name).toList())
                    + "），列于“其他”。"));
            doc.paragraph("本汇编收录" + heading.dataAsOf() + "各设区市（平潭综合实验区）已报送的" + compilation.reports() + "份调研报告，涉及"
                    + compilation.cities() + "个设区市、" + compilation.counties() + "个县（市、区）。按产业类别、产业链列出各报告"
                    + "“技术瓶颈”（一.2、二.2）和“技术攻关方向”（三.2）中的条目，按作者自己的编号拆分，无编号时按句拆分；"
                    + "每条注明提出的县（市、区）及个数，意思相同的条目（字符二元组相似度不低于" + Math.round(Compilation.SAME_ITEM * 100)
                    + "%）合并为一条，提出次数多的在前。");
            List<OfficialDocument.ContentsEntry> entries = new ArrayList<>();
            List<Compilation.Category> shown = compilation.categories().stream().filter(c -> !c.chains().isEmpty()).toList();
            for (int i = 0; i < shown.size(); i++) {
                // Until Word or WPS update the field, entries without their numbers (a contents line is no heading).
                entries.add(new OfficialDocument.ContentsEntry(shown.get(i).name(), 1));
                for (Compilation.Chain chain : shown.get(i).chains()) {
                    entries.add(new OfficialDocument.ContentsEntry(chain.name(), 2));
                }
            }
            doc.contents("目　　录", entries, OfficialDocument.HEADING1, OfficialDocument.HEADING2);
            // The items are written as they are made, never held in POI's tree (issue 23: 500 with OutOfMemoryError).
            doc.write(out, body -> {
                body.startNewPage();
                if (shown.isEmpty()) {
                    body.paragraph(OfficialDocument.BODY, "尚无已报送的调研报告。");
                }
                for (int i = 0; i < shown.size(); i++) {
                    Compilation.Category category = shown.get(i);
                    body.paragraph(OfficialDocument.HEADING1, categoryHeading(i + 1, category));
                    for (int j = 0; j < category.chains().size(); j++) {
                        Compilation.Chain chain = category.chains().get(j);
                        body.paragraph(OfficialDocument.HEADING2, chainHeading(j + 1, chain));
                        body.paragraph(OfficialDocument.BODY, "报告来源：" + sources(chain.sources()) + "。");
                        int k = 1;
                        for (Compilation.Kind kind : Compilation.Kind.values()) {
                            List<Compilation.Group> groups = chain.groups().get(kind);
                            body.paragraph(OfficialDocument.HEADING3, k++ + "." + kind.label() + "（" + groups.size() + "条）");
                            if (groups.isEmpty()) {
                                body.paragraph(OfficialDocument.BODY, "报告中未提出。");
                            }
                            for (int g = 0; g < groups.size(); g++) {
                                Compilation.Group group = groups.get(g);
                                List<Compilation.Source> who = group.sources();
                                body.paragraph(OfficialDocument.BODY,
                                        "（" + (g + 1) + "）" + group.text() + "（" + sources(who) + "；计" + who.size() + "个）");
                            }
                        }
                    }
                }
            });
        }
    }

    private static String categoryHeading(int n, Compilation.Category c) {
        return ChineseNumerals.of(n) + "、" + c.name();
    }

    private static String chainHeading(int n, Compilation.Chain chain) {
        return "（" + ChineseNumerals.of(n) + "）" + chain.name();
    }

    /** 厦门市海沧区、翔安区，泉州市晋江市: counties after their city, cities in order of first mention. */
    static String sources(List<Compilation.Source> sources) {
        Map<String, List<String>> byCity = new java.util.LinkedHashMap<>();
        for (Compilation.Source s : sources) {
            byCity.computeIfAbsent(s.city(), k -> new ArrayList<>()).add(s.county());
        }
        List<String> parts = new ArrayList<>();
        byCity.forEach((city, counties) -> parts.add(city + String.join("、", counties)));
        return String.join("，", parts);
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
            boolean merged = !report.coverage().isEmpty();
            if (section == Section.UNITS_NOTE && merged) {
                exhibits.text(mergedUnitsNote(report.text(section)));
                doc.keepLastWithNext();
                doc.table(MERGED_UNIT_HEADER, mergedUnitRows(report), MERGED_UNIT_WIDTHS, MERGED_UNIT_CENTRED);
                continue;
            }
            exhibits.text(report.text(section));
            if (section == Section.UNITS_NOTE) {
                doc.keepLastWithNext();
                doc.table(UNIT_HEADER, unitRows(report.units()), UNIT_WIDTHS, UNIT_CENTRED);
            }
        }
    }

    /** A merged report's units table: which county listed each unit, from the merged reports. */
    static final List<String> MERGED_UNIT_HEADER = List.of("序号", "单位（团队）名称", "所属县（市、区）", "类型", "研究领域及优势", "联系方式");
    /**
     * Per cent of the 156 mm text block, for 4号 (14 pt, 4.94 mm a character) text with the cells' default margins
     * (3.8 mm): 序号 on one line (≥ 13.7 mm), 类型 holds 科研院所 on one line (≥ 23.6 mm), 所属县（市、区） a county name
     * and its 、 on one line (≥ 23.6 mm); 联系方式 a landline unbroken (seen on the rendered page: at 25 % LibreOffice
     * broke 0592-2180000 at its hyphen, at 26 % it stays whole).
     */
    static final List<Integer> MERGED_UNIT_WIDTHS = List.of(9, 17, 15, 16, 17, 26);
    static final Set<Integer> MERGED_UNIT_CENTRED = Set.of(0, 2, 3);
    /** A county's sentence introducing its own table ("本区…优势单位如下表。"): wrong over a table of several counties. */
    private static final java.util.regex.Pattern OWN_TABLE = java.util.regex.Pattern.compile("[如见详]下表|下表所示|见表|如表");

    /**
     * A merged report's note over the units table: the counties' own sentences introducing "their" table are left out
     * (each would attribute every unit to one county), other note text stays under its 【县名】; one line introduces
     * the table, whose 所属县（市、区） column says where each unit came from.
     */
    static String mergedUnitsNote(String note) {
        List<String> kept = new ArrayList<>();
        for (String line : (note == null ? "" : note).split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || OWN_TABLE.matcher(l).find()) {
                continue;
            }
            if (!kept.isEmpty() && kept.get(kept.size() - 1).matches("【[^】]+】") && l.matches("【[^】]+】")) {
                kept.set(kept.size() - 1, l);
            } else {
                kept.add(l);
            }
        }
        if (!kept.isEmpty() && kept.get(kept.size() - 1).matches("【[^】]+】")) {
            kept.remove(kept.size() - 1);
        }
        kept.add("各县（市、区）提出的科技创新优势单位（团队）如下表，“所属县（市、区）”栏为列出该单位的县（市、区）。");
        return String.join("\n", kept);
    }

    private static List<List<String>> mergedUnitRows(ReportText report) {
        List<List<String>> rows = new ArrayList<>();
        List<StrengthUnit> units = report.units();
        for (int i = 0; i < units.size(); i++) {
            StrengthUnit u = units.get(i);
            String county = i < report.unitCounties().size() ? report.unitCounties().get(i) : "";
            rows.add(List.of(String.valueOf(i + 1), nz(u.name), county.isEmpty() ? "市级补充" : county,
                    u.kind == null ? "" : u.kind.label(), nz(u.strength), nz(u.contact)));
        }
        return rows;
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
