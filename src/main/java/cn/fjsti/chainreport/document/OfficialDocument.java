package cn.fjsti.chainreport.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.xml.namespace.QName;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STOnOff1;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSettings;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * A Word document in the official format: page, margins, the 22 × 28 grid, fixed line spacing, page numbers "— N —"
 * on the outside edge of odd and even pages. Fonts, sizes, spacing and indents are paragraph styles defined once per
 * document (公文正文, 公文标题, 一级标题 …) from {@link OfficialFormat} settings, and every paragraph names its style: Word
 * shows the styles by name, a clerk restyles a whole document in one place, and the document has a tenth of the
 * XML that formatting every run would give (docs/benchmarks.md). What paper shows is built in as well: headings kept
 * with their text, table rows never split and header rows repeated, no empty paragraphs, zh-CN proofing, file
 * properties naming the unit, Word's current compatibility mode. Built with Apache POI.
 */
public final class OfficialDocument implements AutoCloseable {

    static final String NORMAL = "Normal";
    static final String TITLE = "GwTitle";
    static final String SUBTITLE = "GwSubtitle";
    static final String COVER_TITLE = "GwCoverTitle";
    static final String COVER_SUBTITLE = "GwCoverSubtitle";
    static final String BODY = "GwBody";
    static final String PLAIN = "GwPlain";
    static final String HEADING1 = "GwHeading1";
    static final String HEADING2 = "GwHeading2";
    static final String HEADING3 = "GwHeading3";
    /** An author's own short numbered line inside a section: body text kept with what follows. */
    static final String POINT = "GwPoint";
    /** The 【县名】 line over each county's text in a merged report. */
    static final String SOURCE = "GwSource";
    static final String LEAD1 = "GwLead1";
    static final String LEAD2 = "GwLead2";
    static final String LEAD3 = "GwLead3";
    static final String TABLE_TEXT = "GwTable";
    static final String TABLE_HEADER = "GwTableHeader";
    static final String PAGE_NUMBER = "GwPageNumber";
    static final String CONTENTS_HEADING = "GwContentsHeading";
    /** Word's own names for contents entries, so an updated TOC field keeps this look. */
    static final String TOC1 = "TOC1";
    static final String TOC2 = "TOC2";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Pattern SOURCE_LINE = Pattern.compile("【[^】]{1,200}】");
    /** Authors' own markers of the three GB/T 9704 heading levels, and the character style each is set in. */
    private static final List<Marker> MARKERS = List.of(
            new Marker(Pattern.compile("^[一二三四五六七八九十]{1,3}、"), LEAD1),
            new Marker(Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]"), LEAD2),
            new Marker(Pattern.compile("^\\d{1,2}[.．、](?![0-9０-９])"), LEAD3));
    /** A numbered line this short reads as a heading: it must stay with the text under it. */
    private static final int SHORT_LINE = 60;
    private static final Pattern SENTENCE_END = Pattern.compile("[。：:；;！？]");
    /** The longest first sentence (after the marker) that reads as a heading. */
    private static final int LEAD_SENTENCE = 30;

    private record Marker(Pattern pattern, String leadStyle) {
    }

    /** One line of a contents page: a report title (level 1) or the line under it (level 2). */
    public record ContentsEntry(String text, int level) {
    }

    private final XWPFDocument doc = PoiDocuments.newDocument();
    private final OfficialFormat format;
    private boolean newPageNext;

    public OfficialDocument(OfficialFormat format) {
        this.format = format;
        defineStyles();
        setUpPage();
        setUpPageNumbers();
    }

    /** File properties Word shows (文件 › 信息): the title, and the unit as author. */
    public void properties(String title, String author) {
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator(author);
        core.setLastModifiedByUser(author);
    }

    /** The paragraph written next starts a new page (each report of a bundle). */
    public void startNewPage() {
        newPageNext = true;
    }

    /** The document title: 2号小标宋, centred. */
    public void title(String text) {
        paragraph(TITLE, text);
    }

    /** A centred line under the title (the chain, the campaign), in the subtitle font (3号仿宋), kept with the title. */
    public void subtitle(String text) {
        paragraph(SUBTITLE, text);
    }

    /** A cover's title: as the document title, but not a contents entry. */
    public void coverTitle(String text, int linesBefore) {
        spaceBefore(paragraph(COVER_TITLE, text), linesBefore);
    }

