package cn.fjsti.chainreport.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a table or figure stands in a section: a line of the section's text that is exactly a marker,
 * {@code 〔表:12〕} or {@code 〔图:12〕} (the exhibit's id; spaces around it allowed). The text carries the order,
 * so autosave, optimistic locking and frozen revisions cover tables and figures without anything beside it;
 * exhibits never change, so a marker in a revision always shows what was submitted.
 * <p>
 * The notice's 20,000 字 are words: {@link #textLength} counts a section without its marker lines.
 */
public final class ExhibitMarkers {

    /** One marker line. Group 1: 表 or 图; group 2: the exhibit's id. */
    public static final Pattern LINE = Pattern.compile("^[ \\t\\u3000]*〔([表图]):(\\d{1,18})〕[ \\t\\u3000]*$", Pattern.MULTILINE);

    /** What a marker line adds to a text at most: the brackets, a kind, a colon, 18 digits, spaces and its line break. */
    static final int MARKER_ALLOWANCE = 40;

    private ExhibitMarkers() {
    }

    /** A marker found in a text: which kind, which exhibit, on which line (0-based). */
    public record Ref(Exhibit.Kind kind, long id, int line) {
    }

    /** The marker line for an exhibit. */
    public static String marker(Exhibit.Kind kind, long id) {
        return "〔" + kind.label() + ":" + id + "〕";
    }

    /** The markers of a text, in order. */
    public static List<Ref> refs(String text) {
        List<Ref> refs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return refs;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Ref ref = parse(lines[i], i);
            if (ref != null) {
                refs.add(ref);
            }
        }
        return refs;
    }

    /** The marker a line is, or null. */
    public static Ref parse(String line, int number) {
        Matcher m = LINE.matcher(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (!m.matches()) {
            return null;
        }
        try {
            return new Ref(m.group(1).equals("表") ? Exhibit.Kind.TABLE : Exhibit.Kind.FIGURE, Long.parseLong(m.group(2)), number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The one rule for how long a section's words are: {@link Section#length} of the text without its marker
     * lines (each with its line break), so a table or figure costs no 字.
     */
    public static int textLength(String text) {
        return Section.length(withoutMarkers(text));
    }

    /** The text without its marker lines. */
    public static String withoutMarkers(String text) {
        if (text == null || text.indexOf('〔') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        String[] lines = text.split("\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            if (parse(lines[i], i) != null) {
                continue;
            }
            if (!first) {
                out.append('\n');
            }
            out.append(lines[i]);
            first = false;
        }
        return out.toString();
    }

    /**
     * The text with a marker line inserted after its first {@code afterLine} lines (null or beyond the end: at
     * the end; 0: at the start).
     */
    public static String insert(String text, Integer afterLine, String marker) {
        List<String> lines = lines(text);
        int at = afterLine == null || afterLine > lines.size() ? lines.size() : Math.max(0, afterLine);
        lines.add(at, marker);
        return String.join("\n", lines);
    }

    /** The text with the marker line of exhibit {@code id} replaced by {@code marker} (null: removed). */
    public static String replace(String text, long id, String marker) {
        List<String> lines = lines(text);
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Ref ref = parse(lines.get(i), i);
            if (ref != null && ref.id() == id) {
                if (marker != null) {
                    out.add(marker);
                }
            } else {
                out.add(lines.get(i));
            }
        }
        return String.join("\n", out);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            lines.addAll(List.of(text.split("\n", -1)));
        }
        return lines;
    }
}
