package cn.fjsti.chainreport.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A Word document in the official format: page, margins, fixed line spacing, page numbers "— N —" on the outside
 * edge of odd and even pages. Fonts, sizes, spacing and indents are paragraph styles defined once per document
 * (公文正文, 公文标题, 一级标题 …) from {@link OfficialFormat} settings, and every paragraph names its style: Word
 * shows the styles by name, a clerk restyles a whole document in one place, and the document has a tenth of the
 * XML that formatting every run would give (docs/benchmarks.md). Built with Apache POI.
 */
public final class OfficialDocument implements AutoCloseable {

    static final String TITLE = "GwTitle";
    static final String BODY = "GwBody";
    static final String PLAIN = "GwPlain";
    static final String HEADING1 = "GwHeading1";
    static final String HEADING2 = "GwHeading2";
    static final String HEADING3 = "GwHeading3";
    static final String TABLE_TEXT = "GwTable";
    static final String TABLE_HEADER = "GwTableHeader";
    static final String PAGE_NUMBER = "GwPageNumber";

    private final XWPFDocument doc = PoiDocuments.newDocument();
    private final OfficialFormat format;

    public OfficialDocument(OfficialFormat format) {
        this.format = format;
        defineStyles();
        setUpPage();
        setUpPageNumbers();
    }

    /** The document title: 2号小标宋, centred. */
    public void title(String text) {
        paragraph(TITLE, text);
    }

    /** A centred line under the title (e.g. the year), in body type. */
    public void subtitle(String text) {
        paragraph(PLAIN, text).setAlignment(ParagraphAlignment.CENTER);
    }

    /** 一、… : 黑体. */
    public void heading1(String text) {
        paragraph(HEADING1, text);
    }

    /** （一）… : 楷体. */
    public void heading2(String text) {
        paragraph(HEADING2, text);
    }

    /** 1. … : 仿宋, bold by local practice. */
    public void heading3(String text) {
        paragraph(HEADING3, text);
    }

    /** Body text: one paragraph per line, 首行缩进 two characters. */
    public void text(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.strip().split("\\R", -1)) {
            paragraph(BODY, line.strip());
        }
    }

    /** A body line without indentation (cover, contents). */
    public void plain(String text, ParagraphAlignment alignment) {
        paragraph(PLAIN, text).setAlignment(alignment);
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
        fillRow(table.getRow(0), header, widths, TABLE_HEADER);
        for (int i = 0; i < rows.size(); i++) {
            fillRow(table.getRow(i + 1), rows.get(i), widths, TABLE_TEXT);
        }
    }

    public void pageBreak() {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(PLAIN);
        p.createRun().addBreak(BreakType.PAGE);
    }

    public void write(OutputStream out) {
        try {
            doc.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the document; it is never written anywhere but where {@link #write} was told. */
    @Override
    public void close() {
        PoiDocuments.discard(doc);
    }

    private static void fillRow(XWPFTableRow row, List<String> cells, List<Integer> widthsTwips, String style) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(String.valueOf(widthsTwips.get(c)));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(style);
            p.createRun().setText(cells.get(c) == null ? "" : cells.get(c));
        }
    }

    private XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    /** The paragraph styles every paragraph names; fonts are given for every script (East-Asian included). */
    private void defineStyles() {
        XWPFStyles styles = doc.createStyles();
        int bodyLine = format.bodyLineTwips();
        styles.addStyle(style(TITLE, "公文标题", null, format.title(), p -> {
            p.addNewJc().setVal(STJc.CENTER);
            exactLines(p, Math.max(bodyLine, format.title().halfPoints() * 20 * 13 / 10)).setAfter(BigInteger.valueOf(bodyLine));
        }));
        styles.addStyle(style(BODY, "公文正文", null, format.body(), p -> {
            p.addNewJc().setVal(STJc.BOTH);
            exactLines(p, bodyLine);
            p.addNewInd().setFirstLine(BigInteger.valueOf((long) format.firstLineIndentChars() * format.body().halfPoints() * 10));
        }));
        styles.addStyle(style(PLAIN, "公文正文（无缩进）", BODY, format.body(), p -> p.addNewInd().setFirstLine(BigInteger.ZERO)));
        styles.addStyle(style(HEADING1, "一级标题", BODY, format.heading1(), p -> p.addNewOutlineLvl().setVal(BigInteger.ZERO)));
        styles.addStyle(style(HEADING2, "二级标题", BODY, format.heading2(), p -> p.addNewOutlineLvl().setVal(BigInteger.ONE)));
        styles.addStyle(style(HEADING3, "三级标题", BODY, format.heading3(), p -> p.addNewOutlineLvl().setVal(BigInteger.TWO)));
        // Single-spaced and off the page grid, or every table line takes a body line's height.
        styles.addStyle(style(TABLE_TEXT, "表格文字", null, format.table(), p -> {
            exactLines(p, format.table().halfPoints() * 13);
            p.addNewSnapToGrid().setVal(STOnOff1.OFF);
        }));
        styles.addStyle(style(TABLE_HEADER, "表头", TABLE_TEXT,
                new OfficialFormat.Font(format.tableHeaderFont(), format.table().halfPoints(), false), p -> { }));
        styles.addStyle(style(PAGE_NUMBER, "页码", null, format.pageNumber(), p -> { }));
    }

    private static CTSpacing exactLines(CTPPrGeneral p, int twips) {
        CTSpacing spacing = p.addNewSpacing();
        spacing.setBefore(BigInteger.ZERO);
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(twips));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        return spacing;
    }

    private static XWPFStyle style(String id, String name, String basedOn, OfficialFormat.Font font, Consumer<CTPPrGeneral> paragraph) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
        }
        style.addNewQFormat();
        paragraph.accept(style.addNewPPr());
        CTRPr run = style.addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(font.name());
        fonts.setHAnsi(font.name());
        fonts.setEastAsia(font.name());
        fonts.setCs(font.name());
        run.addNewB().setVal(font.bold() ? STOnOff1.ON : STOnOff1.OFF);
        run.addNewSz().setVal(BigInteger.valueOf(font.halfPoints()));
        run.addNewSzCs().setVal(BigInteger.valueOf(font.halfPoints()));
        return new XWPFStyle(style);
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
        p.setStyle(PAGE_NUMBER);
        p.setAlignment(alignment);
        int oneChar = format.pageNumber().halfPoints() * 10;
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(oneChar);
        } else {
            p.setIndentationLeft(oneChar);
        }
        p.createRun().setText("— ");
        // A complex field (begin, instruction, separate, shown value, end): runs keep their order.
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(" PAGE ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText("1");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        p.createRun().setText(" —");
    }
}
