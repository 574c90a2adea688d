package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import cn.fjsti.chainreport.report.UnitKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Realistic report content for document tests and benchmarks. */
final class SampleReports {

    private SampleReports() {
    }

    static ReportText haicang(int paragraphsPerSection) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            StringBuilder text = new StringBuilder();
            for (int i = 1; i <= paragraphsPerSection; i++) {
                if (i > 1) {
                    text.append('\n');
                }
                text.append("海沧区集成电路产业以设计、制造、封装测试为主线，2025年规上企业").append(40 + i)
                        .append("家，实现产值").append(300 + i).append("亿元，同比增长12.5%。")
                        .append(s == Section.COUNTY_TECHNOLOGY ? "高端光刻胶、大尺寸硅片依赖进口，EDA工具受制于人。" : "")
                        .append(s == Section.INNOVATION_DIRECTIONS ? "重点攻关第三代半导体材料外延、先进封装与测试技术。" : "");
            }
            sections.put(s, s == Section.UNITS_NOTE ? "本区集成电路领域科技创新优势单位如下表。" : text.toString());
        }
        List<StrengthUnit> units = List.of(
                new StrengthUnit("厦门大学", UnitKind.UNIVERSITY, "集成电路设计、微电子器件", "0592-2180000"),
                new StrengthUnit("厦门士兰集科微电子有限公司", UnitKind.ENTERPRISE, "12英寸特色工艺晶圆制造", "0592-6000000"),
                new StrengthUnit("福建省集成电路设计中心", UnitKind.PLATFORM, "芯片设计公共服务", null));
        return new ReportText(1L, "海沧区县域重点产业创新链调研报告", "海沧区", false, "集成电路产业链", sections, units, List.of());
    }
}
