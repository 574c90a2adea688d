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
        return new ReportText(1L, "海沧区县域重点产业创新链调研报告", "350205", "海沧区", "海沧区科学技术局", false, "集成电路产业链", sections, units, List.of());
    }

    /** A long county report as authors write them: many paragraphs, blank lines, hand indents, their own numbering. */
    static ReportText longCounty(long id, String code, String county, String chain) {
        return new ReportText(id, county + "县域重点产业创新链调研报告", code, county, county + "科学技术局", false, chain,
                longSections(county, chain), units(20), List.of());
    }

    /** A report the city writes itself. */
    static ReportText cityLed(long id, String code, String city, String chain) {
        String industry = chain.replace("产业链", "");
        return new ReportText(id, city + industry + "产业创新链调研报告", code, city, city + "科学技术局", true, chain,
                longSections(city, chain), units(12), List.of());
    }

    /** A city-led report merging several counties' reports: each county's text under 【县名】. */
    static ReportText merged(long id, String code, String city, String chain, List<String> counties) {
        String industry = chain.replace("产业链", "");
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            // As the merge writes it: paragraphs several counties wrote alike once, under all their names.
            sections.put(s, cn.fjsti.chainreport.consolidation.ConsolidationService.combine(counties, counties.stream()
                    .map(county -> longSections(county, chain).get(s).lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
                    .toList()));
        }
        List<String> unitCounties = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            unitCounties.add(i == 19 ? "" : i < 3 ? String.join("、", counties) : counties.get(i % counties.size()));
        }
        return new ReportText(id, city + industry + "产业创新链调研报告", code, city, city + "科学技术局", true, chain,
                sections, units(20), counties, unitCounties);
    }

    static Map<Section, String> longSections(String region, String chain) {
        String industry = chain.replace("产业链", "");
        Map<Section, String> sections = new EnumMap<>(Section.class);
        sections.put(Section.COUNTY_INDUSTRY, String.join("\n",
                "　　" + region + industry + "产业起步于2010年前后，经过十余年培育，已形成研发设计、制造、封装测试和配套服务较为完整的链条。2025年全区规模以上" + industry + "企业42家，实现产值310.5亿元，同比增长12.5%，占全区规上工业产值的18.3%。",
                "",
                "（一）产业规模持续扩大",
                "产业集聚效应明显，龙头企业带动作用突出。链主企业3家年产值均超过30亿元，专精特新“小巨人”企业7家，高新技术企业35家，拥有省级以上研发平台12个。",
                "（二）产业结构不断优化。" + "设计环节占比由2020年的15%提升到2025年的24%，制造环节向12英寸特色工艺升级，封测环节先进封装占比超过三成，配套材料本地化率稳步提高。",
                "1．龙头企业带动明显。",
                "2．配套企业加快集聚，本地配套率由2020年的21%提高到2025年的37%，物流、检测、人才服务等配套体系基本形成。",
                "",
                "　　总体看，" + region + industry + "产业正处于由规模扩张向质量提升转变的关键阶段，但与长三角、珠三角先进地区相比，产业规模、创新能力和集群竞争力仍有明显差距。"));
        sections.put(Section.COUNTY_TECHNOLOGY, String.join("\n",
                "当前" + region + industry + "产业技术水平总体处于国内中上游，部分细分领域达到国内先进水平，但关键环节仍存在明显短板。",
                "一是高端材料依赖进口。光刻胶、大尺寸硅片、高纯靶材等关键材料国产化率不足20%，供应链安全风险突出。",
                "二是核心装备受制于人。光刻、刻蚀、薄膜沉积等核心装备主要依赖进口，设备维护和零部件供应周期长、成本高。",
                "三是设计工具和共性技术平台不足。EDA工具、IP核和可靠性测试能力薄弱，中小企业研发成本高、周期长。",
                "（1）企业研发投入强度平均为3.2%，低于全国同行业平均水平；",
                "（2）高层次人才缺口较大，领军人才和高级工程师尤为紧缺。",
                "①产学研协同机制不健全，科研成果本地转化率偏低；②公共技术服务平台支撑能力不足。"));
        sections.put(Section.DOMESTIC_INDUSTRY, String.join("\n",
                "我国" + industry + "产业规模持续扩大，2025年全国产业销售额突破1.4万亿元，同比增长约13%，长三角、珠三角、京津冀和成渝地区集聚发展格局基本形成。",
                "在国家政策持续支持下，国内企业在成熟制程制造、封装测试和部分设计领域实现较快追赶，产业链自主可控能力稳步提升。",
                "但产业整体仍呈现“大而不强”的特点，高端产品和关键环节对外依存度较高，国际竞争和贸易限制带来的不确定性持续增加。"));
        sections.put(Section.DOMESTIC_TECHNOLOGY, String.join("\n",
                "国内" + industry + "产业在先进制程、关键装备、核心材料和设计工具等方面仍存在技术瓶颈。",
                "1.先进制程工艺与国际领先水平存在代差，良率和稳定性有待提升。",
                "2.关键装备和零部件国产化率偏低，核心部件主要依赖进口。",
                "3.EDA工具和高端IP核对外依存度高，自主工具链尚不完善。"));
        sections.put(Section.DOMESTIC_TRENDS, String.join("\n",
                "从发展趋势看，先进封装、化合物半导体、车规级芯片、存算一体和芯粒（Chiplet）技术将成为产业竞争的新焦点。",
                "绿色低碳制造、智能工厂和工业软件深度融合，将推动产业由规模扩张向质量效益转变。",
                "区域协同和产业链上下游协作更加紧密，创新联合体和共性技术平台将发挥更大作用。"));
        sections.put(Section.INDUSTRY_MEASURES, String.join("\n",
                "（一）强链补链延链。围绕链主企业开展精准招商，引进一批关键材料、核心装备和设计服务企业，提升本地配套率。",
                "（二）培育优质企业梯队。实施高新技术企业和专精特新企业培育计划，对首次认定的企业给予奖励。",
                "（三）优化产业发展环境。完善土地、能源、人才和金融等要素保障，建设专业园区和人才公寓。",
                "",
                "",
                "（四）加强区域协同。主动对接厦漳泉都市圈和闽西南协同发展区，推动产业链上下游跨区域协作。"));
        sections.put(Section.INNOVATION_DIRECTIONS, String.join("\n",
                "建议围绕产业链关键环节，组织实施一批重大科技项目，重点攻关以下方向：",
                "1．第三代半导体材料与器件。重点攻关碳化硅、氮化镓外延生长和功率器件制造技术。",
                "2．先进封装与测试。重点攻关晶圆级封装、系统级封装和芯粒集成技术，提升高密度互连能力。",
                "3．关键材料国产化。重点攻关高纯靶材、电子特气和光刻胶等关键材料制备技术。",
                "同时，建议支持企业牵头组建创新联合体，建设中试验证平台和公共技术服务平台，完善“揭榜挂帅”等项目组织方式。"));
        sections.put(Section.UNITS_NOTE, "本区" + industry + "领域科技创新优势单位如下表。");
        return sections;
    }

    static List<StrengthUnit> units(int count) {
        String[][] names = {
                {"厦门大学", "高校", "集成电路设计、微电子器件与系统"},
                {"厦门士兰集科微电子有限公司", "企业", "12英寸特色工艺晶圆制造"},
                {"福建省集成电路设计中心", "创新平台", "芯片设计公共服务、EDA工具共享"},
                {"中国科学院海西研究院厦门稀土材料研究中心", "科研院所", "稀土功能材料与器件"},
                {"厦门通富微电子有限公司", "企业", "先进封装与测试"},
                {"厦门市三安集成电路有限公司", "企业", "化合物半导体晶圆代工"},
                {"集美大学", "高校", "电子信息与智能制造"},
                {"厦门云天半导体科技有限公司", "企业", "晶圆级封装、玻璃通孔技术"},
                {"第三代半导体创新团队", "创新团队", "碳化硅功率器件设计与可靠性"},
                {"厦门市半导体检测认证中心", "其他", "失效分析、可靠性测试与认证"}};
        List<StrengthUnit> units = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] n = names[i % names.length];
            String name = i < names.length ? n[0] : n[0].replace("厦门", "海沧");
            units.add(new StrengthUnit(name, ReportRenderer.kindOf(n[1]), n[2],
                    i % 2 == 0 ? "0592-" + (2180000 + i * 1111) : "139" + (50590000 + i * 13)));
        }
        return units;
    }
}
