package cn.fjsti.chainreport.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A readable difference between two versions of a section: paragraphs that stayed, went or came, and
 * inside a paragraph that was edited, the characters that changed. Longest common subsequence on
 * paragraphs, then on characters for each removed/added pair (skipped for very long pairs, which are then
 * shown as a whole paragraph removed and added).
 */
public final class TextDiff {

    /** Character pairs above this product are not compared character by character (memory is m×n ints). */
    static final long MAX_CELLS = 4_000_000L;

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
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        List<Segment> out = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Op op : lcs(a, b)) {
            switch (op.kind) {
                case REMOVED -> removed.add(op.text);
                case ADDED -> added.add(op.text);
                case SAME -> {
                    flush(out, removed, added);
                    append(out, Kind.SAME, op.text + "\n");
                }
            }
        }
        flush(out, removed, added);
        return out;
    }

    /** Edited paragraphs come as removed/added pairs: compare those pairs by character. */
    private static void flush(List<Segment> out, List<String> removed, List<String> added) {
        int pairs = Math.min(removed.size(), added.size());
        for (int i = 0; i < pairs; i++) {
            String x = removed.get(i);
            String y = added.get(i);
            if ((long) x.length() * y.length() <= MAX_CELLS) {
                for (Op op : lcs(chars(x), chars(y))) {
                    append(out, op.kind, op.text);
                }
                append(out, Kind.SAME, "\n");
            } else {
                append(out, Kind.REMOVED, x + "\n");
                append(out, Kind.ADDED, y + "\n");
            }
        }
        removed.subList(pairs, removed.size()).forEach(p -> append(out, Kind.REMOVED, p + "\n"));
        added.subList(pairs, added.size()).forEach(p -> append(out, Kind.ADDED, p + "\n"));
        removed.clear();
        added.clear();
    }

    private static void append(List<Segment> out, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text + text));
        } else {
            out.add(new Segment(kind, text));
        }
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
