package cn.fjsti.chainreport.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.consolidation.DuplicateChainFinder.Candidate;
import cn.fjsti.chainreport.consolidation.DuplicateChainFinder.Match;
import cn.fjsti.chainreport.consolidation.DuplicateChainFinder.Proposal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DuplicateChainFinderTest {

    private final DuplicateChainFinder finder = new DuplicateChainFinder(IndustryCategories.load());
    private final AtomicLong ids = new AtomicLong();

    private Candidate c(String county, String chain) {
        return new Candidate(ids.incrementAndGet(), county, county, chain);
    }

    /** The public list of chains and the counties they rely on (闽政办〔2024〕25号), one city at a time. */
    private List<Candidate> knownChainsOfCity(String cityPrefix) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/known-county-chains.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split(",");
                if (cells[0].startsWith(cityPrefix)) {
                    candidates.add(new Candidate(ids.incrementAndGet(), cells[0], cells[1], cells[2]));
                }
            }
        }
        return candidates;
    }

    @Test
    void shouldGroupXiamensDistrictsOnTheirSharedChains() throws IOException {
        List<Proposal> proposals = finder.find(knownChainsOfCity("3502"));
        assertThat(proposals).extracting(Proposal::chainName).containsExactly("集成电路产业链", "新型显示产业链");
        assertThat(proposals.get(0).match()).isEqualTo(Match.EXACT);
        assertThat(proposals.get(0).members()).extracting(Candidate::countyName).containsExactly("海沧区", "湖里区", "翔安区");
        assertThat(proposals.get(1).members()).extracting(Candidate::countyName).containsExactly("湖里区", "翔安区");
        assertThat(proposals.get(0).category()).isEqualTo("电子信息");
    }

    @Test
    void shouldGroupEachOfFuzhousSharedChains() throws IOException {
        List<Proposal> proposals = finder.find(knownChainsOfCity("3501"));
        assertThat(proposals).extracting(Proposal::chainName)
                .containsExactlyInAnyOrder("现代纺织服装产业链", "新型显示产业链", "绿色石化产业链");
        assertThat(proposals).allMatch(p -> p.match() == Match.EXACT && p.members().size() == 2);
    }

    @Test
    void shouldLeaveAChainOnlyOneCountyChoseAlone() throws IOException {
        List<Proposal> proposals = finder.find(knownChainsOfCity("3508"));
        assertThat(proposals).as("龙岩: only 武平县 lists 新型显示").isEmpty();
    }

    @Test
    void shouldGroupSpellingVariantsExactly() {
        List<Proposal> proposals = finder.find(List.of(c("海沧区", "集成电路产业链"), c("翔安区", "集成电路 产业"),
                c("湖里区", "ＬＥＤ照明产业链"), c("思明区", "led 照明")));
        assertThat(proposals).hasSize(2).allMatch(p -> p.match() == Match.EXACT);
    }

    @Test
    void shouldProposeNearMatchesWithinOneCategory() {
        List<Proposal> proposals = finder.find(List.of(c("海沧区", "集成电路产业链"), c("翔安区", "集成电路设计产业"),
                c("古田县", "锂电新能源产业链"), c("屏南县", "锂电池新能源产业")));
        assertThat(proposals).hasSize(2).allMatch(p -> p.match() == Match.NEAR);
        assertThat(proposals).allMatch(p -> p.score() >= DuplicateChainFinder.THRESHOLD);
        assertThat(proposals).extracting(Proposal::category).containsExactlyInAnyOrder("电子信息", "新能源");
    }

    @Test
    void shouldNotGroupDifferentChainsEvenWhenTheyLookAlike() {
        assertThat(finder.find(List.of(c("翔安区", "新型显示产业链"), c("海沧区", "集成电路产业链")))).isEmpty();
        assertThat(finder.find(List.of(c("长乐区", "新能源汽车产业链"), c("福清市", "新能源产业链")))).as("different categories").isEmpty();
        assertThat(finder.find(List.of(c("泉港区", "绿色石化产业链"), c("安溪县", "绿色食品产业链")))).isEmpty();
        assertThat(finder.find(List.of(c("古田县", "锂电新能源产业链"), c("霞浦县", "光伏产业链")))).isEmpty();
        assertThat(finder.find(List.of(c("古田县", "食用菌产业链"), c("安溪县", "茶产业链")))).isEmpty();
    }

    @Test
    void shouldNotProposeTwoChainsOfTheSameCounty() {
        assertThat(finder.find(List.of(c("湖里区", "集成电路产业链"), c("湖里区", "集成电路设计产业链")))).isEmpty();
    }

    @Test
    void shouldMeasureSimilarityByTheIndustrysOwnWords() {
        assertThat(finder.similarity("锂电新能源", "锂电池新能源")).as("synonyms").isEqualTo(1.0);
        assertThat(finder.similarity("林竹产业链", "竹木产业链")).as("林竹 = 竹木 = 竹").isEqualTo(1.0);
        assertThat(finder.similarity("高端装备制造", "智能装备制造")).as("modifiers barely count").isGreaterThan(0.95);
        assertThat(finder.similarity("茶", "高山茶")).as("a word the data does not know").isBetween(0.6, 0.7);
        assertThat(finder.similarity("白茶", "茶")).as("a kind of").isEqualTo(0.8);
        assertThat(finder.similarity("种业", "种子种业")).as("unknown words, one in the other").isEqualTo(0.8);
        assertThat(finder.similarity("新型显示", "集成电路")).isZero();
        assertThat(finder.similarity("绿色石化", "绿色食品")).as("the shared modifier").isLessThan(0.05);
        assertThat(finder.similarity("石材", "陶瓷")).as("same category, different industries").isZero();
    }

    @Test
    void shouldSayWhyInChinese() {
        List<Proposal> proposals = finder.find(List.of(c("建瓯市", "竹产业链"), c("延平区", "竹木加工产业链"), c("建阳区", "林竹产业链")));
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.members()).hasSize(3);
            assertThat(p.reasons()).anyMatch(r -> r.startsWith("共同的产业核心词：竹") && r.contains("林竹") && r.contains("竹木"));
            assertThat(p.reasons()).anyMatch(r -> r.startsWith("把握"));
        });
        assertThat(finder.find(List.of(c("海沧区", "集成电路产业链"), c("翔安区", "集成电路 产业"))))
                .singleElement().satisfies(p -> assertThat(p.reasons()).first().asString().startsWith("名称相同"));
    }

    /** The made-up reports of src/test/resources/duplicates/made-up-reports.txt by name. */
    static java.util.Map<String, String> madeUpReports() throws IOException {
        java.util.Map<String, String> reports = new java.util.LinkedHashMap<>();
        try (InputStream in = DuplicateChainFinderTest.class.getResourceAsStream("/duplicates/made-up-reports.txt")) {
            String name = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("== ")) {
                    name = line.substring(3).strip();
                    reports.put(name, "");
                } else if (name != null) {
                    reports.merge(name, line + "\n", String::concat);
                }
            }
        }
        return reports;
    }

    private Candidate drafted(String county, String chain, String text, String... units) {
        return new Candidate(ids.incrementAndGet(), county, county, chain, new ContentComparison.Content(text, List.of(units)));
    }

    @Test
    void shouldCompareTheReportsThemselvesOnceTheyHaveText() throws IOException {
        java.util.Map<String, String> r = madeUpReports();
        List<String> names = List.copyOf(r.keySet());
        ContentComparison content = ContentComparison.of(names.stream()
                .map(n -> new ContentComparison.Content(r.get(n), List.of())).toList());
        double bamboo = content.textSimilarity(0, 1);
        System.out.printf("text similarity: bamboo/bamboo %.2f; unrelated pairs:%n", bamboo);
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (i + j > 1) {
                    System.out.printf("  %s / %s %.2f%n", names.get(i), names.get(j), content.textSimilarity(i, j));
                    assertThat(content.textSimilarity(i, j)).as(names.get(i) + " / " + names.get(j))
                            .isLessThan(ContentComparison.UNRELATED_TEXT);
                }
            }
        }
        assertThat(bamboo).as("two counties' bamboo reports in their own words").isGreaterThanOrEqualTo(ContentComparison.SIMILAR_TEXT);
        assertThat(content.textSimilarity(2, 2)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ContentComparison.of(List.of(new ContentComparison.Content("全县规上企业 42 家。", List.of()),
                new ContentComparison.Content(r.get("tea-anxi"), List.of()))).textSimilarity(0, 1)).as("a draft just begun").isNull();

        // Units: one rule for names; a unit most reports name is no evidence.
        assertThat(UnitNames.key("和其昌竹业（福建）股份有限公司")).isEqualTo(UnitNames.key("和其昌竹业有限公司")).isEqualTo("和其昌竹业");
        assertThat(UnitNames.key("福建省 林业科学研究院")).isEqualTo("林业科学研究院");
        assertThat(UnitNames.key("福建农林大学")).isEqualTo("福建农林大学");
        assertThat(UnitNames.key("有限公司")).isEqualTo("有限公司");
        List<ContentComparison.Content> tables = List.of(
                new ContentComparison.Content(null, List.of("和其昌竹业（福建）股份有限公司", "福建农林大学")),
                new ContentComparison.Content(null, List.of("福建农林大学", "和其昌竹业有限公司")),
                new ContentComparison.Content(null, List.of("福建农林大学")), new ContentComparison.Content(null, List.of("福建农林大学")),
                new ContentComparison.Content(null, List.of()), new ContentComparison.Content(null, List.of()),
                new ContentComparison.Content(null, List.of()), new ContentComparison.Content(null, List.of()),
                new ContentComparison.Content(null, List.of()));
        assertThat(ContentComparison.of(tables).sharedUnits(0, 1)).as("福建农林大学 is in 4 of 9 tables (more than a third): common")
                .containsExactly("和其昌竹业（福建）股份有限公司");
        assertThat(ContentComparison.of(tables.subList(0, 2)).sharedUnits(0, 1)).as("two tables: both are evidence").hasSize(2);
    }

    @Test
    void shouldLetContentAddAPairNamesMissAndVetoAWeakNameMatch() throws IOException {
        java.util.Map<String, String> r = madeUpReports();
        // Names apart, content together: bamboo reports under unrelated names, one enterprise in both tables.
        assertThat(finder.similarity("竹产业链", "绿色家居产业链")).isLessThan(DuplicateChainFinder.THRESHOLD);
        List<Proposal> added = finder.find(List.of(
                drafted("建瓯市", "竹产业链", r.get("bamboo-jianou"), "和其昌竹业（福建）股份有限公司", "建瓯市林业局"),
                drafted("延平区", "绿色家居产业链", r.get("bamboo-yanping"), "和其昌竹业有限公司", "南平市延平区竹木协会"),
                drafted("安溪县", "茶产业链", r.get("tea-anxi"), "安溪铁观音集团股份有限公司"),
                drafted("泉港区", "石化产业链", r.get("petrochemical-quangang"), "福建联合石油化工有限公司")));
        assertThat(added).singleElement().satisfies(p -> {
            assertThat(p.members()).extracting(Candidate::countyName).containsExactly("延平区", "建瓯市");
            assertThat(p.match()).isEqualTo(Match.NEAR);
            assertThat(p.sharedUnits()).containsExactly("和其昌竹业（福建）股份有限公司");
            assertThat(p.textSimilarity()).isGreaterThanOrEqualTo(ContentComparison.SIMILAR_TEXT);
            assertThat(p.sureness()).isEqualTo(DuplicateChainFinder.Sureness.HIGH);
            assertThat(p.reasons()).contains("名称不同，但报告内容相近", "共同的优势单位：和其昌竹业（福建）股份有限公司");
            assertThat(p.reasons()).anyMatch(s -> s.startsWith("报告正文相似度 ")).anyMatch(s -> s.startsWith("把握：高（"));
        });

        // A weak name match (机械装备 / 电工电器装备, 67%): proposed on names alone, vetoed by unrelated texts.
        double names = finder.similarity("机械装备产业链", "电工电器装备产业链");
        assertThat(names).isBetween(DuplicateChainFinder.THRESHOLD, DuplicateChainFinder.LIKELY);
        assertThat(finder.find(List.of(c("南安市", "机械装备产业链"), c("闽侯县", "电工电器装备产业链"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.sureness()).isEqualTo(DuplicateChainFinder.Sureness.MEDIUM);
                    assertThat(p.textSimilarity()).isNull();
                    assertThat(p.reasons()).last().asString().matches("把握：中（名称相似度 6[0-9]%），请核对.*");
                });
        assertThat(finder.find(List.of(
                drafted("南安市", "机械装备产业链", r.get("machinery-nanan"), "南安市工程机械协会"),
                drafted("闽侯县", "电工电器装备产业链", r.get("electrical-minhou"), "闽侯县电器行业协会")))).isEmpty();
        // Related texts and a shared unit make a name match sure.
        assertThat(finder.find(List.of(
                drafted("建瓯市", "竹木产业链", r.get("bamboo-jianou"), "和其昌竹业有限公司"),
                drafted("延平区", "竹木家居产业链", r.get("bamboo-yanping"), "和其昌竹业股份有限公司"))))
                .singleElement().satisfies(p -> assertThat(p.sureness()).isEqualTo(DuplicateChainFinder.Sureness.HIGH));
        // A strong name match is kept even against unrelated texts, but said to be unsure.
        assertThat(finder.find(List.of(
                drafted("南安市", "机械装备产业链", r.get("machinery-nanan")),
                drafted("闽侯县", "机械装备产业", r.get("electrical-minhou"))))).singleElement().satisfies(p -> {
                    assertThat(p.sureness()).isEqualTo(DuplicateChainFinder.Sureness.LOW);
                    assertThat(p.reasons()).anyMatch(s -> s.startsWith("报告正文差别较大"));
                });
    }
}
