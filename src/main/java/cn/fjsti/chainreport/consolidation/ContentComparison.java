package cn.fjsti.chainreport.consolidation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one city's county reports by what they say: their sections' words and their units tables.
 *
 * <p>Text: TF-IDF over character bigrams (two consecutive letters, digits or Chinese characters; punctuation
 * and spaces break a bigram), weighted within the reports given (the city's), cosine of the vectors, 0..1.
 * A bigram every report uses (产业, 企业, 技术) weighs ln 2; one only this report uses weighs ln(1 + N). Term
 * frequency is sublinear (1 + ln tf); a report keeps its {@link #TOP_BIGRAMS} heaviest bigrams. A report with fewer than {@link #MIN_TEXT_CHARS} characters of text has
 * no text to compare (the similarity is {@code null}); only the first {@link #MAX_TEXT_CHARS} are read.
 *
 * <p>Units: the rows' names under {@link UnitNames#key}; a unit is evidence only when few reports name it:
 * one named by more than {@link #commonUnitLimit(int) max(2, N / 3)} of the N reports (a provincial university
 * many chains cite) says nothing about two of them being one chain.
 */
public final class ContentComparison {

    /** Bigrams kept per report: its heaviest (most distinctive) ones; the rest barely move the cosine. */
    public static final int TOP_BIGRAMS = 1_000;
    /** Below this many letters and digits of section text a report is treated as empty (a draft just begun; a written report has thousands). */
    public static final int MIN_TEXT_CHARS = 200;
    /**
     * Characters of a report read for the comparison (a full report has up to 140,000): enough to tell an
     * industry, and the finder stays within tens of milliseconds for a city's 45 reports (docs/benchmarks.md).
     */
    public static final int MAX_TEXT_CHARS = 12_000;
    /** Characters read from the start of each section (where the industry, its products and figures are stated). */
    public static final int SECTION_CHARS = 1_500;
    /** From this text similarity two reports describe the same industry. */
    public static final double SIMILAR_TEXT = 0.2;
    /** Below this text similarity two reports describe unrelated industries. */
    public static final double UNRELATED_TEXT = 0.1;

    /** What the comparison reads of a report: its sections' text (null or blank: none) and its units' names. */
    public record Content(String text, List<String> units) {
        public static final Content NONE = new Content(null, List.of());
    }

    private record Vector(int[] bigrams, double[] weights) {
    }

    private final Vector[] vectors;
    private final List<Map<String, String>> units;
    private final Map<String, Integer> unitCounts = new HashMap<>();
    private final int unitLimit;

    private ContentComparison(List<Content> reports) {
        int n = reports.size();
        vectors = new Vector[n];
        units = new ArrayList<>(n);
        int[][] counts = new int[n][];
        int[][] keys = new int[n][];
        int withText = 0;
        for (int i = 0; i < n; i++) {
            int[] codes = bigrams(reports.get(i).text());
            if (codes == null) {
                continue;
            }
            withText++;
            Arrays.sort(codes);
            int distinct = 0;
            for (int k = 0; k < codes.length; k++) {
                if (k == 0 || codes[k] != codes[k - 1]) {
                    distinct++;
                }
            }
            keys[i] = new int[distinct];
            counts[i] = new int[distinct];
            int d = -1;
            for (int k = 0; k < codes.length; k++) {
                if (k == 0 || codes[k] != codes[k - 1]) {
                    keys[i][++d] = codes[k];
                }
                counts[i][d]++;
            }
        }
        // Document frequency without boxing: every report's distinct bigrams in one sorted array, counted by runs.
        int total = 0;
        for (int[] k : keys) {
            total += k == null ? 0 : k.length;
        }
        int[] all = new int[total];
        int at = 0;
        for (int[] k : keys) {
            if (k != null) {
                System.arraycopy(k, 0, all, at, k.length);
                at += k.length;
            }
        }
        Arrays.sort(all);
        int[] distinctBigrams = new int[all.length];
        int[] frequency = new int[all.length];
        int distinctAll = 0;
        for (int k = 0; k < all.length; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                distinctBigrams[distinctAll++] = all[k];
            }
            frequency[distinctAll - 1]++;
        }
        int[] bigramsAll = Arrays.copyOf(distinctBigrams, distinctAll);
        double[] idfOf = new double[withText + 1];
        for (int df = 1; df <= withText; df++) {
            idfOf[df] = Math.log(1 + withText / (double) df);
        }
        double[] tfOf = new double[64];
        for (int tf = 1; tf < tfOf.length; tf++) {
            tfOf[tf] = 1 + Math.log(tf);
        }
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) {
                continue;
            }
            double[] w = new double[keys[i].length];
            int g = 0;
            for (int k = 0; k < w.length; k++) {
                // Both arrays are sorted: walk the city's bigrams alongside the report's.
                while (bigramsAll[g] != keys[i][k]) {
                    g++;
                }
                int tf = counts[i][k];
                w[k] = (tf < tfOf.length ? tfOf[tf] : 1 + Math.log(tf)) * idfOf[frequency[g]];
            }
            vectors[i] = strongest(keys[i], w);
        }
        for (Content report : reports) {
            Map<String, String> named = new LinkedHashMap<>();
            for (String name : report.units()) {
                String key = UnitNames.key(name);
                if (!key.isEmpty()) {
                    named.putIfAbsent(key, name.strip());
                }
            }
            named.keySet().forEach(k -> unitCounts.merge(k, 1, Integer::sum));
            units.add(named);
        }
        unitLimit = commonUnitLimit(n);
    }

    /** The {@link #TOP_BIGRAMS} heaviest bigrams of a vector, in bigram order, scaled to length 1. */
    private static Vector strongest(int[] bigrams, double[] weights) {
        int[] kept = bigrams;
        double[] keptWeights = weights;
        if (bigrams.length > TOP_BIGRAMS) {
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            double floor = sorted[sorted.length - TOP_BIGRAMS];
            kept = new int[TOP_BIGRAMS];
            keptWeights = new double[TOP_BIGRAMS];
            int n = 0;
            for (int k = 0; k < bigrams.length && n < TOP_BIGRAMS; k++) {
                if (weights[k] > floor) {
                    kept[n] = bigrams[k];
                    keptWeights[n++] = weights[k];
                }
            }
            for (int k = 0; k < bigrams.length && n < TOP_BIGRAMS; k++) {
                if (weights[k] == floor) {
                    kept[n] = bigrams[k];
                    keptWeights[n++] = weights[k];
                }
            }
            // Both passes keep bigram order within themselves; the second may interleave, so sort the pairs by bigram.
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            int[] fk = kept;
            Arrays.sort(order, (x, y) -> Integer.compare(fk[x], fk[y]));
            int[] ordered = new int[n];
            double[] orderedWeights = new double[n];
            for (int k = 0; k < n; k++) {
                ordered[k] = kept[order[k]];
                orderedWeights[k] = keptWeights[order[k]];
            }
            kept = ordered;
            keptWeights = orderedWeights;
        }
        double norm = 0;
        for (double w : keptWeights) {
            norm += w * w;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < keptWeights.length; k++) {
            keptWeights[k] /= norm;
        }
        return new Vector(kept, keptWeights);
    }

    /** Reads the reports once; then any two of them (by their index in the list) can be compared. */
    public static ContentComparison of(List<Content> reports) {
        return new ContentComparison(reports);
    }

    /** Reports naming a unit beyond which it is common, not evidence: max(2, N / 3) of N reports. */
    static int commonUnitLimit(int reports) {
        return Math.max(2, reports / 3);
    }

    /** Whether the report has enough text to compare. */
    public boolean hasText(int i) {
        return vectors[i] != null;
    }

    /** Cosine of the two reports' TF-IDF vectors, 0..1; null when either has too little text. */
    public Double textSimilarity(int i, int j) {
        Vector a = vectors[i];
        Vector b = vectors[j];
        if (a == null || b == null) {
            return null;
        }
        double dot = 0;
        int x = 0;
        int y = 0;
        while (x < a.bigrams().length && y < b.bigrams().length) {
            int ka = a.bigrams()[x];
            int kb = b.bigrams()[y];
            if (ka == kb) {
                dot += a.weights()[x++] * b.weights()[y++];
            } else if (ka < kb) {
                x++;
            } else {
                y++;
            }
        }
        return Math.min(1.0, dot);
    }

    /** The units both reports name and few others do (as the first report spells them), in its table's order. */
    public List<String> sharedUnits(int i, int j) {
        Map<String, String> other = units.get(j);
        List<String> shared = new ArrayList<>();
        units.get(i).forEach((key, name) -> {
            if (other.containsKey(key) && unitCounts.get(key) <= unitLimit) {
                shared.add(name);
            }
        });
        return shared;
    }

    /** The text's bigrams as ints (two UTF-16 units); null when shorter than {@link #MIN_TEXT_CHARS}. */
    private static int[] bigrams(String text) {
        if (text == null) {
            return null;
        }
        int length = Math.min(text.length(), MAX_TEXT_CHARS);
        int letters = 0;
        int[] codes = new int[length];
        int n = 0;
        char previous = 0;
        for (int k = 0; k < length; k++) {
            char c = Character.toLowerCase(text.charAt(k));
            if (Character.isLetterOrDigit(c)) {
                letters++;
                if (previous != 0) {
                    codes[n++] = (previous << 16) | c;
                }
                previous = c;
            } else {
                previous = 0;
            }
        }
        return letters < MIN_TEXT_CHARS ? null : Arrays.copyOf(codes, n);
    }
}
