package cn.fjsti.chainreport.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChainNamesTest {

    @Test
    void shouldTreatSuffixVariantsAsOneChain() {
        assertThat(ChainNames.key("集成电路产业链")).isEqualTo("集成电路");
        assertThat(ChainNames.key("集成电路产业")).isEqualTo("集成电路");
        assertThat(ChainNames.key("集成电路全产业链")).isEqualTo("集成电路");
        assertThat(ChainNames.key("集成电路")).isEqualTo("集成电路");
    }

    @Test
    void shouldIgnoreWidthSpacesAndConjunctions() {
        assertThat(ChainNames.key("ＬＥＤ 照明产业链")).isEqualTo(ChainNames.key("led照明产业"));
        assertThat(ChainNames.key("生物与新医药产业链")).isEqualTo(ChainNames.key("生物和新医药产业"));
        assertThat(ChainNames.key("食品及饮料 产业")).isEqualTo(ChainNames.key("食品和饮料产业链"));
        assertThat(ChainNames.key("\u3000锂电新能源产业链 ")).isEqualTo("锂电新能源");
    }

    @Test
    void shouldKeepDifferentChainsApart() {
        assertThat(ChainNames.key("新型显示产业链")).isNotEqualTo(ChainNames.key("集成电路产业链"));
        assertThat(ChainNames.key("绿色石化产业链")).isNotEqualTo(ChainNames.key("石化产业链"));
    }

    @Test
    void shouldNotStripTheWholeName() {
        assertThat(ChainNames.key("产业")).isEqualTo("产业");
        assertThat(ChainNames.key("产业链")).isEqualTo("产业链");
    }

    @Test
    void shouldNameTheIndustryForHeadings() {
        assertThat(ChainNames.industry("集成电路产业链")).isEqualTo("集成电路");
        assertThat(ChainNames.industry(" 现代纺织服装  产业链")).isEqualTo("现代纺织服装");
        assertThat(ChainNames.display("  ＬＥＤ   照明产业链 ")).isEqualTo("LED 照明产业链");
    }
}
