package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.report.ExhibitMarkers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A section's text with its tables and figures, for one report: text between marker lines goes to
 * {@link OfficialDocument#text}; a 〔表:id〕 line becomes "表N caption" (centred, kept with its table) above a
 * table as wide as the text block (header row repeated, rows never split, the table font); a 〔图:id〕 line
 * becomes the picture, centred, at most the text block's width (156 mm) and 200 mm high, with "图N caption"
 * below it in the same paragraph (after a line break). Tables and figures are numbered per report in the order they stand. A marker whose exhibit is not
 * the report's own is left out.
 */
final class ExhibitRenderer {

    /** What a document needs of one table or figure, detached from the database. */
    public record Item(long id, boolean figure, String caption, List<List<String>> rows, byte[] image, String mediaType,
                       int width, int height) {
    }

    private static final int MAX_FIGURE_HEIGHT_MM = 200;
    private static final double SCREEN_DPI = 96;

    private final OfficialDocument doc;
    private final Map<Long, Item> items;
    private int tables;
    private int figures;

    ExhibitRenderer(OfficialDocument doc, Map<Long, Item> items) {
        this.doc = doc;
        this.items = items == null ? Map.of() : items;
    }

    /** Writes a section's text, its tables and figures in place. */
    void text(String text) {
        if (text == null || text.indexOf('〔') < 0) {
            doc.text(text);
            return;
        }
        StringBuilder words = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ExhibitMarkers.Ref ref = ExhibitMarkers.parse(lines[i], i);
            if (ref == null) {
                words.append(lines[i]).append('\n');
                continue;
            }
            Item item = items.get(ref.id());
            if (item == null || item.figure() != (ref.kind() == cn.fjsti.chainreport.report.Exhibit.Kind.FIGURE)) {
                continue;
            }
            doc.text(words.toString());
            words.setLength(0);
            if (item.figure()) {
                figure(item);
            } else {
                table(item);
            }
        }
        doc.text(words.toString());
    }

    private void table(Item item) {
        doc.plain("表" + ++tables + "　" + item.caption(), ParagraphAlignment.CENTER);
        doc.keepLastWithNext();
        List<List<String>> rows = item.rows();
        int columns = rows.get(0).size();
        List<Integer> widths = new ArrayList<>(Collections.nCopies(columns, 100 / columns));
        // Statistics tables: every cell centred, as in a yearbook.
        doc.table(rows.get(0), rows.subList(1, rows.size()), widths,
                java.util.stream.IntStream.range(0, columns).boxed().collect(java.util.stream.Collectors.toSet()));
    }

    private void figure(Item item) {
        XWPFParagraph picture = doc.plain("", ParagraphAlignment.CENTER);
        // The body's exact line height would cut the picture to one line.
        picture.setSpacingBetween(1, LineSpacingRule.AUTO);
        double maxWidthPt = textWidthTwips(picture) / 20.0;
        double widthPt = Math.min(maxWidthPt, item.width() * 72 / SCREEN_DPI);
        double heightPt = widthPt * item.height() / item.width();
        double maxHeightPt = MAX_FIGURE_HEIGHT_MM * 72 / 25.4;
        if (heightPt > maxHeightPt) {
            widthPt = widthPt * maxHeightPt / heightPt;
            heightPt = maxHeightPt;
        }
        XWPFRun run = picture.getRuns().isEmpty() ? picture.createRun() : picture.getRuns().get(0);
        boolean png = "image/png".equals(item.mediaType());
        try {
            run.addPicture(new ByteArrayInputStream(item.image()), png ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG,
                    "figure" + item.id() + (png ? ".png" : ".jpg"), Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("图片 " + item.id() + " 无法写入文件", e);
        }
        // The caption in the picture's own paragraph, after a line break: it can never be parted from the picture,
        // and the paragraph has text (a checker reading only text would take a lone picture for an empty line).
        XWPFRun caption = picture.createRun();
        caption.addBreak();
        caption.setText("图" + ++figures + "　" + item.caption());
    }

    /** The text block's width, from the page the document is set up with. */
    private static int textWidthTwips(XWPFParagraph p) {
        CTSectPr sect = p.getDocument().getDocument().getBody().getSectPr();
        BigInteger page = (BigInteger) sect.getPgSz().getW();
        BigInteger left = (BigInteger) sect.getPgMar().getLeft();
        BigInteger right = (BigInteger) sect.getPgMar().getRight();
        return page.intValue() - left.intValue() - right.intValue();
    }
}
