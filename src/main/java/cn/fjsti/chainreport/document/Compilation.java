package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
import java.text.Collator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The institute's compilation for next year's 项目申报指南, as items: by industry category, then chain, each technical
 * bottleneck (sections 一.2 and 二.2) and each research direction (三.2) one item, with the counties and cities that
 * named it. Items saying the same thing are one group listing all their sources.
 *
 * <p>Rules, each in one place here:
 * <ul>
 * <li>{@link #items(String)}: a section's text is split at the authors' own enumerations (一是…, 第一，…, （一）…, 一、…,
 * （1）…, 1．…, ①…) at the start of a line or after 。；：，; a paragraph without one is split into sentences (。！？；).
 * In a section that enumerates, the paragraphs before its first enumeration introduce the list and are left out, and
 * so is any sentence ending in a colon (为此提出以下方向：). Fewer than {@link #MIN_ITEM_CHARS} letters or digits is
 * not an item.</li>
 * <li>{@link #similarity(String, String)}: the Dice coefficient of the character-bigram sets of both texts after
 * normalisation (NFKC, lower case, letters and digits only). Items of one chain and kind whose similarity to a group's
 * first item is at least {@link #SAME_ITEM} join that group.</li>
 * <li>A merged report's text is attributed county by county through its 【县名】 lines.</li>
 * </ul>
 * Only items are kept: a caller adds one report at a time and can drop the report's text afterwards.
 */
public final class Compilation {

    /** Similarity (bigram Dice, 0..1) from which two items of one chain and kind count as the same item. */
    public static final double SAME_ITEM = 0.6;
    /** Shortest item, in letters and digits after normalisation. */
    public static final int MIN_ITEM_CHARS = 4;
    /** The county field of a source that is a city's own report (市级牵头). */
    public static final String CITY_OWN = "市本级";

    /** What an item is. */
    public enum Kind {
        BOTTLENECK("技术瓶颈"), DIRECTION("研究方向");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who named an item: a county (or {@link #CITY_OWN}) and the city whose package sent it. */
    public record Source(String county, String city) {
        public boolean isCounty() {
            return !CITY_OWN.equals(county);
        }
    }

    /** One item as a report wrote it. */
    public record Item(String text, Source source) {
    }

    /** Items saying the same thing: the first one's text stands for them; {@code sources} distinct, in order. */
    public record Group(String text, List<Item> items) {
        public List<Source> sources() {
            return new ArrayList<>(new LinkedHashSet<>(items.stream().map(Item::source).toList()));
        }
    }

    /** A chain of one category: its name as first written, the sources of its reports, its groups by kind. */
    public record Chain(String name, List<Source> sources, Map<Kind, List<Group>> groups) {
        public int groupCount(Kind kind) {
            return groups.getOrDefault(kind, List.of()).size();
        }
    }

    /** A category (from reference data; {@code uncategorised} for chains no keyword placed) and its chains. */
    public record Category(String name, boolean uncategorised, List<Chain> chains) {
        public int counties() {
            return (int) chains.stream().flatMap(c -> c.sources().stream()).filter(Source::isCounty).distinct().count();
        }

        public int groupCount(Kind kind) {
            return chains.stream().mapToInt(c -> c.groupCount(kind)).sum();
        }
    }

    private final List<Category> categories;
    private final int reports;

    private Compilation(List<Category> categories, int reports) {
        this.categories = categories;
        this.reports = reports;
    }

    /** Every category of the reference data in its order, then 其他 (uncategorised), with or without chains. */
    public List<Category> categories() {
        return categories;
    }

    public int reports() {
        return reports;
    }

    /** Distinct counties (市本级 not counted) over all categories. */
    public int counties() {
        return (int) categories.stream().flatMap(c -> c.chains().stream()).flatMap(c -> c.sources().stream())
                .filter(Source::isCounty).distinct().count();
    }

    /** Distinct cities that sent reports. */
    public int cities() {
        return (int) categories.stream().flatMap(c -> c.chains().stream()).flatMap(c -> c.sources().stream())
                .map(Source::city).distinct().count();
    }

    // ---- splitting ----

    private static final String NUMERAL = "[一二三四五六七八九十]{1,3}";
    /** The authors' enumerations; a marker counts at a line's start or after 。；：， (so 3.2% or 统一是 never do). */
    private static final Pattern MARKER = Pattern.compile(
            "(?:^|(?<=[。；;：:，,！？!?]))[\\s\\u3000]*(" + NUMERAL + "是|第" + NUMERAL + "[，,、]|[（(]" + NUMERAL + "[）)]|"
                    + NUMERAL + "、|[（(]\\d{1,2}[）)]|\\d{1,2}[.．、](?![0-9０-９])|[①-⑳])|([①-⑳])");
    private static final Pattern SENTENCE = Pattern.compile("[^。！？!?；;]+[。！？!?；;]*");
    private static final Pattern SOURCE_LINE = Pattern.compile("^【([^】]{1,200})】$");
    private static final Pattern EDGE = Pattern.compile("^[\\s\\u3000\\u00A0，,、；;]+|[\\s\\u3000\\u00A0，,、]+$");

    /** The items of a section's text, in order (see the class comment); never null. */
    public static List<String> items(String text) {
        List<String> items = new ArrayList<>();
        for (Passage p : passages(text, null)) {
            items.addAll(p.items());
        }
        return items;
    }

    /** A county's part of a section (a merged report's text under 【县名】), or the whole section with county null. */
    private record Passage(String county, List<String> items) {
    }

    private static List<Passage> passages(String text, String defaultCounty) {
        List<Passage> passages = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return passages;
        }
        String county = defaultCounty;
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip().replace('\u3000', ' ').strip();
            Matcher source = SOURCE_LINE.matcher(line);
            if (source.matches()) {
                if (!lines.isEmpty()) {
                    passages.add(new Passage(county, split(lines)));
                    lines = new ArrayList<>();
                }
                county = source.group(1).strip();
            } else if (!line.isEmpty() && !cn.fjsti.chainreport.report.ExhibitMarkers.LINE.matcher(raw).matches()) {
                // A table's or figure's place in the text is no item.
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            passages.add(new Passage(county, split(lines)));
        }
        return passages;
    }

    private static List<String> split(List<String> lines) {
        boolean enumerates = lines.stream().anyMatch(l -> MARKER.matcher(l).find());
        boolean listStarted = false;
        List<String> items = new ArrayList<>();
        for (String line : lines) {
            List<Integer> starts = new ArrayList<>();
            List<Integer> bodies = new ArrayList<>();
            Matcher m = MARKER.matcher(line);
            while (m.find()) {
                int g = m.group(1) != null ? 1 : 2;
                starts.add(m.start(g));
                bodies.add(m.end(g));
            }
            if (starts.isEmpty()) {
                if (!enumerates || listStarted) {
                    sentences(line, items);
                }
                continue;
            }
            if (listStarted || !enumerates) {
                sentences(line.substring(0, starts.get(0)), items);
            }
            listStarted = true;
            for (int i = 0; i < starts.size(); i++) {
                int end = i + 1 < starts.size() ? starts.get(i + 1) : line.length();
                add(line.substring(bodies.get(i), end), items);
            }
        }
        return items;
    }

    private static void sentences(String text, List<String> items) {
        Matcher s = SENTENCE.matcher(text);
        while (s.find()) {
            add(s.group(), items);
        }
    }

    private static void add(String raw, List<String> items) {
        String item = EDGE.matcher(raw).replaceAll("");
        if (item.endsWith("；") || item.endsWith(";")) {
            item = item.substring(0, item.length() - 1) + "。";
        }
        if (item.endsWith("：") || item.endsWith(":") || normalise(item).length() < MIN_ITEM_CHARS) {
            return;
        }
        items.add(item);
    }

    // ---- similarity ----

    /** NFKC, lower case, letters and digits only: what {@link #similarity} compares. */
    static String normalise(String text) {
        String n = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static Set<String> bigrams(String normalised) {
        Set<String> grams = new HashSet<>();
        int[] cps = normalised.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        if (cps.length == 1) {
            grams.add(normalised);
        }
        return grams;
    }

    /** Dice coefficient of the two texts' character-bigram sets after {@link #normalise}: 1 same, 0 nothing shared. */
    public static double similarity(String a, String b) {
        return dice(bigrams(normalise(a)), bigrams(normalise(b)));
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String g : a) {
            if (b.contains(g)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }

    // ---- building ----

    /** Collects reports one at a time; {@link #build()} groups and orders. */
    public static final class Builder {

        private final List<String> categoryOrder;
        private final Map<String, Map<String, ChainBuilder>> chains = new LinkedHashMap<>();
        private int reports;

        /** {@code categoryOrder}: the reference data's categories, in their order (其他 is added last). */
        public Builder(List<String> categoryOrder) {
            this.categoryOrder = categoryOrder;
        }

        /**
         * One report: its category and chain, the sources it speaks for ({@code county}: the author county, or
         * {@link #CITY_OWN}; a merged report's counties), and its sections' texts by kind. In a merged report, text
         * under 【县名】 is attributed to that county of {@code sources}; text outside any, to all of them.
         */
        public void add(String category, String chainName, List<Source> sources, Map<Kind, List<String>> texts) {
            reports++;
            String shown = ChainNames.display(chainName);
            ChainBuilder chain = chains.computeIfAbsent(category, k -> new LinkedHashMap<>())
                    .computeIfAbsent(ChainNames.key(chainName), k -> new ChainBuilder(shown));
            chain.sources.addAll(sources);
            for (Map.Entry<Kind, List<String>> e : texts.entrySet()) {
                for (String text : e.getValue()) {
                    for (Passage p : passages(text, null)) {
                        List<Source> who = attribute(p.county(), sources);
                        for (String item : p.items()) {
                            for (Source s : who) {
                                chain.add(e.getKey(), new Item(item, s));
                            }
                        }
                    }
                }
            }
        }

        private static List<Source> attribute(String county, List<Source> sources) {
            if (county == null || sources.isEmpty()) {
                return sources;
            }
            // 【海沧区、翔安区】: a paragraph the merge found in several counties' texts.
            List<Source> named = new ArrayList<>();
            for (String name : county.split("、")) {
                named.add(sources.stream().filter(s -> s.county().equals(name.strip())).findFirst()
                        .orElse(new Source(name.strip(), sources.get(0).city())));
            }
            return named;
        }

        public Compilation build() {
            Collator pinyin = Collator.getInstance(Locale.CHINA);
            List<String> order = new ArrayList<>(categoryOrder);
            order.remove(IndustryCategories.OTHER);
            order.add(IndustryCategories.OTHER);
            chains.keySet().stream().filter(c -> !order.contains(c)).forEach(c -> order.add(order.size() - 1, c));
            List<Category> result = new ArrayList<>();
            for (String name : order) {
                List<Chain> list = chains.getOrDefault(name, Map.of()).values().stream()
                        .sorted(Comparator.comparing((ChainBuilder c) -> c.name, pinyin))
                        .map(ChainBuilder::build).toList();
                result.add(new Category(name, name.equals(IndustryCategories.OTHER), list));
            }
            return new Compilation(result, reports);
        }
    }

    private static final class ChainBuilder {
        final String name;
        final Set<Source> sources = new LinkedHashSet<>();
        final Map<Kind, KindGroups> groups = new LinkedHashMap<>();

        ChainBuilder(String name) {
            this.name = name;
        }

        void add(Kind kind, Item item) {
            groups.computeIfAbsent(kind, k -> new KindGroups()).add(item);
        }

        Chain build() {
            groups.values().forEach(KindGroups::release);
            Map<Kind, List<Group>> built = new LinkedHashMap<>();
            for (Kind kind : Kind.values()) {
                List<GroupBuilder> list = groups.containsKey(kind) ? groups.get(kind).list : List.of();
                // Most-named first; otherwise in the order written.
                built.put(kind, list.stream()
                        .sorted(Comparator.comparingInt((GroupBuilder g) -> -g.sourceCount()))
                        .map(g -> new Group(g.items.get(0).text(), List.copyOf(g.items))).toList());
            }
            return new Chain(name, List.copyOf(sources), built);
        }
    }

    /**
     * The groups of one chain and kind, with an index from each bigram to the groups whose first item has it: an item
     * joins the first group (in order of creation) whose Dice coefficient with it is at least {@link #SAME_ITEM}, as a
     * scan of every group would find, but counting shared bigrams only over the groups that share one (issue 23: the
     * scan was quadratic in a chain's items). Bigrams are numbers in the index only, not sets of strings per group.
     */
    private static final class KindGroups {
        final List<GroupBuilder> list = new ArrayList<>();
        final Map<Integer, int[]> postings = new HashMap<>();
        final Map<Long, Integer> rarePairs = new HashMap<>();
        int[] common = new int[16];

        /** The index is for adding only. */
        void release() {
            postings.clear();
            rarePairs.clear();
            common = new int[0];
        }

        void add(Item item) {
            int[] grams = gramCodes(normalise(item.text()), rarePairs);
            int found = -1;
            if (grams.length == 0) {
                for (int i = 0; i < list.size() && found < 0; i++) {
                    if (list.get(i).grams == 0) {
                        found = i;
                    }
                }
            } else {
                if (common.length < list.size()) {
                    common = new int[Math.max(list.size(), common.length * 2)];
                }
                int[] touched = new int[64];
                int touchedCount = 0;
                for (int g : grams) {
                    int[] p = postings.get(g);
                    if (p == null) {
                        continue;
                    }
                    for (int k = 1; k <= p[0]; k++) {
                        int id = p[k];
                        if (common[id]++ == 0) {
                            if (touchedCount == touched.length) {
                                touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
                            }
                            touched[touchedCount++] = id;
                        }
                    }
                }
                for (int t = 0; t < touchedCount; t++) {
                    int id = touched[t];
                    if ((found < 0 || id < found)
                            && 2.0 * common[id] / (list.get(id).grams + grams.length) >= SAME_ITEM) {
                        found = id;
                    }
                    common[id] = 0;
                }
            }
            if (found >= 0) {
                GroupBuilder g = list.get(found);
                // The same words as the group's first item (a national text in many reports): one string for both.
                String first = g.items.get(0).text();
                g.items.add(first.equals(item.text()) ? new Item(first, item.source()) : item);
                return;
            }
            int id = list.size();
            list.add(new GroupBuilder(grams.length, item));
            for (int g : grams) {
                int[] p = postings.get(g);
                if (p == null) {
                    p = new int[4];
                } else if (p[0] + 1 == p.length) {
                    p = java.util.Arrays.copyOf(p, p.length * 2);
                }
                p[++p[0]] = id;
                postings.put(g, p);
            }
        }
    }

    /**
     * The distinct bigrams of a normalised text as numbers, sorted: what {@link #bigrams} holds, one {@code int} each.
     * Two characters of the Basic Multilingual Plane are {@code first << 16 | second}; a pair with a supplementary
     * character gets a number of its own from {@code rare}, with a surrogate as its upper half (no code point is one).
     */
    static int[] gramCodes(String normalised, Map<Long, Integer> rare) {
        int[] cps = normalised.codePoints().toArray();
        if (cps.length == 1) {
            return new int[] {code(cps[0], -1, rare)};
        }
        int[] codes = new int[Math.max(0, cps.length - 1)];
        for (int i = 0; i + 1 < cps.length; i++) {
            codes[i] = code(cps[i], cps[i + 1], rare);
        }
        return java.util.Arrays.stream(codes).sorted().distinct().toArray();
    }

    private static int code(int first, int second, Map<Long, Integer> rare) {
        if (second >= 0 && first <= 0xFFFF && second <= 0xFFFF) {
            return first << 16 | second;
        }
        return rare.computeIfAbsent(((long) first << 32) | (second & 0xFFFFFFFFL), k -> 0xD800_0000 + rare.size());
    }

    private static final class GroupBuilder {
        /** How many distinct bigrams the first item has (the bigrams themselves are in the index only). */
        final int grams;
        final List<Item> items = new ArrayList<>(2);

        GroupBuilder(int grams, Item first) {
            this.grams = grams;
            items.add(first);
        }

        int sourceCount() {
            return (int) items.stream().map(Item::source).distinct().count();
        }
    }
}
