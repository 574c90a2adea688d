package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.region.Region;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Responses of the report API: records built from entities, never the entities themselves. */
public final class ReportViews {

    private ReportViews() {
    }

    /** A report in a list. */
    public record Summary(Long id, Long campaignId, String authorRegion, String authorName, String reviewUnit,
                          String kind, String chain, String title, String stage, String stageLabel,
                          long version, int revisionCount, OffsetDateTime updatedAt, Long mergedInto) {
    }

    /** One heading of the outline, with the names filled in, and how much text it holds. */
    public record OutlineItem(String key, String label, String partHeading, String heading, int length, int maxLength,
                              boolean required) {
    }

    /** A unit row as shown. */
    public record UnitView(String name, String kind, String kindLabel, String strength, String contact) {
    }

    /** A whole report. */
    public record Detail(Long id, Long campaignId, String authorRegion, String authorName, String reviewUnit,
                         String kind, String chain, String title, String stage, String stageLabel, boolean editable,
                         long version, int revisionCount, OffsetDateTime createdAt, String createdBy,
                         OffsetDateTime updatedAt, String updatedBy, Long mergedInto, OffsetDateTime withdrawnAt,
                         List<OutlineItem> outline, Map<Section, String> sections, List<UnitView> units,
                         List<ReviewView> reviews, List<PackageRoundView> packageRounds,
                         List<NumberingHints.Hint> numberingHints) {
    }

    /**
     * One sending of the unit's package that carried this report (or the consolidated report it is merged
     * into): every round stays visible to the county too. decision: null (waiting), ACCEPTED, RETURNED, WITHDRAWN.
     */
    public record PackageRoundView(int number, OffsetDateTime sentAt, boolean onTime, String decision,
                                   OffsetDateTime decidedAt, String comment) {
    }

    /** A revision in a list. */
    public record RevisionSummary(int number, long reportVersion, OffsetDateTime submittedAt, String submittedBy) {
    }

    /** A frozen revision. */
    public record RevisionDetail(Long reportId, int number, long reportVersion, OffsetDateTime submittedAt,
                                 String submittedBy, Map<Section, String> sections, List<UnitView> units) {
    }

    static Summary summary(Report r, ReportStage stage) {
        return new Summary(r.id, r.campaignId, r.authorRegion, regionName(r.authorRegion), r.reviewUnit, r.kind.name(),
                r.chainName, r.title(regionName(r.authorRegion)), stage.name(), stage.label(), r.version, r.revisionCount,
                Times.beijing(r.updatedAt), r.mergedInto);
    }

    /** One review decision on a submitted revision. */
    public record ReviewView(int revision, String decision, String decisionLabel, String comment, String actor,
                             OffsetDateTime at) {
    }

    public static Detail detail(Report r, ReportStage stage) {
        String regionName = regionName(r.authorRegion);
        String industry = ChainNames.industry(r.chainName);
        List<OutlineItem> outline = java.util.Arrays.stream(Section.values())
                .map(s -> {
                    String text = s.read(r.content());
                    return new OutlineItem(s.name(), s.label(), s.partHeading(regionName, industry, r.kind.cityWritten()), s.heading(industry),
                            Section.length(text), r.kind.maxSectionLength(), s.requiresText());
                })
                .toList();
        return new Detail(r.id, r.campaignId, r.authorRegion, regionName, r.reviewUnit, r.kind.name(), r.chainName,
                r.title(regionName), stage.name(), stage.label(), stage.editable(), r.version, r.revisionCount,
                Times.beijing(r.createdAt), r.createdBy, Times.beijing(r.updatedAt), r.updatedBy, r.mergedInto,
                Times.beijing(r.withdrawnAt), outline, sections(r.content()), units(r.units),
                ReviewComment.of(r.id).stream().map(c -> new ReviewView(c.revisionNumber, c.decision.name(),
                        c.decision.label(), c.comment, c.actor, Times.beijing(c.createdAt))).toList(),
                packageRounds(r), NumberingHints.of(sections(r.content())));
    }

    private static List<PackageRoundView> packageRounds(Report r) {
        List<Long> ids = r.mergedInto == null ? List.of(r.id) : List.of(r.id, r.mergedInto);
        // By entity name: the rounds belong to the submission package, which builds on this one.
        List<Object[]> rows = Report.getEntityManager().createQuery(
                        "select distinct p.number, p.sentAt, p.onTime, p.decision, p.decidedAt, p.comment from PackageRound p "
                                + "join p.reportIds rid where rid in :ids order by p.number", Object[].class)
                .setParameter("ids", ids).getResultList();
        return rows.stream().map(row -> new PackageRoundView(((Number) row[0]).intValue(),
                Times.beijing((java.time.Instant) row[1]), (Boolean) row[2], row[3] == null ? null : row[3].toString(),
                Times.beijing((java.time.Instant) row[4]), (String) row[5])).toList();
    }

    static RevisionSummary revisionSummary(ReportRevision rev) {
        return new RevisionSummary(rev.number, rev.reportVersion, Times.beijing(rev.submittedAt), rev.submittedBy);
    }

    static RevisionDetail revisionDetail(ReportRevision rev) {
        return new RevisionDetail(rev.reportId, rev.number, rev.reportVersion, Times.beijing(rev.submittedAt), rev.submittedBy,
                sections(rev.content()), units(rev.units));
    }

    private static Map<Section, String> sections(ReportContent content) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            String text = s.read(content);
            sections.put(s, text == null ? "" : text);
        }
        return sections;
    }

    private static List<UnitView> units(List<StrengthUnit> units) {
        return units.stream()
                .map(u -> new UnitView(u.name, u.kind == null ? null : u.kind.name(), u.kind == null ? null : u.kind.label(),
                        u.strength, u.contact))
                .toList();
    }

    public static String regionName(String code) {
        return Region.nameOf(code);
    }
}
