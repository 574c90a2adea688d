package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders a long report and a bundle with LibreOffice ({@code soffice --headless --convert-to pdf}) and reads each
 * page back with pdftotext: no page is empty or holds only its page number. Skipped with a message where soffice or
 * poppler-utils are not installed. The PDFs stay under {@code target/documents/rendered/}.
 */
class RenderedPagesTest {

    private static final OfficialFormat FORMAT = OfficialFormat.load(Optional.empty());
    private static final Path OUT = Path.of("target", "documents", "rendered");
    private static final Pattern PAGE_NUMBER_ONLY = Pattern.compile("^[—\\-\\s\\d]*$");

    @Test
    void shouldRenderALongReportWithoutAnEmptyPage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).report(PrintedDocumentsTest.HAICANG_IC, out);
        List<String> pages = render(out.toByteArray(), "county-report");
        assertThat(pages.size()).isBetween(4, 12);
        assertNoEmptyPage(pages);
        assertThat(pages.get(0)).contains("海沧区县域重点产业创新链调研报告", "集成电路产业链");
        // GB/T 9704's grid: a full line of Chinese text holds 28 characters (27 before; 14 when LibreOffice gave each
        // character two grid cells). Lines of Chinese characters and full-width punctuation only, read with -layout.
        String layout = run(List.of("pdftotext", "-layout", OUT.resolve("county-report.pdf").toString(), "-"), "pdftotext (poppler-utils)");
        List<Integer> lengths = layout.lines().map(RenderedPagesTest::squeeze)
                .filter(l -> !l.isEmpty() && l.codePoints().allMatch(c -> c >= 0x4E00 && c <= 0x9FFF || c >= 0x3000 && c <= 0x303F
                        || c >= 0xFF00 && c <= 0xFFEF || c == '“' || c == '”'))
                .map(String::length).toList();
        assertThat(lengths).as("characters on the lines of Chinese text").contains(28).allMatch(n -> n <= 28);
    }

    @Test
    void shouldRenderTheBundleWithoutAnEmptyPageEachReportOnItsOwnPages() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ReportRenderer(FORMAT).bundle(new ReportRenderer.Cover("厦门市", "厦门市科学技术局", "2026年度县域重点产业创新链调研",
                "2026年10月30日"), List.of(PrintedDocumentsTest.XIANGAN, PrintedDocumentsTest.HAICANG_IC,
                PrintedDocumentsTest.XIAMEN_LED), out);
        List<String> pages = render(out.toByteArray(), "bundle");
        assertNoEmptyPage(pages);
        assertThat(squeeze(pages.get(0))).contains("厦门市科学技术局").doesNotContain("—");
        assertThat(squeeze(pages.get(1))).startsWith("目录").doesNotContain("—");
        // Each report's title is the first line of a page.
        long reportStarts = pages.stream().map(RenderedPagesTest::squeeze)
                .filter(p -> p.startsWith("海沧区县域重点产业创新链调研报告") || p.startsWith("翔安区县域重点产业创新链调研报告")
                        || p.startsWith("厦门市航空维修产业创新链调研报告"))
                .count();
        assertThat(reportStarts).isEqualTo(3);
        assertThat(squeeze(pages.get(2))).endsWith("—1—");
    }

    private static void assertNoEmptyPage(List<String> pages) {
        for (int i = 0; i < pages.size(); i++) {
            assertThat(PAGE_NUMBER_ONLY.matcher(pages.get(i).strip()).matches())
                    .as("page %d holds nothing but its page number: [%s]", i + 1, pages.get(i).strip()).isFalse();
        }
    }

    private static String squeeze(String page) {
        return page.replaceAll("\\s", "");
    }

    /** The text of each page of the PDF LibreOffice makes of the file. */
    private static List<String> render(byte[] docx, String name) throws Exception {
        Files.createDirectories(OUT);
        Path file = Files.write(OUT.resolve(name + ".docx"), docx);
        Path profile = Files.createTempDirectory("lo-profile");
        run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--convert-to", "pdf",
                "--outdir", OUT.toString(), file.toString()), "LibreOffice (soffice)");
        Path pdf = OUT.resolve(name + ".pdf");
        assertThat(pdf).exists();
        String info = run(List.of("pdfinfo", pdf.toString()), "pdfinfo (poppler-utils)");
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
        assertThat(m.find()).isTrue();
        int count = Integer.parseInt(m.group(1));
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            pages.add(run(List.of("pdftotext", "-f", String.valueOf(i), "-l", String.valueOf(i), pdf.toString(), "-"),
                    "pdftotext (poppler-utils)"));
        }
        return pages;
    }

    private static String run(List<String> command, String what) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(what + " is not installed (apt-get install libreoffice-writer-nogui poppler-utils): skipped");
            return "";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(what + " finished").isTrue();
        assertThat(process.exitValue()).as(what + ": " + output).isZero();
        return output;
    }
}
