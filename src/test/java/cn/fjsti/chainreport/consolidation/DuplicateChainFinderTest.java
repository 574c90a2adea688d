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
}
