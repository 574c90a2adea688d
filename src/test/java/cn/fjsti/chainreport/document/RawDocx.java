package cn.fjsti.chainreport.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A .docx written by hand, part by part, the way Word, WPS, converters and templates write them: lets a test put
 * text exactly where real files put it (text boxes, content controls, tracked changes, numbering in styles …).
 */
final class RawDocx {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String NS = "xmlns:w=\"" + W + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
            + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
            + " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\""
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
            + " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\"";
    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private final List<String> body = new ArrayList<>();
    private String styles;
    private String numbering;
    private String footnotes;
    private String endnotes;
    private String header;
    private String footer;
    private boolean image;

    RawDocx add(String xml) {
        body.add(xml);
        return this;
    }

    RawDocx styles(String stylesXml) {
        styles = stylesXml;
        return this;
    }

    RawDocx numbering(String numberingXml) {
        numbering = numberingXml;
        return this;
    }

    RawDocx footnotes(String notes) {
        footnotes = notes;
        return this;
    }

    RawDocx endnotes(String notes) {
        endnotes = notes;
        return this;
    }

    /** A page header (default for every page) holding these paragraphs. */
    RawDocx header(String paragraphs) {
        header = paragraphs;
        return this;
    }

    /** A page footer (default for every page) holding these paragraphs. */
    RawDocx footer(String paragraphs) {
        footer = paragraphs;
        return this;
    }

    RawDocx image() {
        image = true;
        return this;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    static String boldRun(String text) {
        return "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    static String p(String text) {
        return "<w:p>" + run(text) + "</w:p>";
    }

    static String pXml(String inner) {
        return "<w:p>" + inner + "</w:p>";
    }

    static String styled(String styleId, String text) {
        return "<w:p><w:pPr><w:pStyle w:val=\"" + styleId + "\"/></w:pPr>" + run(text) + "</w:p>";
    }

    static String numbered(int level, String text) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" + run(text) + "</w:p>";
    }

    /** A table; each row's cells are plain strings; "^" marks a cell merged from the one above, "<n" spans n columns. */
    static String table(List<List<String>> rows) {
        StringBuilder t = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
        for (int r = 0; r < rows.size(); r++) {
            t.append("<w:tr>");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String cell = rows.get(r).get(c);
                boolean mergedBelow = r + 1 < rows.size() && c < rows.get(r + 1).size() && rows.get(r + 1).get(c).equals("^");
                if (cell.equals("^")) {
                    t.append("<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>");
                } else if (cell.startsWith("<")) {
                    int span = Integer.parseInt(cell.substring(1, cell.indexOf(' ')));
                    t.append("<w:tc><w:tcPr><w:gridSpan w:val=\"").append(span).append("\"/></w:tcPr>")
                            .append(p(cell.substring(cell.indexOf(' ') + 1))).append("</w:tc>");
                } else {
                    t.append("<w:tc>").append(mergedBelow ? "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" : "")
                            .append(cell.isEmpty() ? "<w:p/>" : p(cell)).append("</w:tc>");
                }
            }
            t.append("</w:tr>");
        }
        return t.append("</w:tbl>").toString();
    }

    static String imageParagraph(String description) {
        return "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"3600000\" cy=\"2000000\"/><wp:docPr id=\"7\" name=\"图片 7\" descr=\""
                + esc(description) + "\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
                + "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"chart.png\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
                + "<a:blip r:embed=\"rIdImg1\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                + "<a:ext cx=\"3600000\" cy=\"2000000\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
                + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    }

    byte[] bytes() {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        String base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        String ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        if (styles != null) {
            parts.put("word/styles.xml", "<w:styles xmlns:w=\"" + W + "\">" + styles + "</w:styles>");
            types.append("<Override PartName=\"/word/styles.xml\" ContentType=\"").append(ct).append("styles+xml\"/>");
            rels.append("<Relationship Id=\"rIdS\" Type=\"").append(base).append("styles\" Target=\"styles.xml\"/>");
        }
        if (numbering != null) {
            parts.put("word/numbering.xml", "<w:numbering xmlns:w=\"" + W + "\">" + numbering + "</w:numbering>");
            types.append("<Override PartName=\"/word/numbering.xml\" ContentType=\"").append(ct).append("numbering+xml\"/>");
            rels.append("<Relationship Id=\"rIdN\" Type=\"").append(base).append("numbering\" Target=\"numbering.xml\"/>");
        }
        if (footnotes != null) {
            parts.put("word/footnotes.xml", "<w:footnotes xmlns:w=\"" + W + "\"><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                    + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>" + footnotes + "</w:footnotes>");
            types.append("<Override PartName=\"/word/footnotes.xml\" ContentType=\"").append(ct).append("footnotes+xml\"/>");
            rels.append("<Relationship Id=\"rIdF\" Type=\"").append(base).append("footnotes\" Target=\"footnotes.xml\"/>");
        }
        if (endnotes != null) {
            parts.put("word/endnotes.xml", "<w:endnotes xmlns:w=\"" + W + "\"><w:endnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>"
                    + "<w:endnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>" + endnotes + "</w:endnotes>");
            types.append("<Override PartName=\"/word/endnotes.xml\" ContentType=\"").append(ct).append("endnotes+xml\"/>");
            rels.append("<Relationship Id=\"rIdE\" Type=\"").append(base).append("endnotes\" Target=\"endnotes.xml\"/>");
        }
        if (header != null) {
            parts.put("word/header1.xml", "<w:hdr " + NS + ">" + header + "</w:hdr>");
            types.append("<Override PartName=\"/word/header1.xml\" ContentType=\"").append(ct).append("header+xml\"/>");
            rels.append("<Relationship Id=\"rIdH\" Type=\"").append(base).append("header\" Target=\"header1.xml\"/>");
        }
        if (footer != null) {
            parts.put("word/footer1.xml", "<w:ftr " + NS + ">" + footer + "</w:ftr>");
            types.append("<Override PartName=\"/word/footer1.xml\" ContentType=\"").append(ct).append("footer+xml\"/>");
            rels.append("<Relationship Id=\"rIdFt\" Type=\"").append(base).append("footer\" Target=\"footer1.xml\"/>");
        }
        if (image) {
            rels.append("<Relationship Id=\"rIdImg1\" Type=\"").append(base).append("image\" Target=\"media/image1.png\"/>");
        }
        types.append("</Types>");
        rels.append("</Relationships>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", types.toString());
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + base + "officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            put(zip, "word/_rels/document.xml.rels", rels.toString());
            put(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + NS + "><w:body>"
                    + String.join("", body) + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
            for (var part : parts.entrySet()) {
                put(zip, part.getKey(), "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + part.getValue());
            }
            if (image) {
                zip.putNextEntry(new ZipEntry("word/media/image1.png"));
                zip.write(PNG);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
