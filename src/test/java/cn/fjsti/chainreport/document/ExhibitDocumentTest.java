package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.report.Section;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

/**
 * Tables and figures in the official document: "表N" above each table (header repeated, rows never split), each
 * figure centred within the text block with "图N" below, numbered per report in order; a marker whose table is not
 * the report's own shows nothing. The file passes {@code check-official-format.py --print} and stays under
 * {@code target/documents/printed/} to be rendered and looked at.
 */
class ExhibitDocumentTest {

    private static final OfficialFormat FORMAT = OfficialFormat.load(Optional.empty());

    @Test
    void shouldPrintTablesAboveTheirCaptionsAndFiguresScaledToTheTextBlock() throws IOException {
        ReportText report = withExhibits(1L, "海沧区");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).report(report, out);
        Path file = Files.createDirectories(Path.of("target", "documents", "printed")).resolve("report-with-exhibits.docx");
        Files.write(file, out.toByteArray());
        PrintedDocumentsTest.assertPassesOfficialFormat(file, "--print");

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<IBodyElement> body = doc.getBodyElements();
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().contains("〔"));
            // 一.1: text, the chain map with 图1 below, text, the output table with 表1 above.
            XWPFParagraph picture = (XWPFParagraph) body.get(indexOf(body, "图1　海沧区集成电路产业创新链图谱"));
            assertThat(picture.getText()).isEqualTo("\n图1　海沧区集成电路产业创新链图谱");
            assertThat(picture.getAlignment()).hasToString("CENTER");
            assertThat(((XWPFParagraph) body.get(body.indexOf(picture) - 1)).getText()).endsWith("产业创新链如下图。");
            XWPFPicture pic = picture.getRuns().stream().flatMap(r -> r.getEmbeddedPictures().stream()).findFirst().orElseThrow();
            double widthMm = pic.getWidth() * 25.4 / 72;
            assertThat(widthMm).isCloseTo(156, org.assertj.core.data.Offset.offset(1.0));
            assertThat(pic.getDepth() / pic.getWidth()).isCloseTo(700.0 / 1400, org.assertj.core.data.Offset.offset(0.01));

            int caption = indexOf(body, "表1　海沧区集成电路产值");
            assertThat(((XWPFParagraph) body.get(caption)).getAlignment()).hasToString("CENTER");
            assertThat(((XWPFParagraph) body.get(caption)).getCTP().getPPr().isSetKeepNext()).isTrue();
            XWPFTable table = (XWPFTable) body.get(caption + 1);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("产值（亿元）");
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRows()).hasSize(3).allMatch(XWPFTableRow::isCantSplitRow);
            assertThat(table.getRow(1).getCell(0).getParagraphs().get(0).getStyle()).isEqualTo(OfficialDocument.TABLE_TEXT);
            // Numbered per report in order, across sections; the foreign marker left out.
            assertThat(indexOf(body, "表2　国内产业规模")).isGreaterThan(caption);
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().startsWith("表3") || p.getText().contains("图2"));
            assertThat(doc.getAllPictures()).hasSize(1);
        }

        // A bundle restarts the numbers with each report.
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).bundle(new ReportRenderer.Cover("厦门市", "厦门市科学技术局", "2026年度", "2026年10月1日"),
                List.of(report, withExhibits(2L, "翔安区")), bundle);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bundle.toByteArray()))) {
            assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> t.contains("图1")).map(String::strip).toList())
                    .containsExactly("图1　海沧区集成电路产业创新链图谱", "图1　翔安区集成电路产业创新链图谱");
            // One picture part (the same bytes), shown twice.
            assertThat(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .mapToInt(r -> r.getEmbeddedPictures().size()).sum()).isEqualTo(2);
        }
    }

    private static int indexOf(List<IBodyElement> body, String text) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).getElementType() == BodyElementType.PARAGRAPH && ((XWPFParagraph) body.get(i)).getText().equals(text)) {
                return i;
            }
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).getElementType() == BodyElementType.PARAGRAPH && ((XWPFParagraph) body.get(i)).getText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph " + text);
    }

    static ReportText withExhibits(long id, String county) {
        ReportText sample = SampleReports.haicang(2);
        Map<Section, String> sections = new EnumMap<>(sample.sections());
        sections.put(Section.COUNTY_INDUSTRY, county + "集成电路产业以设计、制造、封装测试为主线，产业创新链如下图。\n〔图:101〕\n"
                + "近两年产值稳步增长，见下表。\n〔表:102〕\n龙头企业带动作用明显。");
        sections.put(Section.DOMESTIC_INDUSTRY, "国内产业规模持续扩大。\n〔表:103〕\n〔表:999〕");
        Map<Long, ExhibitRenderer.Item> items = Map.of(
                101L, new ExhibitRenderer.Item(101L, true, county + "集成电路产业创新链图谱", null, chainMap(), "image/png", 1400, 700),
                102L, new ExhibitRenderer.Item(102L, false, county + "集成电路产值", List.of(List.of("年份", "产值（亿元）", "规上企业（家）"),
                        List.of("2024年", "280", "38"), List.of("2025年", "310", "42")), null, null, 0, 0),
                103L, new ExhibitRenderer.Item(103L, false, "国内产业规模", List.of(List.of("地区", "规模"), List.of("长三角", "约 40%")),
                        null, null, 0, 0));
        return new ReportText(id, county + "县域重点产业创新链调研报告", id == 1L ? "350205" : "350213", county, county + "科学技术局",
                false, "集成电路产业链", sections, sample.units(), List.of(), items);
    }

    /** A chain map as counties draw them: upstream, midstream and downstream boxes joined by arrows. */
    static byte[] chainMap() {
        BufferedImage image = new BufferedImage(1400, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1400, 700);
        String[] stages = {"上游 材料与装备", "中游 设计与制造", "下游 封测与应用"};
        Color[] colours = {new Color(0x1F4E79), new Color(0x2E75B6), new Color(0x9DC3E6)};
        g.setFont(new Font("WenQuanYi Zen Hei", Font.BOLD, 40));
        for (int i = 0; i < 3; i++) {
            g.setColor(colours[i]);
            g.fillRoundRect(60 + i * 460, 220, 360, 260, 30, 30);
            g.setColor(i == 2 ? Color.BLACK : Color.WHITE);
            g.drawString(stages[i], 80 + i * 460, 365);
            if (i < 2) {
                g.setColor(Color.DARK_GRAY);
                g.setStroke(new BasicStroke(8));
                g.drawLine(430 + i * 460, 350, 510 + i * 460, 350);
                g.fillPolygon(new int[] {510 + i * 460, 490 + i * 460, 490 + i * 460}, new int[] {350, 335, 365}, 3);
            }
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
