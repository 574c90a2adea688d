package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.submission.PackageViews;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What a secretary sees on paper: long realistic reports (county, city-led, merged, 20-row units tables), a bundle,
 * the 汇总表 and the board, each run through the shared checkers ({@code ../shared/tools}), which must pass every
 * check. Without the checkers (or python3) those assertions are skipped with a message; the POI assertions still run.
 * The files stay under {@code target/documents/printed/} to be rendered and looked at.
 */
class PrintedDocumentsTest {

    private static final OfficialFormat FORMAT = OfficialFormat.load(Optional.empty());
    private static final Path OUT = Path.of("target", "documents", "printed");
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    static final ReportText HAICANG_IC = SampleReports.longCounty(11L, "350205", "海沧区", "集成电路产业链");
    static final ReportText HAICANG_BIO = SampleReports.longCounty(12L, "350205", "海沧区", "生物医药产业链");
    static final ReportText XIANGAN = SampleReports.longCounty(13L, "350213", "翔安区", "平板显示产业链");
    static final ReportText XIAMEN_LED = SampleReports.cityLed(14L, "350200", "厦门市", "航空维修产业链");
    static final ReportText XIAMEN_MERGED = SampleReports.merged(15L, "350200", "厦门市", "新能源产业链", List.of("海沧区", "湖里区", "同安区"));

    @Test
    void shouldPrintALongCountyReportAsItIs() throws IOException {
        Path file = report(HAICANG_IC, "county-report.docx");
        assertPassesOfficialFormat(file, "--print");
        try (XWPFDocument doc = open(file)) {
            assertThat(texts(doc)).startsWith("海沧区县域重点产业创新链调研报告", "（集成电路产业链）");
            assertThat(doc.getParagraphs()).noneMatch(p -> p.getText().isBlank() && p.getCTP().getRList().isEmpty());
            assertThat(doc.getParagraphs()).filteredOn(p -> p.getText().startsWith("　")).isEmpty();
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("海沧区科学技术局");
            assertThat(doc.getProperties().getCoreProperties().getTitle()).isEqualTo("海沧区县域重点产业创新链调研报告（集成电路产业链）");
            var table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(21);
            assertThat(table.getRows()).allMatch(XWPFTableRow::isCantSplitRow);
            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            XWPFParagraph number = table.getRow(5).getCell(0).getParagraphs().get(0);
            assertThat(number.getAlignment().name()).isEqualTo("CENTER");
        }
    }

    @Test
    void shouldTellTwoReportsOfOneCountyApart() throws IOException {
        try (XWPFDocument ic = open(report(HAICANG_IC, "county-report.docx"));
             XWPFDocument bio = open(report(HAICANG_BIO, "county-report-2.docx"))) {
            assertThat(texts(ic).get(0)).isEqualTo(texts(bio).get(0));
            assertThat(texts(ic).get(1)).isEqualTo("（集成电路产业链）");
            assertThat(texts(bio).get(1)).isEqualTo("（生物医药产业链）");
        }
    }

