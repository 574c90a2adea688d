package cn.fjsti.chainreport.consolidation;

import cn.fjsti.chainreport.rules.MergeWithinOneCity;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.chain.ChainNames;
import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.report.Exhibit;
import cn.fjsti.chainreport.report.ExhibitMarkers;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.ExhibitService;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.RegionAccess;
import cn.fjsti.chainreport.submission.UnitPackageProcess;
import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import cn.fjsti.chainreport.audit.Audited;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The city's 科学统筹，优化整合: proposals of chains several counties chose, merging a group into one
 * consolidated report written by the city (each section starts from the counties' texts, labelled by
 * county; the units tables united), and undoing a merge until the package is sent. County reports are
 * never changed or deleted: they are linked to the consolidated report and stay readable.
 */
@ApplicationScoped
public class ConsolidationService {

    private final DuplicateChainFinder finder = new DuplicateChainFinder(IndustryCategories.load());

    @Inject
    CurrentUser user;

    @Inject
    RegionAccess access;

    @Inject
    ReportProcess reportProcess;

    @Inject
    UnitPackageProcess unitProcess;

    @Inject
    cn.fjsti.chainreport.submission.PackageService packages;

    @Inject
    Clock clock;

    /** A county report in a proposal or a merge. */
    public record Member(Long reportId, String countyCode, String countyName, String chain, String stage, String stageLabel) {
    }

    /**
     * A proposed cluster of reports on one chain: {@code match} EXACT or NEAR (names), {@code score} the weakest
     * name similarity of its links (0..1), {@code reasons} Chinese sentences (shared core terms, text
     * similarity, shared units, how sure), {@code sureness} 高/中/低, {@code textSimilarity} the lowest text
     * similarity of its links in per cent (null: the drafts had too little text to compare), {@code sharedUnits}
     * units its reports have in common (names as a county wrote them), {@code members} its county reports.
     */
    public record ProposalView(String match, String chainName, String category, double score, List<String> reasons,
                               String sureness, Integer textSimilarity, List<String> sharedUnits, List<Member> members) {
    }

    /**
     * A merge and its consolidated report. {@code previous}: for an active merge whose consolidated report
     * differs from the text the city left in an undone merge of exactly the same county reports, that text
     * (offered back by {@link #restorePrevious}); null otherwise.
     */
    public record MergeView(Long id, String unitCode, String chainName, Long consolidatedReportId, List<Member> members,
                            OffsetDateTime createdAt, String createdBy, boolean active, OffsetDateTime undoneAt,
                            String undoneBy, PreviousText previous) {
    }

    /**
     * The consolidated text of an undone merge of the same county reports: its report (read-only, kept), when
     * the merge was undone and by whom, when the text was last saved and by whom, and which sections
     * (labels) and whether the units table differ from the consolidated report now, whose version is
     * {@code currentVersion} (the one a restore must name).
     */
    public record PreviousText(Long reportId, Long mergeId, OffsetDateTime undoneAt, String undoneBy,
                               OffsetDateTime savedAt, String savedBy, List<String> differingSections,
                               boolean unitsDiffer, long currentVersion) {
    }

