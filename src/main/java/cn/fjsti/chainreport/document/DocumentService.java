package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.common.ReadOnlyPersistence;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.report.ExhibitService;
import cn.fjsti.chainreport.report.NumberingHints;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportContent;
import cn.fjsti.chainreport.report.ReportProcess;
import cn.fjsti.chainreport.report.ReportService;
import cn.fjsti.chainreport.report.ReportStage;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.submission.BoardService;
import cn.fjsti.chainreport.submission.PackageService;
import cn.fjsti.chainreport.submission.PackageViews;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The documents people download and upload: a report's .docx, a city's bundle and 汇总表, the board
 * .xlsx, the compilation for next year's guide, and the .docx import preview. Data is read (and scoped)
 * in a transaction; rendering then works on detached copies while the response streams.
 */
@ApplicationScoped
public class DocumentService {

    @Inject
    DocumentSettings settings;

    @Inject
    ReportService reports;

    @Inject
    ReportProcess process;

    @Inject
    PackageService packages;

    @Inject
    BoardService boards;

    @Inject
    ExhibitService exhibits;

    @Inject
    Clock clock;

    private ReportRenderer renderer;
    private DocxImporter importer;
    private UnitNames unitNames;
    private final IndustryCategories categories = IndustryCategories.load();

    @PostConstruct
    void init() {
        renderer = new ReportRenderer(OfficialFormat.load(settings.documents().formatFile()));
        importer = new DocxImporter(settings.importing().maxBytes());
        unitNames = UnitNames.load(settings.documents().unitNamesFile());
    }

    /** A file ready to stream: its name and how to write it. */
    public record Download(String fileName, String mediaType, Consumer<OutputStream> writer) {
    }

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Transactional
    public Download report(Long id) {
        cn.fjsti.chainreport.report.Report report = reports.requireReadable(id);
        ReportText text = text(report);
        // The year in the name: with two campaigns open, two downloads of one chain must not look alike.
        int year = cn.fjsti.chainreport.campaign.Campaign.<cn.fjsti.chainreport.campaign.Campaign>findById(report.campaignId).year;
        return new Download(text.title() + "（" + text.chainName() + "，" + year + "年度）.docx", DOCX, out -> renderer.report(text, out));
    }

    /**
     * What an uploaded Word file would fill in; nothing is saved. {@code sourceHeadings}: the heading each section
     * was found under, as written; {@code notPlaced}: text, tables and images that have no place, with where they
     * were; {@code structure}: lines taken as the outline itself (headings, the units table's header and 序号); {@code numberingHints}:
     * where the file's own numbering inside a section would fit better as （1）/① ({@link NumberingHints}).
     */
    public record ImportPreview(Long reportId, long version, Map<Section, String> sections, List<DocxImporter.Unit> units,
                                List<String> unrecognised, List<String> missingSections, Map<Section, String> sourceHeadings,
                                List<DocxImporter.NotPlaced> notPlaced, List<DocxImporter.Structure> structure,
                                List<NumberingHints.Hint> numberingHints, List<ImportExhibit> exhibits, List<String> otherRegion) {
    }

    /**
     * A table ({@code kind} TABLE, with {@code rows}, the header first) or a figure (FIGURE, with its media type and
     * pixel size) that confirming the import places in {@code section} after its first {@code afterLine} lines of
     * the previewed text. {@code captionFound} false: no "表N …"/"图N …" line was found; the caption is then the
     * picture's alternative text or a placeholder (导入的表格（请补充题注）) to correct in the editor. {@code problem}: why the editor's check refuses this figure (then confirming is
     * refused as a whole, 400/413/415); null when it can be placed. {@code where}: where it was in the file.
     */
    public record ImportExhibit(String kind, String kindLabel, Section section, int afterLine, String caption,
                                boolean captionFound, List<List<String>> rows, String mediaType, Integer width,
                                Integer height, Integer bytes, String problem, String where) {

        static ImportExhibit of(DocxImporter.Inset i) {
            var c = i.checked();
            return new ImportExhibit(i.kind().name(), i.kind().label(), i.section(), i.afterLine(), i.caption(), i.captionFound(),
                    i.rows(), c == null ? null : c.mediaType(), c == null ? null : c.width(), c == null ? null : c.height(),
                    i.image() == null ? null : i.image().length, i.problem(), i.where());
        }
    }

    @Transactional
    public ImportPreview preview(Long id, byte[] bytes) {
        Report report = reports.requireEditable(id);
        DocxImporter.Preview preview = DocxPackageGuard.read(bytes, importer::read);
        return new ImportPreview(report.id, report.version, preview.sections(), preview.units(), preview.unrecognised(),
                preview.missingSections(), preview.sourceHeadings(), preview.notPlaced(), preview.structure(),
                NumberingHints.of(preview.sections()), preview.exhibits().stream().map(ImportExhibit::of).toList(),
                otherRegion(report, preview.structure()));
    }

