package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.chain.IndustryCategories;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compilation's rules: splitting into items, the similarity that groups them, attribution, categories. */
class CompilationTest {

    @Test
    void shouldSplitAtTheAuthorsOwnEnumerationsAndLeaveOutTheIntroduction() {
        assertThat(Compilation.items(String.join("\n",
                "当前产业技术水平总体处于国内中上游，但关键环节仍存在明显短板。",
                "",
                "一是高端材料依赖进口。光刻胶国产化率不足20%。二是核心装备受制于人；三是设计工具不足，EDA依赖进口。",
                "（1）企业研发投入强度平均为3.2%，低于全国平均水平；",
                "(2)高层次人才缺口较大。",
                "①产学研协同机制不健全；②公共技术服务平台支撑能力不足。",
                "1．第三代半导体材料与器件。重点攻关碳化硅外延。",
                "2、先进封装与测试",
                "第三，检测认证能力薄弱。",
                "同时，建议组建创新联合体。完善“揭榜挂帅”机制！")))
                .containsExactly(
                        "高端材料依赖进口。光刻胶国产化率不足20%。",
                        "核心装备受制于人。",
                        "设计工具不足，EDA依赖进口。",
                        "企业研发投入强度平均为3.2%，低于全国平均水平。",
                        "高层次人才缺口较大。",
                        "产学研协同机制不健全。",
                        "公共技术服务平台支撑能力不足。",
                        "第三代半导体材料与器件。重点攻关碳化硅外延。",
                        "先进封装与测试",
                        "检测认证能力薄弱。",
                        "同时，建议组建创新联合体。",
                        "完善“揭榜挂帅”机制！");
    }

    @Test
    void shouldSplitSentencesWhereNoEnumerationExists() {
        assertThat(Compilation.items("关键装备依赖进口，检测能力不足。攻关高效制备工艺与在线检测技术；增长3.5%。为此建议：\n好。"))
                .containsExactly("关键装备依赖进口，检测能力不足。", "攻关高效制备工艺与在线检测技术。", "增长3.5%。");
        // Under a lead-in with a colon, the list is the items; the lead-in is not one.
        assertThat(Compilation.items("重点攻关以下方向：1.碳化硅衬底；2.氮化镓外延。"))
                .containsExactly("碳化硅衬底。", "氮化镓外延。");
        assertThat(Compilation.items(null)).isEmpty();
        assertThat(Compilation.items("  \n\n　")).isEmpty();
    }

    @Test
    void shouldCallItemsTheSameFromTheThresholdOn() {
        assertThat(Compilation.similarity("高端材料依赖进口。", "高端材料依赖进口")).isEqualTo(1.0);
        // 7 bigrams each, 5 shared: 10/14.
        assertThat(Compilation.similarity("高端材料依赖进口", "关键材料依赖进口")).isCloseTo(10.0 / 14, org.assertj.core.data.Offset.offset(1e-9))
                .isGreaterThanOrEqualTo(Compilation.SAME_ITEM);
        assertThat(Compilation.similarity("光刻胶、大尺寸硅片、高纯靶材等关键材料国产化率不足20%",
                "光刻胶、大尺寸硅片和高纯靶材等关键材料国产化率不足两成")).isGreaterThanOrEqualTo(Compilation.SAME_ITEM);
        assertThat(Compilation.similarity("核心装备受制于人", "高端材料依赖进口")).isZero();
        assertThat(Compilation.similarity("碳化硅功率器件可靠性", "碳化硅外延生长技术")).isLessThan(Compilation.SAME_ITEM);
        assertThat(Compilation.similarity("ＥＤＡ工具", "eda工具")).isEqualTo(1.0);
    }

    @Test
    void shouldGroupItemsOfAChainWithAllTheirSourcesAndAttributeAMergedReportByCounty() {
        Compilation.Builder b = new Compilation.Builder(IndustryCategories.load().categories());
        b.add("电子信息", "集成电路产业链", List.of(new Compilation.Source("海沧区", "厦门市")), Map.of(
                Compilation.Kind.BOTTLENECK, List.of("一是高端材料依赖进口。二是核心装备受制于人。", ""),
                Compilation.Kind.DIRECTION, List.of("攻关碳化硅外延生长技术。")));
        b.add("电子信息", "集成电路", List.of(new Compilation.Source("晋江市", "泉州市")), Map.of(
                Compilation.Kind.BOTTLENECK, List.of("关键材料依赖进口。")));
        b.add("电子信息", "集成电路产业链", List.of(new Compilation.Source("湖里区", "厦门市"), new Compilation.Source("同安区", "厦门市")),
                Map.of(Compilation.Kind.BOTTLENECK, List.of("【湖里区】\n核心装备受制于人。\n【同安区】\n检测能力不足。")));
        b.add(IndustryCategories.OTHER, "航天产业链", List.of(new Compilation.Source(Compilation.CITY_OWN, "福州市")), Map.of());
        Compilation c = b.build();

        assertThat(c.reports()).isEqualTo(4);
        assertThat(c.categories().get(0).name()).isEqualTo("电子信息");
        assertThat(c.categories().get(c.categories().size() - 1)).satisfies(o -> {
            assertThat(o.uncategorised()).isTrue();
            assertThat(o.chains()).extracting(Compilation.Chain::name).containsExactly("航天产业链");
            assertThat(o.counties()).isZero();
        });
        Compilation.Chain ic = c.categories().get(0).chains().get(0);
        assertThat(ic.name()).isEqualTo("集成电路产业链");
        assertThat(c.categories().get(0).chains()).hasSize(1);
        assertThat(c.categories().get(0).counties()).isEqualTo(4);
        List<Compilation.Group> bottlenecks = ic.groups().get(Compilation.Kind.BOTTLENECK);
        assertThat(bottlenecks).extracting(Compilation.Group::text)
                .containsExactly("高端材料依赖进口。", "核心装备受制于人。", "检测能力不足。");
        assertThat(bottlenecks.get(0).sources()).extracting(Compilation.Source::county).containsExactly("海沧区", "晋江市");
        assertThat(bottlenecks.get(1).sources()).extracting(Compilation.Source::county).containsExactly("海沧区", "湖里区");
        assertThat(bottlenecks.get(2).sources()).extracting(Compilation.Source::county).containsExactly("同安区");
        assertThat(ReportRenderer.sources(bottlenecks.get(0).sources())).isEqualTo("厦门市海沧区，泉州市晋江市");
        assertThat(ic.groups().get(Compilation.Kind.DIRECTION)).hasSize(1);
        assertThat(c.counties()).isEqualTo(4);
        assertThat(c.cities()).isEqualTo(3);
    }

    @Test
    void shouldPlaceAviationMaintenanceInACategory() {
        IndustryCategories categories = IndustryCategories.load();
        assertThat(categories.categoryOf("航空维修产业链")).isEqualTo("先进装备制造");
        assertThat(categories.categories()).startsWith("电子信息").doesNotContain(IndustryCategories.OTHER);
        assertThat(ChineseNumerals.of(1) + ChineseNumerals.of(10) + ChineseNumerals.of(11) + ChineseNumerals.of(23))
                .isEqualTo("一十十一二十三");
    }
}
