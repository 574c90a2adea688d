package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.submission.PackageViews;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The 汇总表 of a package and the institute's board, as .xlsx. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** One row of a package's 汇总表. */
    public record SummaryRow(String unit, String author, String counties, String chain, String category, String kind,
                             String status, String sentAt, String onTime) {
    }

    static final List<String> SUMMARY_HEADER = List.of("序号", "报送单位", "编写单位", "覆盖县（市、区）", "产业链", "产业类别",
            "报告类型", "状态", "报送时间", "是否按期");

    static final List<String> BOARD_HEADER = List.of("设区市", "县（市、区）数", "已申报", "已覆盖", "编写中", "待审核", "已通过",
            "已合并", "本级报告", "报送状态", "报送时间", "是否按期", "剩余天数", "逾期天数", "是否逾期", "报送次数");

    public static void summary(String title, List<SummaryRow> rows, OutputStream out) {
        write(title, SUMMARY_HEADER, rows.stream().map(r -> List.<Object>of(r.unit(), r.author(), r.counties(), r.chain(),
                r.category(), r.kind(), r.status(), r.sentAt(), r.onTime())).toList(), true, out);
    }

    public static void board(String title, PackageViews.Board board, OutputStream out) {
        write(title, BOARD_HEADER, board.units().stream().map(u -> List.<Object>of(u.unitName(), u.countiesTotal(),
                u.countiesDeclared(), u.countiesCovered(), u.reportsDrafting(), u.reportsUnderReview(), u.reportsApproved(),
                u.reportsMerged(), u.cityReports(), u.stageLabel(), u.sentAt() == null ? "" : u.sentAt().toLocalDateTime().toString().replace('T', ' '),
                u.onTime() == null ? "" : (u.onTime() ? "按期" : "逾期"), u.daysLeft(), u.daysLate(), u.overdue() ? "是" : "否",
                u.rounds())).toList(), false, out);
    }

    private static void write(String title, List<String> header, List<List<Object>> rows, boolean numbered, OutputStream out) {
        XSSFWorkbook book = PoiDocuments.newWorkbook();
        try {
            Sheet sheet = book.createSheet(title.length() > 31 ? title.substring(0, 31) : title);
            Font bold = book.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            CellStyle headerStyle = book.createCellStyle();
            headerStyle.setFont(bold);
            Font plain = book.createFont();
            plain.setFontName("宋体");
            CellStyle cellStyle = book.createCellStyle();
            cellStyle.setFont(plain);
            cellStyle.setWrapText(true);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(headerStyle);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                int c = 0;
                if (numbered) {
                    row.createCell(c++).setCellValue(r + 1);
                }
                for (Object value : rows.get(r)) {
                    var cell = row.createCell(c++);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(value == null ? "" : value.toString());
                    }
                    cell.setCellStyle(cellStyle);
                }
            }
            for (int c = 0; c < header.size(); c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(8, header.get(c).length() * 3)) * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            PoiDocuments.discard(book);
        }
    }
}
