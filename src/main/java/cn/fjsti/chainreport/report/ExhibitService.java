package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.audit.Audited;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.FreeText;
import cn.fjsti.chainreport.common.Limits;
import cn.fjsti.chainreport.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tables and figures of a draft: each add, replace or delete writes the section's text (its marker line) in
 * one optimistic-locked save of the report, so a stale version is refused (409) and nothing is written; only
 * the report's author, while the report is editable. Reading a figure follows the report's read scope.
 */
@ApplicationScoped
public class ExhibitService {

    /** "表1 " or "图 2：" typed before a caption: the number is the document's business. */
    private static final Pattern TYPED_NUMBER = Pattern.compile("^[表图]\\s*\\d+\\s*[.．、:：]?\\s*");

    @Inject
    ReportService reports;

    @Inject
    ReportProcess process;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /** A table and where to put it. */
    public record TablePlacement(long version, Section section, String caption, List<List<String>> rows,
                                 Integer afterLine, Long replaces) {
    }

    /** A figure and where to put it. */
    public record FigurePlacement(long version, Section section, String caption, byte[] image, Integer afterLine,
                                  Long replaces) {
    }

    @Transactional
    @Audited("report.exhibit.table")
    public ReportViews.Placed placeTable(Long reportId, TablePlacement request) {
        Report report = reports.requireEditable(reportId);
        report.requireVersion(request.version());
        String caption = caption(request.caption());
        List<List<String>> rows = rows(request.rows());
        return place(report, request.version(), request.section(), request.afterLine(), request.replaces(),
                Exhibit.table(report.id, null, caption, rows, user.username(), clock.instant()));
    }

    @Transactional
    @Audited("report.exhibit.figure")
    public ReportViews.Placed placeFigure(Long reportId, FigurePlacement request) {
        Report report = reports.requireEditable(reportId);
        report.requireVersion(request.version());
        String caption = caption(request.caption());
        ExhibitImages.Checked image = ExhibitImages.check(request.image());
        return place(report, request.version(), request.section(), request.afterLine(), request.replaces(),
                Exhibit.figure(report.id, null, caption, image, user.username(), clock.instant()));
    }

    /** A table or figure recognised in an imported Word file, and after how many lines of its section's text it stands. */
    public record Imported(Exhibit.Kind kind, Section section, int afterLine, String caption, List<List<String>> rows,
                           byte[] image, String where) {
    }

    /** A units-table row recognised in an imported Word file. */
    public record ImportedUnit(String name, UnitKind kind, String strength, String contact) {
    }

