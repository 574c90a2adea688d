package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.document.DocxImporter.NotPlaced;
import cn.fjsti.chainreport.document.DocxImporter.Preview;
import cn.fjsti.chainreport.document.DocxImporter.Structure;
import cn.fjsti.chainreport.document.DocxImporter.Unit;
import cn.fjsti.chainreport.document.WordBlocks.Block;
import cn.fjsti.chainreport.document.WordBlocks.Cell;
import cn.fjsti.chainreport.document.WordBlocks.Para;
import cn.fjsti.chainreport.document.WordBlocks.Table;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.Limits;
import cn.fjsti.chainreport.report.Exhibit;
import cn.fjsti.chainreport.report.ExhibitImages;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the notice's outline in a Word file by meaning: a line is a heading when its words say which part or section
 * it is (产业现状, 技术瓶颈, 发展趋势, 对策建议, 攻关方向, 优势单位 …) and the outline allows that heading after the
 * ones already found, whatever numbering it carries or lacks. Everything else is placed: text in the section it
 * follows, rows of the units table as units, other tables and PNG/JPEG pictures inside a section as that section's
 * exhibits (with their captions and their line), and what has no place (text before the first heading, tables and
 * pictures outside the sections or beyond the editor's limits, charts, EMF/WMF drawings) listed with where it was
 * and why. Nothing is dropped: every piece of text ends up in exactly one of sections, units, structure (headings,
 * table headers, 序号, captions), exhibits' rows or not placed.
 */
final class OutlineRecogniser {

    /** The outline in reading order; a heading can only be found after the ones already found. */
    enum Item {
        TITLE(null, 0), PART1(null, 1), S11(Section.COUNTY_INDUSTRY, 1), S12(Section.COUNTY_TECHNOLOGY, 1),
        PART2(null, 2), S21(Section.DOMESTIC_INDUSTRY, 2), S22(Section.DOMESTIC_TECHNOLOGY, 2),
        S23(Section.DOMESTIC_TRENDS, 2), PART3(null, 3), S31(Section.INDUSTRY_MEASURES, 3),
        S32(Section.INNOVATION_DIRECTIONS, 3), S33(Section.UNITS_NOTE, 3);

        final Section section;
        final int part;

        Item(Section section, int part) {
            this.section = section;
            this.part = part;
        }

        boolean isPart() {
            return this == PART1 || this == PART2 || this == PART3;
        }
    }

    /** Typed numbering in front of a heading: 一、 （一） (一) 一 第一部分 1. 1、 １． （1） ① 1.1 and the like. */
    /** A short line right under the title naming the chain or the unit: "（集成电路产业链）", "——海沧区生物医药产业链". */
    private static final Pattern SUBTITLE = Pattern.compile("([（(【][^。；;！!？?（()）【】]{1,60}(产业链|产业)[^。；;！!？?（()）【】]{0,20}[）)】]"
            + "|[—-]{1,2}[^。；;！!？?]{1,60}(产业链|产业))");

    private static final Pattern NUMBERING = Pattern.compile(
            "^(第[一二三四五六七八九十\\d]+(部分|章|节)[、.,:]?|[(][一二三四五六七八九十]{1,3}[)][、.,]?|[一二三四五六七八九十]{1,3}(?![是要])[、.,:]?"
                    + "|[(]\\d{1,2}[)][、.,]?|\\d{1,2}(\\.\\d{1,2})*[、.,)]?|[⑴-⒇][、.]?)");
    private static final Pattern PART_LIKE_NUMBERING = Pattern.compile("^(第[一二三四五六七八九十\\d]+(部分|章)|[一二三四五六七八九十]{1,3}(?![)]))");
    /** Body points, never headings: 一是 二要 第一， 其一 首先 ① (the ones in a list inside a section). */
    private static final Pattern BODY_POINT = Pattern.compile(
            "^([一二三四五六七八九十]+[是要]|第[一二三四五六七八九十]+[,、:;]|其[一二三四五六七八九十]+[,、是]|首先|其次|再次|最后|[①-⑳])");
    private static final Pattern SENTENCE = Pattern.compile("[,。;!?，；！？]");
    /**
     * Where a run-in heading may end and its text begin: after a stop, colon, semicolon, comma, exclamation or
     * question mark (full- or half-width, 。 ． . too), a dash (——), or a space; each candidate is tried in turn.
     */
    private static final Pattern RUN_IN_END = Pattern.compile("[。．.:：;；，,！!？?]+|[—─\\-]{1,3}|[\\s\u3000]+");
    private static final Pattern RUN_IN_TRAIL = Pattern.compile("[\\s\u3000。．.:：;；，,！!？?—─\\-]+$");
    /** Decimal section numbering ("1.1 产业现状"): then a plain "1." numbers a part. */
    private static final Pattern DECIMAL_SECTION = Pattern.compile("^\\d{1,2}\\.\\d{1,2}(?![\\d.])\\D.*");
    private static final int MAX_HEADING = 45;
    /** A caption as the official style writes it: 表1 … above a table, 图1 … below (or above) a figure. */
    private static final Pattern TABLE_CAPTION = Pattern.compile("^(续)?表\\s*\\d{1,3}(?![\\d年月日]|\\.\\d)\\s*[.、:]?\\s*\\S.*");
    private static final Pattern FIGURE_CAPTION = Pattern.compile("^图\\s*\\d{1,3}(?![\\d年月日]|\\.\\d)\\s*[.、:]?\\s*\\S.*");
    /** The typed label and number in front of a caption, as written (full-width digits and punctuation too). */
    private static final Pattern CAPTION_NUMBER = Pattern.compile("^续?[表图]\\s*[0-9０-９]+\\s*[.．、:：]?\\s*");
    /** Marks a section line where an exhibit stands while the text is built; clean() keeps no control characters. */
    private static final char SLOT = '\u0000';
    static final String SAVE_AS_PICTURE = "请另存为 PNG 或 JPEG 后在编辑页添加";

    private final Map<Section, List<String>> text = new EnumMap<>(Section.class);
    private final Map<Section, List<String>> notes = new EnumMap<>(Section.class);
    private final Map<Section, String> sourceHeadings = new EnumMap<>(Section.class);
    private final List<Unit> units = new ArrayList<>();
    private final List<String> kindsAsWritten = new ArrayList<>();
    private final List<Structure> structure = new ArrayList<>();
    private final List<NotPlaced> notPlaced = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Pending> exhibits = new ArrayList<>();
    private Item at;
    private String lastHeading;
    private int tables;
    private int pictures;
    /** A picture just placed whose caption may be the next line ("图1 …" below it). */
    private Pending captionBelow;

    /** An exhibit being recognised; its line is the slot in its section's text. */
    private static final class Pending {
        final Exhibit.Kind kind;
        final Section section;
        final String where;
        String caption;
        boolean captionFound;
        List<List<String>> rows;
        byte[] image;
        ExhibitImages.Checked checked;
        String problem;
        int afterLine;

        Pending(Exhibit.Kind kind, Section section, String where) {
            this.kind = kind;
            this.section = section;
            this.where = where;
        }
    }

    /** The file numbers its sections 1.1, 1.2 …: a plain "1." then numbers a part, not a section. */
    private boolean decimalOutline;

    private OutlineRecogniser() {
    }

    /**
     * Outline levels as the outline counts them, 0 for a part: when the file's headings start one level or more below
     * (the title in 标题 1, the parts in 标题 2, the sections in 标题 3), every level is moved up by as much. The
     * first paragraph with text (the title, usually) does not count; nor does a file whose headings use one level only.
     */
    static List<Block> levelsFromParts(List<Block> blocks) {
        int lowest = Integer.MAX_VALUE;
        int highest = -1;
        boolean first = true;
        for (Block b : blocks) {
            if (b instanceof Para p && !p.text().isBlank()) {
                if (!first && p.level() >= 0) {
                    lowest = Math.min(lowest, p.level());
                    highest = Math.max(highest, p.level());
                }
                first = false;
            }
        }
        // Only when both parts and sections carry levels (two levels at least): a file that styles its sections alone
        // keeps their level as a section's.
        if (lowest == Integer.MAX_VALUE || lowest == 0 || highest == lowest) {
            return blocks;
        }
        int shift = lowest;
        return blocks.stream().map(b -> b instanceof Para p && p.level() >= 0
                ? new Para(p.text(), Math.max(0, p.level() - shift), p.notes(), p.images(), p.firstBold()) : b).toList();
    }

    static Preview recognise(List<Block> blocks) {
        OutlineRecogniser r = new OutlineRecogniser();
        r.decimalOutline = blocks.stream().filter(b -> b instanceof Para).map(b -> key(((Para) b).text()))
                .filter(k -> k.length() <= MAX_HEADING + 6 && DECIMAL_SECTION.matcher(k).matches()).count() >= 2;
        blocks = levelsFromParts(blocks);
        for (Block block : blocks) {
            if (block instanceof Para p) {
                r.paragraph(p);
            } else if (block instanceof Table t) {
                r.table(t);
            } else if (block instanceof WordBlocks.Loose l) {
                String text = clean(l.text()).strip();
                if (!text.isEmpty()) {
                    r.notPlaced.add(new NotPlaced(l.kind(), text, l.why()));
                }
            }
        }
        return r.preview();
    }

    private void paragraph(Para p) {
        String[] lines = clean(p.text()).split("\n", -1);
        boolean onlyObjects = p.text().isBlank() && (!p.images().isEmpty() || !p.notes().isEmpty());
        String bold = p.firstBold() > 0 && p.firstBold() <= p.text().length() ? clean(p.text().substring(0, p.firstBold())).strip() : "";
        for (int i = 0; i < lines.length && !onlyObjects; i++) {
            line(lines[i], p.level(), i == 0 ? bold : "");
        }
        for (String note : p.notes()) {
            String clean = clean(note).strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (at != null && at.section != null) {
                notes.computeIfAbsent(at.section, s -> new ArrayList<>()).add(clean);
            } else {
                notPlaced.add(new NotPlaced("脚注", clean, where()));
            }
        }
        for (WordBlocks.Picture image : p.images()) {
            picture(image);
        }
    }

    // ---------------------------------------------------------------- pictures

    /**
     * A picture in a section becomes a figure there when it is PNG or JPEG (by its bytes); other drawings (EMF, WMF,
     * GIF …), charts and embedded objects, and pictures outside the sections are listed as not placed, with why.
     */
    private void picture(WordBlocks.Picture image) {
        captionBelow = null;
        pictures++;
        String where = where();
        if (image.bytes() == null) {
            notPlaced.add(new NotPlaced("图片", "", where + "：" + image.description() + "（图表、嵌入对象或链接的图片不能导入，"
                    + SAVE_AS_PICTURE + "）"));
            return;
        }
        String other = otherFormat(image.bytes());
        if (other != null) {
            notPlaced.add(new NotPlaced("图片", "", where + "：" + image.description() + "（" + other + "格式，" + SAVE_AS_PICTURE + "）"));
            return;
        }
        if (!inSection()) {
            notPlaced.add(new NotPlaced("图片", "", where + "：" + image.description() + "（不在任何章节中，请导入后在编辑页的相应章节添加）"));
            return;
        }
        Pending figure = new Pending(Exhibit.Kind.FIGURE, at.section, where + "，第 " + pictures + " 张图片");
        figure.image = image.bytes();
        try {
            figure.checked = ExhibitImages.check(image.bytes());
        } catch (ApiException e) {
            figure.problem = e.getMessage();
        }
        if (!place(figure)) {
            return;
        }
        String above = lineAbove(FIGURE_CAPTION);
        if (above != null) {
            caption(figure, above, "图片的题注");
        } else {
            captionBelow = figure;
            if (image.alt() != null && !image.alt().isBlank()) {
                figure.caption = clean(image.alt()).strip();
            }
        }
    }

    /** The format of a picture that is not PNG or JPEG but is a known drawing or image format, by its bytes; else null. */
    static String otherFormat(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b.length >= 44 && b[0] == 1 && b[1] == 0 && b[2] == 0 && b[3] == 0 && head.startsWith(" EMF", 40)) {
            return "EMF 矢量图";
        }
        if (b.length >= 4 && ((b[0] & 0xFF) == 0xD7 && (b[1] & 0xFF) == 0xCD && (b[2] & 0xFF) == 0xC6 && (b[3] & 0xFF) == 0x9A
                || (b[0] == 1 || b[0] == 2) && b[1] == 0 && b[2] == 9 && b[3] == 0)) {
            return "WMF 矢量图";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return "压缩的 EMF/WMF 矢量图";
        }
        if (head.startsWith("GIF8")) {
            return "GIF 图片";
        }
        if (head.startsWith("BM")) {
            return "BMP 图片";
        }
        if (head.startsWith("II*\u0000") || head.startsWith("MM\u0000*")) {
            return "TIFF 图片";
        }
        if (head.startsWith("RIFF") && head.startsWith("WEBP", 8)) {
            return "WebP 图片";
        }
        if (head.stripLeading().startsWith("<")) {
            return "SVG 矢量图";
        }
        return null;
    }

    private boolean inSection() {
        return at != null && at.section != null;
    }

    /** Puts an exhibit's slot at the end of its section's text; false (and listed as not placed) past the section's limit. */
    private boolean place(Pending exhibit) {
        long inSection = exhibits.stream().filter(e -> e.section == exhibit.section).count();
        if (inSection >= Limits.SECTION_EXHIBITS) {
            notPlaced.add(new NotPlaced(exhibit.kind.label() + (exhibit.kind == Exhibit.Kind.TABLE ? "格" : "片"),
                    exhibit.rows == null ? "" : rowsText(exhibit.rows), exhibit.where + "（本章节已有 "
                    + Limits.SECTION_EXHIBITS + " 个表格和图片，已达上限）"));
            return false;
        }
        text.computeIfAbsent(exhibit.section, s -> new ArrayList<>()).add(SLOT + String.valueOf(exhibits.size()));
        exhibits.add(exhibit);
        return true;
    }

    /**
     * The last line of the current section's text above the newest slot, if it matches a caption pattern; it is
     * taken out of the text (the slot stays last).
     */
    private String lineAbove(Pattern caption) {
        List<String> lines = text.get(at.section);
        int slot = lines.size() - 1;
        for (int i = slot - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == SLOT || !isCaption(line, caption)) {
                return null;
            }
            lines.remove(i);
            return line;
        }
        return null;
    }

    private static boolean isCaption(String line, Pattern caption) {
        String k = Normalizer.normalize(line, Normalizer.Form.NFKC).strip();
        return k.length() <= Limits.EXHIBIT_CAPTION && caption.matcher(k).matches();
    }

    /** Takes a 表N/图N line as the exhibit's caption (the number dropped: the document numbers them); the line is structure. */
    private void caption(Pending exhibit, String line, String as) {
        structure.add(new Structure(line, as));
        String words = CAPTION_NUMBER.matcher(line.strip()).replaceFirst("").strip();
        exhibit.caption = words.isEmpty() ? null : words;
        exhibit.captionFound = !words.isEmpty();
    }

    private void line(String raw, int level, String boldStart) {
        String line = raw.strip();
        if (line.isEmpty()) {
            if (at != null && at.section != null) {
                text.computeIfAbsent(at.section, s -> new ArrayList<>()).add("");
            }
            return;
        }
        Item heading = heading(line, level, false);
        if (heading != null) {
            found(heading, line);
            return;
        }
        // A run-in heading: "1.产业现状。正文…", "1.产业对策建议：正文…", "（一）产业现状 正文…", "2.技术瓶颈——正文…", or a
        // bold heading followed by plain text.
        boolean bold = !boldStart.isEmpty() && boldStart.length() < line.length() && line.startsWith(boldStart);
        List<Integer> cuts = bold ? List.of(boldStart.length()) : runInCuts(line);
        for (int cut : cuts) {
            String head = line.substring(0, cut).strip();
            Item runIn = heading(RUN_IN_TRAIL.matcher(head).replaceAll(""), bold ? Math.max(level, 1) : level, true);
            if (runIn != null && runIn.section != null) {
                found(runIn, head);
                body(line.substring(cut).strip());
                return;
            }
        }
        body(line);
    }

    /** Where a heading run into its text could end, first to last, within a heading's length; never at the line's end. */
    private static List<Integer> runInCuts(String line) {
        List<Integer> cuts = new ArrayList<>();
        Matcher m = RUN_IN_END.matcher(line);
        while (m.find() && m.start() <= MAX_HEADING + 8 && cuts.size() < 12) {
            if (m.end() < line.length()) {
                cuts.add(m.end());
            }
        }
        return cuts;
    }

    private void found(Item item, String line) {
        captionBelow = null;
        at = item;
        lastHeading = line;
        if (item.section != null) {
            sourceHeadings.put(item.section, line);
            text.putIfAbsent(item.section, new ArrayList<>());
            structure.add(new Structure(line, "第" + "一二三".charAt(item.part - 1) + "部分 " + item.section.label() + " 的标题"));
        } else {
            structure.add(new Structure(line, item == Item.TITLE ? "报告标题" : "第" + "一二三".charAt(item.part - 1) + "部分的标题"));
        }
    }

    private void body(String line) {
        if (at == Item.TITLE && structure.get(structure.size() - 1).as().equals("报告标题") && SUBTITLE.matcher(line.strip()).matches()) {
            // "（集成电路产业链）" under the title, as the service's own documents and many templates carry it.
            structure.add(new Structure(line, "报告副标题"));
            return;
        }
        Pending figure = captionBelow;
        captionBelow = null;
        if (figure != null && inSection() && figure.section == at.section && isCaption(line, FIGURE_CAPTION)) {
            caption(figure, line, "图片的题注");
            return;
        }
        if (at != null && at.section != null) {
            text.get(at.section).add(line);
        } else {
            notPlaced.add(new NotPlaced("段落", line, where()));
        }
    }

    private String where() {
        if (at == null) {
            return "文首（第一个标题之前）";
        }
        if (at.section == null) {
            return "“" + lastHeading + "”之后" + (at.isPart() ? "（部分标题与第一个小节标题之间）" : "（第一个部分标题之前）");
        }
        return "第" + "一二三".charAt(at.part - 1) + "部分 " + at.section.label() + "“" + lastHeading + "”中";
    }

    /** The outline item this line is the heading of, if the outline allows one here; null for body text. */
    private Item heading(String line, int level, boolean runIn) {
        String key = key(line);
        if (key.isEmpty() || BODY_POINT.matcher(key).find()) {
            return null;
        }
        Matcher n = NUMBERING.matcher(key);
        String numbering = n.find() ? n.group() : "";
        String rest = key.substring(numbering.length()).replaceAll("[:;]+$", "");
        if (rest.isEmpty() || rest.length() > MAX_HEADING || SENTENCE.matcher(rest).find()) {
            return null;
        }
        boolean partNumbering = !numbering.isEmpty() && (PART_LIKE_NUMBERING.matcher(numbering).find()
                || decimalOutline && numbering.matches("\\d{1,2}[、.,]?"));
        boolean sectionNumbering = !numbering.isEmpty() && !partNumbering;
        boolean marked = !numbering.isEmpty() || level >= 0;
        int from = at == null ? 0 : at.ordinal() + 1;
        for (Item item : Item.values()) {
            if (item.ordinal() < from || !means(item, rest, key)) {
                continue;
            }
            // Typed part numbering (一、) outweighs a heading style one level down: styles are often shifted by one.
            if (item.isPart() && (sectionNumbering || level > 0 && !partNumbering) && !strongPart(rest)) {
                continue;
            }
            if (item.section != null && (partNumbering || level == 0) && strongPart(rest)) {
                continue;
            }
            // A heading run into its text needs a mark (numbering, bold, a heading style or list level). Skipping into
            // a later part whose heading is missing needs more: a whole line, marked, in the outline's own words, so
            // that a point inside a section ("（1）关键技术瓶颈") never moves the text to the next part.
            int currentPart = at == null ? 0 : at.part;
            boolean jump = at != null && item.part > currentPart && !item.isPart() && item != Item.TITLE;
            if (runIn && (!marked || jump)) {
                continue;
            }
            if (jump && (!marked || !rest.endsWith(key(item.section.heading("")).substring(2)))) {
                continue;
            }
            return item;
        }
        return null;
    }

    private static boolean strongPart(String rest) {
        return rest.contains("县域") || rest.contains("国内") || rest.contains("重点产业发展");
    }

    /** Whether the heading's words (numbering removed) name this outline item. */
    private static boolean means(Item item, String rest, String key) {
        return switch (item) {
            case TITLE -> key.contains("调研报告") || key.endsWith("报告");
            case PART1 -> rest.endsWith("发展现状") && !rest.contains("国内") && !rest.contains("技术")
                    && (rest.contains("县域") || rest.contains("重点产业") || rest.contains("县") || rest.contains("区")
                    || rest.contains("市") || rest.equals("发展现状") || rest.endsWith("产业发展现状"));
            case S11, S21 -> (rest.endsWith("产业现状") || rest.endsWith("产业发展现状") || rest.endsWith("产业基本情况")
                    || rest.endsWith("产业发展情况")) && !rest.contains("技术") && !rest.contains("县域")
                    && (item == Item.S21 || !rest.contains("国内"));
            case S12, S22 -> (rest.contains("技术瓶颈") || rest.endsWith("技术发展现状") || rest.endsWith("技术现状"))
                    && !rest.contains("趋势");
            case PART2 -> (rest.contains("国内") || rest.contains("全国")) && (rest.endsWith("发展现状") || rest.endsWith("产业现状")
                    || rest.endsWith("发展情况")) && !rest.contains("技术");
            case S23 -> rest.matches(".*发展趋势(\\((发展|技术|主要)?方向\\)|[及与和、](发展|技术|主要)?方向|\\(展望\\)|及展望|与展望)?")
                    || rest.matches(".*技术发展方向") || rest.matches(".*发展方向[及与和、]趋势");
            case PART3 -> rest.endsWith("对策建议") && !rest.contains("科技创新") && !rest.contains("攻关")
                    && (rest.contains("县域") || rest.contains("重点产业") || rest.contains("发展对策建议"));
            case S31 -> (rest.endsWith("对策建议") || rest.endsWith("对策措施")) && !rest.contains("科技创新") && !rest.contains("攻关");
            case S32 -> rest.contains("攻关方向") || rest.endsWith("科技创新对策建议");
            case S33 -> rest.matches(".*优势单位(\\(团队\\)|及团队|和团队)?(名单|名录|清单|一览表|表)?") || rest.endsWith("优势团队");
        };
    }

    // ---------------------------------------------------------------- tables

    private void table(Table t) {
        captionBelow = null;
        tables++;
        List<List<String>> grid = grid(t);
        String where = "第 " + tables + " 个表格，位于" + where();
        int header = unitsHeader(grid, at == Item.S33);
        if (header >= 0) {
            readUnits(t, grid, header, where);
            return;
        }
        String all = rowsText(grid);
        if (all.isEmpty()) {
            return;
        }
        if (!inSection()) {
            notPlaced.add(new NotPlaced("表格", all, where + "（不是优势单位表，也不在任何章节中，请导入后在编辑页的相应章节添加）"));
            return;
        }
        dataTable(grid, where);
    }

    /**
     * A table in a section becomes a data table there: a caption row inside it ("表1 …" alone in the first row) or a
     * "表N …" line just above it is its caption; blank rows are dropped; within 30 rows × 10 columns of 200
     * characters it is placed, otherwise listed as not placed with the reason (nothing is cut off silently).
     */
    private void dataTable(List<List<String>> grid, String where) {
        List<List<String>> rows = new ArrayList<>();
        String captionRow = null;
        for (List<String> row : grid) {
            List<String> cells = new ArrayList<>(row.stream().map(c -> c.replaceAll("\\s*\n\\s*", " ").strip()).toList());
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.isEmpty()) {
                continue;
            }
            List<String> filled = cells.stream().filter(c -> !c.isEmpty()).toList();
            if (rows.isEmpty() && captionRow == null && filled.size() == 1 && isCaption(filled.get(0), TABLE_CAPTION)) {
                captionRow = filled.get(0);
                continue;
            }
            rows.add(cells);
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        int longest = rows.stream().flatMap(List::stream).mapToInt(c -> c.codePointCount(0, c.length())).max().orElse(0);
        String why = null;
        if (rows.size() < 2) {
            why = "表格只有一行，不是数据表；请导入后写入正文或在编辑页添加";
        } else if (rows.size() > Limits.TABLE_ROWS || width > Limits.TABLE_COLUMNS) {
            why = "表格有 " + rows.size() + " 行 × " + width + " 列，超过每表 " + Limits.TABLE_ROWS
                    + " 行 × " + Limits.TABLE_COLUMNS + " 列的上限；请拆分后在编辑页添加";
        } else if (longest > Limits.TABLE_CELL) {
            why = "有单元格超过 " + Limits.TABLE_CELL + " 字；请精简后在编辑页添加，或把说明写入正文";
        }
        if (why != null) {
            notPlaced.add(new NotPlaced("表格", rowsText(grid), where + "（" + why + "）"));
            return;
        }
        for (List<String> row : rows) {
            while (row.size() < width) {
                row.add("");
            }
        }
        Pending table = new Pending(Exhibit.Kind.TABLE, at.section, where);
        table.rows = rows;
        if (!place(table)) {
            return;
        }
        String above = lineAbove(TABLE_CAPTION);
        if (captionRow != null) {
            caption(table, captionRow, "表格的表题");
            if (above != null) {
                text.get(at.section).add(text.get(at.section).size() - 1, above); // not its caption after all: back in the text
            }
        } else if (above != null) {
            caption(table, above, "表格的表题");
        }
    }

    private static String rowsText(List<List<String>> grid) {
        StringBuilder all = new StringBuilder();
        for (List<String> row : grid) {
            String r = String.join(" | ", row.stream().filter(c -> !c.isBlank()).toList());
            if (!r.isBlank()) {
                all.append(all.length() == 0 ? "" : "\n").append(r);
            }
        }
        return all.toString();
    }

    /** Cell texts per grid position; a cell merged from above has no text of its own. */
    private static List<List<String>> grid(Table t) {
        List<List<String>> grid = new ArrayList<>();
        for (List<Cell> row : t.rows()) {
            grid.add(row.stream().map(c -> clean(c.text()).strip()).toList());
        }
        return grid;
    }

    private enum Column { SEQ, NAME, KIND, STRENGTH, CONTACT, EXTRA }

    private static List<Column> columns(List<String> header) {
        List<Column> cols = new ArrayList<>();
        for (String h : header) {
            String k = key(h);
            Column c;
            if (k.matches("(序号|编号|No\\.?|NO\\.?|#)")) {
                c = Column.SEQ;
            } else if (k.contains("联系") || k.contains("电话") || k.contains("手机") || k.contains("邮箱")) {
                c = Column.CONTACT;
            } else if (k.contains("名称") || k.matches("(优势)?(单位|团队|机构|企业)(\\((团队|单位)\\))?(名单)?")) {
                c = Column.NAME;
            } else if (k.contains("类型") || k.contains("性质") || k.contains("类别") || k.contains("属性")) {
                c = Column.KIND;
            } else if (k.contains("领域") || k.contains("优势") || k.contains("方向") || k.contains("特长") || k.contains("专长")
                    || k.contains("研究")) {
                c = Column.STRENGTH;
            } else {
                c = Column.EXTRA;
            }
            cols.add(c);
        }
        return cols;
    }

    /**
     * Index of the header row of a units table (after any caption rows), or -1 when this is another table. Under the
     * units heading a name column is enough; elsewhere the header must name two of 类型, 研究领域/优势 and 联系方式, so that
     * a table of enterprises with their 性质 and 产值 in 一.1 stays a data table of its section.
     */
    private static int unitsHeader(List<List<String>> grid, boolean underUnitsHeading) {
        for (int r = 0; r < Math.min(3, grid.size()); r++) {
            List<Column> cols = columns(grid.get(r));
            long roles = cols.stream().filter(c -> c == Column.KIND || c == Column.STRENGTH || c == Column.CONTACT).distinct().count();
            if (cols.contains(Column.NAME) && (roles >= 2 || underUnitsHeading)) {
                return r;
            }
            if (grid.get(r).stream().filter(s -> !s.isBlank()).count() > 1) {
                return -1; // a real header row that does not mean units
            }
        }
        return -1;
    }

    private void readUnits(Table t, List<List<String>> grid, int header, String where) {
        for (int r = 0; r < header; r++) {
            for (String caption : grid.get(r)) {
                if (!caption.isBlank()) {
                    structure.add(new Structure(caption, "优势单位表的表题"));
                }
            }
        }
        List<String> headerRow = grid.get(header);
        List<Column> cols = columns(headerRow);
        for (String h : headerRow) {
            if (!h.isBlank()) {
                structure.add(new Structure(h, "优势单位表的表头"));
            }
        }
        int first = header + 1;
        if (subHeader(headerRow, cols, first < grid.size() ? grid.get(first) : null)) {
            // A two-row header: 联系方式 over 联系人 | 联系电话. The lower row names the columns under a spanning cell.
            List<String> sub = grid.get(first);
            Column group = Column.EXTRA;
            for (int c = 0; c < cols.size(); c++) {
                if (!headerRow.get(c).isBlank()) {
                    group = cols.get(c);
                }
                String name = c < sub.size() ? sub.get(c) : "";
                if (!name.isBlank()) {
                    structure.add(new Structure(name, "优势单位表的表头"));
                    Column own = columns(List.of(name)).get(0);
                    cols.set(c, own != Column.EXTRA ? own : group);
                } else if (headerRow.get(c).isBlank()) {
                    cols.set(c, group);
                }
            }
            first++;
        }
        String[] kindAbove = new String[cols.size()];
        String[] nameAbove = new String[cols.size()];
        for (int r = first; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            List<Cell> cells = t.rows().get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.equals(headerRow)) {
                row.stream().filter(s -> !s.isBlank()).forEach(s -> structure.add(new Structure(s, "优势单位表的表头（重复）")));
                continue;
            }
            String name = "";
            String kindText = "";
            String kindValue = "";
            List<String> strength = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            List<String> contact = new ArrayList<>();
            List<String> seq = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                Column col = c < cols.size() ? cols.get(c) : Column.EXTRA;
                boolean continued = c < cells.size() && cells.get(c).continued();
                switch (col) {
                    case SEQ -> seq.add(v);
                    case NAME -> {
                        // A name merged down over several rows (one unit, several teams or fields) names each of them.
                        if (continued && v.isEmpty() && c < nameAbove.length && nameAbove[c] != null) {
                            v = nameAbove[c];
                        } else if (c < nameAbove.length) {
                            nameAbove[c] = v;
                        }
                        name = name.isEmpty() ? v : (v.isEmpty() ? name : name + " " + v);
                    }
                    case KIND -> {
                        if (continued && c < kindAbove.length && kindAbove[c] != null) {
                            kindValue = kindAbove[c];
                        } else {
                            kindText = v;
                            kindValue = v;
                            if (c < kindAbove.length) {
                                kindAbove[c] = v;
                            }
                        }
                    }
                    case STRENGTH -> strength.add(v);
                    case CONTACT -> contact.add(v);
                    case EXTRA -> extra.add(v);
                }
            }
            if (name.isBlank()) {
                String all = String.join(" | ", row.stream().filter(s -> !s.isBlank()).toList());
                notPlaced.add(new NotPlaced("表格行", all, where + " 第 " + (r + 1) + " 行（没有单位名称）"));
                continue;
            }
            seq.stream().filter(s -> !s.isBlank()).forEach(s -> structure.add(new Structure(s, "优势单位表的序号")));
            UnitKind kind = kindOf(kindValue);
            if (kind == null && !kindValue.isBlank()) {
                warnings.add("优势单位表第 " + (r - header) + " 行：类型“" + kindValue + "”未识别，请在表格中选择");
            }
            String strengthText = join(strength, "；");
            String extras = join(extra, "，");
            if (!extras.isEmpty()) {
                strengthText = strengthText.isEmpty() ? extras : strengthText + "（" + extras + "）";
            }
            units.add(new Unit(name, kind, blankToNull(strengthText), blankToNull(join(contact, " "))));
            kindsAsWritten.add(blankToNull(kindText));
        }
    }

    /**
     * Whether the row under a units header is a second header row: it has text only under header cells that span
     * several columns (a cell followed by empty ones), none under the name column, and what it has names columns.
     */
    private static boolean subHeader(List<String> header, List<Column> cols, List<String> row) {
        if (row == null) {
            return false;
        }
        boolean any = false;
        for (int c = 0; c < row.size(); c++) {
            String v = row.get(c);
            if (v.isBlank()) {
                continue;
            }
            any = true;
            boolean underSpan = c < header.size() && (header.get(c).isBlank() && c > 0
                    || c + 1 < header.size() && header.get(c + 1).isBlank());
            if (!underSpan || c < cols.size() && cols.get(c) == Column.NAME || v.length() > 12 || SENTENCE.matcher(v).find()
                    || v.matches(".*\\d{3,}.*")) {
                return false;
            }
        }
        return any;
    }

    private static String join(List<String> parts, String sep) {
        return String.join(sep, parts.stream().filter(s -> !s.isBlank()).toList());
    }

    /** The unit kind a label means, synonyms included (高等院校 = 高校, 科研机构 = 科研院所 …). */
    static UnitKind kindOf(String label) {
        String l = key(label);
        if (l.isEmpty()) {
            return null;
        }
        UnitKind known = ReportRenderer.kindOf(l);
        if (known != null) {
            return known;
        }
        if (l.contains("院校") || l.contains("高等") || l.contains("学校")) {
            return UnitKind.UNIVERSITY;
        }
        if (l.contains("科研") || l.contains("研究")) {
            return UnitKind.INSTITUTE;
        }
        if (l.contains("厂") || l.contains("集团") || l.contains("民营") || l.contains("国有")) {
            return UnitKind.ENTERPRISE;
        }
        if (l.contains("基地") || l.contains("园区") || l.contains("孵化")) {
            return UnitKind.PLATFORM;
        }
        return null;
    }

    // ---------------------------------------------------------------- result

    private Preview preview() {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        List<String> missing = new ArrayList<>();
        for (Section s : Section.values()) {
            List<String> lines = new ArrayList<>(text.getOrDefault(s, List.of()));
            lines.addAll(notes.getOrDefault(s, List.of()));
            if (!text.containsKey(s)) {
                missing.add("第" + s.partNumeral() + "部分 " + s.heading(""));
            }
            sections.put(s, withoutSlots(lines));
        }
        List<DocxImporter.Inset> insets = new ArrayList<>();
        for (Pending e : exhibits) {
            String caption = e.caption != null && !e.caption.isBlank() ? e.caption
                    : e.kind == Exhibit.Kind.TABLE ? "导入的表格（请补充题注）" : "导入的图片（请补充题注）";
            if (caption.codePointCount(0, caption.length()) > Limits.EXHIBIT_CAPTION) {
                caption = new String(caption.codePoints().limit(Limits.EXHIBIT_CAPTION).toArray(), 0,
                        Limits.EXHIBIT_CAPTION);
            }
            insets.add(new DocxImporter.Inset(e.kind, e.section, e.afterLine, caption, e.captionFound, e.rows, e.image,
                    e.checked, e.problem, e.where));
        }
        List<String> unrecognised = new ArrayList<>();
        for (NotPlaced n : notPlaced) {
            unrecognised.add(n.text().isEmpty() ? n.where() : n.text());
        }
        unrecognised.addAll(warnings);
        return new Preview(sections, units, unrecognised, missing, sourceHeadings, structure, notPlaced, kindsAsWritten,
                List.copyOf(insets));
    }

    /**
     * A section's text from its lines: no blank lines at either end, at most one blank line in a row (as the text
     * was always joined), and the exhibits' slots taken out, each exhibit learning after how many lines it stands.
     */
    private String withoutSlots(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<Pending> slots = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && line.charAt(0) == SLOT) {
                Pending e = exhibits.get(Integer.parseInt(line.substring(1)));
                e.afterLine = out.size();
                slots.add(e);
            } else if (!line.isBlank() || (!out.isEmpty() && !out.get(out.size() - 1).isBlank())) {
                out.add(line);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        for (Pending e : slots) {
            e.afterLine = Math.min(e.afterLine, out.size());
        }
        return String.join("\n", out);
    }

    /** Text as imported: invisible format characters removed, no-break spaces plain, control characters gone. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\u000B' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\f') {
                out.append('\n');
            } else if (c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u2007') {
                out.append(' ');
            } else if (c == '\n' || (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                    && Character.getType(c) != Character.SURROGATE && c != '\uFFFE' && c != '\uFFFF')) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Full-width to half-width, no spaces, no invisible characters: headings match however they were typed. */
    static String key(String text) {
        return Normalizer.normalize(clean(text), Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
