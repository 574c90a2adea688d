package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.Limits;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The outline fixed by the attachment of 闽科高〔2024〕135号: three parts, eight sections.
 * Sections 1-7 are text; section 8 (三.3) is the table of strong units with an optional note.
 */
public enum Section {
    COUNTY_INDUSTRY(1, 1, "产业现状", ReportContent::getCountyIndustry, ReportContent::setCountyIndustry),
    COUNTY_TECHNOLOGY(1, 2, "产业技术发展现状、技术瓶颈", ReportContent::getCountyTechnology, ReportContent::setCountyTechnology),
    DOMESTIC_INDUSTRY(2, 1, "产业现状", ReportContent::getDomesticIndustry, ReportContent::setDomesticIndustry),
    DOMESTIC_TECHNOLOGY(2, 2, "产业技术发展现状、技术瓶颈", ReportContent::getDomesticTechnology, ReportContent::setDomesticTechnology),
    DOMESTIC_TRENDS(2, 3, "产业技术发展趋势（方向）", ReportContent::getDomesticTrends, ReportContent::setDomesticTrends),
    INDUSTRY_MEASURES(3, 1, "产业对策建议", ReportContent::getIndustryMeasures, ReportContent::setIndustryMeasures),
    INNOVATION_DIRECTIONS(3, 2, "产业科技创新对策建议及技术攻关方向", ReportContent::getInnovationDirections, ReportContent::setInnovationDirections),
    /** Optional text above the units table; the table itself is what section 三.3 must contain. */
    UNITS_NOTE(3, 3, "重点产业科技创新优势单位（团队）", ReportContent::getUnitsNote, ReportContent::setUnitsNote);

    /**
     * Longest text a person may type in a section: the notice's 20,000 字, counted by {@link #length(String)}
     * (after {@code FreeText}'s normalisation). The page counts the same way (static/app.js: {@code [...text].length}).
     */
    public static final int MAX_LENGTH = Limits.SECTION;
    /** Longest text a section of a consolidated report may hold: every county's words of the largest merge. */
    public static final int MAX_MERGED_LENGTH = Limits.MERGED_SECTION;

    /**
     * The one rule for how long a section's text is: characters as people count them, i.e. Unicode code
     * points, so 𠮷 (U+20BB7, two UTF-16 units in Java) is one 字. A line break counts once however it was
     * sent: CRLF counts as one, as in a browser's textarea (whose value has LF only).
     */
    public static int length(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                continue;
            }
            count++;
        }
        return count;
    }

    private static final String[] PART_NUMERALS = {"一", "二", "三"};

    private final int part;
    private final int number;
    private final String heading;
    private final Function<ReportContent, String> getter;
    private final BiConsumer<ReportContent, String> setter;

    Section(int part, int number, String heading, Function<ReportContent, String> getter,
            BiConsumer<ReportContent, String> setter) {
        this.part = part;
        this.number = number;
        this.heading = heading;
        this.getter = getter;
        this.setter = setter;
    }

    public int part() {
        return part;
    }

    /** 一, 二 or 三. */
    public String partNumeral() {
        return PART_NUMERALS[part - 1];
    }

    /** e.g. 一.2 */
    public String label() {
        return PART_NUMERALS[part - 1] + "." + number;
    }

    /** The section heading as printed, with the industry filled in where the outline asks for it. */
    public String heading(String industry) {
        return number + "." + (this == UNITS_NOTE ? industry + heading : heading);
    }

    /** The part heading of a county report, e.g. 一、海沧区县域重点产业发展现状. */
    public String partHeading(String regionName, String industry) {
        return partHeading(regionName, industry, false);
    }

    /** The part heading; a report the city writes speaks of the city (一、厦门市重点产业发展现状). */
    public String partHeading(String regionName, String industry, boolean cityWritten) {
        String scope = cityWritten ? regionName : regionName + "县域";
        return switch (part) {
            case 1 -> "一、" + scope + "重点产业发展现状";
            case 2 -> "二、" + industry + "重点产业国内产业发展现状";
            default -> "三、" + scope + "重点产业发展对策建议";
        };
    }

    /** Whether the section must contain text before submission (the units table stands for 三.3). */
    public boolean requiresText() {
        return this != UNITS_NOTE;
    }

    public String read(ReportContent content) {
        return getter.apply(content);
    }

    public void write(ReportContent content, String text) {
        setter.accept(content, text);
    }
}
