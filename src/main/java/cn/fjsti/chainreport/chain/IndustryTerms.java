package cn.fjsti.chainreport.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of chain names and what they weigh (reference data {@value #RESOURCE}, editable without code):
 * an industry's own nouns count, words many industries share count a little, modifiers barely at all.
 * Splits a chain name into terms by the longest spelling in the data at each position; a run of characters no
 * row knows becomes one word of its own, counted as an industry noun (佛手, 肉鸡 …).
 *
 * <p>Why not a general Chinese segmenter: jieba-analysis 1.0.2 splits these names well, but its dictionary
 * kept 74 MB of heap and took 11.7 s to load here (two busy cores), for names of two to eight characters whose
 * meaningful words are exactly this project's domain data.
 */
public final class IndustryTerms {

    static final String RESOURCE = "reference/industry-terms.csv";

    /** How much a kind of word says about the industry. */
    public enum Kind {
        CORE(1.0), BROAD(0.4), MODIFIER(0.05);

        final double weight;

        Kind(double weight) {
            this.weight = weight;
        }
    }

    /**
     * A word of a chain name: its canonical term (the row's first spelling), kind, the term it is a kind of, and
     * whether the data knows it (an unknown run of characters is a word of its own).
     */
    public record Term(String canonical, String spelling, Kind kind, String broader, boolean known) {
        public double weight() {
            return kind.weight;
        }

        /**
         * 1 for the same term; 0.8 when one is a kind of the other (白茶 / 茶), or for two words the data does not
         * know of which one contains the other (种业 / 种子种业); else 0.
         */
        public double matches(Term other) {
            if (canonical.equals(other.canonical)) {
                return 1.0;
            }
            if (canonical.equals(other.broader) || other.canonical.equals(broader)) {
                return 0.8;
            }
            boolean unknownPair = !known && !other.known && Math.min(canonical.length(), other.canonical.length()) >= 2;
            return unknownPair && (canonical.contains(other.canonical) || other.canonical.contains(canonical)) ? 0.8 : 0;
        }
    }

    private record Row(String canonical, Kind kind, String broader) {
    }

    private final Map<String, Row> bySpelling;
    private final int longest;

    private IndustryTerms(Map<String, Row> bySpelling) {
        this.bySpelling = bySpelling;
        this.longest = bySpelling.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** The terms shipped with the service. */
    public static IndustryTerms load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndustryTerms parse(BufferedReader reader) throws IOException {
        Map<String, Row> bySpelling = new HashMap<>();
        String line;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.strip().split(",", -1);
            String canonical = normalise(cells[0]);
            Row row = new Row(canonical, Kind.valueOf(cells[1].strip().toUpperCase(Locale.ROOT)),
                    cells[2].isBlank() ? null : normalise(cells[2]));
            bySpelling.put(canonical, row);
            if (cells.length > 3 && !cells[3].isBlank()) {
                for (String synonym : cells[3].split("\\|")) {
                    bySpelling.putIfAbsent(normalise(synonym), row);
                }
            }
        }
        return new IndustryTerms(bySpelling);
    }

    /** The terms of a chain name, in order: "数控机床及装备产业链" → 机床, 及, 装备制造, 产业. */
    public List<Term> split(String chainName) {
        String text = normalise(chainName);
        List<Term> terms = new ArrayList<>();
        StringBuilder unknown = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && !bySpelling.containsKey(String.valueOf(c))) {
                flush(unknown, terms);
                i++;
                continue;
            }
            int end = Math.min(text.length(), i + longest);
            Row row = null;
            String spelling = null;
            for (; end > i; end--) {
                row = bySpelling.get(text.substring(i, end));
                if (row != null) {
                    spelling = text.substring(i, end);
                    break;
                }
            }
            if (row == null) {
                unknown.append(c);
                i++;
            } else {
                flush(unknown, terms);
                terms.add(new Term(row.canonical(), spelling, row.kind(), row.broader(), true));
                i = end;
            }
        }
        flush(unknown, terms);
        return terms;
    }

    private static void flush(StringBuilder unknown, List<Term> terms) {
        if (!unknown.isEmpty()) {
            terms.add(new Term(unknown.toString(), unknown.toString(), Kind.CORE, null, false));
            unknown.setLength(0);
        }
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }
}
