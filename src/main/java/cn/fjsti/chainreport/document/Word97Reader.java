package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.document.WordBlocks.Block;
import cn.fjsti.chainreport.document.WordBlocks.Cell;
import cn.fjsti.chainreport.document.WordBlocks.Para;
import cn.fjsti.chainreport.document.WordBlocks.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.Notes;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads a Word 97-2003 .doc (Apache POI HWPF) into the same {@link WordBlocks} as a .docx, so one recogniser serves
 * both: paragraphs with their line breaks and outline or list level, tables with vertical merges, tracked deletions
 * left out, field codes left out (their displayed result kept), footnotes and endnotes attached to the paragraph that
 * references them, pictures and drawn objects named.
 */
final class Word97Reader {

    private static final String FLOATING = "浮动图形或文本框";

    private Word97Reader() {
    }

    static List<Block> read(POIFSFileSystem fs) throws Exception {
        HWPFDocument doc = new HWPFDocument(fs.getRoot());
        Range range = doc.getRange();
        Map<Integer, String> notes = new HashMap<>();
        notes(doc.getFootnotes(), doc.getFootnoteRange(), notes);
        notes(doc.getEndnotes(), doc.getEndnoteRange(), notes);
        List<Block> out = new ArrayList<>();
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                org.apache.poi.hwpf.usermodel.Table table = range.getTable(p);
                out.add(table(table, notes));
                i += Math.max(1, table.numParagraphs()) - 1;
                continue;
            }
            out.add(paragraph(doc, p, notes));
        }
        // Text boxes of a .doc live in a story of their own; where each one is anchored is not told reliably, so
        // their text is listed as not placed rather than guessed into a section.
        Range boxes = textBoxes(doc);
        if (boxes != null) {
            // Split the story's text rather than asking for its paragraphs, whose properties POI cannot always parse.
            for (String line : boxes.text().split("[\r\u0007]")) {
                String text = visible(line).strip();
                if (!text.isEmpty()) {
                    out.add(new WordBlocks.Loose("文本框", text, "Word 97-2003 文件中的文本框（无法确定其位置，请核对后粘贴到相应章节；另存为 .docx 再导入可自动归位）"));
                }
            }
        }
        return out;
    }

    private static Range textBoxes(HWPFDocument doc) {
        try {
            Range range = doc.getMainTextboxRange();
            range.text();
            return range;
        } catch (RuntimeException e) {
            return null; // a file without a text-box story (POI's own .doc files): nothing to read
        }
    }

    private static void notes(Notes notes, Range subdocument, Map<Integer, String> into) {
        if (notes == null || subdocument == null) {
            return;
        }
        String all = subdocument.text();
        for (int i = 0; i < notes.getNotesCount(); i++) {
            int start = notes.getNoteTextStartOffset(i);
            int end = Math.min(all.length(), notes.getNoteTextEndOffset(i));
            if (start < 0 || start >= end) {
                continue;
            }
            String text = visible(all.substring(start, end)).replace("\n", " ").strip();
            if (!text.isEmpty()) {
                into.put(notes.getNoteAnchorPosition(i), text);
            }
        }
    }

    /** An inline picture with its bytes as stored (PNG, JPEG, EMF …); without them when HWPF cannot extract it. */
    private static WordBlocks.Picture picture(HWPFDocument doc, CharacterRun run) {
        try {
            org.apache.poi.hwpf.usermodel.Picture picture = doc.getPicturesTable().extractPicture(run, false);
            byte[] content = picture == null ? null : picture.getContent();
            return new WordBlocks.Picture("图片", null, content == null || content.length == 0 ? null : content);
        } catch (RuntimeException e) {
            return WordBlocks.Picture.named("图片");
        }
    }

    private static Para paragraph(HWPFDocument doc, Paragraph p, Map<Integer, String> notes) {
        StringBuilder text = new StringBuilder();
        List<String> noteTexts = new ArrayList<>();
        List<WordBlocks.Picture> images = new ArrayList<>();
        int leadingBold = 0;
        boolean boldOpen = true;
        boolean plainAfterBold = false;
        for (int r = 0; r < p.numCharacterRuns(); r++) {
            CharacterRun run = p.getCharacterRun(r);
            if (run.isMarkedDeleted() || run.isVanished()) {
                continue;
            }
            String t = run.text();
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                int cp = run.getStartOffset() + k;
                if (c == '\u0002' && notes.containsKey(cp)) {
                    noteTexts.add(notes.get(cp));
                } else if (c == '\u0001' && doc.getPicturesTable().hasPicture(run)) {
                    images.add(picture(doc, run));
                } else if (c == '\u0008' && images.stream().noneMatch(i -> i.description().equals(FLOATING))) {
                    images.add(WordBlocks.Picture.named(FLOATING));
                }
            }
            String shown = t;
            if (boldOpen && run.isBold()) {
                leadingBold += shown.length();
            } else {
                if (leadingBold > 0 && !visible(shown).isBlank()) {
                    plainAfterBold = true;
                }
                boldOpen = false;
            }
            text.append(shown);
        }
        String raw = text.toString();
        String shown = visible(raw);
        int bold = plainAfterBold ? visible(raw.substring(0, Math.min(leadingBold, raw.length()))).length() : 0;
        int level = -1;
        if (p.getLvl() >= 0 && p.getLvl() < 9) {
            level = p.getLvl();
        } else if (p.getIlfo() != 0) {
            level = p.getIlvl();
        }
        return new Para(shown.strip().isEmpty() ? "" : shown.replaceAll("\n+$", ""), level, noteTexts, images, bold);
    }

    /** Column edges closer than this (twips, 0.5 mm) are one edge: rows drawn by hand rarely line up exactly. */
    private static final int EDGE_TOLERANCE = 30;

    private static Table table(org.apache.poi.hwpf.usermodel.Table table, Map<Integer, String> notes) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Integer> edges = columnEdges(table);
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < cell.numParagraphs(); i++) {
                    Paragraph p = cell.getParagraph(i);
                    StringBuilder line = new StringBuilder();
                    for (int k = 0; k < p.numCharacterRuns(); k++) {
                        CharacterRun run = p.getCharacterRun(k);
                        if (!run.isMarkedDeleted() && !run.isVanished()) {
                            line.append(run.text());
                        }
                    }
                    String shown = visible(line.toString()).strip();
                    if (!shown.isEmpty()) {
                        text.append(text.length() == 0 ? "" : "\n").append(shown);
                    }
                }
                boolean continued = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged() && text.toString().isBlank();
                cells.add(new Cell(text.toString(), continued));
                // A cell as wide as several columns of the other rows (联系方式 over 联系人 | 联系电话) spreads over them,
                // as a .docx's gridSpan does, so that the columns below line up with their headers.
                for (int extra = span(edges, cell.getLeftEdge(), cell.getWidth()) - 1; extra > 0; extra--) {
                    cells.add(new Cell("", false));
                }
            }
            rows.add(cells);
        }
        return new Table(rows);
    }

    /** The table's column edges (twips from its left), edges within {@link #EDGE_TOLERANCE} of each other merged. */
    private static List<Integer> columnEdges(org.apache.poi.hwpf.usermodel.Table table) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                all.add(row.getCell(c).getLeftEdge());
            }
        }
        List<Integer> edges = new ArrayList<>();
        for (int e : all) {
            if (edges.isEmpty() || e - edges.get(edges.size() - 1) > EDGE_TOLERANCE) {
                edges.add(e);
            }
        }
        return edges;
    }

    /** How many of the table's columns a cell covers: the column edges from its left edge up to its right one. */
    private static int span(List<Integer> edges, int left, int width) {
        int n = 0;
        for (int e : edges) {
            if (e >= left - EDGE_TOLERANCE && e < left + width - EDGE_TOLERANCE) {
                n++;
            }
        }
        return Math.max(1, Math.min(64, n));
    }

    /** The displayed text: field codes out (results kept), Word's control marks out, line breaks as {@code \n}. */
    static String visible(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        // Per open field: true while in its code part (before the separator).
        java.util.ArrayDeque<Boolean> fields = new java.util.ArrayDeque<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '\u0013' -> fields.push(true);
                case '\u0014' -> {
                    if (!fields.isEmpty()) {
                        fields.pop();
                        fields.push(false);
                    }
                }
                case '\u0015' -> {
                    if (!fields.isEmpty()) {
                        fields.pop();
                    }
                }
                default -> {
                    if (fields.contains(Boolean.TRUE)) {
                        continue;
                    }
                    if (c == '\u000B' || c == '\u000C' || c == '\r') {
                        out.append('\n');
                    } else if (c == '\u001E') {
                        out.append('-');
                    } else if (c == '\t') {
                        out.append(' ');
                    } else if (c >= 0x20 || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
