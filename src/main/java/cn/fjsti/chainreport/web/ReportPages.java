package cn.fjsti.chainreport.web;

import cn.fjsti.chainreport.submission.PackageService;
import cn.fjsti.chainreport.submission.PackageStage;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportService;
import cn.fjsti.chainreport.report.ExhibitMarkers;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.ReviewComment;
import cn.fjsti.chainreport.report.NumberingHints;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Pages of one report: the editor (or the reading view), its revision history, and where its process stands. */
@Path("/reports")
@Authenticated
@Produces("text/html;charset=UTF-8")
public class ReportPages {

    @Inject
    Frames frames;

    @Inject
    ReportService reports;

    @Inject
    CurrentUser user;

    @Inject
    ReportProcess process;

    @Inject
    PackageService packages;

    /** One outline section as the editor shows it. */
    public record Block(String key, String label, String partHeading, boolean newPart, String heading, String text,
                        int length, int maxLength, boolean required, List<String> hints, List<Piece> pieces) {
    }

    /**
     * A stretch of a section as a reader sees it: text, or a table or figure (numbered per report, as in the
     * Word file) where its marker line stands.
     */
    public record Piece(String text, ReportViews.ExhibitView exhibit, String number) {
        public boolean table() {
            return exhibit != null && "TABLE".equals(exhibit.kind());
        }

        public boolean figure() {
            return exhibit != null && "FIGURE".equals(exhibit.kind());
        }

        public List<String> header() {
            return exhibit.rows().get(0);
        }

        public List<List<String>> body() {
            return exhibit.rows().subList(1, exhibit.rows().size());
        }
    }

