package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.Limits;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One survey report: one chain of one region in one campaign, in the fixed outline.
 * Its place in the flow is its Process_Report instance; the entity holds the content and refuses
 * edits on a stale version or outside the drafting step.
 */
@Entity
public class Report extends PanacheEntityBase {

    /** Who writes a report. */
    public enum Kind {
        /** Written by a county. */
        COUNTY,
        /** Written by a city-level unit itself (牵头编写). */
        CITY_LED,
        /** Written by a city-level unit from the reports of several counties on one chain. */
        MERGED;

        public boolean cityWritten() {
            return this != COUNTY;
        }

        public int maxSectionLength() {
            return this == MERGED ? Section.MAX_MERGED_LENGTH : Section.MAX_LENGTH;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "author_region")
    public String authorRegion;

    @Column(name = "review_unit")
    public String reviewUnit;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "chain_name")
    public String chainName;

    @Column(name = "chain_key")
    public String chainKey;

    /**
     * The live text, one row per section that has text (table {@code report_section}, V24): a save rewrites only
     * the rows of the sections it changes, and a workflow step that touches the report (its stage, version, time)
     * rewrites only the small report row, not the text (issue 23: H2 writes every changed page at each commit).
     * Frozen revisions keep their own copy ({@link ReportRevision}). Loaded on first use.
     */
    @ElementCollection
    @CollectionTable(name = "report_section", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "section_name")
    @Column(name = "section_text", length = Section.MAX_MERGED_LENGTH)
    Map<Section, String> texts = new EnumMap<>(Section.class);

    @ElementCollection
    @CollectionTable(name = "report_unit", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    public List<StrengthUnit> units = new ArrayList<>();

    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Column(name = "revision_count")
    public int revisionCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** For a county report merged into a consolidated one: that report's id. */
    @Column(name = "merged_into")
    public Long mergedInto;

    /** For a consolidated report whose merge was undone: when. It is kept, but no longer counts. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Version
    public long version;

    protected Report() {
    }

    /** The text, as a copy: change it with {@link #saveDraft} or {@link #replaceText}. */
    public ReportContent content() {
        ReportContent copy = new ReportContent();
        texts.forEach((section, text) -> section.write(copy, text));
        return copy;
    }

    /** One section's text, or null when it has none. */
    public String text(Section section) {
        return texts.get(section);
    }

    /**
     * Replaces a section's text as it is (already through the input rule): null clears it. An unchanged text
     * leaves its row alone.
     */
    void replaceText(Section section, String text) {
        if (text == null) {
            texts.remove(section);
        } else if (!text.equals(texts.get(section))) {
            texts.put(section, text);
        }
    }

    public Report(Long campaignId, String authorRegion, String reviewUnit, Kind kind, String chainName, String chainKey,
                  String actor, Instant now) {
        this.campaignId = campaignId;
        this.authorRegion = authorRegion;
        this.reviewUnit = reviewUnit;
        this.kind = kind;
        this.chainName = chainName;
        this.chainKey = chainKey;
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /**
     * Saves a draft. Sections present in {@code sections} replace the stored text (null or blank clears it);
     * absent sections stay as they are. {@code units}, when not null, replaces the whole table.
     */
    public void saveDraft(ReportStage stage, long expectedVersion, Map<Section, String> sections,
                          List<StrengthUnit> newUnits, String actor, Instant now) {
        requireEditable(stage);
        requireVersion(expectedVersion);
        // Every way text gets here (the editor, the Word import, a merge) passes the one input rule, with the
        // limit of this kind of report, counted after normalisation.
        Map<Section, String> cleaned = new java.util.EnumMap<>(Section.class);
        List<FieldError> refused = new ArrayList<>();
        sections.forEach((section, text) -> {
            try {
                cleaned.put(section, cleanSection(section, text));
            } catch (FreeText.Refused e) {
                refused.add(new FieldError("sections." + section.name(), e.getMessage()));
            }
        });
        if (!refused.isEmpty()) {
            throw ApiException.badRequest(refused.get(0).message(), refused);
        }
        cleaned.forEach(this::replaceText);
        if (newUnits != null) {
            units.clear();
            units.addAll(newUnits);
        }
        // Always dirty, so every save moves the version on and a second tab's stale save is refused.
        updatedAt = now;
        updatedBy = actor;
    }

    /**
     * A section's text through the one input rule, with the limit of this kind of report counted on the words
     * alone ({@link ExhibitMarkers#textLength}: a table's or figure's marker line costs nothing) and at most
     * {@link Limits#SECTION_EXHIBITS} markers.
     */
    private String cleanSection(Section section, String text) {
        String label = "章节“" + section.label() + "”";
        int max = kind.maxSectionLength();
        // A merged report keeps every county's tables and figures.
        int maxExhibits = kind == Kind.MERGED ? Limits.SECTION_EXHIBITS * Limits.MERGE_REPORTS : Limits.SECTION_EXHIBITS;
        String cleaned = FreeText.SECTION.clean(text, label, max + maxExhibits * ExhibitMarkers.MARKER_ALLOWANCE);
        List<ExhibitMarkers.Ref> markers = ExhibitMarkers.refs(cleaned);
        if (markers.size() > maxExhibits) {
            throw new FreeText.Refused(label + "最多放 " + maxExhibits + " 个表格和图片（现有 " + markers.size() + " 个）");
        }
        int length = ExhibitMarkers.textLength(cleaned);
        if (length > max) {
            throw new FreeText.Refused(label + "不能超过 " + max + " 个字（现有 " + length + " 个字"
                    + (markers.isEmpty() ? "" : "，表格和图片不计") + "）");
        }
        return cleaned;
    }

    public void requireEditable(ReportStage stage) {
        if (!stage.editable()) {
            throw ApiException.conflict("报告当前处于“" + stage.label() + "”阶段，不能修改");
        }
    }

    public void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw ApiException.conflict("报告已在别处被修改（您的版本 " + expectedVersion + "，最新版本 " + version
                    + "）。本次保存未生效，请刷新后再操作，您填写的内容请先复制保存。", Map.of("currentVersion", version));
        }
    }

