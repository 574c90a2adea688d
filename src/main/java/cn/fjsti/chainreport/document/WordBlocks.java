package cn.fjsti.chainreport.document;

import java.util.List;

/**
 * What a Word file shows, in reading order, whatever its format: paragraphs (with their line breaks, the notes
 * they reference and the images they hold), tables and the hints Word gives about headings. The .docx and .doc
 * readers produce it; {@link OutlineRecogniser} turns it into a preview.
 */
final class WordBlocks {

    private WordBlocks() {
    }

    /** One block of the body. */
    sealed interface Block permits Para, Table, Loose {
    }

    /**
     * A paragraph as the clerk sees it after "accept all changes".
     *
     * @param text       its text; line breaks (Shift+Enter, U+000B) are {@code \n}
     * @param level      outline hint: 0 for a part-like heading, 1 for a section-like one, -1 when Word says nothing
     *                   (heading styles, outline levels and automatic numbering levels give it)
     * @param notes      text of the footnotes and endnotes it references, in order
     * @param images     the images, charts and embedded objects it holds, in order
     * @param firstBold  length of a leading bold run followed by plain text (a run-in heading), or 0
     */
    record Para(String text, int level, List<String> notes, List<Picture> images, int firstBold) implements Block {
    }

    /**
     * An image, chart or embedded object of a paragraph.
     *
     * @param description what it is, for a person: "图片“产值走势”", "图表", "嵌入对象"
     * @param alt         its alternative text or title as written in the file, or null
     * @param bytes       the picture's file as stored in the document (any format), or null when it has none the
     *                    reader can take (a chart, an embedded object, a linked picture, a text-box anchor)
     */
    record Picture(String description, String alt, byte[] bytes) {

        static Picture named(String description) {
            return new Picture(description, null, null);
        }
    }

    /** A table: rows of cells; a cell merged from above has {@code continued} set and no text of its own. */
    record Table(List<List<Cell>> rows) implements Block {
    }

    /** Text whose place in the body cannot be told (a .doc text box): always listed as not placed, with why. */
    record Loose(String kind, String text, String why) implements Block {
    }

    /** One grid cell: horizontal merges are spread over the columns they cover, text only in the first. */
    record Cell(String text, boolean continued) {
    }
}
