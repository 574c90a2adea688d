package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxImporterTest {

    private final DocxImporter importer = new DocxImporter(10L * 1024 * 1024);

    @Test
    void shouldReadBackWhatTheServiceWrote() {
        ReportText original = SampleReports.haicang(3);
        DocxImporter.Preview preview = importer.read(ReportRendererTest.render(original));
        for (Section s : Section.values()) {
            assertThat(preview.sections().get(s)).as(s.name()).isEqualTo(original.text(s));
        }
        assertThat(preview.units()).extracting(DocxImporter.Unit::name)
                .containsExactly("厦门大学", "厦门士兰集科微电子有限公司", "福建省集成电路设计中心");
        assertThat(preview.units()).extracting(DocxImporter.Unit::kind)
                .containsExactly(UnitKind.UNIVERSITY, UnitKind.ENTERPRISE, UnitKind.PLATFORM);
        assertThat(preview.units().get(2).contact()).isNull();
        assertThat(preview.unrecognised()).isEmpty();
        assertThat(preview.missingSections()).isEmpty();
    }

    @Test
    void shouldRecogniseHeadingsTypedByHandInWordOrWps() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            String[] lines = {"古田县县域重点产业创新链调研报告", "说明：本报告由县科技局编写。", "一 、古田县县域重点产业发展现状",
                    "１．产业现状；", "古田县食用菌年产量90万吨。", "（2）产业技术发展现状、技术瓶颈", "菌种退化。",
                    "二、食用菌重点产业国内产业发展现状", "1、产业现状", "全国产量4000万吨。", "2. 产业技术发展现状、技术瓶颈", "工厂化水平低。",
                    "3．产业技术发展趋势（方向）", "智能化。", "三．古田县县域重点产业发展对策建议", "1.产业对策建议", "建链强链。",
                    "2.产业科技创新对策建议及技术攻关方向", "攻关菌种选育。", "3.食用菌重点产业科技创新优势单位（团队）"};
            for (String line : lines) {
                doc.createParagraph().createRun().setText(line);
            }
            XWPFTable table = doc.createTable(2, 4);
            String[][] cells = {{"单位名称", "单位性质", "优势领域", "联系人及电话"}, {"福建农林大学", "大学", "菌种选育", "张老师 0591-1"}};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    table.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            doc.write(out);
        }
        DocxImporter.Preview preview = importer.read(out.toByteArray());
        assertThat(preview.sections().get(Section.COUNTY_INDUSTRY)).isEqualTo("古田县食用菌年产量90万吨。");
        assertThat(preview.sections().get(Section.COUNTY_TECHNOLOGY)).isEqualTo("菌种退化。");
        assertThat(preview.sections().get(Section.DOMESTIC_INDUSTRY)).isEqualTo("全国产量4000万吨。");
        assertThat(preview.sections().get(Section.DOMESTIC_TRENDS)).isEqualTo("智能化。");
        assertThat(preview.sections().get(Section.INNOVATION_DIRECTIONS)).isEqualTo("攻关菌种选育。");
        assertThat(preview.units()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("福建农林大学");
            assertThat(u.kind()).isEqualTo(UnitKind.UNIVERSITY);
            assertThat(u.contact()).isEqualTo("张老师 0591-1");
        });
        assertThat(preview.unrecognised()).containsExactly("说明：本报告由县科技局编写。");
        assertThat(preview.missingSections()).isEmpty();
    }

    @Test
    void shouldListWhatItDidNotFind() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("一、某县县域重点产业发展现状");
            doc.createParagraph().createRun().setText("1.产业现状");
            doc.createParagraph().createRun().setText("正文。");
            doc.write(out);
        }
        DocxImporter.Preview preview = importer.read(out.toByteArray());
        assertThat(preview.missingSections()).hasSize(7).contains("第一部分 2.产业技术发展现状、技术瓶颈");
    }

    @Test
    void shouldRefuseFilesThatAreNotDocx() {
        assertRefused(HostileFiles.renamedExe(), 400, "这不是 Word 文档");
        assertRefused("纯文本".getBytes(), 400, "这不是 Word 文档");
        assertRefused(HostileFiles.plainZip(), 400, "无法读取");
        assertRefused(new byte[0], 400, "这不是 Word 文档");
    }

    @Test
    void shouldRefuseOversizeFiles() {
        assertThatThrownBy(() -> new DocxImporter(1024).read(HostileFiles.validDocx()))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(413));
    }

    @Test
    void shouldRefuseAZipBomb() {
        assertRefused(HostileFiles.zipBomb(), 400, "解压后过大");
    }

    @Test
    void shouldRefuseExternalEntities() {
        assertThatThrownBy(() -> importer.read(HostileFiles.externalEntity()))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    private void assertRefused(byte[] bytes, int status, String message) {
        assertThatThrownBy(() -> importer.read(bytes))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(status))
                .satisfies(e -> assertThat(((ApiException) e).fields()).extracting("field").containsExactly("file"));
    }

    @Test
    void shouldPlaceOnlyTablesAndPicturesThatFitAndSayWhyTheOthersDoNot() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            table(doc, java.util.List.of(java.util.List.of("封面表", "x"), java.util.List.of("1", "2")));
            for (String line : new String[] {"古田县县域重点产业创新链调研报告", "一、古田县县域重点产业发展现状", "1.产业现状", "古田县食用菌年产量90万吨。"}) {
                doc.createParagraph().createRun().setText(line);
            }
            java.util.List<java.util.List<String>> tall = new java.util.ArrayList<>();
            for (int r = 0; r < 31; r++) {
                tall.add(java.util.List.of("第" + r + "行", String.valueOf(r)));
            }
            table(doc, tall);
            table(doc, java.util.List.of(java.util.List.of("只有一行", "没有内容")));
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream("GIF89a\u0001\u0000\u0001\u0000".getBytes()),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_GIF, "a.gif", 100, 100);
            doc.createParagraph().createRun().addPicture(new java.io.ByteArrayInputStream(cn.fjsti.chainreport.support.WordFiles.png(20, 10)),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "b.png", 100, 100);
            doc.createParagraph().createRun().setText("图2．古田县银耳产业链图谱");
            doc.createParagraph().createRun().setText("表3、主要企业");
            table(doc, java.util.List.of(java.util.List.of("企业", "产值"), java.util.List.of("某某公司", "x".repeat(201))));
            doc.write(out);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        DocxImporter.Preview preview = importer.read(out.toByteArray());
        assertThat(preview.exhibits()).extracting(ImportCorpusTest::describe)
                .containsExactly("FIGURE COUNTY_INDUSTRY after 1: 古田县银耳产业链图谱 (image/png 20×10)");
        assertThat(preview.notPlaced()).extracting(DocxImporter.NotPlaced::where).satisfiesExactly(
                w -> assertThat(w).contains("文首").contains("不在任何章节中"),
                w -> assertThat(w).contains("1.产业现状").contains("31 行 × 2 列，超过每表 30 行 × 10 列"),
                w -> assertThat(w).contains("表格只有一行"),
                w -> assertThat(w).contains("GIF 图片格式，请另存为 PNG 或 JPEG 后在编辑页添加"),
                w -> assertThat(w).contains("超过 200 字"));
        // A 表N line above a table that is not placed stays text of the section, nothing is lost.
        assertThat(preview.sections().get(Section.COUNTY_INDUSTRY)).isEqualTo("古田县食用菌年产量90万吨。\n表3、主要企业");
        assertThat(preview.notPlaced().get(1).text()).startsWith("第0行 | 0\n第1行 | 1");
    }

    private static void table(XWPFDocument doc, java.util.List<java.util.List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                t.getRow(r).getCell(c).setText(rows.get(r).get(c));
            }
        }
    }

    @Test
    void aUnitNameMergedDownOverSeveralRowsNamesEachOfThem() {
        byte[] docx = new RawDocx().add(RawDocx.p("3.重点产业科技创新优势单位（团队）")).add(RawDocx.table(java.util.List.of(
                java.util.List.of("序号", "单位名称", "类型", "研究领域及优势", "联系方式"),
                java.util.List.of("1", "福建农林大学", "高校", "菌种选育", "张老师"),
                java.util.List.of("2", "^", "^", "菌渣循环利用", "刘老师"),
                java.util.List.of("3", "古田县食用菌研究所", "科研院所", "栽培技术", "林工")))).bytes();
        DocxImporter.Preview preview = importer.read(docx);
        assertThat(preview.units()).extracting(DocxImporter.Unit::name).containsExactly("福建农林大学", "福建农林大学", "古田县食用菌研究所");
        assertThat(preview.units()).extracting(DocxImporter.Unit::kind)
                .containsExactly(UnitKind.UNIVERSITY, UnitKind.UNIVERSITY, UnitKind.INSTITUTE);
        assertThat(preview.units()).extracting(DocxImporter.Unit::strength).containsExactly("菌种选育", "菌渣循环利用", "栽培技术");
        assertThat(preview.notPlaced()).isEmpty();
    }

    @Test
    void aPictureWhosePartIsMissingIsListedAndTheRestImports() throws IOException {
        byte[] withPicture = new RawDocx().add(RawDocx.p("一、古田县县域重点产业发展现状")).add(RawDocx.p("1.产业现状"))
                .add(RawDocx.p("古田县食用菌年产量90万吨。")).add(RawDocx.imageParagraph("产量走势")).image().bytes();
        // The relationship stays, the picture's part is gone (a file a converter or a broken save left behind).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(withPicture));
             var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals("word/media/image1.png")) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    zip.write(in.readAllBytes());
                    zip.closeEntry();
                }
            }
        }
        DocxImporter.Preview preview = importer.read(out.toByteArray());
        assertThat(preview.sections().get(Section.COUNTY_INDUSTRY)).isEqualTo("古田县食用菌年产量90万吨。");
        assertThat(preview.notPlaced()).singleElement().satisfies(n -> assertThat(n.where()).contains("产量走势"));
    }
}
