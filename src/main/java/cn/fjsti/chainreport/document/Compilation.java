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
     * The groups of one chain and kind. An item joins the first group (in order of creation) whose first item's Dice
     * coefficient with it is at least {@link #SAME_ITEM}, exactly as a scan of every group would find, but only the
     * groups that pass a <em>prefix filter</em> are compared (issue 23: the scan was quadratic in a chain's items, and
     * counting over every shared bigram still touched thousands of postings per item).
     *
     * <p>The filter: Dice ≥ t with t = {@link #SAME_ITEM} needs an overlap of at least {@code o(n) = t·n/(2−t)}
     * bigrams with any text, for a text of n distinct bigrams. Sort each text's bigrams in one total order; if two
     * texts share at least o bigrams, the first {@code n − o + 1} of each share one (the smallest shared bigram lies in
     * both). So each group indexes only that prefix of its first item's bigrams, and an item looks up only its own
     * prefix; candidates are then verified exactly on the full sorted sets, lowest group number first.
     *
     * <p>The order: rarest first (fewest groups of this chain and kind having the bigram, then the code), which keeps
     * the common bigrams out of the index. The counts are frozen in an epoch; when the number of groups doubles the
     * counts are frozen anew and every group's prefix is indexed again under the new order, so index and lookups
     * always share one order and the filter stays exact (amortised: each group is re-indexed O(log groups) times, the
     * total work twice the indexing).
     */
    private static final class KindGroups {
        /** Smallest number of groups at which the order is first taken from counts (before: code order). */
        private static final int FIRST_EPOCH = 32;

        final List<GroupBuilder> list = new ArrayList<>();
        final Map<Long, Integer> rarePairs = new HashMap<>();
        /** Bigram → how many groups' first items have it (live), and the same frozen for the current order. */
        IntIntMap counts = new IntIntMap();
        IntIntMap frozen = new IntIntMap();
        /** Bigram → slot in {@code postings}; a posting list is {@code [size, id, id, …]}, ids ascending. */
        IntIntMap slots = new IntIntMap();
        List<int[]> postings = new ArrayList<>();
        int nextEpoch = FIRST_EPOCH;
        int[] seen = new int[16];
        int stamp;

        /** The index is for adding only. */
        void release() {
            counts = null;
            frozen = null;
            slots = null;
            postings = null;
            rarePairs.clear();
            seen = new int[0];
            list.forEach(g -> g.codes = null);
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
                found = firstSimilar(grams);
            }
            if (found >= 0) {
                GroupBuilder g = list.get(found);
                // The same words as the group's first item (a national text in many reports): one string for both.
                String first = g.items.get(0).text();
                g.items.add(first.equals(item.text()) ? new Item(first, item.source()) : item);
                return;
            }
            GroupBuilder created = new GroupBuilder(grams, item);
            list.add(created);
            for (int g : grams) {
                counts.add(g, 1);
            }
            if (list.size() == nextEpoch) {
                nextEpoch *= 2;
                reindex();
            } else {
                index(list.size() - 1, created.codes);
            }
        }

        /** The lowest group number whose first item has Dice ≥ SAME_ITEM with {@code grams} (sorted codes); −1 if none. */
        private int firstSimilar(int[] grams) {
            if (seen.length < list.size()) {
                seen = new int[Math.max(list.size(), seen.length * 2)];
            }
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(seen, 0);
                stamp = 1;
            }
            int[] prefix = prefix(grams);
            int[] candidates = new int[16];
            int count = 0;
            for (int g : prefix) {
                int slot = slots.get(g);
                if (slot < 0) {
                    continue;
                }
                int[] p = postings.get(slot);
                for (int k = 1; k <= p[0]; k++) {
                    int id = p[k];
                    if (seen[id] != stamp) {
                        seen[id] = stamp;
                        if (count == candidates.length) {
                            candidates = java.util.Arrays.copyOf(candidates, count * 2);
                        }
                        candidates[count++] = id;
                    }
                }
            }
            java.util.Arrays.sort(candidates, 0, count);
            for (int c = 0; c < count; c++) {
                int[] other = list.get(candidates[c]).codes;
                int n = grams.length;
                int m = other.length;
                // Dice can reach SAME_ITEM only if the smaller set could be wholly shared.
                if (2.0 * Math.min(n, m) / (n + m) >= SAME_ITEM && 2.0 * overlap(grams, other) / (n + m) >= SAME_ITEM) {
                    return candidates[c];
                }
            }
            return -1;
        }

        /** The first n − o(n) + 1 of the codes in the current order (rarest first), see the class comment. */
        private int[] prefix(int[] codes) {
            int n = codes.length;
            int length = Math.min(n, n - minOverlap(n) + 1);
            long[] keyed = new long[n];
            for (int i = 0; i < n; i++) {
                keyed[i] = (long) Math.max(frozen.get(codes[i]), 0) << 32 | (codes[i] & 0xFFFFFFFFL);
            }
            java.util.Arrays.sort(keyed);
            int[] prefix = new int[length];
            for (int i = 0; i < length; i++) {
                prefix[i] = (int) keyed[i];
            }
            return prefix;
        }

        private void index(int id, int[] codes) {
            for (int g : prefix(codes)) {
                int slot = slots.get(g);
                if (slot < 0) {
                    slot = postings.size();
                    postings.add(new int[4]);
                    slots.put(g, slot);
                }
                int[] p = postings.get(slot);
                if (p[0] + 1 == p.length) {
                    p = java.util.Arrays.copyOf(p, p.length * 2);
                    postings.set(slot, p);
                }
                p[++p[0]] = id;
            }
        }

        /** Freezes the counts as the order and indexes every group again under it. */
        private void reindex() {
            frozen = counts.copy();
            slots = new IntIntMap();
            postings = new ArrayList<>();
            for (int id = 0; id < list.size(); id++) {
                if (list.get(id).codes.length > 0) {
                    index(id, list.get(id).codes);
                }
            }
        }
    }

    /**
     * The least number of shared bigrams with which a text of {@code n} distinct bigrams can reach Dice
     * {@link #SAME_ITEM} with any other text: t·n/(2−t), rounded down (one too few at most: a longer prefix, still
     * exact), at least 1.
     */
    static int minOverlap(int n) {
        return Math.max(1, (int) Math.floor(SAME_ITEM * n / (2 - SAME_ITEM)));
    }

    /** How many codes two ascending arrays share. */
    static int overlap(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    /** An open-addressing map from int to non-negative int; {@link #get} is −1 when absent. */
    private static final class IntIntMap {
        private static final int FREE = Integer.MIN_VALUE;
        private int[] keys = filled(16);
        private int[] values = new int[16];
        private int size;
        private boolean hasFreeKey;
        private int freeKeyValue;

        private static int[] filled(int n) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, FREE);
            return a;
        }

        int get(int key) {
            if (key == FREE) {
                return hasFreeKey ? freeKeyValue : -1;
            }
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == FREE) {
                    return -1;
                }
            }
        }

        void put(int key, int value) {
            if (key == FREE) {
                hasFreeKey = true;
                freeKeyValue = value;
                return;
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (keys[i] != FREE && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    values[i] = value;
                    grow();
                    return;
                }
            }
            values[i] = value;
        }

        void add(int key, int delta) {
            put(key, Math.max(get(key), 0) + delta);
        }

        IntIntMap copy() {
            IntIntMap c = new IntIntMap();
            c.keys = keys.clone();
            c.values = values.clone();
            c.size = size;
            c.hasFreeKey = hasFreeKey;
            c.freeKeyValue = freeKeyValue;
            return c;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldValues = values;
            keys = filled(oldKeys.length * 2);
            values = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != FREE) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int mix(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
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
        /** How many distinct bigrams the first item has. */
        final int grams;
        /** The first item's bigram codes, ascending, while building (dropped by {@code release}). */
        int[] codes;
        final List<Item> items = new ArrayList<>(2);

        GroupBuilder(int[] codes, Item first) {
            this.grams = codes.length;
            this.codes = codes;
            items.add(first);
        }

        int sourceCount() {
            return (int) items.stream().map(Item::source).distinct().count();
        }
    }
}
