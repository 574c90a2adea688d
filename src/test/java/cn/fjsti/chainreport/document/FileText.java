package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.document.DocxImporter.NotPlaced;
import cn.fjsti.chainreport.document.DocxImporter.Preview;
import cn.fjsti.chainreport.document.DocxImporter.Structure;
import cn.fjsti.chainreport.document.DocxImporter.Unit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;

/**
 * The text a clerk sees in a Word file, read independently of the importer (a plain scan of the XML for the text
 * Word shows after "accept all changes": every w:t outside deletions, moved-away text and compatibility fallbacks,
 * plus footnotes and endnotes, and page headers and footers other than a page number; for .doc POI's own WordExtractor), and the text of a preview; both reduced to the same
 * multiset of characters so that splitting a heading from its text or joining 联系人 and 联系电话 does not count,
 * while any lost, duplicated or invented text does.
 */
final class FileText {

    private static final Set<String> HIDDEN = Set.of("del", "moveFrom", "Fallback", "instrText", "delInstrText", "delText");

    private FileText() {
    }

    static String ofDocx(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        Set<String> margins = new java.util.HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.equals("word/document.xml") || name.equals("word/footnotes.xml") || name.equals("word/endnotes.xml")) {
                    scan(zip.readAllBytes(), text);
                } else if (name.matches("word/(header|footer)\\d*\\.xml")) {
                    // Page headers and footers count once per distinct text; a page number alone is not text.
                    StringBuilder margin = new StringBuilder();
                    scan(zip.readAllBytes(), margin);
                    String t = margin.toString().strip();
                    if (!t.replaceAll("[\\s\\d\\-—–·/|第页共]", "").replaceAll("(?i)page|of", "").isEmpty() && margins.add(t)) {
                        text.append('\n').append(t);
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    private static void scan(byte[] xml, StringBuilder text) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            Deque<String> open = new ArrayDeque<>();
            int hidden = 0;
            boolean inText = false;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String local = r.getLocalName();
                        open.push(local);
                        if (HIDDEN.contains(local)) {
                            hidden++;
                        }
                        inText = local.equals("t") && hidden == 0;
                        if (local.equals("p")) {
                            text.append('\n');
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String local = open.pop();
                        if (HIDDEN.contains(local)) {
                            hidden--;
                        }
                        inText = false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (inText) {
                            text.append(r.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String ofDoc(byte[] bytes) {
        try (HWPFDocument doc = new HWPFDocument(new ByteArrayInputStream(bytes)); WordExtractor extractor = new WordExtractor(doc)) {
            StringBuilder text = new StringBuilder();
            for (String p : extractor.getParagraphText()) {
                text.append(p).append('\n');
            }
            try {
                text.append(doc.getMainTextboxRange().text()).append('\n');
            } catch (RuntimeException noTextBoxStory) {
                // POI's own .doc files have none
            }
            if (doc.getFootnotes().getNotesCount() > 0) {
                for (String p : extractor.getFootnoteText()) {
                    text.append(p).append('\n');
                }
            }
            if (doc.getEndnotes().getNotesCount() > 0) {
                for (String p : extractor.getEndnoteText()) {
                    text.append(p).append('\n');
                }
            }
            return stripFieldCodes(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripFieldCodes(String s) {
        return s.replaceAll("\u0013[^\u0013\u0014\u0015]*\u0014", "").replaceAll("\u0013[^\u0013\u0014\u0015]*\u0015", "").replace("\u0015", "");
    }

    static String ofPreview(Preview preview) {
        StringBuilder text = new StringBuilder();
        preview.sections().values().forEach(s -> text.append(s).append('\n'));
        for (Unit u : preview.units()) {
            text.append(u.name()).append('\n').append(nz(u.strength())).append('\n').append(nz(u.contact())).append('\n');
        }
        preview.kindsAsWritten().forEach(k -> text.append(nz(k)).append('\n'));
        for (Structure s : preview.structure()) {
            text.append(s.text()).append('\n');
        }
        for (NotPlaced n : preview.notPlaced()) {
            text.append(n.text()).append('\n');
        }
        for (DocxImporter.Inset e : preview.exhibits()) {
            if (e.rows() != null) {
                e.rows().forEach(row -> text.append(String.join("\n", row)).append('\n'));
            }
        }
        return text.toString();
    }

    /** Each visible character with its count: NFKC, without spaces, invisible characters or punctuation. */
    static Map<String, Long> letters(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Map<String, Long> counts = new TreeMap<>();
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT || type == Character.CONTROL
                    || type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION || type == Character.START_PUNCTUATION
                    || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.OTHER_PUNCTUATION || c == '|') {
                return;
            }
            counts.merge(new String(Character.toChars(c)), 1L, Long::sum);
        });
        return counts;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
