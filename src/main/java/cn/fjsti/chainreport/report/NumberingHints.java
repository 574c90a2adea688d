package cn.fjsti.chainreport.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gentle hint, never a refusal: every section of the outline is itself a "1." level heading (GB/T 9704 third level),
 * so an author's own points inside it should be numbered （1）, and points under those ①. When a section's lines
 * start with 一、 or （一） (the first and second levels, which the outline's 一、 and （一） already use), the hint names
 * the lines and the marker that fits: the higher of the levels used becomes （1）, the next ①.
 * Shown by the editor (report JSON {@code numberingHints}, and under each section) and the import preview.
 */
public final class NumberingHints {

    /** The marker under the outline's "1." level, then the one under that. */
    static final List<String> FITTING = List.of("（1）", "①");

    private static final List<Pattern> LEVELS = List.of(
            Pattern.compile("^[一二三四五六七八九十]{1,3}、"),
            Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]"));
    /** At most this many line numbers are named in one hint. */
    private static final int LINES_NAMED = 5;

    private NumberingHints() {
    }

    /**
     * One hint: {@code section} the section's key, {@code used} the marker as first written (（一）), {@code lines} the
     * 1-based line numbers (counting every line of the section's text) starting with that level's markers,
     * {@code suggested} the marker that fits, {@code message} the Chinese sentence the page shows.
     */
    public record Hint(String section, String used, List<Integer> lines, String suggested, String message) {
    }

    /** The hints of every section, in outline order; empty when the numbering fits. */
    public static List<Hint> of(Map<Section, String> sections) {
        List<Hint> hints = new ArrayList<>();
        for (Section s : Section.values()) {
            hints.addAll(of(s, sections.get(s)));
        }
        return hints;
    }

    /** The hints of one section's text (null reads as empty). */
    public static List<Hint> of(Section section, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Map<Integer, List<Integer>> linesByLevel = new java.util.TreeMap<>();
        Map<Integer, String> firstMarker = new java.util.HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().replace("\u3000", "");
            for (int level = 0; level < LEVELS.size(); level++) {
                Matcher m = LEVELS.get(level).matcher(line);
                if (m.find()) {
                    linesByLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(i + 1);
                    firstMarker.putIfAbsent(level, m.group());
                    break;
                }
            }
        }
        List<Hint> hints = new ArrayList<>();
        int rank = 0;
        for (Map.Entry<Integer, List<Integer>> e : linesByLevel.entrySet()) {
            String used = firstMarker.get(e.getKey());
            String suggested = FITTING.get(Math.min(rank++, FITTING.size() - 1));
            List<Integer> numbers = e.getValue();
            String named = String.join("、", numbers.stream().limit(LINES_NAMED).map(String::valueOf).toList())
                    + (numbers.size() > LINES_NAMED ? "等" : "");
            hints.add(new Hint(section.name(), used, List.copyOf(numbers), suggested,
                    "第" + named + "行以“" + used + "”编号：本节标题已是“1.”级，其下的分项宜用“" + suggested + "”"
                            + (suggested.equals(FITTING.get(0)) ? "，再下一级用“①”" : "") + "（仅为建议，不影响保存和提交）。"));
        }
        return hints;
    }

    /** For pages: each section's hint messages. */
    public static Map<Section, List<String>> messages(Map<Section, String> sections) {
        Map<Section, List<String>> out = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            out.put(s, of(s, sections.get(s)).stream().map(Hint::message).toList());
        }
        return out;
    }
}
