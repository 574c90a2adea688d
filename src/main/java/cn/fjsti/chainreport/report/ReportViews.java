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
                         List<ReviewView> reviews, List<PackageRoundView> packageRounds, List<ExhibitView> exhibits,
                         LastYearView lastYear, List<NumberingHints.Hint> numberingHints) implements Answer {
    }

    /**
     * What a save or a submission answers: the whole report ({@link Detail}), or, when the client sent
     * {@code Prefer: return=minimal} (RFC 7240), only what changed in the report's state ({@link Saved}).
     */
    public sealed interface Answer permits Detail, Saved {
    }

    /**
     * The minimal answer to a save or a submission ({@code Prefer: return=minimal}): the report's new
     * {@code version} (for the next save's optimistic lock), its stage, whether the caller may still edit it, and
     * when and by whom it was last saved (Beijing time). The texts, outline, reviews and tables stay as the client
     * sent them; {@code GET /api/reports/{id}} reads them all.
     */
    public record Saved(Long id, long version, String stage, String stageLabel, boolean editable,
                        OffsetDateTime updatedAt, String updatedBy) implements Answer {
    }

    /**
     * A table or figure the text's marker lines place ({@code marker}, e.g. 〔表:12〕). A table has {@code rows}
     * (the first the header); a figure has {@code imageUrl}, its media type and pixel size. {@code replaces}: the
     * exhibit it replaced when edited, or copied from in a merge.
     */
    public record ExhibitView(Long id, String kind, String kindLabel, String section, String caption, String marker,
                              List<List<String>> rows, String imageUrl, String mediaType, Integer width, Integer height,
                              Long replaces, String contentHash, OffsetDateTime createdAt) {
    }

    /** A table or figure just placed, and the report as it now is (its new version). */
    public record Placed(ExhibitView exhibit, Detail report) {
    }

    /**
     * 复制上年报告: the same region's report on the same chain (same key, same kind) in the newest earlier
     * campaign that has a submitted revision; its final text is that revision. {@code changedSections}: the
     * sections (labels) whose text now differs from it; {@code unitsChanged}: whether the units table does.
     */
    public record LastYearView(Long reportId, Long campaignId, String campaignTitle, int year, int revision,
                               List<String> changedSections, boolean unitsChanged) {
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
                                 String submittedBy, Map<Section, String> sections, List<UnitView> units,
                                 List<ExhibitView> exhibits) {
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
                            ExhibitMarkers.textLength(text), r.kind.maxSectionLength(), s.requiresText());
                })
                .toList();
        return new Detail(r.id, r.campaignId, r.authorRegion, regionName, r.reviewUnit, r.kind.name(), r.chainName,
                r.title(regionName), stage.name(), stage.label(), stage.editable(), r.version, r.revisionCount,
                Times.beijing(r.createdAt), r.createdBy, Times.beijing(r.updatedAt), r.updatedBy, r.mergedInto,
                Times.beijing(r.withdrawnAt), outline, sections(r.content()), units(r.units),
                ReviewComment.of(r.id).stream().map(c -> new ReviewView(c.revisionNumber, c.decision.name(),
                        c.decision.label(), c.comment, c.actor, Times.beijing(c.createdAt))).toList(),
                packageRounds(r), exhibits(r.id, r.content()), lastYear(r), NumberingHints.of(sections(r.content())));
    }

    /** The minimal answer: the report's state after a save or a submission. */
    public static Saved saved(Report r, ReportStage stage) {
        return new Saved(r.id, r.version, stage.name(), stage.label(), stage.editable(), Times.beijing(r.updatedAt), r.updatedBy);
    }

    /** The whole report, or with {@code minimal} only its new state. */
    public static Answer answer(Report r, ReportStage stage, boolean minimal) {
        return minimal ? saved(r, stage) : detail(r, stage);
    }

    public static ExhibitView exhibit(Exhibit e) {
        boolean figure = e.kind == Exhibit.Kind.FIGURE;
        return new ExhibitView(e.id, e.kind.name(), e.kind.label(), e.section == null ? null : e.section.name(), e.caption,
                e.marker(), figure ? null : e.rows(), figure ? "/api/reports/" + e.reportId + "/exhibits/" + e.id + "/image" : null,
                e.mediaType, e.pixelWidth, e.pixelHeight, e.replaces, e.contentHash, Times.beijing(e.createdAt));
    }

    /** The report's own tables and figures its text places, in the order they stand. */
    static List<ExhibitView> exhibits(Long reportId, ReportContent content) {
        List<Long> ids = new java.util.ArrayList<>();
        for (Section s : Section.values()) {
            ExhibitMarkers.refs(s.read(content)).forEach(ref -> ids.add(ref.id()));
        }
        Map<Long, Exhibit> own = Exhibit.ofReport(reportId, ids);
        return ids.stream().distinct().map(own::get).filter(java.util.Objects::nonNull).map(ReportViews::exhibit).toList();
    }

    /** The final revision of the same region's report on the same chain in the newest earlier campaign, if any. */
    public static java.util.Optional<ReportRevision> lastYearRevision(Report r) {
        List<Report> earlier = Report.getEntityManager().createQuery(
                        "select e from Report e, Campaign c, Campaign mine "
                                + "where c.id = e.campaignId and mine.id = :campaign and c.year < mine.year and e.authorRegion = :region "
                                + "and e.chainKey = :key and e.kind = :kind and e.revisionCount > 0 order by c.year desc", Report.class)
                .setParameter("campaign", r.campaignId).setParameter("region", r.authorRegion)
                .setParameter("key", r.chainKey).setParameter("kind", r.kind).setMaxResults(1).getResultList();
        return earlier.stream().findFirst().map(e -> ReportRevision.<ReportRevision>find("reportId = ?1 and number = ?2", e.id, e.revisionCount)
                .firstResult());
    }

    private static LastYearView lastYear(Report r) {
        if (r.kind == Report.Kind.MERGED) {
            return null;
        }
        return lastYearRevision(r).map(rev -> {
            Report earlier = Report.findById(rev.reportId);
            cn.fjsti.chainreport.campaign.Campaign campaign = cn.fjsti.chainreport.campaign.Campaign.findById(earlier.campaignId);
            List<String> changed = new java.util.ArrayList<>();
            for (Section s : Section.values()) {
                if (!java.util.Objects.equals(comparable(s.read(rev.content()), rev.reportId), comparable(s.read(r.content()), r.id))) {
                    changed.add(s.label() + " " + s.heading(ChainNames.industry(r.chainName)).replaceFirst("^\\d+\\.", ""));
                }
            }
            return new LastYearView(earlier.id, campaign.id, campaign.title, campaign.year, rev.number, changed,
                    !unitRows(rev.units).equals(unitRows(r.units)));
        }).orElse(null);
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    /**
     * A section's text with each marker line standing for its table's or figure's content (hash), so that last
     * year's table copied into this year's report compares as unchanged although its id differs.
     */
    private static String comparable(String text, Long reportId) {
        String out = nz(text);
        List<ExhibitMarkers.Ref> refs = ExhibitMarkers.refs(out);
        if (refs.isEmpty()) {
            return out;
        }
        Map<Long, Exhibit> own = Exhibit.ofReport(reportId, refs.stream().map(ExhibitMarkers.Ref::id).toList());
        for (ExhibitMarkers.Ref ref : refs) {
            Exhibit e = own.get(ref.id());
            out = ExhibitMarkers.replace(out, ref.id(), "〔" + ref.kind().label() + ":" + (e == null ? "?" : e.contentHash) + "〕");
        }
        return out;
    }

    private static List<String> unitRows(List<StrengthUnit> units) {
        return units.stream().map(u -> u.name + "|" + u.kind + "|" + u.strength + "|" + u.contact).toList();
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
                sections(rev.content()), units(rev.units), exhibits(rev.reportId, rev.content()));
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
