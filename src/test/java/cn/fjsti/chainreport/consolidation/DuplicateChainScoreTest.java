package cn.fjsti.chainreport.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.consolidation.DuplicateChainFinder.Candidate;
import cn.fjsti.chainreport.consolidation.DuplicateChainFinder.Proposal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Precision and recall of the finder on labelled lists, pair by pair within each city, as
 * ../shared/tools/score-duplicates.py counts them against a running service: must-link pairs (same label),
 * either pairs (one side "~"), every other pair wrong. The names alone: the moment a city first looks.
 */
class DuplicateChainScoreTest {

    record Row(String city, String county, String chain, Set<String> labels, Set<String> loose) {
    }

    record Score(int proposed, int mustFound, int must, int either, int wrong, List<String> misses) {
        double precision() {
            return proposed == 0 ? 1 : (mustFound + either) / (double) proposed;
        }

        double recall() {
            return must == 0 ? 1 : mustFound / (double) must;
        }
    }

    private final DuplicateChainFinder finder = new DuplicateChainFinder(IndustryCategories.load());

    @ParameterizedTest
    @ValueSource(strings = {"duplicates/dev-set.csv", "duplicates/own-set.csv"})
    void shouldFindWhatAnOfficerWouldMergeAndNothingElse(String list) throws IOException {
        Score score = score(read(list));
        System.out.printf("%s: proposed %d, must-link found %d/%d, either %d, wrong %d, precision %.2f, recall %.2f%n%s%n",
                list, score.proposed(), score.mustFound(), score.must(), score.either(), score.wrong(),
                score.precision(), score.recall(), String.join("\n", score.misses()));
        assertThat(score.precision()).as(list + " precision; " + score.misses()).isGreaterThanOrEqualTo(0.9);
        assertThat(score.recall()).as(list + " recall; " + score.misses()).isGreaterThanOrEqualTo(0.9);
    }

    Score score(List<Row> rows) {
        int proposed = 0, mustFound = 0, must = 0, either = 0, wrong = 0;
        List<String> misses = new ArrayList<>();
        AtomicLong ids = new AtomicLong();
        TreeMap<String, List<Row>> byCity = new TreeMap<>();
        rows.forEach(r -> byCity.computeIfAbsent(r.city(), k -> new ArrayList<>()).add(r));
        for (List<Row> city : byCity.values()) {
            List<Candidate> candidates = new ArrayList<>();
            for (Row r : city) {
                candidates.add(new Candidate(ids.incrementAndGet(), r.county(), r.county(), r.chain()));
            }
            Set<Set<Integer>> proposedPairs = new HashSet<>();
            for (Proposal p : finder.find(candidates)) {
                for (Candidate a : p.members()) {
                    for (Candidate b : p.members()) {
                        if (!a.countyCode().equals(b.countyCode()) && a.reportId() < b.reportId()) {
                            proposedPairs.add(Set.of((int) (a.reportId() - candidates.get(0).reportId()),
                                    (int) (b.reportId() - candidates.get(0).reportId())));
                        }
                    }
                }
            }
            for (int i = 0; i < city.size(); i++) {
                for (int j = i + 1; j < city.size(); j++) {
                    Row a = city.get(i);
                    Row b = city.get(j);
                    if (a.county().equals(b.county())) {
                        continue;
                    }
                    boolean isMust = a.labels().stream().anyMatch(b.labels()::contains);
                    boolean isEither = !isMust && (a.loose().stream().anyMatch(l -> b.labels().contains(l) || b.loose().contains(l))
                            || b.loose().stream().anyMatch(a.labels()::contains));
                    boolean found = proposedPairs.contains(Set.of(i, j));
                    must += isMust ? 1 : 0;
                    if (found) {
                        proposed++;
                        if (isMust) {
                            mustFound++;
                        } else if (isEither) {
                            either++;
                        } else {
                            wrong++;
                            misses.add("wrong: " + a.chain() + " + " + b.chain());
                        }
                    } else if (isMust) {
                        misses.add("missed: " + a.chain() + " + " + b.chain() + " ("
                                + Math.round(100 * finder.similarity(a.chain(), b.chain())) + "%)");
                    }
                }
            }
        }
        return new Score(proposed, mustFound, must, either, wrong, misses);
    }

    static List<Row> read(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DuplicateChainScoreTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).toList();
            for (String line : lines) {
                String[] c = line.split(",", -1);
                Set<String> labels = new HashSet<>();
                Set<String> loose = new HashSet<>();
                for (String part : c[4].split("\\|")) {
                    if (part.startsWith("~")) {
                        loose.add(part.substring(1));
                    } else if (!part.isBlank()) {
                        labels.add(part);
                    }
                }
                rows.add(new Row(c[0], c[1], ChainNames.display(c[3]), labels, loose));
            }
        }
        return rows;
    }
}
