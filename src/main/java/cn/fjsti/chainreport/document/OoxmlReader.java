package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.document.WordBlocks.Block;
import cn.fjsti.chainreport.document.WordBlocks.Cell;
import cn.fjsti.chainreport.document.WordBlocks.Para;
import cn.fjsti.chainreport.document.WordBlocks.Table;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a .docx (transitional or Strict Open XML) into {@link WordBlocks} the way Word shows it after "accept all
 * changes": insertions and moved-to text in, deletions and moved-from text out; text boxes (DrawingML and VML, the
 * fallback of an {@code mc:AlternateContent} skipped so a box counts once), content controls, fields (displayed
 * result, not the code), hyperlinks, smart tags; footnotes and endnotes attached to the paragraph that references
 * them; images and embedded objects named. Elements are matched by local name so both namespaces of the
 * transitional and the Strict dialect read the same. XML is parsed by POI's hardened parser (no DOCTYPE).
 */
final class OoxmlReader {

    /** Header or footer text that is only a page number ("- 1 -", "第 1 页 共 3 页", "Page 1 of 3"), or nothing. */
    private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile(
            "[\\s\\d\\-—–·/|第页共of]*|(?i)[\\s\\d\\-—–·/|]*page[\\s\\d\\-—–·/|of]*");

    private final Map<String, String> footnotes = new HashMap<>();
    private final Map<String, String> endnotes = new HashMap<>();
    private final Map<String, Integer> styleLevels = new HashMap<>();
    private final PackagePart main;
    /** Relationship ids are the main part's only while its body is read (notes have their own). */
    private boolean inBody;

    private OoxmlReader(PackagePart main) {
        this.main = main;
    }

    /** The body of the package's main document; throws {@link IllegalArgumentException} when there is none. */
    static List<Block> read(OPCPackage pkg) throws Exception {
        PackagePart main = null;
        for (PackageRelationship rel : pkg.getRelationships()) {
            if (rel.getRelationshipType().endsWith("/officeDocument")) {
                main = pkg.getPart(rel);
                break;
            }
        }
        if (main == null) {
            throw new IllegalArgumentException("no main document");
        }
        OoxmlReader reader = new OoxmlReader(main);
        Map<String, String> margins = new java.util.LinkedHashMap<>();
        for (PackageRelationship rel : main.getRelationships()) {
            if (rel.getTargetMode() == org.apache.poi.openxml4j.opc.TargetMode.EXTERNAL) {
                continue;
            }
            String type = rel.getRelationshipType();
            if (!(type.endsWith("/footnotes") || type.endsWith("/endnotes") || type.endsWith("/styles")
                    || type.endsWith("/header") || type.endsWith("/footer"))) {
                continue; // pictures and the like are read where the body names them
            }
            PackagePart part;
            try {
                part = main.getRelatedPart(rel);
            } catch (Exception missing) {
                part = null; // a relationship to a part the package lacks: nothing to read there, the rest still is
            }
            if (part == null) {
                continue;
            }
            if (type.endsWith("/footnotes")) {
                reader.notes(parse(part), "footnote", reader.footnotes);
            } else if (type.endsWith("/endnotes")) {
                reader.notes(parse(part), "endnote", reader.endnotes);
            } else if (type.endsWith("/styles")) {
                reader.styles(parse(part));
            } else if (type.endsWith("/header") || type.endsWith("/footer")) {
                List<Block> blocks = new ArrayList<>();
                reader.blocks(parse(part), blocks);
                String text = flatten(blocks).strip();
                if (!PAGE_NUMBER.matcher(text).matches()) {
                    margins.putIfAbsent(text, type.endsWith("/header") ? "页眉" : "页脚");
                }
            }
        }
        Element document = parse(main);
        Element body = child(document, "body");
        if (body == null || !"document".equals(document.getLocalName())) {
            throw new IllegalArgumentException("no body");
        }
        List<Block> out = new ArrayList<>();
        reader.inBody = true;
        reader.blocks(body, out);
        margins.forEach((text, kind) -> out.add(new WordBlocks.Loose(kind, text,
                kind + "（每页" + (kind.equals("页眉") ? "顶端" : "底端") + "重复的文字，不属于报告正文；如需要，请导入后写入相应章节）")));
        return out;
    }

