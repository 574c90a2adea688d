package cn.fjsti.chainreport.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The official-document look (GB/T 9704) as settings read from {@code report-templates/official-format.properties},
 * or from a bureau's own copy, so fonts and spacing change without code.
 */
public record OfficialFormat(int pageWidthMm, int pageHeightMm, int marginTopMm, int marginBottomMm, int marginLeftMm,
                             int marginRightMm, int footerDistanceMm, int gridLines, int gridChars, Font title,
                             Font subtitle, Font heading1, Font heading2, Font heading3, Font body, int bodyLineTwips,
                             int firstLineIndentChars, Font table, String tableHeaderFont, Font pageNumber) {

    /** A font name and a size in half-points, optionally bold. */
    public record Font(String name, int halfPoints, boolean bold) {
    }

    public static final String RESOURCE = "report-templates/official-format.properties";

    /** The settings shipped with the service, or those of {@code file} when given. */
    public static OfficialFormat load(Optional<Path> file) {
        Properties p = new Properties();
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OfficialFormat(num(p, "page.width-mm"), num(p, "page.height-mm"), num(p, "margin.top-mm"),
                num(p, "margin.bottom-mm"), num(p, "margin.left-mm"), num(p, "margin.right-mm"),
                num(p, "footer.distance-mm"), num(p, "grid.lines", 22), num(p, "grid.chars", 28), font(p, "title"),
                p.getProperty("subtitle.font") == null ? font(p, "heading2") : font(p, "subtitle"),
                font(p, "heading1"), font(p, "heading2"),
                font(p, "heading3"), font(p, "body"), num(p, "body.line-twips"), num(p, "body.first-line-indent-chars"),
                font(p, "table"), text(p, "table.header.font"), font(p, "page-number"));
    }

    /** Width of the text block in twips. */
    public int textWidthTwips() {
        return twips(pageWidthMm) - twips(marginLeftMm) - twips(marginRightMm);
    }

    /** Height of the text block in twips. */
    public int textHeightTwips() {
        return twips(pageHeightMm) - twips(marginTopMm) - twips(marginBottomMm);
    }

    /** Millimetres to twips (1/1440 inch). */
    public static int twips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    private static Font font(Properties p, String prefix) {
        return new Font(text(p, prefix + ".font"), num(p, prefix + ".size"), Boolean.parseBoolean(p.getProperty(prefix + ".bold", "false")));
    }

    private static int num(Properties p, String key) {
        return Integer.parseInt(text(p, key));
    }

    /** A setting added later: a bureau's older copy of the file still loads. */
    private static int num(Properties p, String key, int otherwise) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }

    private static String text(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing setting " + key + " in the official-format settings");
        }
        return value.strip();
    }
}
