package cn.fjsti.chainreport.consolidation;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.chain.IndustryTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds chains that several counties of one city chose, the way a city officer groups them: by the industry's
 * own words, not by how the names look. Exact: the same key after normalisation ({@link ChainNames#key}).
 * Near: the names' terms ({@link IndustryTerms}: 林竹 and 竹木 are both 竹, 石化 is 石油化工, 白茶 is a kind of
 * 茶; 高端, 特色, 绿色 barely count) overlap by at least {@link #THRESHOLD} of their weight. Pairs are joined into
 * groups (three counties with one food chain are one proposal), only groups spanning at least two counties are
 * proposed, each with its reasons in Chinese; the city confirms, edits or dismisses them.
 */
public final class DuplicateChainFinder {

    /** Weighted share of two names' terms from which they are proposed as one chain. */
    public static final double THRESHOLD = 0.55;
    /** From this similarity a proposal is called likely (把握较大). */
    static final double LIKELY = 0.8;

    /** A report's chain, as the finder sees it. */
    public record Candidate(Long reportId, String countyCode, String countyName, String chainName) {
    }

    /** How a proposal was found. */
    public enum Match { EXACT, NEAR }

    /**
     * A proposed group: its chain name (the most common spelling), category, the weakest link's similarity,
     * members, and why (Chinese sentences: the shared terms and how sure).
     */
    public record Proposal(Match match, String chainName, String category, double score, List<Candidate> members,
                           List<String> reasons) {
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

    public List<Proposal> find(List<Candidate> candidates) {
        Map<String, List<Candidate>> byKey = candidates.stream()
                .collect(Collectors.groupingBy(c -> ChainNames.key(c.chainName()), LinkedHashMap::new, Collectors.toList()));
        List<String> keys = new ArrayList<>(byKey.keySet());
        Map<String, String> categoryOf = keys.stream().collect(Collectors.toMap(Function.identity(),
                k -> categories.categoryOf(byKey.get(k).get(0).chainName())));
        Map<String, List<IndustryTerms.Term>> termsOf = keys.stream().collect(Collectors.toMap(Function.identity(),
                k -> terms.split(byKey.get(k).get(0).chainName())));

        // Union-find over keys: link two keys of one category that are similar enough.
        Map<String, String> parent = new LinkedHashMap<>();
        keys.forEach(k -> parent.put(k, k));
        Map<String, Double> weakestLink = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                double score = similarity(termsOf.get(a), termsOf.get(b));
                if (score >= THRESHOLD) {
                    String ra = root(parent, a);
                    String rb = root(parent, b);
                    parent.put(rb, ra);
                    double weakest = Math.min(score, Math.min(weakestLink.getOrDefault(ra, 1.0), weakestLink.getOrDefault(rb, 1.0)));
                    weakestLink.put(ra, weakest);
                }
            }
        }

        Map<String, List<String>> components = keys.stream()
                .collect(Collectors.groupingBy(k -> root(parent, k), LinkedHashMap::new, Collectors.toList()));
        List<Proposal> proposals = new ArrayList<>();
        for (Map.Entry<String, List<String>> component : components.entrySet()) {
            List<Candidate> members = component.getValue().stream().flatMap(k -> byKey.get(k).stream())
                    .sorted(Comparator.comparing(Candidate::countyCode).thenComparing(Candidate::reportId))
                    .toList();
            Set<String> counties = new HashSet<>();
            members.forEach(m -> counties.add(m.countyCode()));
            if (!cn.fjsti.chainreport.rules.MergeWithinOneCity.enoughCounties(counties)) {
                continue;
            }
            boolean exact = component.getValue().size() == 1;
            double score = exact ? 1.0 : weakestLink.getOrDefault(component.getKey(), THRESHOLD);
            String name = commonestName(members);
            proposals.add(new Proposal(exact ? Match.EXACT : Match.NEAR, name, categories.categoryOf(name), score, members,
                    reasons(exact, score, component.getValue().stream().map(termsOf::get).toList())));
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

    /** Why a group is proposed, in Chinese: the same name, or the industry terms its names share, and how sure. */
    static List<String> reasons(boolean exact, double score, List<List<IndustryTerms.Term>> names) {
        if (exact) {
            return List.of("名称相同（去掉空格、“产业链”等字样后一致）", "把握较大");
        }
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i == j) {
                    continue;
                }
                for (IndustryTerms.Term t : names.get(i)) {
                    if (t.kind() != IndustryTerms.Kind.MODIFIER && best(t, names.get(j)) > 0) {
                        String core = t.broader() != null && names.get(j).stream().anyMatch(o -> o.canonical().equals(t.broader()))
                                ? t.broader() : t.canonical();
                        shared.computeIfAbsent(core, k -> new java.util.TreeSet<>()).add(t.spelling());
                    }
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!shared.isEmpty()) {
            reasons.add("共同的产业核心词：" + shared.entrySet().stream()
                    .map(e -> e.getValue().size() == 1 && e.getValue().contains(e.getKey()) ? e.getKey()
                            : e.getKey() + "（" + String.join("、", e.getValue()) + "）")
                    .collect(Collectors.joining("；")));
        }
        reasons.add(score >= LIKELY ? "把握较大（名称相似度 " + Math.round(score * 100) + "%）"
                : "把握一般（名称相似度 " + Math.round(score * 100) + "%），请核对各县报告内容后再决定");
        return reasons;
    }

    private static String root(Map<String, String> parent, String key) {
        String r = key;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    private static String commonestName(List<Candidate> members) {
        return members.stream().collect(Collectors.groupingBy(c -> ChainNames.display(c.chainName()), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }
}
