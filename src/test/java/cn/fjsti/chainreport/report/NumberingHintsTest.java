package cn.fjsti.chainreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hint for authors' own numbering inside a section: （1）, then ①, never a refusal. */
class NumberingHintsTest {

    @Test
    void shouldSuggestTheMarkerBelowTheOutlinesThirdLevel() {
        List<NumberingHints.Hint> hints = NumberingHints.of(Section.INDUSTRY_MEASURES, String.join("\n",
                "围绕产业链开展以下工作。",
                "一、强链补链",
                "（一）精准招商。",
                "　（二）培育企业。",
                "二、优化环境",
                "(三)完善要素保障。"));
        assertThat(hints).extracting(NumberingHints.Hint::used, NumberingHints.Hint::lines, NumberingHints.Hint::suggested)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("一、", List.of(2, 5), "（1）"),
                        org.assertj.core.groups.Tuple.tuple("（一）", List.of(3, 4, 6), "①"));
        assertThat(hints.get(0).message()).isEqualTo("第2、5行以“一、”编号：本节标题已是“1.”级，其下的分项宜用“（1）”，再下一级用“①”（仅为建议，不影响保存和提交）。");
        assertThat(hints.get(0).section()).isEqualTo("INDUSTRY_MEASURES");
    }

    @Test
    void shouldSuggestParenthesisedDigitsWhenOnlyTheSecondLevelIsUsedAndStayQuietOtherwise() {
        assertThat(NumberingHints.of(Section.COUNTY_INDUSTRY, "（一）产业规模\n正文\n（二）产业结构"))
                .singleElement().satisfies(h -> {
                    assertThat(h.suggested()).isEqualTo("（1）");
                    assertThat(h.lines()).containsExactly(1, 3);
                });
        // Fitting markers, 一是 and numbers inside a sentence raise nothing.
        assertThat(NumberingHints.of(Section.COUNTY_INDUSTRY, "（1）规模\n①结构\n一是龙头带动。\n增长了（一）倍、二、三成")).isEmpty();
        assertThat(NumberingHints.of(Section.COUNTY_INDUSTRY, null)).isEmpty();
        Map<Section, String> sections = new EnumMap<>(Section.class);
        sections.put(Section.DOMESTIC_TRENDS, "一、绿色化");
        assertThat(NumberingHints.of(sections)).extracting(NumberingHints.Hint::section).containsExactly("DOMESTIC_TRENDS");
        assertThat(NumberingHints.messages(sections).get(Section.COUNTY_INDUSTRY)).isEmpty();
    }
}