    @Transactional
    public List<ProposalView> proposals(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        // Only the unit's own county reports (MergeWithinOneCity). Merged reports are left out here, not in the query: given "merged_into is null", H2 picks that
        // column's index (most rows are null) and reads every report of the campaign (1.7 s at national size
        // instead of a few milliseconds through the unit's index; docs/benchmarks.md).
        List<Report> reports = Report.<Report>list("campaignId = ?1 and reviewUnit = ?2 and kind = ?3 order by id",
                campaign.id, unit.code, Report.Kind.COUNTY).stream().filter(r -> r.mergedInto == null).toList();
        Map<Long, ReportStage> stages = reportProcess.stagesOf(reports);
        Map<Long, Report> byId = reports.stream().collect(Collectors.toMap(r -> r.id, r -> r));
        Set<String> dismissed = DismissedProposal.<DismissedProposal>list("campaignId = ?1 and unitCode = ?2", campaign.id, unit.code)
                .stream().map(d -> d.reportIds).collect(Collectors.toSet());
        // The units tables of all the unit's reports in one query (not one per report).
        Map<Long, List<String>> unitNames = new HashMap<>();
        Report.getEntityManager().createQuery("select r.id, u.name from Report r join r.units u"
                        + " where r.campaignId = ?1 and r.reviewUnit = ?2 and r.kind = ?3", Object[].class)
                .setParameter(1, campaign.id).setParameter(2, unit.code).setParameter(3, Report.Kind.COUNTY)
                .getResultList().forEach(row -> unitNames.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]));
        List<DuplicateChainFinder.Candidate> candidates = reports.stream()
                .map(r -> new DuplicateChainFinder.Candidate(r.id, r.authorRegion, regionName(r.authorRegion), r.chainName,
                        new ContentComparison.Content(text(r), unitNames.getOrDefault(r.id, List.of()))))
                .toList();
        return finder.find(candidates).stream()
                .filter(p -> !dismissed.contains(DismissedProposal.signature(p.members().stream().map(DuplicateChainFinder.Candidate::reportId).toList())))
                .map(p -> new ProposalView(p.match().name(), p.chainName(), p.category(), p.score(), p.reasons(),
                        p.sureness().label(), p.textSimilarity() == null ? null : (int) Math.round(p.textSimilarity() * 100),
                        p.sharedUnits(),
                        p.members().stream().map(m -> member(byId.get(m.reportId()), stages.get(m.reportId()))).toList()))
                .toList();
    }

    /** The start of each of a report's sections, one after another, as the finder compares them. */
    private static String text(Report r) {
        StringBuilder text = new StringBuilder();
        for (Section section : Section.values()) {
            String s = section.read(r.content());
            if (s != null) {
                text.append(s, 0, Math.min(s.length(), ContentComparison.SECTION_CHARS)).append('\n');
            }
        }
        return text.toString();
    }

    /** The city says a proposal is not one chain. */
    @Transactional
    @Audited("duplicates.dismiss")
    public void dismiss(Long campaignId, List<Long> reportIds) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(null);
        // @Size counts the list as sent: [8, 8] is one report, and one report is no proposal to dismiss.
        if (new HashSet<>(reportIds).size() < 2) {
            throw ApiException.badField("reportIds", "请选择 2 份以上不同的报告（同一编号只算一份）");
        }
        countyReportsOf(unit, campaign, reportIds);
        String signature = DismissedProposal.signature(reportIds);
        if (DismissedProposal.count("campaignId = ?1 and unitCode = ?2 and reportIds = ?3", campaign.id, unit.code, signature) == 0) {
            new DismissedProposal(campaign.id, unit.code, reportIds, user.username(), clock.instant()).persist();
        }
    }

    /** Merges approved county reports of several counties into a new consolidated report of the city. */
    @Transactional
    @Audited("merge.create")
    public MergeView merge(Long campaignId, List<Long> reportIds, String chainName) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(null);
        // The package row first, then the reports: merge and undo of one unit queue here, and each reads the
        // reports only once it holds the locks, so it sees what the one before it committed.
        requireUnsent(campaign, unit);
        List<Report> members = countyReportsOf(unit, campaign, reportIds, LockModeType.PESSIMISTIC_WRITE);
        List<FieldError> taken = members.stream().filter(r -> r.mergedInto != null)
                .map(r -> new FieldError("reportIds", regionName(r.authorRegion) + "的“" + r.chainName + "”报告已合并到另一份报告"))
                .toList();
        if (!taken.isEmpty()) {
            throw new ApiException(409, "不能合并", "只能合并尚未合并的报告：" + taken.get(0).message(), taken, Map.of());
        }
        if (!MergeWithinOneCity.enoughCounties(members.stream().map(r -> r.authorRegion).toList())) {
            throw ApiException.badField("reportIds", MergeWithinOneCity.ONE_COUNTY);
        }
        Map<Long, ReportStage> stages = reportProcess.stagesOf(members);
        List<FieldError> notReady = members.stream().filter(r -> stages.get(r.id) != ReportStage.APPROVED)
                .map(r -> new FieldError("reportIds", regionName(r.authorRegion) + "的“" + r.chainName + "”报告"
                        + (stages.get(r.id) == ReportStage.MERGED ? "已合并到另一份报告" : "尚未审核通过（" + stages.get(r.id).label() + "）")))
                .toList();
        if (!notReady.isEmpty()) {
            throw new ApiException(409, "不能合并", "只能合并已审核通过的报告：" + notReady.get(0).message(), notReady, Map.of());
        }
        String typed = FreeText.CHAIN_NAME.cleanAt("chain", chainName);
        String name = typed == null ? commonestName(members) : typed;
        Instant now = clock.instant();
        MergeGroup group = new MergeGroup(campaign.id, unit.code, name, members.stream().map(r -> r.id).toList(),
                user.username(), now);
        group.persistAndFlush();

        Report consolidated = new Report(campaign.id, unit.code, unit.code, Report.Kind.MERGED, name,
                ChainNames.key(name) + "#合并" + group.id, user.username(), now);
        List<Report> ordered = members.stream().sorted(Comparator.comparing((Report r) -> r.authorRegion).thenComparing(r -> r.id)).toList();
        consolidated.saveDraft(ReportStage.DRAFTING, consolidated.version, combinedSections(ordered), unitedUnits(ordered),
                user.username(), now);
        consolidated.persistAndFlush();
        ExhibitService.copyInto(consolidated, group.memberReportIds, user.username(), now);
        reportProcess.start(consolidated, campaign.deadline);
        group.consolidatedReportId = consolidated.id;
        members.forEach(r -> r.mergeInto(consolidated));
        members.forEach(r -> new ActiveMergeMember(r.id, group.id).persist());
        ActiveMergeMember.getEntityManager().flush();
        return view(group);
    }

    /** Undoes a merge before the package is sent: county reports are unlinked, the consolidated report is withdrawn (kept). */
    @Transactional
    @Audited("merge.undo")
    public MergeView undo(Long campaignId, Long groupId) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(null);
        // Lock before reading the merge: a second undo (or a re-merge) waits here and then reads the merge as the
        // first one left it, instead of undoing again from what it read before.
        packages.lockPackage(campaign.id, unit.code);
        MergeGroup group = MergeGroup.<MergeGroup>findByIdOptional(groupId, LockModeType.PESSIMISTIC_WRITE)
                .filter(g -> g.campaignId.equals(campaign.id))
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + groupId + " 的合并"));
        if (!group.unitCode.equals(unit.code)) {
            throw ApiException.forbidden("只能撤销本单位的合并");
        }
        if (!group.active()) {
            throw ApiException.conflict("这次合并已经撤销");
        }
        requireUnsent(campaign, unit);
        Instant now = clock.instant();
        Report consolidated = Report.findById(group.consolidatedReportId);
        List<Report> members = Report.<Report>find("id in ?1", group.memberReportIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        members.stream().filter(r -> Objects.equals(r.mergedInto, group.consolidatedReportId)).forEach(Report::unmerge);
        ActiveMergeMember.removeGroup(group.id);
        // The consolidated report is kept as it was last saved, read-only (its process ends here): the city's
        // edits stay there, and a later merge of the same reports offers them back (previous()).
        consolidated.withdraw(now);
        reportProcess.cancel(consolidated, "合并已撤销");
        group.undo(user.username(), now);
        return view(group);
    }

    /**
     * Puts the text and units table the city left in an undone merge of the same county reports into the
     * active merge's consolidated report (a draft save: the report must be drafting and {@code version}
     * current). 404 unknown merge, 403 another unit's, 409 undone merge, stale version, report not drafting,
     * or nothing to restore (no undone merge of the same reports, or its text equals the current one).
     */
    @Transactional
    @Audited("merge.restore")
    public MergeView restorePrevious(Long campaignId, Long groupId, long version) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.ownUnit(null);
        packages.lockPackage(campaign.id, unit.code);
        MergeGroup group = MergeGroup.<MergeGroup>findByIdOptional(groupId)
                .filter(g -> g.campaignId.equals(campaign.id))
                .orElseThrow(() -> ApiException.notFound("没有编号为 " + groupId + " 的合并"));
        if (!group.unitCode.equals(unit.code)) {
            throw ApiException.forbidden("只能恢复本单位的合并报告");
        }
        if (!group.active()) {
            throw ApiException.conflict("这次合并已经撤销，不能再恢复内容");
        }
        Report consolidated = Report.findById(group.consolidatedReportId, LockModeType.PESSIMISTIC_WRITE);
        Report earlier = previousOf(group, consolidated)
                .orElseThrow(() -> ApiException.conflict("没有可恢复的内容：此前没有撤销过相同报告的合并，或其内容与现在相同"));
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            String text = section.read(earlier.content());
            sections.put(section, text == null ? "" : text);
        }
        consolidated.saveDraft(reportProcess.stageOf(consolidated), version, sections,
                earlier.units.stream().map(StrengthUnit::copy).toList(), user.username(), clock.instant());
        // The undone merge's markers name that report's copies of the tables and figures: this report gets its own.
        ExhibitService.copyInto(consolidated, List.of(earlier.id), user.username(), clock.instant());
        Report.getEntityManager().flush();
        return view(group);
    }

    /** The newest undone merge of exactly the same county reports whose consolidated text differs from {@code now}. */
    private Optional<Report> previousOf(MergeGroup group, Report now) {
        if (!group.active() || now == null) {
            return Optional.empty();
        }
        Set<Long> same = new HashSet<>(group.memberReportIds);
        return MergeGroup.of(group.campaignId, group.unitCode).stream()
                .filter(g -> !g.active() && !g.id.equals(group.id) && new HashSet<>(g.memberReportIds).equals(same))
                .sorted(Comparator.comparing((MergeGroup g) -> g.undoneAt).reversed())
                .map(g -> Report.<Report>findById(g.consolidatedReportId))
                .filter(Objects::nonNull)
                .findFirst()
                .filter(r -> !differingSections(r, now).isEmpty() || !sameUnits(r, now));
    }

    private static List<String> differingSections(Report a, Report b) {
        List<String> differing = new ArrayList<>();
        for (Section section : Section.values()) {
            if (!Objects.equals(comparable(a, section.read(a.content())), comparable(b, section.read(b.content())))) {
                differing.add(section.label() + " " + section.heading(ChainNames.industry(b.chainName)).replaceFirst("^\\d+\\.", ""));
            }
        }
        return differing;
    }

    private static boolean sameUnits(Report a, Report b) {
        if (a.units.size() != b.units.size()) {
            return false;
        }
        for (int i = 0; i < a.units.size(); i++) {
            StrengthUnit x = a.units.get(i);
            StrengthUnit y = b.units.get(i);
            if (!Objects.equals(x.name, y.name) || x.kind != y.kind || !Objects.equals(x.strength, y.strength)
                    || !Objects.equals(x.contact, y.contact)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A section's text as compared between merges: each report holds its own copies of the same tables and figures,
     * so a marker stands for what it shows (kind, caption, content), not for its id.
     */
    private static String comparable(Report report, String text) {
        String compared = blankToEmpty(text);
        List<ExhibitMarkers.Ref> refs = ExhibitMarkers.refs(compared);
        if (refs.isEmpty()) {
            return compared;
        }
        Map<Long, Exhibit> own = Exhibit.ofReport(report.id, refs.stream().map(ExhibitMarkers.Ref::id).toList());
        for (ExhibitMarkers.Ref ref : refs) {
            Exhibit e = own.get(ref.id());
            compared = ExhibitMarkers.replace(compared, ref.id(),
                    e == null ? "〔?:" + ref.id() + "〕" : "〔" + e.kind + "|" + e.caption + "|" + e.contentHash + "〕");
        }
        return compared;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Transactional
    public List<MergeView> merges(Long campaignId, String unitCode) {
        Campaign campaign = CampaignService.require(campaignId);
        Region unit = access.readableUnit(unitCode);
        return MergeGroup.of(campaign.id, unit.code).stream().map(this::view).toList();
    }

    private MergeView view(MergeGroup group) {
        List<Report> members = Report.list("id in ?1 order by authorRegion", group.memberReportIds);
        Map<Long, ReportStage> stages = reportProcess.stagesOf(members);
        Report consolidated = group.consolidatedReportId == null ? null : Report.findById(group.consolidatedReportId);
        PreviousText previous = previousOf(group, consolidated).map(earlier -> {
            MergeGroup undone = MergeGroup.<MergeGroup>find("consolidatedReportId", earlier.id).firstResult();
            return new PreviousText(earlier.id, undone.id, Times.beijing(undone.undoneAt), undone.undoneBy,
                    Times.beijing(earlier.updatedAt), earlier.updatedBy, differingSections(earlier, consolidated),
                    !sameUnits(earlier, consolidated), consolidated.version);
        }).orElse(null);
        return new MergeView(group.id, group.unitCode, group.chainName, group.consolidatedReportId,
                members.stream().map(r -> member(r, stages.get(r.id))).toList(), Times.beijing(group.createdAt),
                group.createdBy, group.active(), Times.beijing(group.undoneAt), group.undoneBy, previous);
    }

    /**
     * Each section: every county's text under its name 【县名】, in county-code order, nothing dropped; a paragraph
     * (line) several counties wrote identically (compared without any whitespace) appears once, at its first place,
     * under all their names (【海沧区、翔安区】). Consecutive paragraphs under the same names share one label.
     */
    static Map<Section, String> combinedSections(List<Report> members) {
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<String> names = new ArrayList<>();
            List<List<String>> texts = new ArrayList<>();
            for (Report r : members) {
                if (hasText(section.read(r.content()))) {
                    names.add(regionName(r.authorRegion));
                    texts.add(section.read(r.content()).strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
                }
            }
            sections.put(section, combine(names, texts));
        }
        return sections;
    }

    /** {@link #combinedSections} for one section: the counties' names and their paragraphs. */
    public static String combine(List<String> names, List<List<String>> paragraphs) {
        Map<String, Set<String>> writers = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            for (String p : paragraphs.get(i)) {
                writers.computeIfAbsent(p.replaceAll("[\\s\\u3000\\u00A0]+", ""), k -> new java.util.LinkedHashSet<>()).add(names.get(i));
            }
        }
        Set<String> written = new HashSet<>();
        StringBuilder out = new StringBuilder();
        String label = null;
        for (int i = 0; i < names.size(); i++) {
            for (String p : paragraphs.get(i)) {
                String key = p.replaceAll("[\\s\\u3000\\u00A0]+", "");
                if (!written.add(key)) {
                    continue;
                }
                String who = "【" + String.join("、", writers.get(key)) + "】";
                if (!who.equals(label)) {
                    out.append(out.isEmpty() ? "" : "\n\n").append(who);
                    label = who;
                }
                out.append('\n').append(p);
            }
        }
        // Labels switching between shared and own paragraphs must not make the section longer than plain per-county text.
        String plain = java.util.stream.IntStream.range(0, names.size())
                .mapToObj(i -> "【" + names.get(i) + "】\n" + String.join("\n", paragraphs.get(i))).collect(Collectors.joining("\n\n"));
        return out.length() <= plain.length() ? out.toString() : plain;
    }

    /** The counties' units tables united; a unit listed by several counties appears once ({@link UnitNames#key}). */
    static List<StrengthUnit> unitedUnits(List<Report> members) {
        Map<String, StrengthUnit> united = new LinkedHashMap<>();
        for (Report r : members) {
            for (StrengthUnit unit : r.units) {
                String key = UnitNames.key(unit.name);
                united.putIfAbsent(key, unit.copy());
            }
        }
        return new ArrayList<>(united.values());
    }

    private List<Report> countyReportsOf(Region unit, Campaign campaign, List<Long> reportIds) {
        return countyReportsOf(unit, campaign, reportIds, LockModeType.NONE);
    }

    private List<Report> countyReportsOf(Region unit, Campaign campaign, List<Long> reportIds, LockModeType lock) {
        Set<Long> ids = new HashSet<>(reportIds);
        List<Report> reports = Report.<Report>find("id in ?1 order by id", ids).withLock(lock).list();
        if (reports.size() != ids.size()) {
            throw ApiException.notFound("有的报告编号不存在");
        }
        for (Report r : reports) {
            if (!MergeWithinOneCity.sameUnit(unit.code, r.reviewUnit) || r.kind != Report.Kind.COUNTY) {
                throw ApiException.forbidden(MergeWithinOneCity.OTHER_UNIT);
            }
            if (!Objects.equals(r.campaignId, campaign.id)) {
                throw ApiException.badField("reportIds", "报告不属于这次调研工作");
            }
        }
        return reports;
    }

    private void requireUnsent(Campaign campaign, Region unit) {
        packages.lockPackage(campaign.id, unit.code);
        boolean preparing = unitProcess.activeTask(campaign.id, unit.code)
                .map(t -> t.is(Workflow.Task.SEND_PACKAGE)).orElse(false);
        if (!preparing) {
            throw ApiException.conflict("材料已报送，不能再合并或撤销合并");
        }
    }

    private static Member member(Report r, ReportStage stage) {
        return new Member(r.id, r.authorRegion, regionName(r.authorRegion), r.chainName, stage.name(), stage.label());
    }

    private static String commonestName(List<Report> members) {
        return members.stream().collect(Collectors.groupingBy(r -> r.chainName, LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String regionName(String code) {
        return ReportViews.regionName(code);
    }
}