    private static Element parse(PackagePart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return DocumentHelper.readDocument(in).getDocumentElement();
        }
    }

    private void notes(Element root, String name, Map<String, String> into) {
        for (Element note : children(root, name)) {
            String type = attr(note, "type");
            if (type != null && !type.equals("normal")) {
                continue;
            }
            List<Block> blocks = new ArrayList<>();
            blocks(note, blocks);
            into.put(attr(note, "id"), flatten(blocks).strip());
        }
    }

    /** Outline level per paragraph style: heading styles, outline levels and numbering set on the style. */
    private void styles(Element root) {
        Map<String, String> basedOn = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        for (Element style : children(root, "style")) {
            if (!"paragraph".equals(attr(style, "type"))) {
                continue;
            }
            String id = attr(style, "styleId");
            Element based = child(style, "basedOn");
            if (based != null) {
                basedOn.put(id, attr(based, "val"));
            }
            Integer level = null;
            Element pPr = child(style, "pPr");
            Element outline = pPr == null ? null : child(pPr, "outlineLvl");
            if (outline != null) {
                level = parseInt(attr(outline, "val"));
            } else if (pPr != null && child(pPr, "numPr") != null) {
                Element ilvl = child(child(pPr, "numPr"), "ilvl");
                level = ilvl == null ? 0 : parseInt(attr(ilvl, "val"));
            } else {
                Element name = child(style, "name");
                String n = name == null ? "" : attr(name, "val").toLowerCase().replace(" ", "");
                if (n.matches("(heading|标题)[1-9]")) {
                    level = n.charAt(n.length() - 1) - '1';
                }
            }
            if (level != null && level >= 0 && level < 9) {
                own.put(id, level);
            }
        }
        for (String id : basedOn.keySet()) {
            String at = id;
            for (int i = 0; i < 10 && at != null; i++) {
                if (own.containsKey(at)) {
                    styleLevels.put(id, own.get(at));
                    break;
                }
                at = basedOn.get(at);
            }
        }
        styleLevels.putAll(own);
    }

    /** Block-level content: paragraphs, tables, and the wrappers around them. */
    private void blocks(Element container, List<Block> out) {
        // A paragraph whose mark is deleted joins the next one after "accept all changes": its text, notes and
        // pictures are carried into that paragraph (or stand as a paragraph of their own at the container's end).
        ParaBuilder carried = null;
        for (Element e : elements(container)) {
            switch (e.getLocalName()) {
                case "p" -> {
                    ParaBuilder p = paragraph(e);
                    if (carried != null) {
                        p.prepend(carried);
                        carried = null;
                    }
                    if (p.markDeleted) {
                        carried = p;
                    } else if (!(p.text.isEmpty() && p.images.isEmpty() && p.notes.isEmpty() && !p.floating.isEmpty())) {
                        // A paragraph that only anchors text boxes is not a blank line of its own.
                        out.add(p.build());
                    }
                    out.addAll(p.floating);
                }
                case "tbl" -> {
                    if (carried != null) {
                        out.add(carried.build());
                        carried = null;
                    }
                    Element frame = soleCell(e);
                    if (frame != null) {
                        blocks(frame, out); // a one-cell table is a frame around text (专栏, 说明): its content reads as the body's
                    } else {
                        out.add(table(e));
                    }
                }
                case "sdt" -> {
                    Element content = child(e, "sdtContent");
                    if (content != null) {
                        blocks(content, out);
                    }
                }
                case "customXml", "ins", "moveTo", "sdtContent", "txbxContent" -> blocks(e, out);
                case "AlternateContent" -> {
                    Element choice = child(e, "Choice");
                    if (choice != null) {
                        blocks(choice, out);
                    }
                }
                case "altChunk" -> out.add(new Para("", -1, List.of(), List.of(WordBlocks.Picture.named("嵌入的其他文档（altChunk）")), 0));
                default -> {
                    // sectPr, bookmarks, deleted or moved-away blocks, permissions: nothing the reader sees
                }
            }
        }
        if (carried != null && (!carried.text.isEmpty() || !carried.images.isEmpty() || !carried.notes.isEmpty())) {
            out.add(carried.build());
        }
    }

    private final class ParaBuilder {
        final StringBuilder text = new StringBuilder();
        final List<String> notes = new ArrayList<>();
        final List<WordBlocks.Picture> images = new ArrayList<>();
        final List<Block> floating = new ArrayList<>();
        boolean markDeleted;
        int level = -1;
        int leadingBold;
        boolean plainAfterBold;
        boolean boldOpen = true;

        /** Puts a paragraph whose mark was deleted in front of this one: its text, notes and pictures. */
        void prepend(ParaBuilder before) {
            text.insert(0, before.text);
            notes.addAll(0, before.notes);
            images.addAll(0, before.images);
            leadingBold = 0;
            boldOpen = false;
        }

        void append(String s, boolean bold) {
            if (s.isEmpty()) {
                return;
            }
            if (boldOpen && bold) {
                leadingBold += s.length();
            } else {
                if (leadingBold > 0 && !s.isBlank()) {
                    plainAfterBold = true;
                }
                boldOpen = false;
            }
            text.append(s);
        }

        Para build() {
            return new Para(text.toString(), level, List.copyOf(notes), List.copyOf(images), plainAfterBold ? leadingBold : 0);
        }
    }

    private ParaBuilder paragraph(Element p) {
        ParaBuilder b = new ParaBuilder();
        Element pPr = child(p, "pPr");
        if (pPr != null) {
            Element rPr = child(pPr, "rPr");
            b.markDeleted = rPr != null && (child(rPr, "del") != null || child(rPr, "moveFrom") != null);
            Element style = child(pPr, "pStyle");
            if (style != null && styleLevels.containsKey(attr(style, "val"))) {
                b.level = styleLevels.get(attr(style, "val"));
            }
            Element numPr = child(pPr, "numPr");
            if (numPr != null) {
                Element numId = child(numPr, "numId");
                Element ilvl = child(numPr, "ilvl");
                if (numId == null || !"0".equals(attr(numId, "val"))) {
                    b.level = ilvl == null ? 0 : parseInt(attr(ilvl, "val"));
                }
            }
            Element outline = child(pPr, "outlineLvl");
            if (outline != null && parseInt(attr(outline, "val")) < 9) {
                b.level = parseInt(attr(outline, "val"));
            }
        }
        inline(p, b);
        return b;
    }

    /** Run-level content inside a paragraph (or a wrapper inside it). */
    private void inline(Element container, ParaBuilder b) {
        for (Element e : elements(container)) {
            switch (e.getLocalName()) {
                case "pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "fldChar", "instrText", "delInstrText",
                     "commentReference", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                     "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                     "permStart", "permEnd", "lastRenderedPageBreak" -> {
                    // formatting, deleted text, field codes, markers: not shown
                }
                case "r" -> run(e, b);
                case "oMath", "oMathPara" -> b.append(mathText(e), false);
                case "AlternateContent" -> {
                    Element choice = child(e, "Choice");
                    if (choice != null) {
                        inline(choice, b);
                    }
                }
                default -> inline(e, b); // hyperlink, sdt, sdtContent, smartTag, customXml, ins, moveTo, fldSimple, bdo, dir
            }
        }
    }

    private void run(Element r, ParaBuilder b) {
        Element rPr = child(r, "rPr");
        boolean bold = false;
        boolean hidden = false;
        if (rPr != null) {
            Element bEl = child(rPr, "b");
            bold = bEl != null && !"0".equals(attr(bEl, "val")) && !"false".equals(attr(bEl, "val"));
            Element vanish = child(rPr, "vanish");
            hidden = vanish != null && !"0".equals(attr(vanish, "val")) && !"false".equals(attr(vanish, "val"));
        }
        for (Element e : elements(r)) {
            switch (e.getLocalName()) {
                case "t" -> {
                    if (!hidden) {
                        b.append(e.getTextContent().replace('\u000B', '\n'), bold);
                    }
                }
                case "tab", "ptab" -> b.append(" ", bold);
                case "br", "cr" -> b.append("\n", bold);
                case "noBreakHyphen" -> b.append("-", bold);
                case "footnoteReference" -> addNote(b, footnotes.get(attr(e, "id")));
                case "endnoteReference" -> addNote(b, endnotes.get(attr(e, "id")));
                case "drawing" -> drawing(e, b);
                case "pict" -> pict(e, b);
                case "object" -> {
                    Element imageData = descendant(e, "imagedata");
                    b.images.add(WordBlocks.Picture.named(imageData != null && attr(imageData, "title") != null ? attr(imageData, "title") : "嵌入对象"));
                }
                case "AlternateContent" -> {
                    // The first choice is what Word shows; the fallback repeats it for older readers.
                    Element choice = child(e, "Choice");
                    if (choice != null) {
                        run(choice, b);
                    }
                }
                case "sym" -> b.append(symbol(e), bold);
                case "ruby" -> ruby(e, b);
                default -> {
                    // rPr, delText, instrText, fldChar, separators, annotation marks: not shown
                }
            }
        }
    }

    private static void addNote(ParaBuilder b, String text) {
        if (text != null && !text.isBlank()) {
            b.notes.add(text);
        }
    }

    /**
     * Phonetic guide (拼音指南): the base text as the line's text, the guide after it in brackets, "窅（yǎo）", so
     * that neither vanishes.
     */
    private void ruby(Element ruby, ParaBuilder b) {
        ParaBuilder base = new ParaBuilder();
        ParaBuilder guide = new ParaBuilder();
        Element baseElement = child(ruby, "rubyBase");
        Element guideElement = child(ruby, "rt");
        if (baseElement != null) {
            inline(baseElement, base);
        }
        if (guideElement != null) {
            inline(guideElement, guide);
        }
        b.append(base.text.toString(), false);
        String reading = guide.text.toString().strip();
        if (!reading.isEmpty()) {
            b.append("（" + reading + "）", false);
        }
        b.notes.addAll(base.notes);
        b.images.addAll(base.images);
    }

    /**
     * A DrawingML object: every text box in it (a group holds several, and pictures beside them) read as blocks after
     * the paragraph, every picture named in it; a chart or shape with neither is named as one picture.
     */
    private void drawing(Element drawing, ParaBuilder b) {
        Element docPr = descendant(drawing, "docPr");
        String name = docPr == null ? null : firstNonBlank(attr(docPr, "descr"), attr(docPr, "title"), attr(docPr, "name"));
        String alt = docPr == null ? null : firstNonBlank(attr(docPr, "descr"), attr(docPr, "title"));
        int before = b.images.size() + b.floating.size();
        boolean grouped = collectShapes(drawing, b, name, alt);
        if (b.images.size() + b.floating.size() > before) {
            return;
        }
        // A shape filled with a picture, SmartArt, ink: the picture fill if there is one, else named as not imported.
        Element blip = descendant(drawing, "blip");
        b.images.add(new WordBlocks.Picture((grouped && blip == null ? "图形" : "图片") + (name == null ? "" : "“" + name + "”"), alt,
                blip == null ? null : related(attr(blip, "embed"))));
    }

    /**
     * Walks a drawing in document order (compatibility fallbacks skipped): each text box's content into the paragraph's
     * floating blocks, each picture ({@code pic:pic}, or a blip of a shape's picture fill) into its images.
     *
     * @return whether the drawing is a group or holds shapes (for naming it when nothing could be taken out)
     */
    private boolean collectShapes(Element e, ParaBuilder b, String drawingName, String drawingAlt) {
        boolean shapes = false;
        for (Element c : elements(e)) {
            switch (c.getLocalName()) {
                case "Fallback" -> {
                }
                case "txbxContent" -> blocks(c, b.floating);
                case "pic" -> {
                    Element cNvPr = descendant(c, "cNvPr");
                    // Its own alternative text first (a picture in a group has one), else the drawing's (Word keeps a lone
                    // picture's on the drawing), and only then a name (often a file name).
                    String alt = firstNonBlank(attr(cNvPr, "descr"), attr(cNvPr, "title"), drawingAlt);
                    String name = firstNonBlank(alt, attr(cNvPr, "name"), drawingName);
                    Element blip = descendant(c, "blip");
                    b.images.add(new WordBlocks.Picture("图片" + (name == null ? "" : "“" + name + "”"), alt,
                            blip == null ? null : related(attr(blip, "embed"))));
                }
                case "chart" -> b.images.add(new WordBlocks.Picture("图表" + (drawingName == null ? "" : "“" + drawingName + "”"),
                        drawingAlt, null));
                case "wgp", "grpSp", "wsp", "sp" -> {
                    shapes = true;
                    collectShapes(c, b, drawingName, drawingAlt);
                }
                default -> shapes |= collectShapes(c, b, drawingName, drawingAlt);
            }
        }
        return shapes;
    }

    /**
     * A VML object (older Word, converters): every text box in it, every picture ({@code v:imagedata}) of its shapes
     * and groups, in document order.
     */
    private void pict(Element pict, ParaBuilder b) {
        collectVml(pict, b);
    }

    private void collectVml(Element e, ParaBuilder b) {
        for (Element c : elements(e)) {
            switch (c.getLocalName()) {
                case "Fallback" -> {
                }
                case "txbxContent" -> blocks(c, b.floating);
                case "imagedata" -> {
                    String title = attr(c, "title");
                    b.images.add(new WordBlocks.Picture("图片" + (title == null || title.isBlank() ? "" : "“" + title + "”"),
                            title == null || title.isBlank() ? null : title.strip(), related(attr(c, "id"))));
                }
                default -> collectVml(c, b);
            }
        }
    }

    /**
     * The bytes of an embedded (not linked) part of the main document by relationship id, or null. The package
     * guard has already bounded what all parts together may inflate to.
     */
    private byte[] related(String relationshipId) {
        if (!inBody || relationshipId == null || relationshipId.isBlank()) {
            return null;
        }
        try {
            PackageRelationship rel = main.getRelationship(relationshipId);
            if (rel == null || rel.getTargetMode() == org.apache.poi.openxml4j.opc.TargetMode.EXTERNAL) {
                return null;
            }
            PackagePart part = main.getRelatedPart(rel);
            if (part == null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static String symbol(Element sym) {
        String code = attr(sym, "char");
        try {
            int c = Integer.parseInt(code, 16);
            // Symbol-font code points (F0xx) map onto the font's glyphs, not onto Unicode: name nothing.
            return c >= 0xF000 ? "" : new String(Character.toChars(c));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String mathText(Element math) {
        StringBuilder s = new StringBuilder();
        collectMath(math, s);
        return s.toString();
    }

    private static void collectMath(Element e, StringBuilder s) {
        for (Element c : elements(e)) {
            if (c.getLocalName().equals("t")) {
                s.append(c.getTextContent());
            } else if (!c.getLocalName().equals("del")) {
                collectMath(c, s);
            }
        }
    }

    /** The only cell of a table of one row and one column (deleted rows aside), or null. */
    private static Element soleCell(Element tbl) {
        Element cell = null;
        for (Element tr : children(tbl, "tr")) {
            Element trPr = child(tr, "trPr");
            if (trPr != null && child(trPr, "del") != null) {
                continue;
            }
            List<Element> cells = children(tr, "tc");
            if (cell != null || cells.size() != 1 || elements(tr).stream().anyMatch(c -> !List.of("tc", "trPr", "tblPrEx").contains(c.getLocalName()))) {
                return null;
            }
            cell = cells.get(0);
        }
        return cell;
    }

    private Table table(Element tbl) {
        List<List<Cell>> rows = new ArrayList<>();
        collectRows(tbl, rows);
        return new Table(rows);
    }

    private void collectRows(Element container, List<List<Cell>> rows) {
        for (Element e : elements(container)) {
            switch (e.getLocalName()) {
                case "tr" -> {
                    Element trPr = child(e, "trPr");
                    if (trPr != null && child(trPr, "del") != null) {
                        continue;
                    }
                    List<Cell> row = new ArrayList<>();
                    Element gridBefore = trPr == null ? null : child(trPr, "gridBefore");
                    for (int i = gridBefore == null ? 0 : parseInt(attr(gridBefore, "val")); i > 0; i--) {
                        row.add(new Cell("", false));
                    }
                    collectCells(e, row);
                    rows.add(row);
                }
                case "sdt", "sdtContent", "customXml", "ins", "moveTo" -> collectRows(e, rows);
                default -> {
                }
            }
        }
    }

    private void collectCells(Element container, List<Cell> row) {
        for (Element e : elements(container)) {
            switch (e.getLocalName()) {
                case "tc" -> {
                    Element tcPr = child(e, "tcPr");
                    int span = 1;
                    boolean continued = false;
                    if (tcPr != null) {
                        Element gridSpan = child(tcPr, "gridSpan");
                        span = gridSpan == null ? 1 : Math.max(1, Math.min(64, parseInt(attr(gridSpan, "val"))));
                        Element vMerge = child(tcPr, "vMerge");
                        continued = vMerge != null && !"restart".equals(attr(vMerge, "val"));
                    }
                    List<Block> content = new ArrayList<>();
                    blocks(e, content);
                    String text = flatten(content).strip();
                    row.add(new Cell(continued && text.isEmpty() ? "" : text, continued && text.isEmpty()));
                    for (int i = 1; i < span; i++) {
                        row.add(new Cell("", false));
                    }
                }
                case "sdt", "sdtContent", "customXml", "ins", "moveTo" -> collectCells(e, row);
                default -> {
                }
            }
        }
    }

    /** Blocks as plain text: paragraphs on their own lines, a nested table row by row, notes after their line. */
    static String flatten(List<Block> blocks) {
        StringBuilder s = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Para p) {
                line(s, p.text());
                p.notes().forEach(n -> line(s, n));
            } else if (block instanceof Table t) {
                for (List<Cell> row : t.rows()) {
                    StringBuilder r = new StringBuilder();
                    for (Cell c : row) {
                        if (!c.text().isBlank()) {
                            r.append(r.length() == 0 ? "" : " ").append(c.text());
                        }
                    }
                    line(s, r.toString());
                }
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String text) {
        if (text.isBlank()) {
            return;
        }
        if (s.length() > 0) {
            s.append('\n');
        }
        s.append(text);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    static String attr(Element e, String local) {
        if (e == null) {
            return null;
        }
        var attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if (name.equals(local)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    static List<Element> elements(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    static Element child(Element parent, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String local) {
        return elements(parent).stream().filter(e -> local.equals(e.getLocalName())).toList();
    }

    /** The first element of that name below parent, never looking into a compatibility fallback. */
    private static Element descendant(Element parent, String local) {
        for (Element c : elements(parent)) {
            if ("Fallback".equals(c.getLocalName())) {
                continue;
            }
            if (local.equals(c.getLocalName())) {
                return c;
            }
            Element found = descendant(c, local);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