    /**
     * Whether the file looks like another region's report: its title or part headings name a county or city that is
     * neither the report's author nor the author's city, and never the author. One sentence per region named, for the
     * preview to show before the clerk confirms (a file picked from the wrong folder is easily imported otherwise).
     */
    static List<String> otherRegion(Report report, List<DocxImporter.Structure> structure) {
        List<String> headings = structure.stream().filter(s -> s.as().equals("报告标题") || s.as().endsWith("部分的标题"))
                .map(DocxImporter.Structure::text).toList();
        String own = cn.fjsti.chainreport.region.Region.nameOf(report.authorRegion);
        if (headings.isEmpty() || headings.stream().anyMatch(h -> h.contains(own))) {
            return List.of();
        }
        String city = report.reviewUnit == null ? null : cn.fjsti.chainreport.region.Region.nameOf(report.reviewUnit);
        List<String> named = new java.util.ArrayList<>();
        for (cn.fjsti.chainreport.region.Region r : cn.fjsti.chainreport.region.Region.<cn.fjsti.chainreport.region.Region>listAll()) {
            if (r.level == cn.fjsti.chainreport.region.RegionLevel.PROVINCE || r.name.equals(own) || r.name.equals(city)
                    || r.name.length() < 2 || named.contains(r.name)) {
                continue;
            }
            if (headings.stream().anyMatch(h -> h.contains(r.name))) {
                named.add(r.name);
            }
        }
        return named.stream().map(n -> "文件的标题写的是“" + n + "”，而这份报告是" + own + "的。请确认没有选错文件；如确是本地区的报告，可忽略此提示。")
                .toList();
    }

    /**
     * Confirms an import: reads the same file again (so exactly what the preview showed is written) and writes it
     * into the draft in one transaction ({@link ExhibitService#applyImport}): the sections the file fills, with the
     * tables' and figures' marker lines at their places, the units table when the file has one, the tables and
     * figures. {@code version}: the draft's version the author confirmed on (409 when stale, checked before the file
     * is read). Refusals as for the preview and for the editor's tables and figures; nothing is written on any.
     */
    @Transactional
    public ReportViews.Detail applyImport(Long id, Long version, byte[] bytes) {
        if (version == null) {
            throw cn.fjsti.chainreport.common.ApiException.badField("version", "请提供所编辑的版本号 version");
        }
        Report report = reports.requireEditable(id);
        report.requireVersion(version);
        DocxImporter.Preview preview = DocxPackageGuard.read(bytes, importer::read);
        Map<Section, String> sections = new java.util.EnumMap<>(Section.class);
        java.util.Set<Section> withExhibits = java.util.EnumSet.noneOf(Section.class);
        preview.exhibits().forEach(e -> withExhibits.add(e.section()));
        preview.sections().forEach((section, text) -> {
            if ((text != null && !text.isBlank()) || withExhibits.contains(section)) {
                sections.put(section, text == null ? "" : text);
            }
        });
        List<ExhibitService.ImportedUnit> units = preview.units().stream()
                .map(u -> new ExhibitService.ImportedUnit(u.name(), u.kind(), u.strength(), u.contact())).toList();
        List<ExhibitService.Imported> imported = preview.exhibits().stream()
                .map(e -> new ExhibitService.Imported(e.kind(), e.section(), e.afterLine(), e.caption(), e.rows(), e.image(), e.where()))
                .toList();
        return exhibits.applyImport(report.id, version, sections, units, imported);
    }

    @Transactional
    public Download bundle(Long campaignId, String unitCode) {
        PackageService.PackageContents contents = packages.contents(campaignId, unitCode);
        List<ReportText> texts = contents.reports().stream().map(this::text).toList();
        String date = contents.lastRound() == null ? "（尚未报送）" : CHINESE_DATE.format(Times.beijing(contents.lastRound().sentAt));
        ReportRenderer.Cover cover = new ReportRenderer.Cover(contents.unit().name,
                unitNames.fullName(contents.unit().code, contents.unit().name), contents.campaign().title, date);
        String name = contents.unit().name + "县域重点产业创新链调研报告汇编（" + contents.campaign().year + "）.docx";
        return new Download(name, DOCX, out -> renderer.bundle(cover, texts, out));
    }

