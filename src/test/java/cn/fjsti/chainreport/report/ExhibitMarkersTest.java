package cn.fjsti.chainreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.common.ApiException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule for a section's length with tables and figures in it: marker lines cost nothing, words count. */
class ExhibitMarkersTest {

    @Test
    void shouldCountOnlyTheWordsAroundMarkerLines() {
        assertThat(ExhibitMarkers.textLength("第一段。\n〔图:12〕\n第二段。\n  〔表:7〕\u3000")).isEqualTo(9);
        assertThat(ExhibitMarkers.textLength("〔表:1〕")).isZero();
        // Not markers: other text on the line, no id, another bracket, an id too long to be one.
        for (String line : new String[] {"见〔表:1〕", "〔表:〕", "[表:1]", "〔表：1〕", "〔表:1234567890123456789〕"}) {
            assertThat(ExhibitMarkers.textLength(line)).as(line).isEqualTo(Section.length(line));
            assertThat(ExhibitMarkers.refs(line)).as(line).isEmpty();
        }
        assertThat(ExhibitMarkers.refs("a\n〔图:3〕\nb\n〔表:4〕")).containsExactly(
                new ExhibitMarkers.Ref(Exhibit.Kind.FIGURE, 3, 1), new ExhibitMarkers.Ref(Exhibit.Kind.TABLE, 4, 3));
        assertThat(ExhibitMarkers.insert("a\nb", 1, "〔表:9〕")).isEqualTo("a\n〔表:9〕\nb");
        assertThat(ExhibitMarkers.insert("a\nb", null, "〔表:9〕")).isEqualTo("a\nb\n〔表:9〕");
        assertThat(ExhibitMarkers.insert(null, 5, "〔表:9〕")).isEqualTo("〔表:9〕");
        assertThat(ExhibitMarkers.replace("a\n〔表:9〕\nb", 9, "〔表:10〕")).isEqualTo("a\n〔表:10〕\nb");
        assertThat(ExhibitMarkers.replace("a\n〔表:9〕\nb", 9, null)).isEqualTo("a\nb");
    }

    @Test
    void shouldHoldTwentyThousandWordsBesideItsTablesAndNotOneMore() {
        Report report = new Report(1L, "350205", "350200", Report.Kind.COUNTY, "集成电路产业链", "集成电路", "t", Instant.EPOCH);
        String markers = "\n〔表:123456789〕".repeat(30);
        report.saveDraft(ReportStage.DRAFTING, 0, Map.of(Section.COUNTY_INDUSTRY, "字".repeat(20_000) + markers), null, "t", Instant.EPOCH);
        assertThat(ExhibitMarkers.refs(Section.COUNTY_INDUSTRY.read(report.content()))).hasSize(30);
        assertThatThrownBy(() -> report.saveDraft(ReportStage.DRAFTING, 0,
                Map.of(Section.COUNTY_INDUSTRY, "字".repeat(20_001) + markers), null, "t", Instant.EPOCH))
                .isInstanceOf(ApiException.class).hasMessage("章节“一.1”不能超过 20000 个字（现有 20001 个字，表格和图片不计）");
        assertThatThrownBy(() -> report.saveDraft(ReportStage.DRAFTING, 0,
                Map.of(Section.COUNTY_INDUSTRY, "字" + markers + "\n〔图:1〕"), null, "t", Instant.EPOCH))
                .isInstanceOf(ApiException.class).hasMessageContaining("最多放 30 个表格和图片（现有 31 个）");
    }
}
