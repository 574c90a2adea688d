package cn.fjsti.chainreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.rules.CompletePackage.County;
import cn.fjsti.chainreport.rules.CompletePackage.CountyReport;
import cn.fjsti.chainreport.rules.CompletePackage.PilotChain;
import cn.fjsti.chainreport.rules.CompletePackage.UnitReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of 闽科高〔2024〕135号 one by one, at their edges (the deadline's are in DeadlinePolicyTest). */
class NoticeRulesTest {

    private static final County HAICANG = new County("350205", "海沧区");
    private static final County JIMEI = new County("350211", "集美区");

    @Test
    void oneChainPerCountyNeedsOneDeclaredAndOneFinished() {
        assertThat(OneChainPerCounty.declared(0)).isFalse();
        assertThat(OneChainPerCounty.declared(1)).isTrue();
        assertThat(OneChainPerCounty.unmet("海沧区", 0, 0)).isEqualTo("海沧区：尚未申报产业链");
        assertThat(OneChainPerCounty.unmet("海沧区", 3, 0)).isEqualTo("海沧区：尚无审核通过或已合并的报告");
        assertThat(OneChainPerCounty.unmet("海沧区", 3, 1)).isNull();
    }

    @Test
    void aPilotCountyCoversEveryDesignatedChainByKey() {
        Map<String, String> designated = Map.of("生物医药", "生物医药产业链", "集成电路", "集成电路产业链");
        assertThat(PilotCountyChains.missing(designated, Set.of())).containsExactly("生物医药产业链", "集成电路产业链");
        assertThat(PilotCountyChains.missing(designated, Set.of("集成电路", "新材料"))).containsExactly("生物医药产业链");
        assertThat(PilotCountyChains.missing(designated, Set.of("集成电路", "生物医药"))).isEmpty();
        assertThat(PilotCountyChains.missing(Map.of(), Set.of())).isEmpty();
        assertThat(PilotCountyChains.declarationMissing("晋江市", List.of("纺织鞋服产业链")))
                .isEqualTo("晋江市是试点县，须梳理指定的产业链：纺织鞋服产业链");
    }

    @Test
    void mergesStayWithinOneUnitAndJoinTwoCounties() {
        assertThat(MergeWithinOneCity.sameUnit("350200", "350200")).isTrue();
        assertThat(MergeWithinOneCity.sameUnit("350200", "350100")).isFalse();
        assertThat(MergeWithinOneCity.sameUnit(null, null)).isFalse();
        assertThat(MergeWithinOneCity.enoughCounties(List.of("350205", "350205"))).isFalse();
        assertThat(MergeWithinOneCity.enoughCounties(List.of("350205", "350205", "350211"))).isTrue();
    }

    @Test
    void aPackageHoldsEveryCountyEveryPilotChainAndTheUnitsOwnReports() {
        List<County> counties = List.of(HAICANG, JIMEI);
        List<PilotChain> pilots = List.of(new PilotChain("350205", "生物医药", "生物医药产业链"));
        // Nothing yet: both counties and the pilot chain are named.
        assertThat(CompletePackage.missing(counties, List.of(), List.of(), pilots)).containsExactly(
                "海沧区：尚未申报产业链", "集美区：尚未申报产业链", "海沧区（试点县）：指定产业链“生物医药产业链”尚未审核通过或合并");
        // Haicang finished another chain, not the designated one (declared but unfinished); a merged report not approved.
        List<CountyReport> reports = List.of(new CountyReport("350205", "集成电路", true), new CountyReport("350205", "生物医药", false),
                new CountyReport("350211", "新材料", true));
        assertThat(CompletePackage.missing(counties, reports, List.of(new UnitReport("文旅", true, false)), pilots)).containsExactly(
                "海沧区（试点县）：指定产业链“生物医药产业链”尚未审核通过或合并", "本级报告“文旅”（合并报告）尚未提交");
        // Complete.
        List<CountyReport> done = List.of(new CountyReport("350205", "生物医药", true), new CountyReport("350211", "新材料", true));
        assertThat(CompletePackage.missing(counties, done, List.of(new UnitReport("文旅", true, true)), pilots)).isEmpty();
    }
}
