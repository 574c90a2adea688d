package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.document.DocxImporter.Preview;
import cn.fjsti.chainreport.document.DocxImporter.Unit;
import cn.fjsti.chainreport.document.ImportCorpus.Case;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every Word file of the import corpus (src/test/resources/import-corpus: the shared examples, files built by
 * {@link ImportCorpus}, and some of them re-saved by LibreOffice as .docx and .doc) imports to what a clerk
 * expects — its sections, units and the number of things named as not placed, from {@code <file>.expected.json} —
 * and obeys the rule: every piece of text of the file is in the preview exactly once.
 */
class ImportCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/import-corpus");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DocxImporter importer = new DocxImporter(20L * 1024 * 1024);

    @TestFactory
    Stream<DynamicTest> eachFileImportsToWhatTheClerkExpects() throws IOException {
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Preview preview = importer.read(Files.readAllBytes(f));
            JsonNode expected = JSON.readTree(sidecar(f).toFile());
            for (Section s : Section.values()) {
                assertThat(preview.sections().get(s)).as(f.getFileName() + " " + s).isEqualTo(expected.path("sections").path(s.name()).asText(""));
            }
            List<Unit> units = new ArrayList<>();
            for (JsonNode u : expected.path("units")) {
                units.add(new Unit(u.path("name").asText(), u.path("kind").isNull() ? null : UnitKind.valueOf(u.path("kind").asText()),
                        u.path("strength").isNull() ? null : u.path("strength").asText(), u.path("contact").isNull() ? null : u.path("contact").asText()));
            }
            assertThat(preview.units()).as(f.getFileName() + " units").containsExactlyElementsOf(units);
            assertThat(preview.notPlaced()).as(f.getFileName() + " not placed").hasSize(expected.path("notPlaced").asInt());
            List<String> exhibits = new ArrayList<>();
            expected.path("exhibits").forEach(e -> exhibits.add(e.asText()));
            assertThat(preview.exhibits()).as(f.getFileName() + " tables and figures in sections").extracting(ImportCorpusTest::describe)
                    .containsExactlyElementsOf(exhibits);
            assertThat(preview.missingSections()).as(f.getFileName() + " missing").isEmpty();
            assertThat(preview.sourceHeadings().keySet()).as(f.getFileName() + " source headings").containsExactlyInAnyOrder(Section.values());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPieceOfTextLandsExactlyOnce() throws IOException {
        return corpus().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(f);
            String inFile = f.toString().endsWith(".doc") ? FileText.ofDoc(bytes) : FileText.ofDocx(bytes);
            assertThat(FileText.letters(FileText.ofPreview(importer.read(bytes))))
                    .as(f.getFileName() + ": the file's text and the preview's text, character by character")
                    .isEqualTo(FileText.letters(inFile));
        }));
    }

    /** Regenerates the built part of the corpus: {@code -Dcorpus.write=true}. */
    @Test
    @EnabledIfSystemProperty(named = "corpus.write", matches = "true")
    void writeCorpus() throws IOException {
        Files.createDirectories(CORPUS);
        for (Case c : ImportCorpus.all()) {
            Files.write(CORPUS.resolve(c.name() + ".docx"), c.bytes());
            writeExpected(CORPUS.resolve(c.name() + ".expected.json"), c.sections(), c.units(), c.notPlaced(), c.exhibits());
        }
        SharedCases.write(CORPUS);
    }

    /** A table or figure of a preview in one line: kind, section, line, caption, size (the sidecar's {@code exhibits}). */
    static String describe(DocxImporter.Inset e) {
        return e.kind() + " " + e.section() + " after " + e.afterLine() + ": " + e.caption() + (e.captionFound() ? "" : " (no caption)")
                + (e.rows() != null ? " (" + e.rows().size() + "×" + e.rows().get(0).size() + ")"
                : " (" + (e.checked() == null ? e.problem() : e.checked().mediaType() + " " + e.checked().width() + "×" + e.checked().height()) + ")");
    }

    static void writeExpected(Path file, Map<Section, String> sections, List<Unit> units, int notPlaced) throws IOException {
        writeExpected(file, sections, units, notPlaced, List.of());
    }

    static void writeExpected(Path file, Map<Section, String> sections, List<Unit> units, int notPlaced, List<String> exhibits)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("sections");
        for (Section section : Section.values()) {
            s.put(section.name(), sections.getOrDefault(section, ""));
        }
        ArrayNode u = root.putArray("units");
        for (Unit unit : units) {
            ObjectNode n = u.addObject();
            n.put("name", unit.name());
            n.put("kind", unit.kind() == null ? null : unit.kind().name());
            n.put("strength", unit.strength());
            n.put("contact", unit.contact());
        }
        root.put("notPlaced", notPlaced);
        if (!exhibits.isEmpty()) {
            ArrayNode e = root.putArray("exhibits");
            exhibits.forEach(e::add);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".docx") || f.toString().endsWith(".doc"))
                    .filter(f -> Files.exists(sidecar(f))).sorted().toList();
        }
    }

    private static Path sidecar(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
    }

    /** What a clerk expects from the shared examples (../shared/import-cases, README there). */
    static final class SharedCases {
        static void write(Path dir) throws IOException {
            Map<Section, String> base = new EnumMap<>(Section.class);
            base.put(Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大。");
            base.put(Section.COUNTY_TECHNOLOGY, "核心原料药依赖外购。");
            base.put(Section.DOMESTIC_INDUSTRY, "国内生物医药产业保持两位数增长。");
            base.put(Section.DOMESTIC_TECHNOLOGY, "高端制剂与生物药工艺仍是瓶颈。");
            base.put(Section.DOMESTIC_TRENDS, "细胞与基因治疗、合成生物学。");
            base.put(Section.INDUSTRY_MEASURES, "建设专业园区，引育龙头企业。");
            base.put(Section.INNOVATION_DIRECTIONS, "攻关抗体药物连续化生产技术。");
            base.put(Section.UNITS_NOTE, "");
            List<Unit> units = List.of(new Unit("福建医科大学", UnitKind.UNIVERSITY, "创新药物研发", "0591-0000000"),
                    new Unit("某某生物制药有限公司", UnitKind.ENTERPRISE, "生物制品", "李工"));
            for (String name : List.of("02-plain-outline-control", "03a-autonumber-numPr", "04a-gbt9704-level2-paren", "13-strict-ooxml",
                    "20-zero-width-spaces-in-headings")) {
                writeExpected(dir.resolve(name + ".expected.json"), base, units, 0);
            }
            writeExpected(dir.resolve("05-yishi-ershi-enumeration.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，2024年规上产值86亿元。\n一是园区载体不断完善，生物医药港二期建成投用；\n"
                            + "二是国内龙头企业加快在我区布局，产业集聚效应初显；\n三是创新平台数量稳步增加。",
                    Section.COUNTY_TECHNOLOGY, "核心原料药依赖外购，关键设备国产化率低。",
                    Section.INDUSTRY_MEASURES, "一是建设专业园区，完善公共服务平台；\n二是加强与国内外高校院所合作，引进高层次人才；\n三是设立产业引导基金。"), units, 0);
            writeExpected(dir.resolve("06-runin-headings-and-linebreaks.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，2024年规上产值86亿元。",
                    Section.COUNTY_TECHNOLOGY, "核心原料药依赖外购，关键设备国产化率低。"), units, 0);
            writeExpected(dir.resolve("07-tracked-changes.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业2024年规上产值92亿元。",
                    Section.COUNTY_TECHNOLOGY, "关键设备国产化率低。核心原料药依赖外购。"), units.subList(0, 1), 0);
            writeExpected(dir.resolve("08-text-boxes.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，\n2024年规上产值86亿元。",
                    Section.DOMESTIC_INDUSTRY, "国内生物医药产业保持两位数增长，\n创新药获批数量创新高。"), units, 0);
            writeExpected(dir.resolve("09-content-controls.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大。\n2024年规上产值86亿元。"), units, 0);
            // The statistics table stands between the two lines of 一.1 (no 表N line: a placeholder caption to fill in).
            writeExpected(dir.resolve("10-stats-table-in-section.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，主要指标见下表。\n产业集聚效应初显。"), units, 0,
                    List.of("TABLE COUNTY_INDUSTRY after 1: 导入的表格（请补充题注） (no caption) (4×4)"));
            // The chart picture is a figure of 一.1 with the 图1 line below it as its caption.
            writeExpected(dir.resolve("11-image-and-footnote.expected.json"), with(base,
                    Section.COUNTY_INDUSTRY, "海沧区生物医药产业规模逐年扩大，产值走势见下图。",
                    Section.COUNTY_TECHNOLOGY, "2024年规上产值86亿元，核心原料药依赖外购。\n数据来源：海沧区统计局《2024年统计年鉴》。"), units, 0,
                    List.of("FIGURE COUNTY_INDUSTRY after 1: 海沧区生物医药产值走势（2020—2024年） (image/png 4×4)"));
            writeExpected(dir.resolve("12a-units-merged-kind.expected.json"), base, List.of(
                    new Unit("某某生物制药有限公司", UnitKind.ENTERPRISE, "生物制品", "李工 13800000001"),
                    new Unit("某某医疗器械有限公司", UnitKind.ENTERPRISE, "体外诊断", "陈工 13800000002"),
                    new Unit("某某药业股份有限公司", UnitKind.ENTERPRISE, "原料药", "林工 13800000003"),
                    new Unit("福建医科大学", UnitKind.UNIVERSITY, "创新药物研发", "0591-0000000")), 0);
            writeExpected(dir.resolve("12b-units-extra-columns.expected.json"), base, List.of(
                    new Unit("某某生物制药有限公司", UnitKind.ENTERPRISE, "生物制品（海沧区）", "李工 13800000001"),
                    new Unit("福建医科大学", UnitKind.UNIVERSITY, "创新药物研发（福州市）", "王老师 0591-0000000")), 0);
            Map<Section, String> ic = new EnumMap<>(Section.class);
            ic.put(Section.COUNTY_INDUSTRY, "海沧区集成电路产业已形成设计、制造、封测完整链条。\n2024年规上产值120亿元。");
            ic.put(Section.COUNTY_TECHNOLOGY, "高端装备与材料依赖进口。");
            ic.put(Section.DOMESTIC_INDUSTRY, "国内产业规模持续扩大。");
            ic.put(Section.DOMESTIC_TECHNOLOGY, "先进制程与EDA工具仍是瓶颈。");
            ic.put(Section.DOMESTIC_TRENDS, "先进封装、化合物半导体。");
            ic.put(Section.INDUSTRY_MEASURES, "强链补链，培育链主企业。");
            ic.put(Section.INNOVATION_DIRECTIONS, "攻关第三代半导体材料与器件。");
            ic.put(Section.UNITS_NOTE, "");
            writeExpected(dir.resolve("21a-word97.expected.json"), ic, List.of(
                    new Unit("厦门大学", UnitKind.UNIVERSITY, "集成电路设计", "0592-0000000"),
                    new Unit("某某半导体有限公司", UnitKind.ENTERPRISE, "化合物半导体", "张工")), 0);
        }

        private static Map<Section, String> with(Map<Section, String> base, Object... pairs) {
            Map<Section, String> m = new EnumMap<>(base);
            for (int i = 0; i < pairs.length; i += 2) {
                m.put((Section) pairs[i], (String) pairs[i + 1]);
            }
            return m;
        }
    }
}