    /**
     * Writes a confirmed Word import into the draft in one transaction: the sections that the file fills (text, or
     * tables and figures) replace the draft's, with each table's or figure's marker line at its place; the units
     * table is replaced when the file has one; the tables and figures are created. The same checks as the editor:
     * captions and cells through the input rule, tables within 30 × 10, figures checked by content, size and pixels
     * ({@link ExhibitImages}), sections within their length. Author only, while editable (403, 409); a stale
     * {@code version} is 409; any refusal is problem+json naming the table or figure, and nothing is written.
     */
    @Transactional
    @Audited("report.importWord")
    public ReportViews.Detail applyImport(Long reportId, long version, Map<Section, String> sections,
                                          List<ImportedUnit> units, List<Imported> imported) {
        Report report = reports.requireEditable(reportId);
        report.requireVersion(version);
        List<Exhibit> created = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            Imported item = imported.get(i);
            String field = "exhibits[" + i + "]";
            try {
                String caption = caption(item.caption());
                created.add(item.kind() == Exhibit.Kind.TABLE
                        ? Exhibit.table(report.id, item.section(), caption, rows(item.rows()), user.username(), clock.instant())
                        : Exhibit.figure(report.id, item.section(), caption, ExhibitImages.check(item.image()), user.username(), clock.instant()));
            } catch (ApiException e) {
                String detail = item.where() + "的" + item.kind().label() + (item.kind() == Exhibit.Kind.TABLE ? "格" : "片") + "不能导入："
                        + e.getMessage() + "。本次导入未保存任何内容；请在 Word 中修改或删除它后重新导入";
                throw new ApiException(e.status(), e.title(), detail, List.of(new FieldError(field, detail)), Map.of());
            }
        }
        List<StrengthUnit> rowsOfUnits = null;
        if (units != null && !units.isEmpty()) {
            if (units.size() > Limits.UNIT_ROWS) {
                throw ApiException.badField("units", "优势单位表最多 " + Limits.UNIT_ROWS + " 行（文件中有 " + units.size() + " 行）");
            }
            rowsOfUnits = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                ImportedUnit u = units.get(i);
                String strength = FreeText.UNIT_STRENGTH.cleanAt("units[" + i + "].strength", u.strength());
                rowsOfUnits.add(new StrengthUnit(FreeText.UNIT_NAME.cleanAt("units[" + i + "].name", u.name()), u.kind(),
                        strength == null ? null : strength.strip(), FreeText.UNIT_CONTACT.cleanAt("units[" + i + "].contact", u.contact())));
            }
        }
        Map<Section, List<String>> lines = new java.util.EnumMap<>(Section.class);
        sections.forEach((section, text) -> lines.put(section, new ArrayList<>(text == null || text.isEmpty() ? List.of()
                : List.of(text.split("\n", -1)))));
        Map<Section, Integer> inserted = new java.util.EnumMap<>(Section.class);
        for (int i = 0; i < created.size(); i++) {
            Exhibit exhibit = created.get(i);
            exhibit.persist();
            Exhibit.flush();
            Section section = exhibit.section;
            List<String> sectionLines = lines.computeIfAbsent(section, s -> new ArrayList<>());
            int before = inserted.getOrDefault(section, 0);
            int at = Math.min(sectionLines.size(), Math.max(0, imported.get(i).afterLine()) + before);
            sectionLines.add(at, exhibit.marker());
            inserted.put(section, before + 1);
        }
        Map<Section, String> texts = new java.util.EnumMap<>(Section.class);
        lines.forEach((section, l) -> texts.put(section, String.join("\n", l)));
        ReportStage stage = process.stageOf(report);
        report.saveDraft(stage, version, texts, rowsOfUnits, user.username(), clock.instant());
        Report.flush();
        return ReportViews.detail(report, stage);
    }

    /** Takes a table or figure out of the draft (its marker line); frozen revisions keep showing it. */
    @Transactional
    @Audited("report.exhibit.remove")
    public ReportViews.Detail remove(Long reportId, Long exhibitId, long version) {
        Report report = reports.requireEditable(reportId);
        report.requireVersion(version);
        Section section = sectionHolding(report, exhibitId);
        ReportStage stage = process.stageOf(report);
        report.saveDraft(stage, version, Map.of(section, ExhibitMarkers.replace(section.read(report.content()), exhibitId, null)),
                null, user.username(), clock.instant());
        Report.flush();
        return ReportViews.detail(report, stage);
    }

    /** A table or figure of a report the caller may read (404 when it is not that report's). */
    @Transactional
    public ReportViews.ExhibitView get(Long reportId, Long exhibitId) {
        return ReportViews.exhibit(find(reports.requireReadable(reportId), exhibitId));
    }

    /** A figure's bytes and media type, for a report the caller may read. */
    public record Image(byte[] bytes, String mediaType) {
    }

    @Transactional
    public Image image(Long reportId, Long exhibitId) {
        Exhibit exhibit = find(reports.requireReadable(reportId), exhibitId);
        if (exhibit.kind != Exhibit.Kind.FIGURE) {
            throw ApiException.notFound("编号为 " + exhibitId + " 的是表格，没有图片");
        }
        return new Image(exhibit.image(), exhibit.mediaType);
    }

    /**
     * Refuses markers in the sections of a save that do not name this report's own tables and figures (a marker
     * typed or pasted from another report): 400 naming the section and the marker.
     */
    static void requireOwnMarkers(Report report, Collection<Section> sections) {
        Map<Long, Section> wanted = new HashMap<>();
        Map<Long, String> typed = new HashMap<>();
        for (Section section : sections) {
            for (ExhibitMarkers.Ref ref : ExhibitMarkers.refs(section.read(report.content()))) {
                wanted.put(ref.id(), section);
                typed.put(ref.id(), ExhibitMarkers.marker(ref.kind(), ref.id()));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<Long, Exhibit> own = Exhibit.ofReport(report.id, wanted.keySet());
        List<FieldError> wrong = new ArrayList<>();
        wanted.forEach((id, section) -> {
            Exhibit e = own.get(id);
            if (e == null || !typed.get(id).equals(e.marker())) {
                wrong.add(new FieldError("sections." + section.name(), "章节“" + section.label() + "”中的 " + typed.get(id)
                        + " 不是本报告的表格或图片，请删除这一行，再用“插入表格”“插入图片”添加"));
            }
        });
        if (!wrong.isEmpty()) {
            throw ApiException.badRequest(wrong.get(0).message(), wrong);
        }
    }

    /**
     * Copies the tables and figures a merged report's text refers to (its counties') into it and points the
     * markers at the copies, so the merged report owns what it shows and each county's stay under its 【县名】.
     */
    public static void copyInto(Report merged, Collection<Long> memberIds, String actor, Instant now) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Section section : Section.values()) {
            ExhibitMarkers.refs(section.read(merged.content())).forEach(r -> ids.add(r.id()));
        }
        if (ids.isEmpty()) {
            return;
        }
        List<Exhibit> originals = Exhibit.list("id in ?1 and reportId in ?2", new ArrayList<>(ids), new ArrayList<>(memberIds));
        Map<Long, Exhibit> copies = new HashMap<>();
        for (Exhibit original : originals) {
            Exhibit copy = original.copyFor(merged.id, actor, now);
            copy.persist();
            copies.put(original.id, copy);
        }
        Exhibit.flush();
        for (Section section : Section.values()) {
            String text = merged.text(section);
            for (ExhibitMarkers.Ref ref : ExhibitMarkers.refs(text)) {
                Exhibit copy = copies.get(ref.id());
                text = ExhibitMarkers.replace(text, ref.id(), copy == null ? null : copy.marker());
            }
            merged.replaceText(section, text);
        }
    }

    /**
     * 复制上年报告: copies the tables and figures that {@code sections} (another report's text, such as last year's final
     * revision) place, when they are {@code sourceReportId}'s own, into {@code target} and points the markers at the
     * copies (each remembering its original in {@code replaces}); a marker naming none of them is dropped, so the
     * copied text never points at another report's table. Returns the sections rewritten.
     */
    public static Map<Section, String> copyFrom(Long sourceReportId, Report target, Map<Section, String> sections,
                                                String actor, Instant now) {
        Set<Long> ids = new LinkedHashSet<>();
        sections.values().forEach(text -> ExhibitMarkers.refs(text).forEach(r -> ids.add(r.id())));
        Map<Long, Exhibit> originals = Exhibit.ofReport(sourceReportId, ids);
        Map<Long, Exhibit> copies = new HashMap<>();
        for (Long id : ids) {
            Exhibit original = originals.get(id);
            if (original != null) {
                Exhibit copy = original.copyFor(target.id, actor, now);
                copy.persist();
                copies.put(id, copy);
            }
        }
        Exhibit.flush();
        Map<Section, String> rewritten = new java.util.EnumMap<>(Section.class);
        sections.forEach((section, text) -> {
            String out = text;
            for (ExhibitMarkers.Ref ref : ExhibitMarkers.refs(text)) {
                Exhibit copy = copies.get(ref.id());
                boolean same = copy != null && copy.kind == ref.kind();
                out = ExhibitMarkers.replace(out, ref.id(), same ? copy.marker() : null);
            }
            rewritten.put(section, out);
        });
        return rewritten;
    }

    private ReportViews.Placed place(Report report, long version, Section section, Integer afterLine, Long replaces,
                                     Exhibit exhibit) {
        Section target;
        if (replaces != null) {
            target = sectionHolding(report, replaces);
            Exhibit old = find(report, replaces);
            if (old.kind != exhibit.kind) {
                throw ApiException.badField("replaces", "编号为 " + replaces + " 的是" + old.kind.label() + "，不能用"
                        + exhibit.kind.label() + "替换");
            }
            exhibit.replaces = replaces;
        } else {
            if (section == null) {
                throw ApiException.badField("section", "请指定放入哪一章节（section）");
            }
            target = section;
        }
        if (afterLine != null && afterLine < 0) {
            throw ApiException.badField("afterLine", "afterLine 不能为负数");
        }
        exhibit.section = target;
        exhibit.persist();
        Exhibit.flush();
        String text = target.read(report.content());
        String updated = replaces != null ? ExhibitMarkers.replace(text, replaces, exhibit.marker())
                : ExhibitMarkers.insert(text, afterLine, exhibit.marker());
        ReportStage stage = process.stageOf(report);
        report.saveDraft(stage, version, Map.of(target, updated), null, user.username(), clock.instant());
        Report.flush();
        return new ReportViews.Placed(ReportViews.exhibit(exhibit), ReportViews.detail(report, stage));
    }

    private static Section sectionHolding(Report report, Long exhibitId) {
        for (Section section : Section.values()) {
            if (ExhibitMarkers.refs(section.read(report.content())).stream().anyMatch(r -> r.id() == exhibitId)) {
                return section;
            }
        }
        throw ApiException.notFound("草稿中没有编号为 " + exhibitId + " 的表格或图片");
    }

    private static Exhibit find(Report report, Long exhibitId) {
        return Exhibit.<Exhibit>findByIdOptional(exhibitId).filter(e -> e.reportId.equals(report.id))
                .orElseThrow(() -> ApiException.notFound("这份报告没有编号为 " + exhibitId + " 的表格或图片"));
    }

    private static String caption(String raw) {
        String caption = FreeText.EXHIBIT_CAPTION.cleanAt("caption", raw);
        caption = caption == null ? null : TYPED_NUMBER.matcher(caption).replaceFirst("");
        if (caption == null || caption.isEmpty()) {
            throw ApiException.badField("caption", "请填写题注（表格或图片的名称），编号由系统自动生成");
        }
        return caption;
    }

    /**
     * A table's rows through the one input rule: 2 to {@link Limits#TABLE_ROWS} rows (the first is the header), 1
     * to {@link Limits#TABLE_COLUMNS} columns, each cell at most {@link Limits#TABLE_CELL} characters on one line;
     * short rows are padded, empty trailing rows and columns dropped.
     */
    static List<List<String>> rows(List<List<String>> raw) {
        if (raw == null) {
            throw ApiException.badField("rows", "请填写表格内容（rows：第一行为表头）");
        }
        if (raw.size() > Limits.TABLE_ROWS * 4) {
            throw ApiException.badField("rows", "表格最多 " + Limits.TABLE_ROWS + " 行（含表头）");
        }
        List<FieldError> refused = new ArrayList<>();
        List<List<String>> cleaned = new ArrayList<>();
        int width = 0;
        for (int r = 0; r < raw.size(); r++) {
            List<String> row = raw.get(r) == null ? List.of() : raw.get(r);
            if (row.size() > Limits.TABLE_COLUMNS * 4) {
                throw ApiException.badField("rows[" + r + "]", "表格最多 " + Limits.TABLE_COLUMNS + " 列");
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                try {
                    String cell = FreeText.TABLE_CELL.clean(row.get(c), "第 " + (r + 1) + " 行第 " + (c + 1) + " 列", Limits.TABLE_CELL);
                    cells.add(cell == null ? "" : cell);
                } catch (FreeText.Refused e) {
                    refused.add(new FieldError("rows[" + r + "][" + c + "]", e.getMessage()));
                    cells.add("");
                }
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            cleaned.add(cells);
            width = Math.max(width, cells.size());
        }
        if (!refused.isEmpty()) {
            throw ApiException.badRequest(refused.get(0).message(), refused);
        }
        while (!cleaned.isEmpty() && cleaned.get(cleaned.size() - 1).isEmpty()) {
            cleaned.remove(cleaned.size() - 1);
        }
        if (cleaned.size() < 2 || width == 0) {
            throw ApiException.badField("rows", "表格至少要有表头和一行内容");
        }
        if (cleaned.size() > Limits.TABLE_ROWS) {
            throw ApiException.badField("rows", "表格最多 " + Limits.TABLE_ROWS + " 行（含表头），现有 " + cleaned.size() + " 行");
        }
        if (width > Limits.TABLE_COLUMNS) {
            throw ApiException.badField("rows", "表格最多 " + Limits.TABLE_COLUMNS + " 列，现有 " + width + " 列");
        }
        for (List<String> row : cleaned) {
            while (row.size() < width) {
                row.add("");
            }
        }
        return cleaned;
    }
}
