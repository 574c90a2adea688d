package cn.fjsti.chainreport.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The text of the eight sections, shared by a live report and its frozen revisions. */
@Embeddable
public class ReportContent {

    @Column(name = "county_industry", length = Section.MAX_MERGED_LENGTH)
    private String countyIndustry;
    @Column(name = "county_technology", length = Section.MAX_MERGED_LENGTH)
    private String countyTechnology;
    @Column(name = "domestic_industry", length = Section.MAX_MERGED_LENGTH)
    private String domesticIndustry;
    @Column(name = "domestic_technology", length = Section.MAX_MERGED_LENGTH)
    private String domesticTechnology;
    @Column(name = "domestic_trends", length = Section.MAX_MERGED_LENGTH)
    private String domesticTrends;
    @Column(name = "industry_measures", length = Section.MAX_MERGED_LENGTH)
    private String industryMeasures;
    @Column(name = "innovation_directions", length = Section.MAX_MERGED_LENGTH)
    private String innovationDirections;
    @Column(name = "units_note", length = Section.MAX_MERGED_LENGTH)
    private String unitsNote;

    public ReportContent copy() {
        ReportContent copy = new ReportContent();
        for (Section section : Section.values()) {
            section.write(copy, section.read(this));
        }
        return copy;
    }

    String getCountyIndustry() { return countyIndustry; }
    void setCountyIndustry(String v) { countyIndustry = v; }
    String getCountyTechnology() { return countyTechnology; }
    void setCountyTechnology(String v) { countyTechnology = v; }
    String getDomesticIndustry() { return domesticIndustry; }
    void setDomesticIndustry(String v) { domesticIndustry = v; }
    String getDomesticTechnology() { return domesticTechnology; }
    void setDomesticTechnology(String v) { domesticTechnology = v; }
    String getDomesticTrends() { return domesticTrends; }
    void setDomesticTrends(String v) { domesticTrends = v; }
    String getIndustryMeasures() { return industryMeasures; }
    void setIndustryMeasures(String v) { industryMeasures = v; }
    String getInnovationDirections() { return innovationDirections; }
    void setInnovationDirections(String v) { innovationDirections = v; }
    String getUnitsNote() { return unitsNote; }
    void setUnitsNote(String v) { unitsNote = v; }
}
