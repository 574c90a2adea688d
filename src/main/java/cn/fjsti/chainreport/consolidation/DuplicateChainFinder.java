package cn.fjsti.chainreport.consolidation;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.chain.IndustryTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds chains that several counties of one city chose, the way a city officer groups them: by the industry's
 * own words, not by how the names look, and, once drafts have text, by what the reports say.
 *
 * <p>Names: exact is the same key after normalisation ({@link ChainNames#key}); near is names whose terms
 * ({@link IndustryTerms}: 林竹 and 竹木 are both 竹, 石化 is 石油化工, 白茶 is a kind of 茶; 高端, 特色, 绿色 barely
 * count) overlap by at least {@link #THRESHOLD} of their weight.
 *
 * <p>Content ({@link ContentComparison}, within the city's reports): two reports of different counties whose
 * texts are similar ({@link ContentComparison#SIMILAR_TEXT}) and that name a unit in common are linked whatever
 * their names; a weak name match (below {@link #LIKELY}) between two reports whose texts are unrelated
 * ({@link ContentComparison#UNRELATED_TEXT}) and that share no unit is dropped. Reports with too little text
 * ({@link ContentComparison#MIN_TEXT_CHARS}) are compared by name only, exactly as before drafts existed.
 *
 * <p>Linked reports are joined into clusters (three counties with one food chain are one proposal; a report is
 * in one proposal at most); only clusters spanning at least two counties are proposed, each with its reasons
 * in Chinese and how sure (高/中/低); the city confirms, edits or dismisses them.
 */
public final class DuplicateChainFinder {

    /** Weighted share of two names' terms from which they are proposed as one chain. */
    public static final double THRESHOLD = 0.55;
    /** From this name similarity a name match is strong: content alone cannot veto it. */
    public static final double LIKELY = 0.8;
    /** Shared units named in a reason; more are counted. */
    static final int UNITS_NAMED = 5;

    /** A report's chain and, when drafted, its content, as the finder sees it. */
    public record Candidate(Long reportId, String countyCode, String countyName, String chainName,
                            ContentComparison.Content content) {
        public Candidate {
            content = content == null ? ContentComparison.Content.NONE : content;
        }

        /** A report known by its chain name only (an empty draft). */
        public Candidate(Long reportId, String countyCode, String countyName, String chainName) {
            this(reportId, countyCode, countyName, chainName, ContentComparison.Content.NONE);
        }
    }

    /** How a proposal was found: one name (after normalisation) or several. */
    public enum Match { EXACT, NEAR }

    /** How sure the finder is, as the page says it. */
    public enum Sureness {
        HIGH("高"), MEDIUM("中"), LOW("低");

        private final String label;

        Sureness(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What links two reports: their names' similarity (1 for the same key), their texts' similarity (null when
     * either has too little text) and the units both name (few others do).
     */
    public record Evidence(double name, Double text, List<String> sharedUnits) {

        /** Text about the same industry and a unit in common. */
        boolean contentAgrees() {
            return text != null && text >= ContentComparison.SIMILAR_TEXT && !sharedUnits.isEmpty();
        }

        /** Texts about unrelated industries and no unit in common. */
        boolean contentDisagrees() {
            return text != null && text < ContentComparison.UNRELATED_TEXT && sharedUnits.isEmpty();
        }

        /** Whether the two reports are one chain: by name unless content vetoes a weak name; or by content alone. */
        boolean links(boolean sameCounty) {
            boolean byName = name >= THRESHOLD && !(name < LIKELY && contentDisagrees());
            return byName || (!sameCounty && contentAgrees());
        }

        /**
         * Points: a strong name 2, a weak one 1; content agreeing +2, half agreeing (similar text or a shared unit)
         * +1, disagreeing -2, not compared 0. 2 and more 高, 1 中, less 低.
         */
        Sureness sureness() {
            int points = (name >= LIKELY ? 2 : name >= THRESHOLD ? 1 : 0)
                    + (contentAgrees() ? 2 : contentDisagrees() ? -2
                    : (text != null && text >= ContentComparison.SIMILAR_TEXT) || !sharedUnits.isEmpty() ? 1 : 0);
            return points >= 2 ? Sureness.HIGH : points == 1 ? Sureness.MEDIUM : Sureness.LOW;
        }
    }

    /**
     * A proposed cluster: its chain name (the most common spelling), category, the weakest name similarity of
     * its links (below {@link #THRESHOLD} when content alone linked two reports), members, why (Chinese
     * sentences), how sure (the least sure link), the lowest text similarity of its links (null: no text
     * compared) and the units its linked reports share.
     */
    public record Proposal(Match match, String chainName, String category, double score, List<Candidate> members,
                           List<String> reasons, Sureness sureness, Double textSimilarity, List<String> sharedUnits) {
    }

    private record Link(int a, int b, Evidence evidence) {
    }

    private final IndustryCategories categories;
    private final IndustryTerms terms;

    public DuplicateChainFinder(IndustryCategories categories) {
        this(categories, IndustryTerms.load());
    }

    public DuplicateChainFinder(IndustryCategories categories, IndustryTerms terms) {
        this.categories = categories;
        this.terms = terms;
    }

    /** The proposals among one city's reports: clusters of two counties or more, exact ones first, then larger ones. */
    public List<Proposal> find(List<Candidate> candidates) {
        int n = candidates.size();
        List<String> keys = candidates.stream().map(c -> ChainNames.key(c.chainName())).toList();
        Map<String, List<IndustryTerms.Term>> termsOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String name = candidates.get(i).chainName();
            termsOf.computeIfAbsent(keys.get(i), k -> terms.split(name));
        }
        Map<String, Double> nameScores = new HashMap<>();
        ContentComparison content = ContentComparison.of(candidates.stream().map(Candidate::content).toList());

        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                double name = a.equals(b) ? 1.0 : nameScores.computeIfAbsent(a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a,
                        k -> similarity(termsOf.get(a), termsOf.get(b)));
                List<String> units = content.sharedUnits(i, j);
                // The texts are compared only where they can decide something: a name match or a shared unit.
                Double text = name >= THRESHOLD || !units.isEmpty() ? content.textSimilarity(i, j) : null;
                Evidence evidence = new Evidence(name, text, units);
                if (evidence.links(candidates.get(i).countyCode().equals(candidates.get(j).countyCode()))) {
                    parent[root(parent, j)] = root(parent, i);
                    links.add(new Link(i, j, evidence));
                }
            }
        }

        Map<Integer, List<Integer>> components = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Evidence>> linksOf = new HashMap<>();
        links.forEach(l -> linksOf.computeIfAbsent(root(parent, l.a()), k -> new ArrayList<>()).add(l.evidence()));
        List<Proposal> proposals = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> component : components.entrySet()) {
            List<Candidate> members = component.getValue().stream().map(candidates::get)
                    .sorted(Comparator.comparing(Candidate::countyCode).thenComparing(Candidate::reportId))
                    .toList();
            Set<String> counties = new HashSet<>();
            members.forEach(m -> counties.add(m.countyCode()));
            if (!cn.fjsti.chainreport.rules.MergeWithinOneCity.enoughCounties(counties)) {
                continue;
            }
            List<String> memberKeys = component.getValue().stream().map(keys::get).distinct().toList();
            List<Evidence> evidence = linksOf.get(component.getKey());
            boolean exact = memberKeys.size() == 1;
            double score = evidence.stream().mapToDouble(Evidence::name).min().orElse(1.0);
            Sureness sureness = evidence.stream().map(Evidence::sureness).max(Comparator.naturalOrder()).orElseThrow();
            Double text = evidence.stream().map(Evidence::text).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            List<String> shared = evidence.stream().flatMap(e -> e.sharedUnits().stream()).distinct().toList();
            boolean disagreeing = evidence.stream().anyMatch(Evidence::contentDisagrees);
            String name = commonestName(members);
            proposals.add(new Proposal(exact ? Match.EXACT : Match.NEAR, name, categories.categoryOf(name), score, members,
                    reasons(exact, score, memberKeys.stream().map(termsOf::get).toList(), text, disagreeing, shared, sureness),
                    sureness, text, shared));
        }
        proposals.sort(Comparator.comparing(Proposal::match).thenComparing(p -> -p.members().size()).thenComparing(Proposal::chainName));
        return proposals;
    }

    /** The similarity of two chain names (for tests and tools): see {@link #similarity(List, List)}. */
    public double similarity(String a, String b) {
        return ChainNames.key(a).equals(ChainNames.key(b)) ? 1.0 : similarity(terms.split(a), terms.split(b));
    }

    /**
     * Weighted overlap of two names' terms, 0..1: each term counts its weight times its best match in the other
     * name (1 the same term, 0.8 one a kind of the other), over the weight of all terms of both names. So
     * 茶 / 佛手茶 = 0.67, 高端装备制造 / 智能装备制造 ≈ 1, 新型显示 / 集成电路 = 0.
     */
    static double similarity(List<IndustryTerms.Term> a, List<IndustryTerms.Term> b) {
        double total = 0;
        double shared = 0;
        for (IndustryTerms.Term t : a) {
            total += t.weight();
            shared += t.weight() * best(t, b);
        }
        for (IndustryTerms.Term t : b) {
            total += t.weight();
            shared += t.weight() * best(t, a);
        }
        return total == 0 ? 0 : shared / total;
    }

    private static double best(IndustryTerms.Term term, List<IndustryTerms.Term> others) {
        return others.stream().mapToDouble(term::matches).max().orElse(0);
    }

    /**
     * Why a cluster is proposed, in Chinese: the same name or the industry terms its names share; the texts'
     * similarity; the units they share; how sure, with the figures.
     */
    static List<String> reasons(boolean exact, double score, List<List<IndustryTerms.Term>> names, Double text,
                                boolean disagreeing, List<String> sharedUnits, Sureness sureness) {
        List<String> reasons = new ArrayList<>();
        if (exact) {
            reasons.add("名称相同（去掉空格、“产业链”等字样后一致）");
        } else {
            Map<String, Set<String>> shared = sharedCoreTerms(names);
            reasons.add(shared.isEmpty() ? "名称不同，但报告内容相近"
                    : "共同的产业核心词：" + shared.entrySet().stream()
                    .map(e -> e.getValue().size() == 1 && e.getValue().contains(e.getKey()) ? e.getKey()
                            : e.getKey() + "（" + String.join("、", e.getValue()) + "）")
                    .collect(Collectors.joining("；")));
        }
        if (text != null) {
            reasons.add(disagreeing ? "报告正文差别较大（文本相似度 " + percent(text) + "），也没有共同的优势单位"
                    : "报告正文相似度 " + percent(text) + "（按全市报告的用字加权比较）");
        }
        if (!sharedUnits.isEmpty()) {
            reasons.add("共同的优势单位：" + String.join("、", sharedUnits.subList(0, Math.min(UNITS_NAMED, sharedUnits.size())))
                    + (sharedUnits.size() > UNITS_NAMED ? " 等 " + sharedUnits.size() + " 家" : ""));
        }
        List<String> figures = new ArrayList<>();
        figures.add("名称相似度 " + percent(score));
        if (text != null) {
            figures.add("文本相似度 " + percent(text));
        }
        if (!sharedUnits.isEmpty()) {
            figures.add("共同单位 " + sharedUnits.size() + " 家");
        }
        reasons.add("把握：" + sureness.label() + "（" + String.join("，", figures) + "）"
                + (sureness == Sureness.HIGH ? "" : "，请核对各县报告内容后再决定"));
        return reasons;
    }

    private static Map<String, Set<String>> sharedCoreTerms(List<List<IndustryTerms.Term>> names) {
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i == j) {
                    continue;
                }
                for (IndustryTerms.Term t : names.get(i)) {
                    if (t.kind() != IndustryTerms.Kind.MODIFIER && best(t, names.get(j)) > 0) {
                        int other = j;
                        String core = t.broader() != null && names.get(other).stream().anyMatch(o -> o.canonical().equals(t.broader()))
                                ? t.broader() : t.canonical();
                        shared.computeIfAbsent(core, k -> new TreeSet<>()).add(t.spelling());
                    }
                }
            }
        }
        return shared;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static int root(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }

    private static String commonestName(List<Candidate> members) {
        return members.stream().collect(Collectors.groupingBy(c -> ChainNames.display(c.chainName()), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }
}
