package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.submission.PackageViews;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 汇总表 of a package and the institute's board, as .xlsx an office prints as it is: a title row and the time the
 * data was taken (北京时间) over the table, the header frozen, bold, bordered and repeated on every printed page, columns
 * sized for their content, one page wide (landscape, A4), page numbers in the footer, times as date values in a
 * Chinese date format, and on the board a totals row.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** One row of a package's 汇总表; {@code sentAt} in Beijing time. */
    public record SummaryRow(String unit, String author, String counties, String chain, String category, String kind,
                             String status, LocalDateTime sentAt, String onTime) {
    }

    static final List<String> SUMMARY_HEADER = List.of("序号", "报送单位", "编写单位", "覆盖县（市、区）", "产业链", "产业类别",
            "报告类型", "状态", "报送时间", "是否按期");

    static final List<String> BOARD_HEADER = List.of("设区市", "县（市、区）数", "已申报", "已覆盖", "编写中", "待审核", "已通过",
            "已合并", "本级报告", "报送状态", "报送时间", "是否按期", "剩余天数", "逾期天数", "是否逾期", "报送次数");

    /** Rows above the table: the title, then 数据截至…; the header is the third row. */
    static final int HEADER_ROW = 2;

    private static final String DATE_TIME_FORMAT = "yyyy\"年\"m\"月\"d\"日\" hh:mm:ss";
    /** Rows kept in memory while a sheet is written; the rest are already in the temporary file. */
    private static final int ROW_WINDOW = 100;

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    /** A package's 汇总表: one numbered row per report. */
    public static void summary(String title, LocalDateTime dataAsOf, List<SummaryRow> rows, OutputStream out) {
        List<List<Object>> body = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow r = rows.get(i);
            body.add(values(i + 1, r.unit(), r.author(), r.counties(), r.chain(), r.category(), r.kind(), r.status(),
                    r.sentAt(), r.onTime()));
        }
        write("汇总表", title, dataAsOf, SUMMARY_HEADER, body, null, out);
    }

    /** The deadline board: one row per unit and a totals row. */
    public static void board(String title, PackageViews.Board board, OutputStream out) {
        List<List<Object>> body = new ArrayList<>();
        long[] sums = new long[9];
        long late = 0;
        long overdue = 0;
        long rounds = 0;
        for (PackageViews.BoardRow u : board.units()) {
            long[] counts = {u.countiesTotal(), u.countiesDeclared(), u.countiesCovered(), u.reportsDrafting(),
                    u.reportsUnderReview(), u.reportsApproved(), u.reportsMerged(), u.cityReports()};
            for (int i = 0; i < counts.length; i++) {
                sums[i] += counts[i];
            }
            late += Boolean.FALSE.equals(u.onTime()) ? 1 : 0;
            overdue += u.overdue() ? 1 : 0;
            rounds += u.rounds();
            body.add(values(u.unitName(), u.countiesTotal(), u.countiesDeclared(), u.countiesCovered(), u.reportsDrafting(),
                    u.reportsUnderReview(), u.reportsApproved(), u.reportsMerged(), u.cityReports(), u.stageLabel(),
                    u.sentAt() == null ? null : u.sentAt().toLocalDateTime(),
                    u.onTime() == null ? "" : (u.onTime() ? "按期" : "逾期"), u.daysLeft(), u.daysLate(),
                    u.overdue() ? "是" : "否", u.rounds()));
        }
        List<Object> totals = values("合计（" + board.units().size() + "个单位）", sums[0], sums[1], sums[2], sums[3], sums[4],
                sums[5], sums[6], sums[7], "已报送" + board.unitsSent() + "个", null, "逾期" + late + "个", null, null,
                "逾期" + overdue + "个", rounds);
        write("进度看板", title, board.now() == null ? null : board.now().toLocalDateTime(), BOARD_HEADER, body, totals, out);
    }

    static final List<String> ITEMS_HEADER = List.of("序号", "产业类别", "产业链", "类型", "条目", "县（市、区）", "设区市",
            "汇编编号", "同组县市数");

    /**
     * The compilation's items, one row per item as each county wrote it (category, chain, kind, text, county, city),
     * with its number in the Word compilation (一（二）1（3）: category, chain, kind, group) and how many sources its
     * group has, so the institute sorts and filters. Written through SXSSF (rows streamed to a temporary file, ROW_WINDOW
     * in memory): a national compilation has tens of thousands of rows.
     */
    public static void items(String title, LocalDateTime dataAsOf, Compilation compilation, OutputStream out) {
        List<List<Object>> body = new ArrayList<>();
        int n = 0;
        int c = 0;
        for (Compilation.Category category : compilation.categories()) {
            c++;
            int h = 0;
            for (Compilation.Chain chain : category.chains()) {
                h++;
                int k = 0;
                for (Compilation.Kind kind : Compilation.Kind.values()) {
                    k++;
                    int g = 0;
                    for (Compilation.Group group : chain.groups().get(kind)) {
                        g++;
                        String number = ChineseNumerals.of(c) + "（" + ChineseNumerals.of(h) + "）" + k + "（" + g + "）";
                        int sources = group.sources().size();
                        for (Compilation.Item item : group.items()) {
                            body.add(values(++n, category.name(), chain.name(), kind.label(), item.text(),
                                    item.source().county(), item.source().city(), number, sources));
                        }
                    }
                }
            }
        }
        SXSSFWorkbook book = new SXSSFWorkbook(PoiDocuments.newWorkbook(), ROW_WINDOW);
        try {
            write(book, "条目", title, dataAsOf, ITEMS_HEADER, body, null, out);
        } finally {
            book.dispose();
            PoiDocuments.discard(book.getXSSFWorkbook());
        }
    }

    private static List<Object> values(Object... values) {
        List<Object> list = new ArrayList<>(values.length);
        for (Object v : values) {
            list.add(v);
        }
        return list;
    }

    private static void write(String sheetName, String title, LocalDateTime dataAsOf, List<String> header,
                              List<List<Object>> rows, List<Object> totals, OutputStream out) {
        // Streaming: rows beyond the window are written to a temporary file as they are made, so a sheet of any
        // length holds only the window in memory (issue 23); the widths are computed from the values beforehand.
        XSSFWorkbook template = PoiDocuments.newWorkbook();
        SXSSFWorkbook book = new SXSSFWorkbook(template, ROW_WINDOW);
        try {
            write(book, sheetName, title, dataAsOf, header, rows, totals, out);
        } finally {
            book.dispose();
            PoiDocuments.discard(template);
        }
    }

    private static void write(Workbook book, String sheetName, String title, LocalDateTime dataAsOf, List<String> header,
                              List<List<Object>> rows, List<Object> totals, OutputStream out) {
        try {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet(sheetName);
            int lastColumn = header.size() - 1;
            List<List<Object>> all = new ArrayList<>(rows);
            if (totals != null) {
                all.add(totals);
            }
            int[] widths = new int[lastColumn + 1];
            for (int c = 0; c <= lastColumn; c++) {
                widths[c] = columnWidth(header.get(c), all, c);
                sheet.setColumnWidth(c, widths[c] * 256);
            }

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(30);
            cell(titleRow, 0, title, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, lastColumn));
            Row asOf = sheet.createRow(1);
            cell(asOf, 0, dataAsOf == null ? "" : "数据截至 " + AS_OF.format(dataAsOf) + "（北京时间）", styles.note);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, lastColumn));

            Row head = sheet.createRow(HEADER_ROW);
            for (int c = 0; c <= lastColumn; c++) {
                cell(head, c, header.get(c), styles.header);
            }
            fitHeight(head, new ArrayList<>(header), widths);
            int r = HEADER_ROW + 1;
            for (List<Object> values : rows) {
                fill(sheet.createRow(r++), values, styles, false, widths);
            }
            if (!rows.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, r - 1, 0, lastColumn));
            }
            if (totals != null) {
                fill(sheet.createRow(r), totals, styles, true, widths);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            printSetup(sheet);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printSetup(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.7);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    private static void fill(Row row, List<Object> values, Styles styles, boolean total, int[] widths) {
        fitHeight(row, values, widths);
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            Cell cell = row.createCell(c);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                cell.setCellStyle(total ? styles.totalNumber : styles.number);
            } else if (value instanceof LocalDateTime t) {
                cell.setCellValue(t);
                cell.setCellStyle(styles.dateTime);
            } else {
                cell.setCellValue(value == null ? "" : value.toString());
                cell.setCellStyle(total ? styles.totalText : styles.text);
            }
        }
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** The height of one line of the sheets' 11-point text, in points. */
    static final float LINE_POINTS = 15f;

    /**
     * Makes a row as tall as the most lines a value of it wraps to in its column, so that wrapped text is printed
     * and shown whole: a spreadsheet program does not measure rows on opening a file (LibreOffice printed such text
     * over the rows below), and SXSSF cannot measure them either.
     */
    private static void fitHeight(Row row, List<Object> values, int[] widths) {
        int lines = 1;
        for (int c = 0; c < values.size() && c < widths.length; c++) {
            if (values.get(c) instanceof String text) {
                lines = Math.max(lines, lines(text, widths[c]));
            }
        }
        if (lines > 1) {
            row.setHeightInPoints(lines * LINE_POINTS);
        }
    }

    /**
     * How many lines a text takes in a column {@code width} characters wide (as {@link #columnWidth}): its own line
     * breaks, and a line wrapped wherever it is wider than the column less a character's margin on each side.
     */
    static int lines(String text, int width) {
        int usable = Math.max(1, width - 2);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            lines += Math.max(1, (displayWidth(line) + usable - 1) / usable);
        }
        return lines;
    }

    /** In characters (a Chinese character counts two): the widest value, within 6 and 40; longer text wraps. */
    static int columnWidth(String header, List<List<Object>> rows, int column) {
        int widest = Math.min(displayWidth(header), 16);
        for (List<Object> row : rows) {
            Object v = column < row.size() ? row.get(column) : null;
            int w = v instanceof LocalDateTime ? 22 : v == null ? 0 : displayWidth(v instanceof Number n ? numberText(n) : v.toString());
            widest = Math.max(widest, w);
        }
        return Math.max(6, Math.min(40, widest + 2));
    }

    private static String numberText(Number n) {
        return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : n.toString();
    }

    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return w;
    }

    /** The few cell styles a sheet uses. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle text;
        final CellStyle number;
        final CellStyle dateTime;
        final CellStyle totalText;
        final CellStyle totalNumber;

        Styles(Workbook book) {
            Font plain = font(book, "宋体", 11, false);
            Font bold = font(book, "宋体", 11, true);
            title = book.createCellStyle();
            title.setFont(font(book, "黑体", 16, false));
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            note = book.createCellStyle();
            note.setFont(plain);
            note.setAlignment(HorizontalAlignment.RIGHT);
            header = bordered(book, bold, HorizontalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(book, plain, HorizontalAlignment.LEFT);
            number = bordered(book, plain, HorizontalAlignment.CENTER);
            dateTime = bordered(book, plain, HorizontalAlignment.CENTER);
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat(DATE_TIME_FORMAT));
            totalText = bordered(book, bold, HorizontalAlignment.CENTER);
            totalNumber = bordered(book, bold, HorizontalAlignment.CENTER);
        }

        private static Font font(Workbook book, String name, int points, boolean bold) {
            Font f = book.createFont();
            f.setFontName(name);
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            return f;
        }

        private static CellStyle bordered(Workbook book, Font font, HorizontalAlignment alignment) {
            CellStyle s = book.createCellStyle();
            s.setFont(font);
            s.setAlignment(alignment);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            s.setWrapText(true);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }
    }
}
