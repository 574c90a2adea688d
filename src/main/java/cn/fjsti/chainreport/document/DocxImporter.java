package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a report written in Word or WPS along the notice's outline: finds the part and section headings
 * (despite numbering, spacing and full-width variants), collects the text under each, and reads the units
 * table. Refuses anything that is not a safe .docx: other formats, oversize files, zip bombs, XML with a
 * DOCTYPE (external entities).
 */
public final class DocxImporter {

    /** What was recognised; nothing is saved until the author confirms with an ordinary draft save. */
    public record Preview(Map<Section, String> sections, List<Unit> units, List<String> unrecognised,
                          List<String> missingSections) {
    }

    /** A recognised units-table row. */
    public record Unit(String name, UnitKind kind, String strength, String contact) {
    }

    private static final Pattern PART = Pattern.compile("^[（(]?([一二三])[）)]?[、.．,，]?(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^[（(]?([1-9])[）)]?[.．、,，]?(.*)$");
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final int MAX_HEADING_LENGTH = 60;

    static {
        // Refuse archives whose entries expand more than 100 times, or beyond the guard's bounds.
        DocxPackageGuard.configurePoi();
    }

    private final long maxBytes;

    public DocxImporter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Preview read(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "文件过大", "文件超过 " + (maxBytes / 1024 / 1024) + " MB，请压缩图片或删去附件后再上传",
                    List.of(), Map.of());
        }
        if (bytes.length < 4 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), ZIP_MAGIC)) {
            throw unreadable("这不是 Word 文档（.docx）。如是 .doc 或 WPS 格式，请先“另存为” .docx 再上传");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return recognise(doc);
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("inflate") || message.contains("exceeds the max")) {
                throw unreadable("文件内容异常（解压后过大），已拒绝");
            }
            if (message.toUpperCase().contains("DOCTYPE") || message.contains("entity")) {
                throw unreadable("文件含有不允许的 XML 声明（DOCTYPE/外部实体），已拒绝");
            }
            throw unreadable("无法读取该文件，请上传按提纲编写的 Word 文档（.docx）");
        }
    }

    private static ApiException unreadable(String detail) {
        return ApiException.badField("file", detail);
    }

    private Preview recognise(XWPFDocument doc) {
        Map<Section, List<String>> text = new EnumMap<>(Section.class);
        List<Unit> units = new ArrayList<>();
        List<String> unrecognised = new ArrayList<>();
        int part = 0;
        Section current = null;
        boolean titleSeen = false;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFTable table) {
                if (current == Section.UNITS_NOTE || looksLikeUnitsTable(table)) {
                    readUnits(table, units, unrecognised);
                } else {
                    unrecognised.add("未识别的表格（" + table.getNumberOfRows() + " 行）");
                }
                continue;
            }
            if (!(element instanceof XWPFParagraph paragraph)) {
                continue;
            }
            String raw = paragraph.getText().strip();
            if (raw.isEmpty()) {
                if (current != null) {
                    text.get(current).add("");
                }
                continue;
            }
            String key = normalise(raw);
            if (!titleSeen && part == 0 && key.contains("调研报告")) {
                titleSeen = true;
                continue;
            }
            Integer newPart = partHeading(key);
            if (newPart != null) {
                part = newPart;
                current = null;
                continue;
            }
            Section section = part == 0 ? null : sectionHeading(part, key);
            if (section != null) {
                current = section;
                text.putIfAbsent(current, new ArrayList<>());
                continue;
            }
            if (current == null) {
                unrecognised.add(raw.length() > 40 ? raw.substring(0, 40) + "…" : raw);
            } else {
                text.get(current).add(raw);
            }
        }
        Map<Section, String> sections = new EnumMap<>(Section.class);
        List<String> missing = new ArrayList<>();
        for (Section s : Section.values()) {
            List<String> lines = text.get(s);
            if (lines == null) {
                missing.add("第" + s.partNumeral() + "部分 " + s.heading("").replace("重点产业科技", "重点产业科技"));
                sections.put(s, "");
            } else {
                sections.put(s, String.join("\n", lines).strip());
            }
        }
        return new Preview(sections, units, unrecognised, missing);
    }

    /** 一、…县域重点产业发展现状 / 二、…国内产业发展现状 / 三、…发展对策建议 */
    private static Integer partHeading(String key) {
        if (key.length() > MAX_HEADING_LENGTH) {
            return null;
        }
        Matcher m = PART.matcher(key);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2);
        return switch (m.group(1)) {
            case "一" -> rest.contains("发展现状") ? 1 : null;
            case "二" -> rest.contains("国内") || rest.contains("发展现状") ? 2 : null;
            default -> rest.contains("对策建议") ? 3 : null;
        };
    }

    private static Section sectionHeading(int part, String key) {
        if (key.length() > MAX_HEADING_LENGTH) {
            return null;
        }
        Matcher m = NUMBERED.matcher(key);
        String rest = m.matches() ? m.group(2) : key;
        rest = rest.replaceAll("[；;。:：]$", "");
        return switch (part) {
            case 1 -> rest.endsWith("技术瓶颈") ? Section.COUNTY_TECHNOLOGY : rest.equals("产业现状") ? Section.COUNTY_INDUSTRY : null;
            case 2 -> rest.endsWith("技术瓶颈") ? Section.DOMESTIC_TECHNOLOGY
                    : rest.startsWith("产业技术发展趋势") ? Section.DOMESTIC_TRENDS
                    : rest.equals("产业现状") ? Section.DOMESTIC_INDUSTRY : null;
            default -> rest.endsWith("技术攻关方向") ? Section.INNOVATION_DIRECTIONS
                    : rest.matches(".*优势单位(\\(团队\\))?") ? Section.UNITS_NOTE
                    : rest.equals("产业对策建议") ? Section.INDUSTRY_MEASURES : null;
        };
    }

    private static boolean looksLikeUnitsTable(XWPFTable table) {
        return table.getNumberOfRows() > 0 && normalise(table.getRow(0).getCell(0) == null ? "" : rowText(table.getRow(0))).contains("单位");
    }

    private static void readUnits(XWPFTable table, List<Unit> units, List<String> unrecognised) {
        if (table.getNumberOfRows() == 0) {
            return;
        }
        List<String> header = table.getRow(0).getTableCells().stream().map(c -> normalise(c.getText())).toList();
        int name = column(header, "名称", "单位");
        int kind = column(header, "类型", "性质", "类别");
        int strength = column(header, "领域", "优势", "方向", "特长");
        int contact = column(header, "联系");
        if (name < 0) {
            unrecognised.add("优势单位表：找不到“单位名称”列");
            return;
        }
        for (int r = 1; r < table.getNumberOfRows(); r++) {
            XWPFTableRow row = table.getRow(r);
            String unitName = cell(row, name);
            if (unitName.isBlank()) {
                continue;
            }
            String kindText = cell(row, kind);
            UnitKind unitKind = ReportRenderer.kindOf(kindText);
            if (unitKind == null && !kindText.isBlank()) {
                unrecognised.add("优势单位表第 " + r + " 行：类型“" + kindText + "”未识别");
            }
            units.add(new Unit(unitName, unitKind, blankToNull(cell(row, strength)), blankToNull(cell(row, contact))));
        }
    }

    private static int column(List<String> header, String... words) {
        for (int i = 0; i < header.size(); i++) {
            for (String w : words) {
                if (header.get(i).contains(w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String cell(XWPFTableRow row, int column) {
        return column < 0 || row.getCell(column) == null ? "" : row.getCell(column).getText().strip();
    }

    private static String rowText(XWPFTableRow row) {
        StringBuilder text = new StringBuilder();
        row.getTableCells().forEach(c -> text.append(c.getText()));
        return text.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Full-width to half-width, no spaces: headings match however they were typed. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    }
}