    /** A section's text cut at its marker lines; {@code counters}: tables and figures numbered so far. */
    static List<Piece> pieces(String text, Map<Long, ReportViews.ExhibitView> exhibits, int[] counters) {
        List<Piece> pieces = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pieces;
        }
        StringBuilder words = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ExhibitMarkers.Ref ref = ExhibitMarkers.parse(lines[i], i);
            ReportViews.ExhibitView e = ref == null ? null : exhibits.get(ref.id());
            if (e == null) {
                words.append(words.isEmpty() ? "" : "\n").append(lines[i]);
                continue;
            }
            if (!words.toString().isBlank()) {
                pieces.add(new Piece(words.toString(), null, null));
            }
            words.setLength(0);
            boolean figure = "FIGURE".equals(e.kind());
            pieces.add(new Piece(null, e, (figure ? "图" : "表") + ++counters[figure ? 1 : 0]));
        }
        if (!words.toString().isBlank()) {
            pieces.add(new Piece(words.toString(), null, null));
        }
        return pieces;
    }

    /** Marker lines as a reader names them, for comparing revisions: which table or figure, by number and caption. */
    static String readable(String text, Map<Long, ReportViews.ExhibitView> exhibits) {
        if (text == null || text.indexOf('〔') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            ExhibitMarkers.Ref ref = ExhibitMarkers.parse(lines[i], i);
            ReportViews.ExhibitView e = ref == null ? null : exhibits.get(ref.id());
            if (e != null) {
                lines[i] = "［" + e.kindLabel() + "（编号 " + e.id() + "）：" + e.caption() + "］";
            }
        }
        return String.join("\n", lines);
    }

    /** A unit kind for the table's drop-down. */
    public record KindOption(String value, String label) {
    }

    /**
     * @param withdrawable the author may take the submission back (the city has not acted yet)
     * @param reopenable   the reviewing city may reopen the report (its package was returned by the institute)
     * @param reopenedSinceReturn it was reopened after that return already (and is back, approved or resubmitted)
     */
    public record ReportPage(ReportViews.Detail report, List<Block> blocks, boolean author, boolean reviewer,
                             List<ReportViews.ReviewView> returns, List<KindOption> kinds, boolean withdrawable,
                             boolean reopenable, boolean reopenedSinceReturn) {
    }

    /** The section text of two revisions, compared. */
    public record SectionDiff(String heading, boolean changed, List<TextDiff.Segment> segments, boolean coarse) {
    }

    public record HistoryPage(ReportViews.Detail report, List<ReportViews.RevisionSummary> revisions, int from, int to,
                              String toLabel, List<SectionDiff> sections, List<TextDiff.Segment> units,
                              List<ReportViews.ReviewView> reviews) {
    }

    public record ProcessPage(ReportViews.Detail report, String svg, String where, List<String> steps) {
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance report(@PathParam("id") Long id) {
        ReportViews.Detail r = reports.get(id);
        boolean author = r.editable() && Objects.equals(user.regionCode(), r.authorRegion()) && !user.seesEverything();
        boolean reviewer = user.is(Role.CITY) && "UNDER_REVIEW".equals(r.stage()) && Objects.equals(user.regionCode(), r.reviewUnit());
        boolean withdrawable = user.is(Role.COUNTY) && "UNDER_REVIEW".equals(r.stage()) && Objects.equals(user.regionCode(), r.authorRegion());
        boolean reopenable = user.is(Role.CITY) && "APPROVED".equals(r.stage()) && r.mergedInto() == null
                && Objects.equals(user.regionCode(), r.reviewUnit()) && packages.stageOf(r.campaignId(), r.reviewUnit()) == PackageStage.RETURNED;
        // Reopened (and so changed) since the institute's last return: the box then says so, rather than asking again.
        OffsetDateTime returnedAt = r.packageRounds().stream().filter(p -> "RETURNED".equals(p.decision()) && p.decidedAt() != null)
                .map(ReportViews.PackageRoundView::decidedAt).max(java.util.Comparator.naturalOrder()).orElse(null);
        boolean reopenedSinceReturn = reopenable && returnedAt != null && r.reviews().stream()
                .anyMatch(v -> ReviewComment.Decision.REOPENED.name().equals(v.decision()) && v.at() != null && !v.at().isBefore(returnedAt));
        List<Block> blocks = blocks(r);
        List<ReportViews.ReviewView> returns = r.reviews().stream().filter(v -> ReviewComment.Decision.RETURNED.name().equals(v.decision())
                || ReviewComment.Decision.REOPENED.name().equals(v.decision())).toList();
        List<KindOption> kinds = Arrays.stream(UnitKind.values()).map(k -> new KindOption(k.name(), k.label())).toList();
        return Views.report(frames.of(r.title() + " · " + r.chain(), "report", r.campaignId()),
                new ReportPage(r, blocks, author, reviewer, returns, kinds, withdrawable, reopenable, reopenedSinceReturn));
    }

    /**
     * The whole report for printing (or saving as PDF from the browser): every section's full text and the
     * units table, no text boxes to clip it, no navigation in print. Readable by whoever may read the report.
     */
    @GET
    @Path("/{id}/print")
    @Operation(hidden = true)
    public TemplateInstance print(@PathParam("id") Long id) {
        ReportViews.Detail r = reports.get(id);
        return Views.print(frames.of("打印 · " + r.title(), "report", r.campaignId()), r, blocks(r));
    }

    private static List<Block> blocks(ReportViews.Detail r) {
        List<Block> blocks = new ArrayList<>();
        String part = null;
        Map<Long, ReportViews.ExhibitView> exhibits = new java.util.HashMap<>();
        r.exhibits().forEach(e -> exhibits.put(e.id(), e));
        int[] counters = new int[2];
        for (ReportViews.OutlineItem item : r.outline()) {
            Section s = Section.valueOf(item.key());
            blocks.add(new Block(item.key(), item.label(), item.partHeading(), !item.partHeading().equals(part), item.heading(),
                    r.sections().get(s), item.length(), item.maxLength(), item.required(),
                    r.numberingHints().stream().filter(h -> h.section().equals(item.key())).map(NumberingHints.Hint::message).toList(),
                    pieces(r.sections().get(s), exhibits, counters)));
            part = item.partHeading();
        }
        return blocks;
    }

    /**
     * Compares revision {@code from} with revision {@code to}; {@code to} = 0 (the default when the report
     * has been edited since) means the current draft.
     */
    @GET
    @Path("/{id}/history")
    @Operation(hidden = true)
    public TemplateInstance history(@PathParam("id") Long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        ReportViews.Detail r = reports.get(id);
        List<ReportViews.RevisionSummary> revisions = reports.revisions(id);
        int last = revisions.size();
        // Not edited since its last submission: the current draft is that revision, so by default compare the last two
        // revisions (what changed after a return), not the last one with itself.
        boolean unchanged = false;
        if (last > 0 && to == null && from == null) {
            ReportViews.RevisionDetail newest = reports.revision(id, last);
            unchanged = newest.sections().equals(r.sections()) && unitLines(newest.units()).equals(unitLines(r.units()));
        }
        int right = to != null ? to : unchanged && from == null ? last : 0;
        int left = from != null ? from : right == 0 ? last : Math.max(right - 1, 0);
        // from = -1: last year's final text of the same chain (复制上年报告), when there is one.
        ReportViews.LastYearView lastYear = r.lastYear();
        if (left < 0 && lastYear == null) {
            left = 0;
        }
        Map<Section, String> before = left > 0 ? reports.revision(id, left).sections()
                : left < 0 ? reports.revision(lastYear.reportId(), lastYear.revision()).sections() : Map.of();
        Map<Section, String> after = right > 0 ? reports.revision(id, right).sections() : r.sections();
        // Tables and figures by number and caption: the comparison says which one was added, replaced or removed.
        Map<Long, ReportViews.ExhibitView> exhibits = new java.util.HashMap<>();
        (left > 0 ? reports.revision(id, left).exhibits() : List.<ReportViews.ExhibitView>of()).forEach(e -> exhibits.put(e.id(), e));
        (right > 0 ? reports.revision(id, right).exhibits() : r.exhibits()).forEach(e -> exhibits.put(e.id(), e));
        List<ReportViews.UnitView> unitsBefore = left > 0 ? reports.revision(id, left).units()
                : left < 0 ? reports.revision(lastYear.reportId(), lastYear.revision()).units() : List.of();
        List<ReportViews.UnitView> unitsAfter = right > 0 ? reports.revision(id, right).units() : r.units();
        List<SectionDiff> sections = r.outline().stream().map(item -> {
            Section s = Section.valueOf(item.key());
            TextDiff.Diff d = TextDiff.compare(readable(before.getOrDefault(s, ""), exhibits), readable(after.getOrDefault(s, ""), exhibits));
            return new SectionDiff(item.label() + " " + item.heading(), d.changed(), d.segments(), d.coarse());
        }).toList();
        List<TextDiff.Segment> units = TextDiff.diff(unitLines(unitsBefore), unitLines(unitsAfter));
        return Views.history(frames.of("修改记录 · " + r.chain(), "report", r.campaignId()),
                new HistoryPage(r, revisions, left, right, right == 0 ? "当前稿" : "第 " + right + " 版", sections, units, r.reviews()));
    }

    @GET
    @Path("/{id}/process")
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance process(@PathParam("id") Long id) {
        ReportViews.Detail r = reports.get(id);
        Report report = reports.requireReadable(id);
        ReportProcess.Trail trail = process.trail(report);
        boolean running = trail.running();
        List<java.util.Map.Entry<java.time.Instant, String>> timed = new ArrayList<>();
        for (ReportProcess.Step step : trail.steps()) {
            timed.add(java.util.Map.entry(step.startedAt(), cn.fjsti.chainreport.common.Times.text(step.startedAt()) + "　" + step.name()
                    + (step.open() ? "（进行中）" : "")));
        }
        // Past the city's approval the report travels in its unit's package: every sending and the institute's
        // decision on it belong to the county's view too.
        for (ReportViews.PackageRoundView round : r.packageRounds()) {
            timed.add(java.util.Map.entry(round.sentAt().toInstant(), cn.fjsti.chainreport.common.Times.text(round.sentAt().toInstant())
                    + "　随" + ReportViews.regionName(r.reviewUnit()) + "的材料第 " + round.number() + " 次报送省科学技术信息研究所"
                    + (round.onTime() ? "" : "（逾期）")));
            if (round.decision() != null && round.decidedAt() != null) {
                timed.add(java.util.Map.entry(round.decidedAt().toInstant(), cn.fjsti.chainreport.common.Times.text(round.decidedAt().toInstant()) + "　" + switch (round.decision()) {
                    case "ACCEPTED" -> "省科学技术信息研究所接收材料";
                    case "RETURNED" -> "省科学技术信息研究所退回材料" + (round.comment() == null ? "" : "，意见：" + round.comment());
                    default -> ReportViews.regionName(r.reviewUnit()) + "撤回了报送的材料";
                }));
            }
        }
        // Stable: engine steps of one instant keep their order.
        timed.sort(java.util.Map.Entry.comparingByKey());
        List<String> steps = timed.stream().map(java.util.Map.Entry::getValue).toList();
        return Views.process(frames.of("流程位置 · " + r.chain(), "report", r.campaignId()),
                new ProcessPage(r, trail.svg(), where(r, report, running), steps));
    }

    private static final java.time.format.DateTimeFormatter STEP_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");

    /** The sentence at the top of the process page: who has the report now, up to the institute's decision on its package. */
    private String where(ReportViews.Detail r, Report report, boolean running) {
        var last = r.packageRounds().isEmpty() ? null : r.packageRounds().get(r.packageRounds().size() - 1);
        String unit = ReportViews.regionName(r.reviewUnit());
        if (last != null && "ACCEPTED".equals(last.decision())) {
            return "省科学技术信息研究所已于 " + last.decidedAt().format(STEP_TIME) + "（北京时间）接收" + unit
                    + "第 " + last.number() + " 次报送的材料，报告定稿，流程结束";
        }
        if (!running) {
            return switch (r.stage()) {
                case "MERGED" -> "已通过，并已合并到市级报告《" + mergedTitle(r.mergedInto()) + "》中";
                case "WITHDRAWN" -> "这份合并报告已撤销";
                default -> report.kind.cityWritten() ? "已提交完成，随市级材料报送，流程结束" : "已通过市级审核，流程结束";
            };
        }
        var task = process.activeTask(report).orElse(null);
        String who = task == null ? "" : "，由 " + ReportViews.regionName(
                task.is(cn.fjsti.chainreport.workflow.Workflow.Task.CITY_REVIEW) ? r.reviewUnit() : r.authorRegion()) + " 处理";
        if (task == null) {
            String merged = "MERGED".equals(r.stage()) ? "（已合并到市级报告《" + mergedTitle(r.mergedInto()) + "》）" : "";
            if (last == null) {
                return "已通过，在" + unit + "汇总的材料中，" + unit + "尚未报送" + merged;
            }
            if (last.decision() == null) {
                return "已随" + unit + "的材料第 " + last.number() + " 次报送（" + last.sentAt().format(STEP_TIME)
                        + "），等待省科学技术信息研究所接收" + merged;
            }
            return ("RETURNED".equals(last.decision())
                    ? "省科学技术信息研究所退回了" + unit + "第 " + last.number() + " 次报送的材料" + (last.comment() == null ? "" : "（意见：" + last.comment() + "）")
                    + "，等待" + unit + "修改后重新报送"
                    : unit + "撤回了第 " + last.number() + " 次报送的材料，修改后将重新报送") + merged;
        }
        return "当前步骤：" + task.name() + who;
    }

    /** The consolidated report's title, by name: a member county may not be allowed to open it. */
    private static String mergedTitle(Long id) {
        Report merged = id == null ? null : Report.findById(id);
        return merged == null ? "" : merged.title(ReportViews.regionName(merged.authorRegion));
    }

    private static String unitLines(List<ReportViews.UnitView> units) {
        StringBuilder s = new StringBuilder();
        for (ReportViews.UnitView u : units) {
            s.append(nz(u.name())).append("｜").append(nz(u.kindLabel())).append("｜").append(nz(u.strength()))
                    .append("｜").append(nz(u.contact())).append('\n');
        }
        return s.isEmpty() ? "" : s.substring(0, s.length() - 1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