    /** A line under a cover's title. */
    public void coverSubtitle(String text) {
        paragraph(COVER_SUBTITLE, text);
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

    /**
     * Body text: one paragraph per line, 首行缩进 two characters. Blank lines and hand-typed indents are dropped
     * (spacing is the style's business); a 【县名】 line heads a county's text; a line starting with an author's
     * own 一、 / （一） / 1. has that marker (and its first sentence) set in the face of the level it names.
     */
    public void text(String text) {
        if (text == null) {
            return;
        }
        for (String raw : text.split("\\R")) {
            String line = stripEdgeSpaces(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (SOURCE_LINE.matcher(line).matches()) {
                paragraph(SOURCE, line);
                continue;
            }
            Marker marker = MARKERS.stream().filter(m -> m.pattern().matcher(line).find()).findFirst().orElse(null);
            if (marker == null) {
                paragraph(BODY, line);
                continue;
            }
            int sentenceEnd = leadSentenceEnd(line, marker);
            if (sentenceEnd > 0 && sentenceEnd < line.length()) {
                // "（一）强链补链。围绕…": the numbered lead sentence is a heading line kept with its text.
                point(POINT, marker, line.substring(0, sentenceEnd), null);
                paragraph(BODY, stripEdgeSpaces(line.substring(sentenceEnd)));
            } else {
                Matcher m = marker.pattern().matcher(line);
                m.find();
                boolean headingLength = line.length() - m.end() <= LEAD_SENTENCE;
                // A short numbered item stays with what follows; only a heading-length one is set whole in its face.
                point(line.length() <= SHORT_LINE ? POINT : BODY, marker,
                        headingLength ? line : line.substring(0, m.end()), headingLength ? null : line.substring(m.end()));
            }
        }
    }

    private void point(String paragraphStyle, Marker marker, String lead, String rest) {
        XWPFParagraph p = newParagraph(paragraphStyle);
        XWPFRun run = p.createRun();
        run.setStyle(marker.leadStyle());
        run.setText(lead);
        if (rest != null && !rest.isEmpty()) {
            p.createRun().setText(rest);
        }
    }

    /** Where the marker's first sentence ends, when it is short enough to be a heading; else -1. */
    private static int leadSentenceEnd(String line, Marker marker) {
        Matcher m = marker.pattern().matcher(line);
        m.find();
        Matcher end = SENTENCE_END.matcher(line);
        return end.find(m.end()) && end.end() - m.end() <= LEAD_SENTENCE ? end.end() : -1;
    }

    /** One body paragraph, as written: no marker is read as a level (the compilation's items, （1）…). */
    public void paragraph(String text) {
        String line = stripEdgeSpaces(text == null ? "" : text);
        if (!line.isEmpty()) {
            paragraph(BODY, line);
        }
    }

        /** The last paragraph stays on the page of what follows (the line introducing a table). */
    public void keepLastWithNext() {
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        if (!paragraphs.isEmpty()) {
            XWPFParagraph last = paragraphs.get(paragraphs.size() - 1);
            last.setKeepNext(true);
        }
    }

    /** A body line without indentation (cover, contents). */
    public XWPFParagraph plain(String text, ParagraphAlignment alignment) {
        XWPFParagraph p = paragraph(PLAIN, text);
        p.setAlignment(alignment);
        return p;
    }

    /** Moves a paragraph down the page by whole body lines, instead of empty paragraphs. */
    public void spaceBefore(XWPFParagraph p, int lines) {
        if (lines > 0) {
            p.setSpacingBefore(lines * format.bodyLineTwips());
        }
    }

    /**
     * A table as wide as the text block, laid out fixed: the header row in the header font, centred, repeated on
     * every page; no row is ever cut across two pages; the given columns are centred.
     */
    public void table(List<String> header, List<List<String>> rows, List<Integer> widthsPercent, Set<Integer> centred) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        int textWidth = format.textWidthTwips();
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(textWidth));
        var tblPr = table.getCTTbl().getTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        // Word reads the cell widths, LibreOffice the grid: give both.
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        List<Integer> widths = widthsPercent.stream().map(pct -> textWidth * pct / 100).toList();
        widths.forEach(w -> grid.addNewGridCol().setW(BigInteger.valueOf(w)));
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        fillRow(head, header, widths, TABLE_HEADER, Set.of());
        for (int i = 0; i < rows.size(); i++) {
            fillRow(table.getRow(i + 1), rows.get(i), widths, TABLE_TEXT, centred);
        }
    }