    @Test
    void shouldPrintACityLedAndAMergedReportAsTheyAre() throws IOException {
        assertPassesOfficialFormat(report(XIAMEN_LED, "city-led-report.docx"), "--print");
        Path merged = report(XIAMEN_MERGED, "merged-report.docx");
        assertPassesOfficialFormat(merged, "--print");
        try (XWPFDocument doc = open(merged)) {
            List<String> texts = texts(doc);
            assertThat(texts).startsWith("厦门市新能源产业创新链调研报告", "（新能源产业链，合并海沧区、湖里区、同安区的调研报告）")
                    .contains("【海沧区】", "【湖里区】", "【同安区】", "【海沧区、湖里区、同安区】");
            // The national paragraph all three copied: once, under all three names.
            assertThat(texts).filteredOn(t -> t.startsWith("在国家政策持续支持下")).hasSize(1);
            assertThat(texts.get(texts.indexOf("在国家政策持续支持下，国内企业在成熟制程制造、封装测试和部分设计领域实现较快追赶，产业链自主可控能力稳步提升。") - 2))
                    .isEqualTo("【海沧区、湖里区、同安区】");
            // No county's sentence claims the whole table; the table says where each unit came from.
            assertThat(texts).noneMatch(t -> t.contains("优势单位如下表。") && t.startsWith("本区"));
            var table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(2).getText()).isEqualTo("所属县（市、区）");
            assertThat(table.getRow(1).getCell(2).getText()).isEqualTo("海沧区、湖里区、同安区");
            assertThat(table.getRow(5).getCell(2).getText()).isEqualTo("湖里区");
            assertThat(table.getRow(20).getCell(2).getText()).isEqualTo("市级补充");
        }
    }

    @Test
    void shouldSetAuthorsOwnNumberingInTheFaceOfItsLevel() throws IOException {
        try (XWPFDocument doc = open(report(HAICANG_IC, "county-report.docx"))) {
            XWPFParagraph point = paragraph(doc, "（一）产业规模持续扩大");
            assertThat(EffectiveFormat.eastAsiaFont(point.getRuns().get(0))).isEqualTo("楷体_GB2312");
            // A numbered lead sentence becomes a heading line kept with its text, the text a body paragraph.
            XWPFParagraph lead = paragraph(doc, "（二）产业结构不断优化。");
            assertThat(EffectiveFormat.eastAsiaFont(lead.getRuns().get(0))).isEqualTo("楷体_GB2312");
            assertThat(lead.getStyle()).isEqualTo(OfficialDocument.POINT);
            XWPFParagraph next = doc.getParagraphs().get(doc.getParagraphs().indexOf(lead) + 1);
            assertThat(next.getText()).startsWith("设计环节占比");
            assertThat(next.getStyle()).isEqualTo(OfficialDocument.BODY);
            XWPFParagraph item = paragraph(doc, "1．龙头企业带动明显。");
            assertThat(EffectiveFormat.bold(item.getRuns().get(0))).isTrue();
            // A longer item: only its marker in the level's face, the sentence in body type.
            XWPFParagraph longer = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("2．配套企业加快集聚"))
                    .findFirst().orElseThrow();
            assertThat(longer.getRuns().get(0).getText(0)).isEqualTo("2．");
            assertThat(EffectiveFormat.bold(longer.getRuns().get(1))).isFalse();
        }
    }

    @Test
    void shouldBundleReportsInCodeOrderEachOnANewPageAfterAnUnnumberedCoverAndContents() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).bundle(new ReportRenderer.Cover("厦门市", "厦门市科学技术局", "2026年度县域重点产业创新链调研",
                "2026年10月30日"), List.of(XIANGAN, HAICANG_BIO, XIAMEN_MERGED, HAICANG_IC, XIAMEN_LED), out);
        Path file = keep(out.toByteArray(), "bundle.docx");
        assertPassesOfficialFormat(file, "--bundle");
        try (XWPFDocument doc = open(file)) {
            List<String> titles = new ArrayList<>();
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            for (XWPFParagraph p : paragraphs) {
                if (OfficialDocument.TITLE.equals(p.getStyle())) {
                    titles.add(p.getText() + paragraphs.get(paragraphs.indexOf(p) + 1).getText());
                    boolean first = titles.size() == 1;
                    assertThat(p.getCTP().getPPr().isSetPageBreakBefore()).as(p.getText()).isEqualTo(!first);
                }
            }
            assertThat(titles).containsExactly(
                    "厦门市航空维修产业创新链调研报告（航空维修产业链）",
                    "厦门市新能源产业创新链调研报告（新能源产业链，合并海沧区、湖里区、同安区的调研报告）",
                    "海沧区县域重点产业创新链调研报告（集成电路产业链）",
                    "海沧区县域重点产业创新链调研报告（生物医药产业链）",
                    "翔安区县域重点产业创新链调研报告（平板显示产业链）");
            assertThat(texts(doc)).startsWith("厦门市县域重点产业创新链调研报告汇编", "（2026年度县域重点产业创新链调研）",
                    "厦门市科学技术局", "2026年10月30日");
            assertThat(doc.getDocument().getBody().getSectPr().getPgNumType().getStart().intValue()).isEqualTo(1);
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("厦门市科学技术局");
        }
    }

    @Test
    void shouldWriteASummaryThatPrints() throws IOException {
        List<Spreadsheets.SummaryRow> rows = new ArrayList<>();
        for (ReportText r : List.of(XIAMEN_LED, XIAMEN_MERGED, HAICANG_IC, HAICANG_BIO, XIANGAN)) {
            rows.add(new Spreadsheets.SummaryRow("厦门市", r.authorName(), r.coverage().isEmpty() ? r.authorName()
                    : String.join("、", r.coverage()), r.chainName(), "电子信息", r.cityWritten() ? "市级牵头" : "县级报告",
                    "已通过", LocalDateTime.of(2026, 10, 30, 16, 5, 9), "按期"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.summary("厦门市县域重点产业创新链调研报告汇总表（2026年度）", LocalDateTime.of(2026, 10, 31, 9, 0), rows, out);
        Path file = keep(out.toByteArray(), "summary.xlsx");
        assertPassesSpreadsheet(file);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("厦门市县域重点产业创新链调研报告汇总表（2026年度）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("数据截至 2026年10月31日 09:00:00（北京时间）");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("产业链");
            var sent = sheet.getRow(3).getCell(8);
            assertThat(sent.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(sent)).isTrue();
            assertThat(sent.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 30, 16, 5, 9));
            assertThat(sent.getCellStyle().getDataFormatString()).contains("年");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        }
    }

    @Test
    void shouldWriteABoardThatPrintsWithATotalsRow() throws IOException {
        List<PackageViews.BoardRow> units = new ArrayList<>();
        String[] names = {"福州市", "厦门市", "莆田市", "三明市", "泉州市", "漳州市", "南平市", "龙岩市", "宁德市", "平潭综合实验区"};
        for (int i = 0; i < names.length; i++) {
            boolean sent = i % 3 == 0;
            units.add(new PackageViews.BoardRow("35" + (i + 1) + "00", names[i], 5 + i, 4 + i, 3 + i, 1, 2, i, 1, 1,
                    sent ? "SENT" : "PREPARING", sent ? "已报送" : "准备中",
                    sent ? OffsetDateTime.of(2026, 10, 20 + i, 10, 30, 0, 0, BEIJING) : null, sent ? Boolean.TRUE : null,
                    3, 0, false, sent ? 1 : 0, OffsetDateTime.of(2026, 10, 31, 23, 59, 59, 0, BEIJING), false));
        }
        PackageViews.Board board = new PackageViews.Board(1L, 2026, OffsetDateTime.of(2026, 10, 31, 23, 59, 59, 0, BEIJING),
                "2026年10月31日 23:59:59（北京时间）", OffsetDateTime.of(2026, 10, 28, 9, 15, 0, 0, BEIJING), 3, false, 0, 4, 0, units);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.board("2026年度县域重点产业创新链调研报告报送进度", board, out);
        Path file = keep(out.toByteArray(), "board.xlsx");
        assertPassesSpreadsheet(file);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("数据截至 2026年10月28日 09:15:00（北京时间）");
            var totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计（10个单位）");
            assertThat(totals.getCell(1).getNumericCellValue()).isEqualTo(95.0);
            assertThat(totals.getCell(9).getStringCellValue()).isEqualTo("已报送4个");
            assertThat(sheet.getRow(3).getCell(10).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 20, 10, 30));
        }
    }

    @Test
    void shouldCompileItemsIntoADocumentAndASpreadsheetThatPrint() throws IOException {
        IndustryCategories categories = IndustryCategories.load();
        Compilation.Builder builder = new Compilation.Builder(categories.categories());
        for (ReportText r : List.of(HAICANG_IC, HAICANG_BIO, XIANGAN, XIAMEN_LED, XIAMEN_MERGED,
                SampleReports.longCounty(16L, "350582", "晋江市", "集成电路产业链"))) {
            String city = r.authorCode().equals("350582") ? "泉州市" : "厦门市";
            List<Compilation.Source> sources = r.cityWritten() && r.coverage().isEmpty()
                    ? List.of(new Compilation.Source(Compilation.CITY_OWN, city))
                    : r.coverage().isEmpty() ? List.of(new Compilation.Source(r.authorName(), city))
                    : r.coverage().stream().map(c -> new Compilation.Source(c, city)).toList();
            builder.add(categories.categoryOf(r.chainName()), r.chainName(), sources, Map.of(
                    Compilation.Kind.BOTTLENECK, List.of(r.text(Section.COUNTY_TECHNOLOGY), r.text(Section.DOMESTIC_TECHNOLOGY)),
                    Compilation.Kind.DIRECTION, List.of(r.text(Section.INNOVATION_DIRECTIONS))));
        }
        Compilation compilation = builder.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).compilation(new ReportRenderer.CompilationHeading("2026年度县域重点产业技术瓶颈与研究方向汇编",
                "（供编制2027年度项目申报指南参考）", "截至2026年11月1日09:00（北京时间）"), compilation, out);
        Path file = keep(out.toByteArray(), "compilation.docx");
        assertPassesOfficialFormat(file, "--print");
        try (XWPFDocument doc = open(file)) {
            List<String> texts = texts(doc);
            assertThat(texts).startsWith("2026年度县域重点产业技术瓶颈与研究方向汇编", "（供编制2027年度项目申报指南参考）")
                    .contains("目　　录", "一、电子信息", "二、先进装备制造", "（一）航空维修产业链", "1.技术瓶颈（10条）")
                    .doesNotContain("三、其他");
            // Summary table: categories x chains, counties, bottlenecks, directions; the uncategorised row; totals.
            var table = doc.getTables().get(0);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("产业链（条）");
            assertThat(table.getRows()).extracting(r -> r.getCell(0).getText()).contains("电子信息", "其他（未归类）", "合计");
            var electronics = table.getRows().stream().filter(r -> r.getCell(0).getText().equals("电子信息")).findFirst().orElseThrow();
            // 集成电路 (海沧区, 晋江市) and 平板显示 (翔安区): two chains, three counties.
            assertThat(electronics.getCell(1).getText()).isEqualTo("2");
            assertThat(electronics.getCell(2).getText()).isEqualTo("3");
            var other = table.getRows().stream().filter(r -> r.getCell(0).getText().startsWith("其他")).findFirst().orElseThrow();
            assertThat(other.getCell(1).getText()).isEqualTo("0");
            // Two counties wrote the same 集成电路 bottleneck: one item, both sources, counted.
            assertThat(texts).anyMatch(t -> t.startsWith("（") && t.contains("核心装备受制于人")
                    && t.endsWith("（厦门市海沧区，泉州市晋江市；计2个）"));
            // The national paragraph every report repeats is not an item; status text is not either.
            assertThat(texts).noneMatch(t -> t.contains("国内集成电路产业在先进制程、关键装备") || t.contains("产业起步于2010年"));
            assertThat(String.join("\n", texts)).contains("厦门市市本级");
        }

        out = new ByteArrayOutputStream();
        Spreadsheets.items("2026年度县域重点产业技术瓶颈与研究方向条目", LocalDateTime.of(2026, 11, 1, 9, 0), compilation, out);
        Path items = keep(out.toByteArray(), "compilation-items.xlsx");
        assertPassesSpreadsheet(items);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(items))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("数据截至 2026年11月1日 09:00:00（北京时间）");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("条目");
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            List<String> row = new ArrayList<>();
            sheet.getRow(3).forEach(c -> row.add(c.getCellType() == CellType.NUMERIC ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue()));
            assertThat(row).containsExactly("1", "电子信息", "集成电路产业链", "技术瓶颈", "高端材料依赖进口。光刻胶、大尺寸硅片、高纯靶材等关键材料国产化率不足20%，供应链安全风险突出。",
                    "海沧区", "厦门市", "一（一）1（1）", "2");
            int rows = 0;
            for (Compilation.Category c : compilation.categories()) {
                for (Compilation.Chain chain : c.chains()) {
                    for (List<Compilation.Group> groups : chain.groups().values()) {
                        rows += groups.stream().mapToInt(g -> g.items().size()).sum();
                    }
                }
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + rows);
            // Wrapped text is printed whole: each row is as tall as its longest item wraps to, a short one one line.
            int width = sheet.getColumnWidth(4) / 256;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                String text = sheet.getRow(r).getCell(4).getStringCellValue();
                int lines = Spreadsheets.lines(text, width);
                assertThat(sheet.getRow(r).getHeightInPoints()).as("row %d: %s", r, text)
                        .isGreaterThanOrEqualTo(lines * Spreadsheets.LINE_POINTS);
            }
            assertThat(Spreadsheets.lines(sheet.getRow(3).getCell(4).getStringCellValue(), width)).isGreaterThan(1);
        }
    }

    private static Path report(ReportText report, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).report(report, out);
        return keep(out.toByteArray(), name);
    }

    private static Path keep(byte[] bytes, String name) throws IOException {
        Files.createDirectories(OUT);
        return Files.write(OUT.resolve(name), bytes);
    }

    private static XWPFDocument open(Path file) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static List<String> texts(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    static void assertPassesOfficialFormat(Path file, String mode) throws IOException {
        runChecker("check-official-format.py", file, mode);
    }

    static void assertPassesSpreadsheet(Path file) throws IOException {
        runChecker("check-spreadsheet.py", file, null);
    }

    /** Runs a shared checker (Python 3, no packages) beside the clone; every check must pass. */
    private static void runChecker(String checker, Path file, String mode) throws IOException {
        Path tool = Path.of("").toAbsolutePath().getParent().resolve(Path.of("shared", "tools", checker));
        Assumptions.assumeTrue(Files.isRegularFile(tool), "Checker " + tool + " not found (CI has ../shared beside the clone): skipped");
        List<String> command = new ArrayList<>(List.of("python3", tool.toString(), file.toString()));
        if (mode != null) {
            command.add(mode);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 not available to run " + checker + ": " + e.getMessage());
            return;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("checker finished").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        assertThat(process.exitValue()).as(checker + " " + file.getFileName() + ":\n" + output).isZero();
        assertThat(output).doesNotContain("FAIL");
    }
}
