package cn.fjsti.chainreport.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    private static final Instant NOW = Instant.parse("2026-09-01T02:00:00Z");

    private Report report() {
        return new Report(1L, "350205", "350200", Report.Kind.COUNTY, "集成电路产业链", "集成电路", "350205", NOW);
    }

    private static Map<Section, String> allText() {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sections.put(s, s == Section.UNITS_NOTE ? null : "内容" + s.ordinal());
        }
        return sections;
    }

    @Test
    void shouldListEverySectionAndTheTableWhenEmpty() {
        List<FieldError> missing = report().missingForSubmission();
        assertThat(missing).extracting(FieldError::field).containsExactly(
                "sections.COUNTY_INDUSTRY", "sections.COUNTY_TECHNOLOGY", "sections.DOMESTIC_INDUSTRY",
                "sections.DOMESTIC_TECHNOLOGY", "sections.DOMESTIC_TRENDS", "sections.INDUSTRY_MEASURES",
                "sections.INNOVATION_DIRECTIONS", "units");
        assertThat(missing.get(2).message()).isEqualTo("第二部分 1.产业现状：未填写");
    }

    @Test
    void shouldRequireNameKindAndStrengthOfEachUnit() {
        Report report = report();
        report.saveDraft(ReportStage.DRAFTING, 0, allText(),
                List.of(new StrengthUnit("厦门大学", UnitKind.UNIVERSITY, "芯片设计", null), new StrengthUnit(null, null, " ", "x")),
                "350205", NOW);
        assertThat(report.missingForSubmission()).extracting(FieldError::field)
                .containsExactly("units[1].name", "units[1].kind", "units[1].strength");
    }

    @Test
    void shouldAcceptACompleteReport() {
        Report report = report();
        report.saveDraft(ReportStage.DRAFTING, 0, allText(),
                List.of(new StrengthUnit("厦门大学", UnitKind.UNIVERSITY, "芯片设计", null)), "350205", NOW);
        assertThat(report.missingForSubmission()).isEmpty();
    }

    @Test
    void shouldKeepSectionsThatASaveLeavesOut() {
        Report report = report();
        report.saveDraft(ReportStage.DRAFTING, 0, Map.of(Section.COUNTY_INDUSTRY, "甲"), null, "350205", NOW);
        report.saveDraft(ReportStage.DRAFTING, 0, Map.of(Section.DOMESTIC_TRENDS, "乙"), null, "350205", NOW);
        assertThat(Section.COUNTY_INDUSTRY.read(report.content())).isEqualTo("甲");
        assertThat(Section.DOMESTIC_TRENDS.read(report.content())).isEqualTo("乙");
    }

    @Test
    void shouldRefuseAStaleVersion() {
        Report report = report();
        report.version = 3;
        assertThatThrownBy(() -> report.saveDraft(ReportStage.DRAFTING, 2, Map.of(Section.COUNTY_INDUSTRY, "x"), null, "u", NOW))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
        assertThat(Section.COUNTY_INDUSTRY.read(report.content())).isNull();
    }

    @Test
    void shouldRefuseEditsOutsideDrafting() {
        Report report = report();
        assertThatThrownBy(() -> report.saveDraft(ReportStage.UNDER_REVIEW, 0, Map.of(Section.COUNTY_INDUSTRY, "x"), null, "u", NOW))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("待市级审核");
    }

    @Test
    void shouldFillTheOutlineNames() {
        assertThat(Section.COUNTY_TECHNOLOGY.partHeading("海沧区", "集成电路")).isEqualTo("一、海沧区县域重点产业发展现状");
        assertThat(Section.DOMESTIC_TRENDS.partHeading("海沧区", "集成电路")).isEqualTo("二、集成电路重点产业国内产业发展现状");
        assertThat(Section.INDUSTRY_MEASURES.partHeading("海沧区", "集成电路")).isEqualTo("三、海沧区县域重点产业发展对策建议");
        assertThat(Section.UNITS_NOTE.heading("集成电路")).isEqualTo("3.集成电路重点产业科技创新优势单位（团队）");
        assertThat(Section.values()).hasSize(8);
    }
}
