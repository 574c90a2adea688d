package cn.fjsti.chainreport.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A readable difference between two versions of a section: paragraphs that stayed, went or came, and
 * inside a paragraph that was edited, the characters that changed. The paragraphs both versions start and
 * end with are matched first; the rest by longest common subsequence on paragraphs, then on characters for
 * each removed/added pair. The work is bounded (a 20,000-line section once took 400 MB and 10.8 s): a
 * middle too large to compare paragraph by paragraph is shown as removed and added as a whole, and so is a
 * pair too long to compare by character or beyond the character budget; {@link Diff#coarse()} says so.
 */
public final class TextDiff {

    /** Comparisons above this product are not made (memory is m×n ints: 16 MB). */
    static final long MAX_CELLS = 4_000_000L;
    /** Character comparisons of all edited paragraphs of one text together, in cells. */
    static final long CHARACTER_BUDGET = 2 * MAX_CELLS;

    /** The segments, and whether some part was shown as a whole because comparing it finely was too much work. */
    public record Diff(List<Segment> segments, boolean coarse) {
        public boolean changed() {
            return TextDiff.changed(segments);
        }
    }

    public enum Kind { SAME, ADDED, REMOVED }

    /** A run of text; paragraph breaks are kept inside the text as line breaks. */
    public record Segment(Kind kind, String text) {
        public boolean same() {
            return kind == Kind.SAME;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }
    }

    private TextDiff() {
    }

    public static boolean changed(List<Segment> diff) {
        return diff.stream().anyMatch(s -> !s.same());
    }

    public static List<Segment> diff(String before, String after) {
        return compare(before, after).segments();
    }

    public static Diff compare(String before, String after) {
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> middleA = a.subList(prefix, a.size() - suffix);
        List<String> middleB = b.subList(prefix, b.size() - suffix);
        Output out = new Output();
        a.subList(0, prefix).forEach(p -> out.append(Kind.SAME, p + "\n"));
        if ((long) middleA.size() * middleB.size() <= MAX_CELLS) {
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (Op op : lcs(middleA, middleB)) {
                switch (op.kind) {
                    case REMOVED -> removed.add(op.text);
                    case ADDED -> added.add(op.text);
                    case SAME -> {
                        flush(out, removed, added);
                        out.append(Kind.SAME, op.text + "\n");
                    }
                }
            }
            flush(out, removed, added);
        } else {
            out.coarse = true;
            middleA.forEach(p -> out.append(Kind.REMOVED, p + "\n"));
            middleB.forEach(p -> out.append(Kind.ADDED, p + "\n"));
        }
        a.subList(a.size() - suffix, a.size()).forEach(p -> out.append(Kind.SAME, p + "\n"));
        return new Diff(out.segments(), out.coarse);
    }

    /**
     * The segments being built, with the text of the last one still open (adding to a string again and again
     * would copy it each time); how much character comparison is left; whether anything was shown whole.
     */
    private static final class Output {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private Kind kind;
        long characterCells = CHARACTER_BUDGET;
        boolean coarse;

        void append(Kind k, String t) {
            if (t.isEmpty()) {
                return;
            }
            if (k != kind) {
                close();
                kind = k;
            }
            text.append(t);
        }

        private void close() {
            if (kind != null && !text.isEmpty()) {
                segments.add(new Segment(kind, text.toString()));
            }
            text.setLength(0);
        }

        List<Segment> segments() {
            close();
            kind = null;
            return segments;
        }
    }

    /** Edited paragraphs come as removed/added pairs: compare those pairs by character, within the budget. */
    private static void flush(Output out, List<String> removed, List<String> added) {
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            String x = removed.get(i);
            String y = added.get(i);
            long cells = (long) x.length() * y.length();
            if (cells <= MAX_CELLS && cells <= out.characterCells) {
                out.characterCells -= cells;
                for (Op op : lcs(chars(x), chars(y))) {
                    out.append(op.kind, op.text);
                }
                out.append(Kind.SAME, "\n");
            } else {
                out.coarse = true;
                out.append(Kind.REMOVED, x + "\n");
                out.append(Kind.ADDED, y + "\n");
            }
        }
        removed.subList(pairs, removed.size()).forEach(p -> out.append(Kind.REMOVED, p + "\n"));
        added.subList(pairs, added.size()).forEach(p -> out.append(Kind.ADDED, p + "\n"));
        removed.clear();
        added.clear();
    }

    private record Op(Kind kind, String text) {
    }

    private static List<Op> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add(new Op(Kind.SAME, a.get(i++)));
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                ops.add(new Op(Kind.REMOVED, a.get(i++)));
            } else {
                ops.add(new Op(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            ops.add(new Op(Kind.REMOVED, a.get(i++)));
        }
        while (j < m) {
            ops.add(new Op(Kind.ADDED, b.get(j++)));
        }
        return ops;
    }

    private static List<String> paragraphs(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    }

    private static List<String> chars(String text) {
        return text.codePoints().mapToObj(Character::toString).toList();
    }
}