    /** What the outline still lacks; empty when the report may be submitted. */
    public List<FieldError> missingForSubmission() {
        List<FieldError> missing = new ArrayList<>();
        String industry = cn.fjsti.chainreport.chain.ChainNames.industry(chainName);
        for (Section section : Section.values()) {
            String text = texts.get(section);
            String words = ExhibitMarkers.withoutMarkers(text);
            if (section.requiresText() && (words == null || words.isBlank())) {
                missing.add(new FieldError("sections." + section.name(),
                        "第" + section.partNumeral() + "部分 " + section.heading(industry) + "：未填写"));
            }
        }
        if (units.isEmpty()) {
            missing.add(new FieldError("units", "三.3 优势单位（团队）表：请至少填写一个单位"));
        }
        for (int i = 0; i < units.size(); i++) {
            StrengthUnit unit = units.get(i);
            String row = "三.3 优势单位表第 " + (i + 1) + " 行：";
            if (unit.name == null || unit.name.isBlank()) {
                missing.add(new FieldError("units[" + i + "].name", row + "单位名称未填写"));
            }
            if (unit.kind == null) {
                missing.add(new FieldError("units[" + i + "].kind", row + "单位类型未选择"));
            }
            if (unit.strength == null || unit.strength.isBlank()) {
                missing.add(new FieldError("units[" + i + "].strength", row + "研究领域/优势未填写"));
            }
        }
        return missing;
    }

    /** Freezes the current text as the next revision (called from the process when a draft is submitted). */
    public ReportRevision freezeRevision(String actor, Instant now) {
        revisionCount++;
        return new ReportRevision(this, revisionCount, actor, now);
    }

    /** Links this county report to the consolidated report of a merge; its own text stays as it is. */
    public void mergeInto(Report consolidated) {
        if (kind != Kind.COUNTY) {
            throw ApiException.conflict("只有县（市、区）的报告可以合并");
        }
        if (mergedInto != null) {
            throw ApiException.conflict("报告“" + chainName + "”已合并到另一份报告中");
        }
        mergedInto = consolidated.id;
    }

    public void unmerge() {
        mergedInto = null;
    }

    public void withdraw(Instant now) {
        withdrawnAt = now;
    }

    /** The report's title, given its region's name ({@link ReportTitles}: the unit's name never twice). */
    public String title(String regionName) {
        return ReportTitles.title(kind.cityWritten(), regionName, chainName);
    }

    public static List<Report> ofCampaignAndRegion(Long campaignId, String region) {
        return list("campaignId = ?1 and authorRegion = ?2 order by id", campaignId, region);
    }
}
