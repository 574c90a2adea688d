package cn.fjsti.chainreport.document;

import static cn.fjsti.chainreport.document.RawDocx.boldRun;
import static cn.fjsti.chainreport.document.RawDocx.esc;
import static cn.fjsti.chainreport.document.RawDocx.numbered;
import static cn.fjsti.chainreport.document.RawDocx.p;
import static cn.fjsti.chainreport.document.RawDocx.pXml;
import static cn.fjsti.chainreport.document.RawDocx.run;
import static cn.fjsti.chainreport.document.RawDocx.styled;
import static cn.fjsti.chainreport.document.RawDocx.table;

import cn.fjsti.chainreport.document.DocxImporter.Unit;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Word files of every kind clerks produce, built part by part, each with what the import must find in it. Written
 * to src/test/resources/import-corpus by {@link ImportCorpusTest#writeCorpus} (with -Dcorpus.write=true), next to
 * the shared examples; the corpus test reads the files back from there.
 */
final class ImportCorpus {

    private ImportCorpus() {
    }

    /** One file and what a clerk expects from it. */
    record Case(String name, byte[] bytes, Map<Section, String> sections, List<Unit> units, int notPlaced, List<String> exhibits) {
        Case(String name, byte[] bytes, Map<Section, String> sections, List<Unit> units, int notPlaced) {
            this(name, bytes, sections, units, notPlaced, List.of());
        }
    }

    /** A unit row as written: kind label as the clerk typed it, contact person and phone. */
    record Row(String name, String kindLabel, UnitKind kind, String strength, String person, String phone, String place) {
    }

    /** A report's content. */
    record Spec(String county, String industry, Map<Section, List<String>> body, List<Row> rows) {
        Map<Section, String> expected() {
            Map<Section, String> m = new EnumMap<>(Section.class);
            for (Section s : Section.values()) {
                m.put(s, String.join("\n", body.getOrDefault(s, List.of())));
            }
            return m;
        }

        List<Unit> units(boolean separateContact, boolean place) {
            return rows.stream().map(r -> new Unit(r.name, r.kind, place && r.place != null ? r.strength + "（" + r.place + "）" : r.strength,
                    blankToNull(join(r.person, r.phone)))).toList();
        }

        Spec with(Section s, String... lines) {
            Map<Section, List<String>> b = new EnumMap<>(body);
            b.put(s, List.of(lines));
            return new Spec(county, industry, b, rows);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String join(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        return b == null || b.isEmpty() ? a : a + " " + b;
    }

    static Spec haicang() {
        Map<Section, List<String>> b = new EnumMap<>(Section.class);
        b.put(Section.COUNTY_INDUSTRY, List.of("海沧区生物医药产业规模逐年扩大，2024年规上产值86亿元。", "生物医药港二期建成投用，集聚企业120余家。"));
        b.put(Section.COUNTY_TECHNOLOGY, List.of("核心原料药依赖外购，关键设备国产化率低。"));
        b.put(Section.DOMESTIC_INDUSTRY, List.of("国内生物医药产业保持两位数增长。"));
        b.put(Section.DOMESTIC_TECHNOLOGY, List.of("高端制剂与生物药工艺仍是瓶颈。", "高端培养基、层析介质依赖进口。"));
        b.put(Section.DOMESTIC_TRENDS, List.of("细胞与基因治疗、合成生物学。"));
        b.put(Section.INDUSTRY_MEASURES, List.of("建设专业园区，引育龙头企业。"));
        b.put(Section.INNOVATION_DIRECTIONS, List.of("攻关抗体药物连续化生产技术。", "攻关mRNA疫苗递送系统。"));
        b.put(Section.UNITS_NOTE, List.of());
        return new Spec("海沧区", "生物医药", b, List.of(
                new Row("福建医科大学", "高校", UnitKind.UNIVERSITY, "创新药物研发", "王老师", "0591-22860000", "福州市"),
                new Row("厦门某某生物制药有限公司", "企业", UnitKind.ENTERPRISE, "生物制品", "李工", "13800000001", "海沧区"),
                new Row("厦门生物医药公共服务平台", "创新平台", UnitKind.PLATFORM, "中试与检测", "陈工", "0592-6880000", "海沧区")));
    }

    static Spec gutian() {
        Map<Section, List<String>> b = new EnumMap<>(Section.class);
        b.put(Section.COUNTY_INDUSTRY, List.of("古田县食用菌年产量90万吨，银耳产量占全国九成。"));
        b.put(Section.COUNTY_TECHNOLOGY, List.of("菌种退化，工厂化水平低。", "精深加工技术薄弱。"));
        b.put(Section.DOMESTIC_INDUSTRY, List.of("全国食用菌产量4000万吨。"));
        b.put(Section.DOMESTIC_TECHNOLOGY, List.of("育种与装备技术落后于国际先进水平。"));
        b.put(Section.DOMESTIC_TRENDS, List.of("智能化工厂化栽培。", "功能成分提取与高值化利用。"));
        b.put(Section.INDUSTRY_MEASURES, List.of("建链强链，培育龙头企业。"));
        b.put(Section.INNOVATION_DIRECTIONS, List.of("攻关银耳菌种选育。"));
        b.put(Section.UNITS_NOTE, List.of());
        return new Spec("古田县", "食用菌", b, List.of(
                new Row("福建农林大学", "高等院校", UnitKind.UNIVERSITY, "菌种选育", "张老师", "0591-83789000", "福州市"),
                new Row("古田县食用菌研究所", "科研院所", UnitKind.INSTITUTE, "栽培技术", "林工", "0593-3880000", "古田县"),
                new Row("福建某某菌业有限公司", "企业", UnitKind.ENTERPRISE, "工厂化栽培", "吴经理", "13900000002", "古田县")));
    }

    static Spec jinjiang() {
        Map<Section, List<String>> b = new EnumMap<>(Section.class);
        b.put(Section.COUNTY_INDUSTRY, List.of("晋江市纺织鞋服产业集群规模超3000亿元。"));
        b.put(Section.COUNTY_TECHNOLOGY, List.of("高端面料与智能制造装备依赖进口。"));
        b.put(Section.DOMESTIC_INDUSTRY, List.of("国内纺织服装产业加快转型升级。", "品牌集中度提高。"));
        b.put(Section.DOMESTIC_TECHNOLOGY, List.of("功能性纤维与绿色印染技术存在短板。"));
        b.put(Section.DOMESTIC_TRENDS, List.of("数字化设计、柔性制造、绿色低碳。"));
        b.put(Section.INDUSTRY_MEASURES, List.of("培育链主企业，建设公共技术服务平台。", "推动产业数字化转型。"));
        b.put(Section.INNOVATION_DIRECTIONS, List.of("攻关高性能运动鞋材。"));
        b.put(Section.UNITS_NOTE, List.of());
        return new Spec("晋江市", "纺织鞋服", b, List.of(
                new Row("某某体育用品有限公司", "企业", UnitKind.ENTERPRISE, "运动鞋服研发", "黄工", "0595-85000000", "晋江市"),
                new Row("泉州师范学院", "高校", UnitKind.UNIVERSITY, "纺织材料", "蔡老师", "0595-22910000", "泉州市"),
                new Row("福建省鞋业技术创新中心", "创新平台", UnitKind.PLATFORM, "鞋材检测", "", "0595-85600000", "晋江市")));
    }

    // ---------------------------------------------------------------- how a file is written

    /** How headings and tables are written; each kind of file changes one or two of these. */
    static final class Style {
        List<String> before = List.of();
        Function<Spec, String> title = s -> p(s.county + "县域重点产业创新链调研报告");
        BiFunction<Integer, String, String> part = (i, text) -> p("一二三".charAt(i - 1) + "、" + text);
        BiFunction<Section, String, String> section = (s, text) -> p(s.heading("").charAt(0) + "." + text);
        Function<String, String> bodyLine = RawDocx::p;
        Function<Spec, String> unitsTable = ImportCorpus::standardTable;
        /** Run-in heading: the heading and the section's first line in one paragraph; null when not run in. */
        BiFunction<String, String, String> runIn;
        Map<Section, List<String>> extraAfterHeading = new EnumMap<>(Section.class);
        Map<Integer, List<String>> afterPart = new LinkedHashMap<>();
        List<String> after = List.of();
        boolean personalised;
    }

    static String partText(Spec s, int part, boolean personalised) {
        return switch (part) {
            case 1 -> s.county + (personalised ? s.industry + "产业发展现状" : "县域重点产业发展现状");
            case 2 -> s.industry + "重点产业国内产业发展现状";
            default -> s.county + (personalised ? s.industry + "产业发展对策建议" : "县域重点产业发展对策建议");
        };
    }

    static String sectionText(Spec s, Section sec, boolean personalised) {
        String h = sec.heading(s.industry).substring(2);
        if (!personalised) {
            return h;
        }
        return switch (sec) {
            case COUNTY_INDUSTRY, COUNTY_TECHNOLOGY, INDUSTRY_MEASURES, INNOVATION_DIRECTIONS -> s.county + s.industry + h;
            case DOMESTIC_INDUSTRY, DOMESTIC_TECHNOLOGY -> "2024年国内" + s.industry + h;
            case DOMESTIC_TRENDS -> s.industry + h;
            default -> h;
        };
    }

    static byte[] write(Spec s, Style st, RawDocx doc) {
        st.before.forEach(doc::add);
        doc.add(st.title.apply(s));
        Section[] sections = Section.values();
        int part = 0;
        for (Section sec : sections) {
            if (sec.part() != part) {
                part = sec.part();
                doc.add(st.part.apply(part, partText(s, part, st.personalised)));
                st.afterPart.getOrDefault(part, List.of()).forEach(doc::add);
            }
            List<String> lines = s.body.getOrDefault(sec, List.of());
            String heading = sectionText(s, sec, st.personalised);
            int from = 0;
            if (st.runIn != null && !lines.isEmpty()) {
                doc.add(st.runIn.apply(sec.heading("").charAt(0) + "." + heading, lines.get(0)));
                from = 1;
            } else {
                doc.add(st.section.apply(sec, heading));
            }
            st.extraAfterHeading.getOrDefault(sec, List.of()).forEach(doc::add);
            for (int i = from; i < lines.size(); i++) {
                doc.add(st.bodyLine.apply(lines.get(i)));
            }
            if (sec == Section.UNITS_NOTE) {
                doc.add(st.unitsTable.apply(s));
            }
        }
        st.after.forEach(doc::add);
        return doc.bytes();
    }

    static String standardTable(Spec s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式"));
        int i = 1;
        for (Row r : s.rows) {
            rows.add(List.of(String.valueOf(i++), r.name, r.kindLabel, r.strength, join(r.person, r.phone)));
        }
        return table(rows);
    }

    // ---------------------------------------------------------------- the corpus

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        Spec[] specs = {haicang(), gutian(), jinjiang()};
        String[] keys = {"haicang", "gutian", "jinjiang"};

        // Typed numbering of every kind GB/T 9704 and clerks use, for parts and sections.
        String[][] numberings = {
                {"一、", "1."}, {"一、", "（一）"}, {"第一部分 ", "1、"}, {"一 ", "１．"}, {"一.", "(1)"}, {"", ""},
                {"（一）", "1."}, {"一、", "（1）"}, {"一、", "1、"}};
        for (int n = 0; n < numberings.length; n++) {
            String[] num = numberings[n];
            Spec s = specs[n % 3];
            Style st = new Style();
            st.part = (i, text) -> p(numeral(num[0], i) + text);
            st.section = (sec, text) -> p(numeral(num[1], sectionNumber(sec)) + text);
            cases.add(new Case("g-numbering-" + (n + 1) + "-" + keys[n % 3], write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
        }

        // Headings personalised with county, chain and year.
        for (int n = 0; n < 3; n++) {
            Spec s = specs[n];
            Style st = new Style();
            st.personalised = true;
            int k = n;
            st.section = (sec, text) -> p(k == 1 ? "（" + "一二三".charAt(sectionNumber(sec) - 1) + "）" + text : sectionNumber(sec) + "." + text);
            cases.add(new Case("g-personalised-" + keys[n], write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
        }

        // Word's automatic numbering: the number is not in the text (on the paragraph, or in a heading style).
        for (int n = 0; n < 2; n++) {
            Spec s = specs[n];
            Style st = new Style();
            st.part = (i, text) -> numbered(0, text);
            st.section = (sec, text) -> numbered(1, text);
            cases.add(new Case("g-autonumber-numPr-" + keys[n], write(s, st, new RawDocx().numbering(NUMBERING)), s.expected(), s.units(false, false), 0));
        }
        {
            Spec s = jinjiang();
            Style st = new Style();
            st.part = (i, text) -> styled("Heading1", text);
            st.section = (sec, text) -> styled("Heading2", text);
            cases.add(new Case("g-heading-styles-numbered-in-style", write(s, st, new RawDocx().styles(HEADING_STYLES).numbering(NUMBERING)),
                    s.expected(), s.units(false, false), 0));
            Spec g = gutian();
            Style outline = new Style();
            outline.part = (i, text) -> pXml("<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" + run(text));
            outline.section = (sec, text) -> pXml("<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>" + run(text));
            cases.add(new Case("g-outline-levels-no-numbers", write(g, outline, new RawDocx()), g.expected(), g.units(false, false), 0));
        }

        // Invisible characters: zero-width spaces, no-break and full-width spaces, BOM, inside headings.
        for (int n = 0; n < 2; n++) {
            Spec s = specs[n];
            Style st = new Style();
            st.part = (i, text) -> p("\u200B" + "一二三".charAt(i - 1) + "、\u3000" + text.substring(0, 2) + "\u200B" + text.substring(2));
            st.section = (sec, text) -> p(sectionNumber(sec) + ".\u00A0" + text.charAt(0) + "\u200C" + text.substring(1) + "\uFEFF");
            cases.add(new Case("g-invisible-" + keys[n], write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
        }

        // Body points that look like numbering stay in their section.
        {
            Spec s = haicang()
                    .with(Section.COUNTY_TECHNOLOGY, "主要瓶颈有三：", "一是核心原料药依赖外购；", "二是国内同类企业竞争加剧，产业发展现状不容乐观；", "三是高端人才不足。")
                    .with(Section.INDUSTRY_MEASURES, "（1）建设专业园区；", "（2）引育龙头企业；", "①设立产业基金；", "②完善公共服务平台。")
                    .with(Section.DOMESTIC_TRENDS, "第一，细胞与基因治疗；", "第二，合成生物学；", "其三，AI辅助药物研发。");
            cases.add(new Case("g-body-points-haicang", write(s, new Style(), new RawDocx()), s.expected(), s.units(false, false), 0));
            Spec g = gutian()
                    .with(Section.COUNTY_TECHNOLOGY, "（1）关键技术瓶颈", "菌种退化严重。", "（2）国内产业现状对比", "工厂化水平低于国内先进地区。")
                    .with(Section.DOMESTIC_INDUSTRY, "一要稳产保供；", "二要提质增效。");
            cases.add(new Case("g-body-points-subheadings-gutian", write(g, new Style(), new RawDocx()), g.expected(), g.units(false, false), 0));
        }

        // Heading and text in one paragraph: 。 ： bold, Shift+Enter.
        {
            Spec s = gutian();
            Style st = new Style();
            st.runIn = (h, first) -> p(h + "。" + first);
            cases.add(new Case("g-runin-period-gutian", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
            Spec j = jinjiang();
            Style colon = new Style();
            colon.runIn = (h, first) -> pXml(boldRun(h + "：") + run(first));
            cases.add(new Case("g-runin-bold-colon-jinjiang", write(j, colon, new RawDocx()), j.expected(), j.units(false, false), 0));
            Spec h = haicang();
            Style br = new Style();
            br.runIn = (head, first) -> pXml(run(head) + "<w:r><w:br/></w:r>" + run(first));
            cases.add(new Case("g-runin-linebreak-haicang", write(h, br, new RawDocx()), h.expected(), h.units(false, false), 0));
            Style all = new Style();
            all.runIn = (head, first) -> pXml(boldRun(head) + "<w:r><w:br/></w:r>" + run(first));
            cases.add(new Case("g-runin-bold-linebreak-jinjiang", write(j, all, new RawDocx()), j.expected(), j.units(false, false), 0));
        }

        // Text boxes (modern with VML fallback, VML only), content controls, fields, hyperlinks.
        {
            Spec s = jinjiang();
            Style st = new Style();
            st.bodyLine = line -> line.startsWith("国内纺织") ? textBoxWithFallback(line) : line.startsWith("高端面料") ? vmlTextBox(line) : p(line);
            cases.add(new Case("g-text-boxes-jinjiang", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
            Spec g = gutian();
            Style cc = new Style();
            cc.bodyLine = line -> line.startsWith("菌种") || line.startsWith("建链")
                    ? "<w:sdt><w:sdtPr><w:alias w:val=\"正文\"/></w:sdtPr><w:sdtContent>" + p(line) + "</w:sdtContent></w:sdt>"
                    : line.startsWith("全国") ? pXml("<w:sdt><w:sdtPr><w:tag w:val=\"产量\"/></w:sdtPr><w:sdtContent>" + run(line) + "</w:sdtContent></w:sdt>")
                    : p(line);
            cc.unitsTable = spec -> standardTable(spec).replaceFirst("(</w:tr>)(<w:tr>.*)(</w:tbl>)",
                    "$1<w:sdt><w:sdtPr><w:alias w:val=\"优势单位\"/></w:sdtPr><w:sdtContent>$2</w:sdtContent></w:sdt>$3");
            cases.add(new Case("g-content-controls-gutian", write(g, cc, new RawDocx()), g.expected(), g.units(false, false), 0));
            Spec f = haicang().with(Section.COUNTY_INDUSTRY, "截至2024年底，规上产值86亿元。", "详见海沧区政府网站。");
            Style fields = new Style();
            fields.bodyLine = line -> line.startsWith("截至")
                    ? pXml(run("截至") + "<w:fldSimple w:instr=\" DOCPROPERTY 年份 \">" + run("2024") + "</w:fldSimple>" + run("年底，规上产值")
                    + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> = 80+6 </w:instrText></w:r>"
                    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("86") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run("亿元。"))
                    : line.startsWith("详见") ? pXml(run("详见") + "<w:hyperlink r:id=\"rIdX\" w:history=\"1\">" + run("海沧区政府网站") + "</w:hyperlink>" + run("。"))
                    : p(line);
            cases.add(new Case("g-fields-hyperlinks-haicang", write(f, fields, new RawDocx()), f.expected(), f.units(false, false), 0));
        }

        // Tracked changes: read as after "accept all".
        {
            Spec s = gutian().with(Section.COUNTY_INDUSTRY, "古田县食用菌年产量95万吨，银耳产量占全国九成。")
                    .with(Section.COUNTY_TECHNOLOGY, "精深加工技术薄弱。", "菌种退化，工厂化水平低。");
            Style st = new Style();
            st.bodyLine = line -> switch (line) {
                case "古田县食用菌年产量95万吨，银耳产量占全国九成。" -> pXml(run("古田县食用菌年产量") + del("90") + ins("95")
                        + run("万吨，银耳产量占全国九成。")) + pXml("<w:pPr><w:rPr><w:del w:id=\"77\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\"/></w:rPr></w:pPr>"
                        + del("旧数据段落，已删除。"));
                case "精深加工技术薄弱。" -> pXml("<w:moveTo w:id=\"81\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\">" + run(line) + "</w:moveTo>");
                case "菌种退化，工厂化水平低。" -> pXml(run(line) + "<w:moveFrom w:id=\"82\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\">"
                        + run("精深加工技术薄弱。") + "</w:moveFrom>");
                default -> p(line);
            };
            st.unitsTable = spec -> standardTable(spec).replace("</w:tbl>", "<w:tr><w:trPr><w:del w:id=\"90\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\"/></w:trPr>"
                    + "<w:tc>" + pXml(del("4")) + "</w:tc><w:tc>" + pXml(del("已注销的某公司")) + "</w:tc><w:tc>" + pXml(del("企业")) + "</w:tc><w:tc>"
                    + pXml(del("原料")) + "</w:tc><w:tc>" + pXml(del("王工")) + "</w:tc></w:tr></w:tbl>");
            cases.add(new Case("g-tracked-changes-gutian", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
            Spec j = jinjiang().with(Section.INDUSTRY_MEASURES, "培育链主企业，建设公共技术服务平台。", "推动产业数字化转型。", "新增：设立鞋服产业基金。");
            Style ins = new Style();
            ins.bodyLine = line -> line.startsWith("新增") ? pXml("<w:pPr><w:rPr><w:ins w:id=\"5\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\"/></w:rPr></w:pPr>" + ins(line))
                    : line.startsWith("推动") ? pXml(run("推动") + del("传统") + run("产业数字化转型。")) : p(line);
            cases.add(new Case("g-tracked-insertions-jinjiang", write(j, ins, new RawDocx()), j.expected(), j.units(false, false), 0));
        }

        // Footnotes and endnotes: clean text, as notes of their section.
        {
            Spec s = haicang();
            Spec expected = s.with(Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，2024年规上产值86亿元。", "生物医药港二期建成投用，集聚企业120余家。",
                    "数据来源：海沧区统计局。").with(Section.DOMESTIC_TRENDS, "细胞与基因治疗、合成生物学。", "参见《“十四五”生物经济发展规划》。");
            Style st = new Style();
            st.bodyLine = line -> line.startsWith("海沧区生物医药产业规模")
                    ? pXml(run(line) + "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>")
                    : line.startsWith("细胞") ? pXml(run(line) + "<w:r><w:endnoteReference w:id=\"1\"/></w:r>") : p(line);
            RawDocx doc = new RawDocx()
                    .footnotes("<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" + run(" 数据来源：海沧区统计局。") + "</w:p></w:footnote>")
                    .endnotes("<w:endnote w:id=\"1\"><w:p><w:r><w:endnoteRef/></w:r>" + run("参见《“十四五”生物经济发展规划》。") + "</w:p></w:endnote>");
            cases.add(new Case("g-footnotes-endnotes-haicang", write(s, st, doc), expected.expected(), s.units(false, false), 0));
        }

        // Images and statistics tables in sections: figures and tables of their section, never read as units.
        {
            Spec s = jinjiang();
            Style st = new Style();
            st.extraAfterHeading.put(Section.COUNTY_INDUSTRY, List.of(RawDocx.imageParagraph("晋江鞋服产业链图谱")));
            st.extraAfterHeading.put(Section.DOMESTIC_INDUSTRY, List.of(table(List.of(List.of("指标", "单位", "2023年", "2024年"),
                    List.of("规上企业数", "家", "3100", "3300"), List.of("营业收入", "亿元", "52000", "54000")))));
            cases.add(new Case("g-image-and-stats-table-jinjiang", write(s, st, new RawDocx().image()), s.expected(), s.units(false, false), 0,
                    List.of("FIGURE COUNTY_INDUSTRY after 0: 晋江鞋服产业链图谱 (no caption) (image/png 1×1)",
                            "TABLE DOMESTIC_INDUSTRY after 0: 导入的表格（请补充题注） (no caption) (3×4)")));
            Spec g = gutian();
            Style two = new Style();
            two.extraAfterHeading.put(Section.COUNTY_INDUSTRY, List.of(table(List.of(List.of("<4 表1 古田县食用菌主要指标"), List.of("指标", "单位", "2023年", "2024年"),
                    List.of("产量", "万吨", "88", "90"), List.of("产值", "亿元", "210", "226")))));
            two.extraAfterHeading.put(Section.COUNTY_TECHNOLOGY, List.of(table(List.of(List.of("环节", "瓶颈", "对策"),
                    List.of("菌种", "退化", "选育")))));
            cases.add(new Case("g-two-stats-tables-gutian", write(g, two, new RawDocx()), g.expected(), g.units(false, false), 0,
                    List.of("TABLE COUNTY_INDUSTRY after 0: 古田县食用菌主要指标 (3×4)",
                            "TABLE COUNTY_TECHNOLOGY after 0: 导入的表格（请补充题注） (no caption) (2×3)")));
        }

        // Units tables of every shape.
        {
            Spec s = haicang();
            Style caption = new Style();
            caption.unitsTable = spec -> {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("<5 表2 " + spec.industry + "重点产业科技创新优势单位（团队）"));
                rows.add(List.of("序号", "单位名称", "单位类型", "优势领域", "联系人及电话"));
                int i = 1;
                for (Row r : spec.rows) {
                    rows.add(List.of(String.valueOf(i++), r.name, r.kindLabel, r.strength, join(r.person, r.phone)));
                }
                return table(rows);
            };
            cases.add(new Case("g-units-caption-row-haicang", write(s, caption, new RawDocx()), s.expected(), s.units(false, false), 0));

            Spec g = gutian();
            Style extra = new Style();
            extra.unitsTable = spec -> {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("序号", "单位名称", "所在地", "单位性质", "研究领域及优势", "联系人", "联系电话"));
                int i = 1;
                for (Row r : spec.rows) {
                    rows.add(List.of(String.valueOf(i++), r.name, r.place, r.kindLabel, r.strength, r.person, r.phone));
                }
                return table(rows);
            };
            cases.add(new Case("g-units-extra-columns-gutian", write(g, extra, new RawDocx()), g.expected(), g.units(true, true), 0));

            Spec m = new Spec("海沧区", "生物医药", haicang().body, List.of(
                    new Row("厦门某某生物制药有限公司", "企业", UnitKind.ENTERPRISE, "生物制品", "李工", "13800000001", null),
                    new Row("厦门某某医疗器械有限公司", "企业", UnitKind.ENTERPRISE, "体外诊断", "陈工", "13800000002", null),
                    new Row("厦门大学", "高等院校", UnitKind.UNIVERSITY, "抗体工程", "林老师", "0592-2180000", null),
                    new Row("福建医科大学", "高等院校", UnitKind.UNIVERSITY, "药理学", "王老师", "0591-22860000", null)));
            Style merged = new Style();
            merged.unitsTable = spec -> table(List.of(
                    List.of("单位（团队）名称", "类型", "研究领域及优势", "联系方式"),
                    List.of("厦门某某生物制药有限公司", "企业", "生物制品", "李工 13800000001"),
                    List.of("厦门某某医疗器械有限公司", "^", "体外诊断", "陈工 13800000002"),
                    List.of("厦门大学", "高等院校", "抗体工程", "林老师 0592-2180000"),
                    List.of("福建医科大学", "^", "药理学", "王老师 0591-22860000")));
            cases.add(new Case("g-units-merged-kind-no-seq-haicang", write(m, merged, new RawDocx()), m.expected(), m.units(false, false), 0));

            Spec syn = new Spec("晋江市", "纺织鞋服", jinjiang().body, List.of(
                    new Row("某某体育用品股份有限公司", "民营企业", UnitKind.ENTERPRISE, "运动鞋服", "黄工", "0595-85000000", null),
                    new Row("华侨大学", "大学", UnitKind.UNIVERSITY, "纺织材料", "", "0595-22690000", null),
                    new Row("福建省纺织科学研究院", "科研机构", UnitKind.INSTITUTE, "功能纤维", "许工", "", null),
                    new Row("晋江鞋服产业创新团队", "团队", UnitKind.TEAM, "智能制造", "", "", null),
                    new Row("晋江市鞋业技术创新中心", "技术创新中心", UnitKind.PLATFORM, "鞋材检测", "", "", null)));
            Style synonyms = new Style();
            synonyms.unitsTable = spec -> {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("单位名称", "单位性质", "优势领域", "联系人", "电话"));
                for (Row r : spec.rows) {
                    rows.add(List.of(r.name, r.kindLabel, r.strength, r.person, r.phone));
                }
                return table(rows);
            };
            cases.add(new Case("g-units-kind-synonyms-jinjiang", write(syn, synonyms, new RawDocx()), syn.expected(), syn.units(true, false), 0));
        }

        // Text around the outline: a note before the title, a part's introduction, text after the units table.
        {
            Spec s = gutian();
            Style st = new Style();
            st.before = List.of(p("附件2"));
            st.afterPart.put(2, List.of(p("本部分资料来自中国食用菌协会。")));
            st.after = List.of(p("古田县科学技术局"), p("2025年9月30日"));
            Spec expected = s.with(Section.UNITS_NOTE, "古田县科学技术局", "2025年9月30日");
            cases.add(new Case("g-text-outside-sections-gutian", write(s, st, new RawDocx()), expected.expected(), s.units(false, false), 2));
            Spec j = jinjiang();
            Style missingPart = new Style();
            missingPart.part = (i, text) -> i == 2 ? "" : p("一二三".charAt(i - 1) + "、" + text);
            cases.add(new Case("g-part-heading-missing-jinjiang", write(j, missingPart, new RawDocx()), j.expected(), j.units(false, false), 0));
        }

        // Everything typed with Shift+Enter in one paragraph (pasted from a web page or WeChat).
        {
            Spec s = haicang();
            List<String> lines = new ArrayList<>();
            lines.add(s.county + "县域重点产业创新链调研报告");
            int part = 0;
            for (Section sec : Section.values()) {
                if (sec.part() != part) {
                    part = sec.part();
                    lines.add("一二三".charAt(part - 1) + "、" + partText(s, part, false));
                }
                lines.add(sec.heading(s.industry));
                lines.addAll(s.body.get(sec));
            }
            StringBuilder x = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                x.append(i == 0 ? "" : "<w:r><w:br/></w:r>").append(run(lines.get(i)));
            }
            RawDocx doc = new RawDocx().add(pXml(x.toString())).add(standardTable(s));
            cases.add(new Case("g-one-paragraph-line-breaks-haicang", doc.bytes(), s.expected(), s.units(false, false), 0));
        }
        // A table of contents (Word's TOC field: heading text, a tab and the page number) before the body.
        {
            Spec s = haicang();
            Style st = new Style();
            st.title = spec -> {
                StringBuilder toc = new StringBuilder(p(spec.county + "县域重点产业创新链调研报告") + p("目录"));
                toc.append("<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent>");
                int page = 1;
                for (int part = 1; part <= 3; part++) {
                    toc.append(pXml(run("一二三".charAt(part - 1) + "、" + partText(spec, part, false)) + "<w:r><w:tab/></w:r>" + run(String.valueOf(page++))));
                }
                toc.append("</w:sdtContent></w:sdt>");
                return toc.toString();
            };
            cases.add(new Case("g-table-of-contents-haicang", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 4));
        }

        // More numbering: half-width (一), decimal 1.1 sections under 1. parts.
        {
            Spec s = gutian();
            Style st = new Style();
            st.part = (i, text) -> p("第" + "一二三".charAt(i - 1) + "部分 " + text);
            st.section = (sec, text) -> p("(" + "一二三".charAt(sectionNumber(sec) - 1) + ")" + text);
            cases.add(new Case("g-numbering-halfwidth-paren-gutian", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
            Spec j = jinjiang();
            Style dec = new Style();
            dec.part = (i, text) -> p(i + ". " + text);
            dec.section = (sec, text) -> p(sec.part() + "." + sectionNumber(sec) + " " + text);
            cases.add(new Case("g-numbering-decimal-jinjiang", write(j, dec, new RawDocx()), j.expected(), j.units(false, false), 0));
        }

        // A units table continued on the next page (header repeated in a second table), a row without a name, a
        // kind the outline does not know.
        {
            Spec s = new Spec("晋江市", "纺织鞋服", jinjiang().body, List.of(
                    new Row("某某体育用品有限公司", "企业", UnitKind.ENTERPRISE, "运动鞋服研发", "黄工", "0595-85000000", null),
                    new Row("泉州师范学院", "高校", UnitKind.UNIVERSITY, "纺织材料", "蔡老师", "0595-22910000", null),
                    new Row("晋江市鞋服行业协会", "行业协会", null, "标准制定", "", "0595-85111111", null)));
            Style st = new Style();
            st.unitsTable = spec -> table(List.of(List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式"),
                    List.of("1", "某某体育用品有限公司", "企业", "运动鞋服研发", "黄工 0595-85000000"),
                    List.of("2", "泉州师范学院", "高校", "纺织材料", "蔡老师 0595-22910000")))
                    + p("（续表）")
                    + table(List.of(List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式"),
                    List.of("3", "晋江市鞋服行业协会", "行业协会", "标准制定", "0595-85111111"),
                    List.of("4", "", "", "待补充", "")));
            Spec expected = s.with(Section.UNITS_NOTE, "（续表）");
            cases.add(new Case("g-units-continued-table-jinjiang", write(s, st, new RawDocx()), expected.expected(), s.units(false, false), 1));
        }
        // Session 22 (a newcomer's files): decimal part numbering 1./1.1 with parts in the county's own words.
        {
            Spec g = gutian();
            Style dec = new Style();
            dec.personalised = true;
            dec.part = (i, text) -> p(i + "." + text);
            dec.section = (sec, text) -> p(sec.part() + "." + sectionNumber(sec) + text);
            cases.add(new Case("g-decimal-personalised-parts-gutian", write(g, dec, new RawDocx()), g.expected(), g.units(false, false), 0));
        }

        // Heading styles one level down (标题 1 title, 标题 2 parts, 标题 3 sections), parts in the county's own words,
        // typed 一、 numbering or none.
        {
            Spec j = jinjiang();
            Style typed = new Style();
            typed.personalised = true;
            typed.title = s -> styled("Heading1", s.county + "县域重点产业创新链调研报告");
            typed.part = (i, text) -> styled("Heading2", "一二三".charAt(i - 1) + "、" + text);
            typed.section = (sec, text) -> styled("Heading3", "（" + "一二三".charAt(sectionNumber(sec) - 1) + "）" + text);
            cases.add(new Case("g-shifted-heading-styles-typed-jinjiang", write(j, typed, new RawDocx().styles(SHIFTED_STYLES)),
                    j.expected(), j.units(false, false), 0));
            Spec h = haicang();
            Style plain = new Style();
            plain.personalised = true;
            plain.title = s -> styled("Heading1", s.county + "县域重点产业创新链调研报告");
            plain.part = (i, text) -> styled("Heading2", text);
            plain.section = (sec, text) -> styled("Heading3", text);
            cases.add(new Case("g-shifted-heading-styles-plain-haicang", write(h, plain, new RawDocx().styles(SHIFTED_STYLES)),
                    h.expected(), h.units(false, false), 0));
        }

        // Run-in headings ended by other marks: full-width period, dash, space, ideographic space, comma, exclamation.
        {
            Spec s = haicang();
            Style st = new Style();
            String[] marks = {"．", "——", " ", "\u3000", "，", "！", "—", "? "};
            int[] n = {0};
            st.runIn = (heading, line) -> p(heading + marks[n[0]++ % marks.length] + line);
            cases.add(new Case("g-runin-other-marks-haicang", write(s, st, new RawDocx()), s.expected(), s.units(false, false), 0));
        }

        // The trends heading as counties word it.
        {
            String[] trends = {"产业技术发展趋势（发展方向）", "产业技术发展趋势与发展方向", "产业技术发展方向及趋势"};
            for (int t = 0; t < trends.length; t++) {
                Spec g = gutian();
                Style st = new Style();
                String heading = trends[t];
                st.section = (sec, text) -> p(sec.heading("").charAt(0) + "." + (sec == Section.DOMESTIC_TRENDS ? heading : text));
                cases.add(new Case("g-trends-heading-" + (t + 1) + "-gutian", write(g, st, new RawDocx()), g.expected(), g.units(false, false), 0));
            }
        }

        // A table of enterprises in 一.1 (名称, 性质, 产值): a data table of its section, not the units table.
        {
            Spec j = jinjiang();
            Style st = new Style();
            st.extraAfterHeading.put(Section.COUNTY_INDUSTRY, List.of(table(List.of(List.of("企业名称", "企业性质", "2024年营收（亿元）"),
                    List.of("某某体育用品有限公司", "民营", "120.5"), List.of("某某鞋业股份有限公司", "股份制", "86.3")))));
            cases.add(new Case("g-enterprise-table-in-section-jinjiang", write(j, st, new RawDocx()), j.expected(), j.units(false, false), 0,
                    List.of("TABLE COUNTY_INDUSTRY after 0: 导入的表格（请补充题注） (no caption) (3×3)")));
        }

        // A units table with a two-row header: 联系方式 spanning 联系人 and 联系电话, 序号 … merged down.
        {
            Spec g = gutian();
            Style st = new Style();
            st.unitsTable = spec -> {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "<2 联系方式"));
                rows.add(List.of("^", "^", "^", "^", "联系人", "联系电话"));
                int i = 1;
                for (Row r : spec.rows) {
                    rows.add(List.of(String.valueOf(i++), r.name, r.kindLabel, r.strength, r.person, r.phone));
                }
                return table(rows);
            };
            cases.add(new Case("g-units-two-row-header-gutian", write(g, st, new RawDocx()), g.expected(), g.units(false, false), 0));
        }

        // Text boxes in groups (DrawingML and VML), a picture and its caption box in a group.
        {
            Spec h = haicang();
            Style st = new Style();
            st.bodyLine = line -> line.startsWith("海沧区生物医药产业规模") ? drawingGroup(line, "生物医药港二期建成投用，集聚企业120余家。")
                    : line.startsWith("生物医药港") ? "" : line.startsWith("高端制剂") ? vmlGroup(line, "高端培养基、层析介质依赖进口。")
                    : line.startsWith("高端培养基") ? "" : p(line);
            st.extraAfterHeading.put(Section.DOMESTIC_INDUSTRY, List.of(pictureGroup("图1 国内生物医药产值走势")));
            Spec expected = h.with(Section.DOMESTIC_INDUSTRY, "国内生物医药产业保持两位数增长。");
            cases.add(new Case("g-grouped-shapes-haicang", write(h, st, new RawDocx().image()), expected.expected(), h.units(false, false), 0,
                    List.of("FIGURE DOMESTIC_INDUSTRY after 0: 国内生物医药产值走势 (image/png 1×1)")));
        }

        // Tracked changes: a paragraph whose mark is deleted (joined to the next) keeps its footnote; 拼音指南 keeps both.
        {
            Spec g = gutian();
            Style st = new Style();
            st.bodyLine = line -> line.equals("菌种退化，工厂化水平低。")
                    ? "<w:p><w:pPr><w:rPr><w:del w:id=\"91\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\"/></w:rPr></w:pPr>" + run("菌种退化，")
                    + "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
                    : line.equals("精深加工技术薄弱。") ? p("工厂化水平低。精深加工技术薄弱。")
                    : line.startsWith("全国食用菌") ? pXml(run("全国食用菌产量4000万吨，") + "<w:r><w:ruby><w:rubyPr><w:hps w:val=\"10\"/></w:rubyPr>"
                    + "<w:rt><w:r><w:t>ěr</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>耳</w:t></w:r></w:rubyBase></w:ruby></w:r>" + run("类居多。"))
                    : p(line);
            Spec expected = g.with(Section.COUNTY_TECHNOLOGY, "菌种退化，工厂化水平低。精深加工技术薄弱。", "菌种来源：古田县食用菌研究所。")
                    .with(Section.DOMESTIC_INDUSTRY, "全国食用菌产量4000万吨，耳（ěr）类居多。");
            RawDocx doc = new RawDocx().footnotes("<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" + run(" 菌种来源：古田县食用菌研究所。")
                    + "</w:p></w:footnote>");
            cases.add(new Case("g-deleted-mark-footnote-ruby-gutian", write(g, st, doc), expected.expected(), g.units(false, false), 0));
        }

        // A page header with the bureau's name (listed, not placed), a footer with the page number only (nothing), and a
        // one-cell frame around text and a statistics table in 一.1 (read as the section's own).
        {
            Spec j = jinjiang();
            Style st = new Style();
            st.extraAfterHeading.put(Section.COUNTY_INDUSTRY, List.of("<w:tbl><w:tr><w:tc>" + p("专栏：主要指标")
                    + table(List.of(List.of("指标", "2023年", "2024年"), List.of("产值（亿元）", "3100", "3300"))) + p("数据来源：晋江市统计局。")
                    + "</w:tc></w:tr></w:tbl>"));
            Spec expected = j.with(Section.COUNTY_INDUSTRY, "专栏：主要指标", "数据来源：晋江市统计局。", "晋江市纺织鞋服产业集群规模超3000亿元。");
            RawDocx doc = new RawDocx().header(p("晋江市科学技术局（征求意见稿）")).footer(pXml(run("— ") + "<w:fldSimple w:instr=\" PAGE \">"
                    + run("1") + "</w:fldSimple>" + run(" —")));
            cases.add(new Case("g-header-and-frame-jinjiang", write(j, st, doc), expected.expected(), j.units(false, false), 1,
                    List.of("TABLE COUNTY_INDUSTRY after 1: 导入的表格（请补充题注） (no caption) (2×3)")));
        }
        return cases;
    }

    /** A DrawingML group of two text boxes, one line each. */
    private static String drawingGroup(String first, String second) {
        return pXml("<w:r><w:drawing><wp:anchor><wp:extent cx=\"5400000\" cy=\"1200000\"/><wp:docPr id=\"21\" name=\"组合 21\"/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>"
                + textBoxShape(first) + textBoxShape(second) + "</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>");
    }

    private static String textBoxShape(String line) {
        return "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:txbx><w:txbxContent>" + p(line) + "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>";
    }

    /** A VML group of two text boxes (as converters and older Word write them). */
    private static String vmlGroup(String first, String second) {
        return pXml("<w:r><w:pict><v:group id=\"g5\" coordsize=\"425,142\"><v:shape id=\"t5\" type=\"#_x0000_t202\"><v:textbox><w:txbxContent>"
                + p(first) + "</w:txbxContent></v:textbox></v:shape><v:shape id=\"t6\" type=\"#_x0000_t202\"><v:textbox><w:txbxContent>" + p(second)
                + "</w:txbxContent></v:textbox></v:shape></v:group></w:pict></w:r>");
    }

    /** A DrawingML group of a picture and a text box holding its caption. */
    private static String pictureGroup(String caption) {
        return pXml("<w:r><w:drawing><wp:anchor><wp:extent cx=\"3600000\" cy=\"2400000\"/><wp:docPr id=\"22\" name=\"组合 22\"/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>"
                + "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"31\" name=\"chart.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg1\"/>"
                + "</pic:blipFill><pic:spPr/></pic:pic>" + textBoxShape(caption) + "</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>");
    }

    /** Heading styles for the title, the parts and the sections: 标题 1, 2, 3. */
    static final String SHIFTED_STYLES = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/></w:style>";

    private static String del(String text) {
        return "<w:del w:id=\"" + Math.abs(text.hashCode() % 1000) + "\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\"><w:r><w:delText xml:space=\"preserve\">"
                + esc(text) + "</w:delText></w:r></w:del>";
    }

    private static String ins(String text) {
        return "<w:ins w:id=\"" + Math.abs(text.hashCode() % 1000 + 1000) + "\" w:author=\"a\" w:date=\"2026-09-01T00:00:00Z\">" + run(text) + "</w:ins>";
    }

    private static String textBoxWithFallback(String line) {
        String content = "<w:txbxContent>" + p(line) + "</w:txbxContent>";
        return pXml("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:extent cx=\"5400000\" cy=\"900000\"/>"
                + "<wp:docPr id=\"3\" name=\"文本框 3\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
                + "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:txbx>" + content + "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
                + "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id=\"t3\" type=\"#_x0000_t202\"><v:textbox>" + content
                + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>");
    }

    private static String vmlTextBox(String line) {
        return pXml("<w:r><w:pict><v:shape id=\"t4\" type=\"#_x0000_t202\"><v:textbox><w:txbxContent>" + p(line)
                + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>");
    }

    static int sectionNumber(Section s) {
        return s.heading("").charAt(0) - '0';
    }

    /** Writes number i in the style of the given example (一、 （一） 1. １． (1) 第一部分 …). */
    static String numeral(String example, int i) {
        if (example.isEmpty()) {
            return "";
        }
        String cn = String.valueOf("一二三".charAt(i - 1));
        return example.replace("一", cn).replace("1", String.valueOf(i)).replace("１", String.valueOf((char) ('０' + i)));
    }

    static final String NUMBERING = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
            + "<w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
            + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

    static final String HEADING_STYLES = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr>"
            + "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr>"
            + "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
}