    @Transactional
    public Download summary(Long campaignId, String unitCode) {
        PackageService.PackageContents contents = packages.contents(campaignId, unitCode);
        Map<Long, ReportStage> stages = process.stagesOf(contents.reports());
        LocalDateTime sentAt = contents.lastRound() == null ? null : Times.beijing(contents.lastRound().sentAt).toLocalDateTime();
        String onTime = contents.lastRound() == null ? "" : contents.lastRound().onTime ? "按期" : "逾期";
        List<Spreadsheets.SummaryRow> rows = contents.reports().stream().map(r -> {
            List<String> coverage = coverage(r);
            return new Spreadsheets.SummaryRow(contents.unit().name, ReportViews.regionName(r.authorRegion),
                    coverage.isEmpty() ? (r.kind == Report.Kind.COUNTY ? ReportViews.regionName(r.authorRegion) : "（本级）")
                            : String.join("、", coverage),
                    r.chainName, categories.categoryOf(r.chainName), kindLabel(r.kind), stages.get(r.id).label(), sentAt, onTime);
        }).toList();
        String name = contents.unit().name + "调研报告汇总表（" + contents.campaign().year + "）.xlsx";
        String title = contents.unit().name + "县域重点产业创新链调研报告汇总表（" + contents.campaign().year + "年度）";
        LocalDateTime now = Times.beijing(clock.instant()).toLocalDateTime();
        return new Download(name, XLSX, out -> Spreadsheets.summary(title, now, rows, out));
    }

    public Download board(Long campaignId) {
        PackageViews.Board board = boards.board(campaignId);
        String title = board.year() + "年度县域重点产业创新链调研报告报送进度";
        return new Download(board.year() + "年度调研报送进度.xlsx", XLSX, out -> Spreadsheets.board(title, board, out));
    }

    /**
     * The compilation for next year's guide (Word): items by category and chain, see {@link Compilation}; made in the
     * background once per campaign and content by {@link CompilationJobs}, which calls this.
     */
    void writeCompilation(CompilationReader.Compiled c, OutputStream out) {
        String subtitle = "（供编制" + (c.year() == 0 ? "" : (c.year() + 1) + "年度") + "项目申报指南参考）";
        ReportRenderer.CompilationHeading heading = new ReportRenderer.CompilationHeading(compilationTitle(c), subtitle,
                "截至" + CHINESE_DATE_TIME.format(c.asOf()) + "（北京时间）");
        renderer.compilation(heading, c.compilation(), out);
    }

    /** The same items as .xlsx, one row per item as written (category, chain, kind, text, county, city). */
    void writeCompilationItems(CompilationReader.Compiled c, OutputStream out) {
        Spreadsheets.items(compilationItemsTitle(c), c.asOf(), c.compilation(), out);
    }

    String compilationTitle(CompilationReader.Compiled c) {
        return c.yearText() + "县域重点产业技术瓶颈与研究方向汇编";
    }

    String compilationItemsTitle(CompilationReader.Compiled c) {
        return c.yearText() + "县域重点产业技术瓶颈与研究方向条目";
    }

    private static final DateTimeFormatter CHINESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm");

    private ReportText text(Report report) {
        String name = ReportViews.regionName(report.authorRegion);
        if (report.kind != Report.Kind.MERGED) {
            return ReportText.of(report, name, unitNames.fullName(report.authorRegion, name), List.of());
        }
        List<Report> members = Report.list("mergedInto = ?1 order by authorRegion", report.id);
        return ReportText.of(report, name, unitNames.fullName(report.authorRegion, name),
                members.stream().map(r -> ReportViews.regionName(r.authorRegion)).toList(), unitCounties(report, members));
    }

    /** For each row of a merged report's units table, the counties (region names) whose tables listed that unit. */
    static List<String> unitCounties(Report merged, List<Report> members) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (Report m : members) {
            for (var unit : m.units) {
                List<String> counties = byUnit.computeIfAbsent(unitKey(unit.name), k -> new ArrayList<>());
                String county = ReportViews.regionName(m.authorRegion);
                if (!counties.contains(county)) {
                    counties.add(county);
                }
            }
        }
        return merged.units.stream().map(u -> String.join("、", byUnit.getOrDefault(unitKey(u.name), List.of()))).toList();
    }

    private static String unitKey(String name) {
        return name == null ? "" : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static List<String> coverage(Report report) {
        if (report.kind != Report.Kind.MERGED) {
            return List.of();
        }
        return Report.<Report>list("mergedInto = ?1 order by authorRegion", report.id).stream()
                .map(r -> ReportViews.regionName(r.authorRegion)).toList();
    }

    private static String kindLabel(Report.Kind kind) {
        return switch (kind) {
            case COUNTY -> "县级报告";
            case CITY_LED -> "市级牵头";
            case MERGED -> "市级合并";
        };
    }
}
