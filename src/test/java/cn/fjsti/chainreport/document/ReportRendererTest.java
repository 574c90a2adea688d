package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** Renders a report and reopens it with POI: text, fonts, sizes, margins, spacing, page numbers, table. */
class ReportRendererTest {

    private static final OfficialFormat FORMAT = OfficialFormat.load(Optional.empty());

    static byte[] render(ReportText report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).report(report, out);
        return out.toByteArray();
    }

    private static XWPFDocument reopen(byte[] bytes) throws IOException {
        Files.createDirectories(Path.of("target", "documents"));
        Files.write(Path.of("target", "documents", "sample-report.docx"), bytes);
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    private static XWPFRun firstRun(XWPFParagraph p) {
        return p.getRuns().get(0);
    }

    private static String eastAsia(XWPFRun r) {
        return EffectiveFormat.eastAsiaFont(r);
    }

    @Test
    void shouldWriteTheOutlineWithTheNamesFilledIn() throws IOException {
        try (XWPFDocument doc = reopen(render(SampleReports.haicang(2)))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
            assertThat(texts.get(0)).isEqualTo("海沧区县域重点产业创新链调研报告");
            assertThat(texts).containsSubsequence("一、海沧区县域重点产业发展现状", "1.产业现状", "2.产业技术发展现状、技术瓶颈",
                    "二、集成电路重点产业国内产业发展现状", "1.产业现状", "2.产业技术发展现状、技术瓶颈", "3.产业技术发展趋势（方向）",
                    "三、海沧区县域重点产业发展对策建议", "1.产业对策建议", "2.产业科技创新对策建议及技术攻关方向",
                    "3.集成电路重点产业科技创新优势单位（团队）", "本区集成电路领域科技创新优势单位如下表。");
        }
    }

    @Test
    void shouldUseTheOfficialFontsAndSizes() throws IOException {
        try (XWPFDocument doc = reopen(render(SampleReports.haicang(2)))) {
            XWPFParagraph title = paragraph(doc, "海沧区县域重点产业创新链调研报告");
            assertThat(eastAsia(firstRun(title))).isEqualTo("方正小标宋简体");
            assertThat(EffectiveFormat.sizePoints(firstRun(title))).isEqualTo(22.0);
            assertThat(EffectiveFormat.alignment(title)).isEqualTo("center");

            XWPFParagraph level1 = paragraph(doc, "一、海沧区县域重点产业发展现状");
            assertThat(eastAsia(firstRun(level1))).isEqualTo("黑体");
            assertThat(EffectiveFormat.sizePoints(firstRun(level1))).isEqualTo(16.0);

            XWPFParagraph level3 = paragraph(doc, "1.产业对策建议");
            assertThat(eastAsia(firstRun(level3))).isEqualTo("仿宋_GB2312");
            assertThat(EffectiveFormat.bold(firstRun(level3))).isTrue();
            assertThat(EffectiveFormat.bold(firstRun(level1))).isFalse();

            List<XWPFParagraph> body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("海沧区集成电路产业以")).toList();
            assertThat(body).hasSize(14);
            for (XWPFParagraph p : body) {
                for (XWPFRun r : p.getRuns()) {
                    assertThat(eastAsia(r)).isEqualTo("仿宋_GB2312");
                    assertThat(EffectiveFormat.asciiFont(r)).isEqualTo("仿宋_GB2312");
                    assertThat(EffectiveFormat.sizePoints(r)).isEqualTo(16.0);
                    assertThat(EffectiveFormat.bold(r)).isFalse();
                }
                assertThat(EffectiveFormat.lineRule(p)).isEqualTo("exact");
                assertThat(EffectiveFormat.lineTwips(p)).isEqualTo(579);
                assertThat(EffectiveFormat.firstLineIndentTwips(p)).isEqualTo(640);
                assertThat(EffectiveFormat.alignment(p)).isEqualTo("both");
            }
        }
    }

    @Test
    void shouldSetA4AndTheOfficialMargins() throws IOException {
        try (XWPFDocument doc = reopen(render(SampleReports.haicang(1)))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(((BigInteger) sect.getPgMar().getTop()).intValue()).isEqualTo(2098);
            assertThat(((BigInteger) sect.getPgMar().getBottom()).intValue()).isEqualTo(1984);
            assertThat(((BigInteger) sect.getPgMar().getLeft()).intValue()).isEqualTo(1587);
            assertThat(((BigInteger) sect.getPgMar().getRight()).intValue()).isEqualTo(1474);
        }
    }

    @Test
    void shouldNumberOddPagesRightAndEvenPagesLeft() throws IOException {
        try (XWPFDocument doc = reopen(render(SampleReports.haicang(1)))) {
            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
            XWPFFooter odd = doc.getHeaderFooterPolicy().getDefaultFooter();
            XWPFFooter even = doc.getHeaderFooterPolicy().getEvenPageFooter();
            for (XWPFFooter footer : List.of(odd, even)) {
                XWPFParagraph p = footer.getParagraphs().get(0);
                assertThat(p.getText()).isEqualTo("— 1 —");
                assertThat(p.getCTP().xmlText()).contains("PAGE");
                assertThat(eastAsia(firstRun(p))).isEqualTo("宋体");
                assertThat(EffectiveFormat.sizePoints(firstRun(p))).isEqualTo(14.0);
            }
            assertThat(odd.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(even.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
        }
    }

    @Test
    void shouldWriteTheUnitsTable() throws IOException {
        try (XWPFDocument doc = reopen(render(SampleReports.haicang(1)))) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(4);
            assertThat(table.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式");
            assertThat(table.getRow(2).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("2", "厦门士兰集科微电子有限公司", "企业", "12英寸特色工艺晶圆制造", "0592-6000000");
            XWPFRun cellRun = table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertThat(eastAsia(cellRun)).isEqualTo("仿宋_GB2312");
            assertThat(EffectiveFormat.sizePoints(cellRun)).isEqualTo(14.0);
            assertThat(eastAsia(table.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0))).isEqualTo("黑体");
        }
    }
}
