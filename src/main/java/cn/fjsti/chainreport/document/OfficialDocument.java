package cn.fjsti.chainreport.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * A Word document in the official format: page, margins, fonts on every run (East-Asian included),
 * fixed line spacing, page numbers "— N —" on the outside edge of odd and even pages. Built with Apache POI
 * from {@link OfficialFormat} settings.
 */
public final class OfficialDocument implements AutoCloseable {

    private final XWPFDocument doc = new XWPFDocument();
    private final OfficialFormat format;

    public OfficialDocument(OfficialFormat format) {
        this.format = format;
        setUpPage();
        setUpPageNumbers();
    }

    /** The document title: 2号小标宋, centred. */
    public void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(format.bodyLineTwips());
        p.setSpacingBetween(Math.max(format.bodyLineTwips(), format.title().halfPoints() * 20 * 13 / 10) / 20.0, LineSpacingRule.EXACT);
        run(p, text, format.title());
    }

    /** A centred line under the title (e.g. the year), in body type. */
    public void subtitle(String text) {
        XWPFParagraph p = bodyParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setIndentationFirstLine(0);
        run(p, text, format.body());
    }

    /** 一、… : 黑体. */
    public void heading1(String text) {
        run(bodyParagraph(), text, format.heading1());
    }

    /** （一）… : 楷体. */
    public void heading2(String text) {
        run(bodyParagraph(), text, format.heading2());
    }

    /** 1. … : 仿宋, bold by local practice. */
    public void heading3(String text) {
        run(bodyParagraph(), text, format.heading3());
    }

    /** Body text: one paragraph per line, 首行缩进 two characters. */
    public void text(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.strip().split("\\R", -1)) {
            run(bodyParagraph(), line.strip(), format.body());
        }
    }

    /** A body line without indentation (cover, contents). */
    public void plain(String text, ParagraphAlignment alignment) {
        XWPFParagraph p = bodyParagraph();
        p.setIndentationFirstLine(0);
        p.setAlignment(alignment);
        run(p, text, format.body());
    }

    /** A table as wide as the text block: header row in the header font, then the rows. */
    public void table(List<String> header, List<List<String>> rows, List<Integer> widthsPercent) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        int textWidth = OfficialFormat.twips(format.pageWidthMm() - format.marginLeftMm() - format.marginRightMm());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(textWidth));
        // Word reads the cell widths, LibreOffice the grid: give both.
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        List<Integer> widths = widthsPercent.stream().map(pct -> textWidth * pct / 100).toList();
        widths.forEach(w -> grid.addNewGridCol().setW(BigInteger.valueOf(w)));
        fillRow(table.getRow(0), header, widths, new OfficialFormat.Font(format.tableHeaderFont(), format.table().halfPoints(), false));
        for (int i = 0; i < rows.size(); i++) {
            fillRow(table.getRow(i + 1), rows.get(i), widths, format.table());
        }
    }

    public void pageBreak() {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().addBreak(BreakType.PAGE);
    }

    public void write(OutputStream out) {
        try {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fillRow(XWPFTableRow row, List<String> cells, List<Integer> widthsTwips, OfficialFormat.Font font) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(String.valueOf(widthsTwips.get(c)));
            XWPFParagraph p = cell.getParagraphs().get(0);
            // Single-spaced and off the page grid, or every table line takes a body line's height.
            p.setSpacingBetween(font.halfPoints() * 0.65, LineSpacingRule.EXACT);
            p.getCTPPr().addNewSnapToGrid().setVal(org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1.OFF);
            run(p, cells.get(c) == null ? "" : cells.get(c), font);
        }
    }

    private XWPFParagraph bodyParagraph() {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBetween(format.bodyLineTwips() / 20.0, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        p.setIndentationFirstLine(format.firstLineIndentChars() * format.body().halfPoints() * 10);
        p.setAlignment(ParagraphAlignment.BOTH);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, OfficialFormat.Font font) {
        XWPFRun r = p.createRun();
        r.setText(text);
        style(r, font);
        return r;
    }

    private static XWPFRun style(XWPFRun r, OfficialFormat.Font font) {
        r.setFontFamily(font.name(), XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font.name(), XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font.name(), XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font.name(), XWPFRun.FontCharRange.cs);
        r.setFontSize(font.halfPoints() / 2.0);
        r.setBold(font.bold());
        return r;
    }

    private void setUpPage() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(OfficialFormat.twips(format.pageWidthMm())));
        size.setH(BigInteger.valueOf(OfficialFormat.twips(format.pageHeightMm())));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(OfficialFormat.twips(format.marginTopMm())));
        margins.setBottom(BigInteger.valueOf(OfficialFormat.twips(format.marginBottomMm())));
        margins.setLeft(BigInteger.valueOf(OfficialFormat.twips(format.marginLeftMm())));
        margins.setRight(BigInteger.valueOf(OfficialFormat.twips(format.marginRightMm())));
        margins.setHeader(BigInteger.valueOf(OfficialFormat.twips(15)));
        margins.setFooter(BigInteger.valueOf(OfficialFormat.twips(format.footerDistanceMm())));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(format.bodyLineTwips()));
    }

    /** "— N —" in 宋体: odd pages on the right, even pages on the left, each one character in from the edge. */
    private void setUpPageNumbers() {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(alignment);
        int oneChar = format.pageNumber().halfPoints() * 10;
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(oneChar);
        } else {
            p.setIndentationLeft(oneChar);
        }
        run(p, "— ", format.pageNumber());
        // A complex field (begin, instruction, separate, shown value, end): runs keep their order.
        style(p.createRun(), format.pageNumber()).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        style(p.createRun(), format.pageNumber()).getCTR().addNewInstrText().setStringValue(" PAGE ");
        style(p.createRun(), format.pageNumber()).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", format.pageNumber());
        style(p.createRun(), format.pageNumber()).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", format.pageNumber());
    }
}
