package cn.fjsti.chainreport.consolidation;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
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
 * Finds chains that several counties of one city chose. Exact: the same key after normalisation
 * ({@link ChainNames#key}). Near: different keys in the same industry category whose similarity reaches
 * {@link #THRESHOLD} (bigram Dice coefficient, or one name containing the other). Only groups spanning at
 * least two counties are proposed; the city confirms, rejects or groups by hand.
 */
public final class DuplicateChainFinder {

    /** Similarity from which two different chain names are proposed as one chain. */
    public static final double THRESHOLD = 0.6;
    /** Similarity given to a name contained in the other (集成电路 / 集成电路设计). */
    static final double CONTAINMENT = 0.75;

    /** A report's chain, as the finder sees it. */
    public record Candidate(Long reportId, String countyCode, String countyName, String chainName) {
    }

    /** How a proposal was found. */
    public enum Match { EXACT, NEAR }

    /** A proposed group: its chain name (the most common spelling), category and members. */
    public record Proposal(Match match, String chainName, String category, double score, List<Candidate> members) {
    }

    private final IndustryCategories categories;

    public DuplicateChainFinder(IndustryCategories categories) {
        this.categories = categories;
    }

    public List<Proposal> find(List<Candidate> candidates) {
        Map<String, List<Candidate>> byKey = candidates.stream()
                .collect(Collectors.groupingBy(c -> ChainNames.key(c.chainName()), LinkedHashMap::new, Collectors.toList()));
        List<String> keys = new ArrayList<>(byKey.keySet());
        Map<String, String> categoryOf = keys.stream().collect(Collectors.toMap(Function.identity(),
                k -> categories.categoryOf(byKey.get(k).get(0).chainName())));

        // Union-find over keys: link two keys of one category that are similar enough.
        Map<String, String> parent = new LinkedHashMap<>();
        keys.forEach(k -> parent.put(k, k));
        Map<String, Double> weakestLink = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                if (!categoryOf.get(a).equals(categoryOf.get(b))) {
                    continue;
                }
                double score = similarity(a, b);
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
            if (counties.size() < 2) {
                continue;
            }
            boolean exact = component.getValue().size() == 1;
            proposals.add(new Proposal(exact ? Match.EXACT : Match.NEAR, commonestName(members),
                    categoryOf.get(component.getKey()), exact ? 1.0 : weakestLink.getOrDefault(component.getKey(), THRESHOLD),
                    members));
        }
        proposals.sort(Comparator.comparing(Proposal::match).thenComparing(p -> -p.members().size()).thenComparing(Proposal::chainName));
        return proposals;
    }

    /** Dice coefficient on character bigrams of two keys, raised to {@link #CONTAINMENT} when one contains the other. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        double dice = dice(bigrams(a), bigrams(b));
        if (a.contains(b) || b.contains(a)) {
            return Math.max(dice, CONTAINMENT);
        }
        return dice;
    }

    private static List<String> bigrams(String s) {
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + 2 <= s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    private static double dice(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> rest = new ArrayList<>(b);
        int common = 0;
        for (String gram : a) {
            if (rest.remove(gram)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
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
