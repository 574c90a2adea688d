package cn.fjsti.chainreport.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one title rule, with the shapes of unit and chain names seen in the season. */
class ReportTitlesTest {

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @CsvSource({
            "厦门市, 集成电路产业链, 厦门市集成电路产业创新链调研报告",
            "厦门市, 厦门市集成电路产业链, 厦门市集成电路产业创新链调研报告",
            "厦门市, 厦门·集成电路产业链, 厦门市集成电路产业创新链调研报告",
            "厦门市, 厦门市·集成电路产业, 厦门市集成电路产业创新链调研报告",
            "厦门市, 厦门市 集成电路 全产业链, 厦门市集成电路产业创新链调研报告",
            "平潭综合实验区, 平潭 海洋渔业产业链, 平潭综合实验区海洋渔业产业创新链调研报告",
            "平潭综合实验区, 平潭综合实验区海洋渔业产业链, 平潭综合实验区海洋渔业产业创新链调研报告",
            "福州市, 厦门市集成电路产业链, 福州市厦门市集成电路产业创新链调研报告",
            "三明市, 三明市产业链, 三明市三明市产业创新链调研报告",
            "宁德市, 宁德时代配套锂电新能源产业链, 宁德市宁德时代配套锂电新能源产业创新链调研报告",
            "宁德市, 宁德市宁德时代配套产业链, 宁德市宁德时代配套产业创新链调研报告",
    })
    void shouldNotDoubleTheUnitsNameInACityReport(String unit, String chain, String title) {
        assertThat(ReportTitles.title(true, unit, chain)).isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"海沧区, 海沧区集成电路产业链, 海沧区县域重点产业创新链调研报告", "平潭县, 茶产业链, 平潭县县域重点产业创新链调研报告"})
    void shouldTitleACountyReportByTheCounty(String unit, String chain, String title) {
        assertThat(ReportTitles.title(false, unit, chain)).isEqualTo(title);
    }
}
