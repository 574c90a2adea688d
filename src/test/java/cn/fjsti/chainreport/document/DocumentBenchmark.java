package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.StrengthUnit;
import cn.fjsti.chainreport.report.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Measures document rendering; prints figures, asserts nothing. Run:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.fjsti.chainreport.document.DocumentBenchmark}
 */
public final class DocumentBenchmark {

    private static final int PROVINCE_REPORTS = 164;

    public static void main(String[] args) {
        ReportRenderer renderer = new ReportRenderer(OfficialFormat.load(Optional.empty()));
        List<ReportText> reports = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < PROVINCE_REPORTS; i++) {
            reports.add(realistic(i, random));
        }
        long chars = reports.get(0).sections().values().stream().mapToLong(String::length).sum();
        System.out.printf("report content: %d characters in 8 sections, %d units%n", chars, reports.get(0).units().size());

        // Warm-up, then one thread rendering reports for a fixed number of rounds.
        render(renderer, reports, 2);
        int rounds = 5;
        long start = System.nanoTime();
        long bytes = render(renderer, reports, rounds);
        double seconds = (System.nanoTime() - start) / 1e9;
        int rendered = rounds * reports.size();
        System.out.printf("report .docx, warm, one thread: %d in %.2f s = %.0f per second (%.0f KB each)%n",
                rendered, seconds, rendered / seconds, bytes / 1024.0 / rendered);

        // Where one report's time goes: POI's empty package, our page setup and footers, then the content.
        long t0 = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            org.apache.poi.xwpf.usermodel.XWPFDocument doc = PoiDocuments.newDocument();
            try {
                doc.write(new ByteArrayOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                PoiDocuments.discard(doc);
            }
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            try (OfficialDocument doc = new OfficialDocument(OfficialFormat.load(Optional.empty()))) {
                doc.write(new ByteArrayOutputStream());
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("per document: empty POI package %.2f ms, with page setup and footers %.2f ms%n",
                (t1 - t0) / 300e6, (t2 - t1) / 300e6);

        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            CountingStream out = new CountingStream();
            renderer.bundle(new ReportRenderer.Cover("福建省", "福建省科学技术厅", "2026年度县域重点产业创新链调研", "2026年10月31日"), reports, out);
            System.out.printf("full-province bundle (%d reports): %.2f s, %.1f MB%n", reports.size(), (System.nanoTime() - t) / 1e9, out.count / 1e6);
        }
        long t = System.nanoTime();
        Compilation.Builder builder = new Compilation.Builder(List.of());
        for (ReportText r : reports) {
            builder.add("类别" + (r.id() % 10), r.chainName(), List.of(new Compilation.Source(r.authorName(), "某市")), Map.of(
                    Compilation.Kind.BOTTLENECK, List.of(r.text(Section.COUNTY_TECHNOLOGY), r.text(Section.DOMESTIC_TECHNOLOGY)),
                    Compilation.Kind.DIRECTION, List.of(r.text(Section.INNOVATION_DIRECTIONS))));
        }
        CountingStream out = new CountingStream();
        renderer.compilation(new ReportRenderer.CompilationHeading("2026年度县域重点产业技术瓶颈与研究方向汇编", "（供编制2027年度项目申报指南参考）",
                "截至2026年11月1日09:00（北京时间）"), builder.build(), out);
        System.out.printf("compilation (%d reports): %.2f s, %.1f MB%n", reports.size(), (System.nanoTime() - t) / 1e9, out.count / 1e6);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used at the end: %d MB (max %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static long render(ReportRenderer renderer, List<ReportText> reports, int rounds) {
        long bytes = 0;
        for (int round = 0; round < rounds; round++) {
            for (ReportText report : reports) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                renderer.report(report, out);
                bytes += out.size();
            }
        }
        return bytes;
    }

    /** Sections of a few thousand characters in paragraphs, 5 to 15 units: what a county writes. */
    static ReportText realistic(int i, Random random) {
        String sentence = "县域内规上企业研发投入持续增长，关键核心技术攻关取得阶段性进展，但高端装备、关键材料和核心零部件仍依赖外部供给。";
        Map<Section, String> sections = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            StringBuilder text = new StringBuilder();
            int paragraphs = 6 + random.nextInt(6);
            for (int p = 0; p < paragraphs; p++) {
                text.append(sentence.repeat(4 + random.nextInt(4))).append('\n');
            }
            sections.put(s, text.toString().strip());
        }
        List<StrengthUnit> units = new ArrayList<>();
        for (int u = 0; u < 5 + random.nextInt(11); u++) {
            units.add(new StrengthUnit("福建省某某科技有限公司" + u, UnitKind.values()[u % UnitKind.values().length],
                    "关键工艺研发与中试验证", "0591-8" + (1000000 + u)));
        }
        return new ReportText((long) i, "某县" + i + "县域重点产业创新链调研报告", "35" + (1000 + i), "某县" + i, "某县" + i + "科学技术局", false, "测试产业链", sections, units, List.of());
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