    /**
     * A contents page: a TOC field over the report titles (公文标题 level 1, the line under each title level 2), its
     * current result the titles themselves, and {@code updateFields} so Word and WPS fill in page numbers on opening.
     */
    public void contents(String heading, List<ContentsEntry> entries) {
        contents(heading, entries, TITLE, SUBTITLE);
    }

    /**
     * A contents page as {@link #contents(String, List)}, its TOC field collecting the paragraphs of style
     * {@code level1Style} (level 1) and {@code level2Style} (level 2): the compilation's categories and chains.
     */
    public void contents(String heading, List<ContentsEntry> entries, String level1Style, String level2Style) {
        XWPFParagraph head = paragraph(CONTENTS_HEADING, heading);
        head.getCTP().getPPr().addNewPageBreakBefore();
        String instruction = " TOC \\h \\z \\t \"" + styleName(level1Style) + ",1," + styleName(level2Style) + ",2\" ";
        List<ContentsEntry> lines = entries.isEmpty() ? List.of(new ContentsEntry("（无）", 1)) : entries;
        for (int i = 0; i < lines.size(); i++) {
            ContentsEntry entry = lines.get(i);
            XWPFParagraph p = newParagraph(entry.level() <= 1 ? TOC1 : TOC2);
            if (i == 0) {
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
                p.createRun().getCTR().addNewInstrText().setStringValue(instruction);
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            }
            p.createRun().setText(entry.text());
            if (i == lines.size() - 1) {
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
            }
        }
        doc.getSettings().setUpdateFields();
    }

    /**
     * Ends the section so far (a cover and contents) without page numbers; what follows is numbered from 1.
     */
    public void endUnnumberedSection() {
        List<XWPFParagraph> paragraphs = doc.getParagraphs();
        XWPFParagraph last = paragraphs.get(paragraphs.size() - 1);
        CTPPr ppr = last.getCTP().isSetPPr() ? last.getCTP().getPPr() : last.getCTP().addNewPPr();
        CTSectPr main = doc.getDocument().getBody().getSectPr();
        CTSectPr cover = ppr.addNewSectPr();
        cover.setPgSz((CTPageSz) main.getPgSz().copy());
        cover.setPgMar((CTPageMar) main.getPgMar().copy());
        cover.setDocGrid((CTDocGrid) main.getDocGrid().copy());
        (main.isSetPgNumType() ? main.getPgNumType() : main.addNewPgNumType()).setStart(BigInteger.ONE);
    }

