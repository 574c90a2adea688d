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

    /**
     * The grouping through the prefix-filtered index finds the same groups as the plain rule (each item, in order, joins
     * the first group whose first item has Dice ≥ 0.6, else starts one), here a scan of every group: 4,800 made-up
     * items in two chains and both kinds, a third of them bases and the rest rewrites of a base at Dice just above or
     * just below 0.6 (enough of each is asserted), from a small vocabulary so that unrelated items share bigrams too.
     */
    @Test
    void shouldGroupExactlyAsAScanOfEveryGroup() {
        java.util.Random random = new java.util.Random(23);
        char[] vocabulary = new char[70];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = (char) (0x5000 + random.nextInt(0x0FFF));
        }
        List<Compilation.Source> pool = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pool.add(new Compilation.Source("县" + (char) ('甲' + i), "市" + (i % 3)));
        }
        Compilation.Builder b = new Compilation.Builder(List.of("电子信息"));
        Map<String, List<List<Compilation.Item>>> reference = new java.util.LinkedHashMap<>();
        Map<String, List<int[]>> referenceGrams = new java.util.HashMap<>();
        int above = 0;
        int below = 0;
        Map<String, List<String>> basesByKey = new java.util.HashMap<>();
        for (int n = 0; n < 4800; n++) {
            String chain = n % 4 < 2 ? "集成电路产业链" : "光电产业链";
            Compilation.Kind kind = n % 2 == 0 ? Compilation.Kind.BOTTLENECK : Compilation.Kind.DIRECTION;
            String key = chain + kind;
            List<String> bases = basesByKey.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            String text;
            if (random.nextInt(3) == 0 || bases.isEmpty()) {
                StringBuilder t = new StringBuilder();
                for (int k = 20 + random.nextInt(60); k > 0; k--) {
                    t.append(vocabulary[random.nextInt(vocabulary.length)]);
                }
                text = t.toString();
                bases.add(text);
            } else {
                String base = bases.get(random.nextInt(bases.size()));
                double target = random.nextBoolean() ? 0.6 + random.nextDouble() * 0.05 : 0.55 + random.nextDouble() * 0.05;
                char[] c = base.toCharArray();
                while (Compilation.similarity(base, new String(c)) > target) {
                    c[random.nextInt(c.length)] = vocabulary[random.nextInt(vocabulary.length)];
                }
                text = new String(c);
                double d = Compilation.similarity(base, text);
                if (d >= 0.6 && d < 0.66) {
                    above++;
                } else if (d < 0.6 && d >= 0.5) {
                    below++;
                }
            }
            Compilation.Source source = pool.get(random.nextInt(pool.size()));
            b.add("电子信息", chain, List.of(source), Map.of(kind, List.of(text + "。")));
            // The reference: a scan of every group of the chain and kind, in order of creation.
            List<List<Compilation.Item>> groups = reference.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            List<int[]> firsts = referenceGrams.computeIfAbsent(key, k -> new java.util.ArrayList<>());
            int[] grams = bigramSet(text + "。");
            Compilation.Item item = new Compilation.Item(text + "。", source);
            int found = -1;
            for (int g = 0; g < groups.size() && found < 0; g++) {
                int[] first = firsts.get(g);
                int common = 0;
                for (int x : grams) {
                    common += java.util.Arrays.binarySearch(first, x) >= 0 ? 1 : 0;
                }
                if (2.0 * common / (grams.length + first.length) >= Compilation.SAME_ITEM) {
                    found = g;
                }
            }
            if (found >= 0) {
                groups.get(found).add(item);
            } else {
                groups.add(new java.util.ArrayList<>(List.of(item)));
                firsts.add(grams);
            }
        }
        assertThat(above).as("rewrites at Dice in [0.60, 0.66)").isGreaterThan(800);
        assertThat(below).as("rewrites at Dice in [0.50, 0.60)").isGreaterThan(800);

        Compilation c = b.build();
        List<Compilation.Chain> chains = c.categories().get(0).chains();
        assertThat(chains).extracting(Compilation.Chain::name).containsExactly("光电产业链", "集成电路产业链");
        int groupCount = 0;
        for (Compilation.Chain chain : chains) {
            for (Compilation.Kind kind : Compilation.Kind.values()) {
                List<List<Compilation.Item>> expected = reference.get(chain.name() + kind).stream()
                        .sorted(java.util.Comparator.comparingInt(g -> -(int) g.stream().map(Compilation.Item::source).distinct().count()))
                        .toList();
                assertThat(chain.groups().get(kind)).extracting(Compilation.Group::items).as(chain.name() + kind)
                        .containsExactlyElementsOf(expected);
                groupCount += expected.size();
            }
        }
        // Neither everything in one group nor nothing grouped.
        assertThat(groupCount).isBetween(2000, 3900);
    }

    /** The distinct bigrams of the normalised text (two UTF-16 units each: the test's texts have no others), sorted. */
    private static int[] bigramSet(String text) {
        String n = Compilation.normalise(text);
        return java.util.stream.IntStream.range(0, n.length() - 1).map(i -> n.charAt(i) << 16 | n.charAt(i + 1))
                .sorted().distinct().toArray();
    }
}