    /**
     * Writes the .docx package to {@code out}, which stays open. Its parts are deflated at the fastest level: a
     * report's XML takes a quarter of its writing time to compress at the default level, and the file is ≈ 1 KB
     * larger (docs/benchmarks.md, twenty-first session).
     */
    public void write(OutputStream out) {
        try {
            currentCompatibilityMode();
            // POI writes into an archive it is given (ZipPackage.saveImpl) and finishes it; closing it flushes out.
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(kept(out))) {
                zip.setLevel(Deflater.BEST_SPEED);
                doc.write(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code out} for an archive to write into: closing the archive flushes it, the caller closes its own stream. */
    private static OutputStream kept(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * The text without the spaces at its ends: the ASCII white space of {@code \s} (space, tab, line breaks, form
     * feed, vertical tab), the no-break space and the full-width space authors type to indent by hand. As the
     * expression {@code ^[\s\u00A0\u3000]+|[\s\u00A0\u3000]+$} it replaced, except before a last U+0085, U+2028 or
     * U+2029, where that expression's {@code $} also matched: no text reaches this with one (the lines are split at
     * every line break, and FreeText stores them as "\n").
     */
    static String stripEdgeSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isEdgeSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isEdgeSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isEdgeSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '\u00A0' || c == '\u3000';
    }

    /** Paragraphs written straight into the document's XML as they are made ({@link #write(OutputStream, Consumer)}). */
    public interface Stream {
        /** As {@link #heading1}, {@link #heading2}, {@link #heading3} or {@link #paragraph(String)}, by style. */
        void paragraph(String style, String text);

        /** The paragraph written next starts a new page. */
        void startNewPage();
    }

    private static final String STREAM_MARKER = "\u2063STREAMED-BODY\u2063";

    /**
     * Writes the document built so far with {@code rest} appended as a stream of plain paragraphs (one style, one run
     * each, as {@link #paragraph(String, String)} makes them), without ever holding them in POI's tree: for a
     * document of hundreds of thousands of paragraphs (the national compilation, issue 23). The part built so far is
     * written by POI, into memory, with a placeholder paragraph whose place {@code rest} takes in {@code word/document.xml}.
     */
    public void write(OutputStream out, Consumer<Stream> rest) {
        paragraph(BODY, STREAM_MARKER);
        java.io.ByteArrayOutputStream front = new java.io.ByteArrayOutputStream();
        write(front);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(front.toByteArray()))) {
            // The default deflate level here, unlike write(OutputStream): this is one large file (the national
            // compilation, ≈ 23 MB), written once in the background, where the size counts more than the time.
            java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(kept(out));
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (!entry.getName().equals("word/document.xml")) {
                    in.transferTo(zip);
                    zip.closeEntry();
                    continue;
                }
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int marker = xml.indexOf(STREAM_MARKER);
                int start = Math.max(xml.lastIndexOf("<w:p>", marker), xml.lastIndexOf("<w:p ", marker));
                int end = xml.indexOf("</w:p>", marker) + "</w:p>".length();
                if (marker < 0 || start < 0) {
                    throw new IllegalStateException("No place for the streamed paragraphs in word/document.xml");
                }
                java.io.Writer writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(zip, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
                writer.write(xml, 0, start);
                boolean[] newPage = {false};
                rest.accept(new Stream() {
                    @Override
                    public void paragraph(String style, String text) {
                        try {
                            String line = style.equals(BODY) ? stripEdgeSpaces(text == null ? "" : text) : text;
                            if (line.isEmpty() && style.equals(BODY)) {
                                return;   // as paragraph(String)
                            }
                            writer.write("<w:p><w:pPr><w:pStyle w:val=\"");
                            writer.write(style);
                            writer.write(newPage[0] ? "\"/><w:pageBreakBefore/></w:pPr><w:r><w:t" : "\"/></w:pPr><w:r><w:t");
                            newPage[0] = false;
                            if (!line.isEmpty() && (Character.isWhitespace(line.charAt(0)) || Character.isWhitespace(line.charAt(line.length() - 1)))) {
                                writer.write(" xml:space=\"preserve\"");
                            }
                            writer.write('>');
                            escape(line, writer);
                            writer.write("</w:t></w:r></w:p>");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void startNewPage() {
                        newPage[0] = true;
                    }
                });
                writer.write(xml, end, xml.length() - end);
                writer.flush();
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text content as XML: what XMLBeans escapes, and characters XML 1.0 does not allow left out. */
    private static void escape(String text, java.io.Writer w) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> w.write("&amp;");
                case '<' -> w.write("&lt;");
                case '>' -> w.write("&gt;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            w.write(c);
                        }
                    }
                }
            }
        }
    }

    /** Frees the document; it is never written anywhere but where {@link #write} was told. */
    @Override
    public void close() {
        PoiDocuments.discard(doc);
    }

    private static void fillRow(XWPFTableRow row, List<String> cells, List<Integer> widthsTwips, String style, Set<Integer> centred) {
        row.setCantSplitRow(true);
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(String.valueOf(widthsTwips.get(c)));
            cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(style);
            if (centred.contains(c)) {
                p.setAlignment(ParagraphAlignment.CENTER);
            }
            p.createRun().setText(cells.get(c) == null ? "" : cells.get(c).strip());
        }
    }

    private XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph p = newParagraph(style);
        p.createRun().setText(text);
        return p;
    }

    private XWPFParagraph newParagraph(String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        if (newPageNext) {
            p.getCTP().getPPr().addNewPageBreakBefore();
            newPageNext = false;
        }
        return p;
    }

    private String styleName(String id) {
        return doc.getStyles().getStyle(id).getName();
    }

    /** Word shows 兼容模式 for a file without it. POI's schema subset lacks w:compat, hence the cursor. */
    private void currentCompatibilityMode() {
        CTSettings settings = doc.getSettings().getCTSettings();
        try (XmlCursor c = settings.newCursor()) {
            c.toEndToken();
            c.beginElement(new QName(W, "compat", "w"));
            c.beginElement(new QName(W, "compatSetting", "w"));
            c.insertAttributeWithValue(new QName(W, "name", "w"), "compatibilityMode");
            c.insertAttributeWithValue(new QName(W, "uri", "w"), "http://schemas.microsoft.com/office/word");
            c.insertAttributeWithValue(new QName(W, "val", "w"), "15");
        }
    }

    /** The paragraph styles every paragraph names; fonts are given for every script (East-Asian included). */
    private void defineStyles() {
        XWPFStyles styles = doc.createStyles();
        documentDefaults(styles.getCtStyles());
        int bodyLine = format.bodyLineTwips();
        int titleLine = Math.max(bodyLine, format.title().halfPoints() * 20 * 13 / 10);
        // Word's Normal (LibreOffice's Standard): the character grid is measured against its size.
        XWPFStyle normal = style(NORMAL, "Normal", null, format.body(), p -> { });
        normal.getCTStyle().setDefault(true);
        styles.addStyle(normal);
        // Off the character grid: a 2号 character is wider than a grid cell, and LibreOffice would give it two.
        styles.addStyle(style(TITLE, "公文标题", null, format.title(), p -> {
            p.addNewJc().setVal(STJc.CENTER);
            exactLines(p, titleLine);
            keepWithNext(p);
            p.addNewSnapToGrid().setVal(STOnOff1.OFF);
        }));
        styles.addStyle(style(COVER_TITLE, "封面标题", TITLE, format.title(), p -> { }));
        styles.addStyle(style(BODY, "公文正文", null, format.body(), p -> {
            p.addNewJc().setVal(STJc.BOTH);
            exactLines(p, bodyLine);
            p.addNewInd().setFirstLine(BigInteger.valueOf((long) format.firstLineIndentChars() * format.body().halfPoints() * 10));
        }));
        styles.addStyle(style(PLAIN, "公文正文（无缩进）", BODY, format.body(), p -> p.addNewInd().setFirstLine(BigInteger.ZERO)));
        styles.addStyle(style(SUBTITLE, "公文副标题", PLAIN, format.subtitle(), p -> {
            p.addNewJc().setVal(STJc.CENTER);
            exactLines(p, bodyLine).setAfter(BigInteger.valueOf(bodyLine));
            keepWithNext(p);
        }));
        styles.addStyle(style(COVER_SUBTITLE, "封面副标题", SUBTITLE, format.subtitle(), p -> { }));
        styles.addStyle(style(HEADING1, "一级标题", BODY, format.heading1(), p -> {
            p.addNewOutlineLvl().setVal(BigInteger.ZERO);
            keepWithNext(p);
        }));
        styles.addStyle(style(HEADING2, "二级标题", BODY, format.heading2(), p -> {
            p.addNewOutlineLvl().setVal(BigInteger.ONE);
            keepWithNext(p);
        }));
        styles.addStyle(style(HEADING3, "三级标题", BODY, format.heading3(), p -> {
            p.addNewOutlineLvl().setVal(BigInteger.TWO);
            keepWithNext(p);
        }));
        styles.addStyle(style(POINT, "正文小标题", BODY, format.body(), OfficialDocument::keepWithNext));
        // In the body face (bold, as 1. headings): the county is a label, not a level of the outline.
        styles.addStyle(style(SOURCE, "来源县", PLAIN, format.heading3(), OfficialDocument::keepWithNext));
        styles.addStyle(characterStyle(LEAD1, "正文一级序号", format.heading1()));
        styles.addStyle(characterStyle(LEAD2, "正文二级序号", format.heading2()));
        styles.addStyle(characterStyle(LEAD3, "正文三级序号", format.heading3()));
        // Single-spaced and off the page grid, or every table line takes a body line's height.
        styles.addStyle(style(TABLE_TEXT, "表格文字", null, format.table(), p -> {
            exactLines(p, format.table().halfPoints() * 13);
            p.addNewSnapToGrid().setVal(STOnOff1.OFF);
        }));
        styles.addStyle(style(TABLE_HEADER, "表头", TABLE_TEXT,
                new OfficialFormat.Font(format.tableHeaderFont(), format.table().halfPoints(), false),
                p -> p.addNewJc().setVal(STJc.CENTER)));
        // Exactly one line of its own size: the number's top is then footer distance + that line above the edge.
        styles.addStyle(style(PAGE_NUMBER, "页码", null, format.pageNumber(), p -> {
            exactLines(p, format.pageNumber().halfPoints() * 10);
            p.addNewSnapToGrid().setVal(STOnOff1.OFF);
        }));
        styles.addStyle(style(CONTENTS_HEADING, "目录标题", PLAIN, format.heading1(), p -> {
            p.addNewJc().setVal(STJc.CENTER);
            exactLines(p, bodyLine).setAfter(BigInteger.valueOf(bodyLine));
        }));
        int textWidth = format.textWidthTwips();
        styles.addStyle(style(TOC1, "toc 1", PLAIN, format.body(), p -> contentsTab(p, textWidth)));
        styles.addStyle(style(TOC2, "toc 2", PLAIN, format.body(), p -> {
            contentsTab(p, textWidth);
            p.getInd().setLeft(BigInteger.valueOf(2L * format.body().halfPoints() * 10));
        }));
    }

    /** zh-CN proofing and line breaking; the body size, which Word's character grid is measured against. */
    private void documentDefaults(CTStyles styles) {
        CTDocDefaults defaults = styles.isSetDocDefaults() ? styles.getDocDefaults() : styles.addNewDocDefaults();
        var rPrDefault = defaults.isSetRPrDefault() ? defaults.getRPrDefault() : defaults.addNewRPrDefault();
        CTRPr run = rPrDefault.isSetRPr() ? rPrDefault.getRPr() : rPrDefault.addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(format.body().name());
        fonts.setHAnsi(format.body().name());
        fonts.setEastAsia(format.body().name());
        fonts.setCs(format.body().name());
        run.addNewSz().setVal(BigInteger.valueOf(format.body().halfPoints()));
        run.addNewSzCs().setVal(BigInteger.valueOf(format.body().halfPoints()));
        // GB/T 9704's 28 characters of 3号 in the text width need a pitch below the font size (15.79 pt for 16 pt in
        // 156 mm): every character is condensed by the difference, rounded up to 1/20 pt (0.25 pt here), and set by
        // its advance. Snapped into grid cells, LibreOffice gave each too-wide character two cells (14 a line).
        int condense = condenseTwentieths();
        if (condense > 0) {
            run.addNewSpacing().setVal(BigInteger.valueOf(-condense));
        }
        CTLanguage lang = run.addNewLang();
        lang.setVal("en-US");
        lang.setEastAsia("zh-CN");
        lang.setBidi("ar-SA");
    }

    /** How much each body character is condensed, in 1/20 pt, for {@code grid.chars} characters a line; 0 when they fit. */
    int condenseTwentieths() {
        double pitchTwentieths = format.textWidthTwips() / (double) format.gridChars();
        return (int) Math.max(0, Math.ceil(format.body().halfPoints() * 10 - pitchTwentieths));
    }

    private static void keepWithNext(CTPPrGeneral p) {
        p.addNewKeepNext();
        p.addNewKeepLines();
    }

    private static void contentsTab(CTPPrGeneral p, int textWidth) {
        p.addNewInd().setFirstLine(BigInteger.ZERO);
        CTTabStop tab = p.addNewTabs().addNewTab();
        tab.setVal(STTabJc.RIGHT);
        tab.setLeader(STTabTlc.DOT);
        tab.setPos(BigInteger.valueOf(textWidth));
    }

    private static CTSpacing exactLines(CTPPrGeneral p, int twips) {
        CTSpacing spacing = p.isSetSpacing() ? p.getSpacing() : p.addNewSpacing();
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
        CTPPrGeneral ppr = style.addNewPPr();
        paragraph.accept(ppr);
        if (!ppr.isSetSnapToGrid()) {
            // Characters are set by their (condensed) advance, not snapped into grid cells; see documentDefaults.
            ppr.addNewSnapToGrid().setVal(STOnOff1.OFF);
        }
        runFormat(style.addNewRPr(), font);
        return new XWPFStyle(style);
    }

    /** A character style: the face of a heading level for the marker that opens an author's paragraph. */
    private static XWPFStyle characterStyle(String id, String name, OfficialFormat.Font font) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.CHARACTER);
        style.addNewName().setVal(name);
        runFormat(style.addNewRPr(), font);
        return new XWPFStyle(style);
    }

    private static void runFormat(CTRPr run, OfficialFormat.Font font) {
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(font.name());
        fonts.setHAnsi(font.name());
        fonts.setEastAsia(font.name());
        fonts.setCs(font.name());
        run.addNewB().setVal(font.bold() ? STOnOff1.ON : STOnOff1.OFF);
        run.addNewSz().setVal(BigInteger.valueOf(font.halfPoints()));
        run.addNewSzCs().setVal(BigInteger.valueOf(font.halfPoints()));
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
        // 22 lines of 28 characters: the line pitch divides the text block's height, and the character pitch
        // (charSpace, in 1/4096 pt beyond the body size) its width.
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(format.textHeightTwips() / format.gridLines()));
        double charPitchPoints = format.textWidthTwips() / (double) format.gridChars() / 20;
        grid.setCharSpace(BigInteger.valueOf(Math.round((charPitchPoints - format.body().halfPoints() / 2.0) * 4096)));
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
