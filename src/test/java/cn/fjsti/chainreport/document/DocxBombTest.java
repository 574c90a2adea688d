package cn.fjsti.chainreport.document;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Uploads that expand far beyond any report but stay under POI's 100-times ratio guard and the 10 MB upload
 * limit: refused with 413 problem+json before POI parses them, quickly, and nothing is written.
 */
@QuarkusTest
class DocxBombTest {

    private static final String DOCX = DocumentService.DOCX;
    private static final String[] WORDS = {"产业", "技术", "创新", "链条", "企业", "发展", "瓶颈", "攻关",
        "材料", "装备", "市场", "人才", "平台", "政策", "集群", "研发"};

    @Inject
    Database db;

    @Test
    void shouldRefuseADocumentXmlThatExpandsToEightyMegabytes() {
        byte[] bomb = withDocumentXml(80L * 1024 * 1024);
        assertThat(bomb.length).as("the upload").isBetween(1024 * 1024, 4 * 1024 * 1024);
        long report = Fixtures.newReport(Accounts.XIANGAN);
        db.assertWritesNothing(() -> {
            Response r = as(Accounts.XIANGAN).contentType(DOCX).body(bomb).post("/api/reports/{id}/import", report);
            r.then().statusCode(413).contentType("application/problem+json")
                    .body("detail", containsString("document.xml"))
                    .body("detail", containsString("另存为"))
                    .body("fields.field", hasItem("file"));
            // A bound, not a benchmark: the unguarded import ran 279 s.
            assertThat(r.time()).as("answer time in ms").isLessThan(60_000);
        });
    }

    @Test
    void shouldRefuseMoreInflatedPartsThanTheTotalAllows() {
        byte[] many = withMedia(40, 1024 * 1024);
        assertThat(many.length).as("the upload").isLessThan(10 * 1024 * 1024);
        long report = Fixtures.newReport(Accounts.XIANGAN);
        db.assertWritesNothing(() -> as(Accounts.XIANGAN).contentType(DOCX).body(many).post("/api/reports/{id}/import", report)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("解压后超过")));
    }

    @Test
    void shouldStillImportAnOrdinaryReport() {
        long report = Fixtures.newReport(Accounts.XIANGAN);
        as(Accounts.XIANGAN).contentType(DOCX).body(HostileFiles.validDocx()).post("/api/reports/{id}/import", report)
                .then().statusCode(200);
    }

    @Test
    void shouldCountInflatedBytesNotTheSizesTheHeadersDeclare() {
        // ZipOutputStream's local headers declare no size for a deflated entry (it follows in a data descriptor):
        // only counting what comes out of the inflater tells a part under the limit from one over it.
        DocxPackageGuard.check(withDocumentXml(2L * 1024 * 1024));
        org.junit.jupiter.api.Assertions.assertThrows(cn.fjsti.chainreport.common.ApiException.class,
                () -> DocxPackageGuard.check(withDocumentXml(DocxPackageGuard.MAX_XML_PART_BYTES + 1024 * 1024)));
    }

    /** A real report .docx whose document.xml is replaced by ordinary-looking paragraphs of about this size. */
    static byte[] withDocumentXml(long size) {
        return rebuild(zip -> {
            try {
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\""
                        + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
                Random random = new Random(42);
                StringBuilder p = new StringBuilder();
                long written = 0;
                while (written < size) {
                    p.setLength(0);
                    p.append("<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\"/></w:pPr>")
                            .append("<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr><w:t>")
                            .append(WORDS[random.nextInt(WORDS.length)]).append(WORDS[random.nextInt(WORDS.length)])
                            .append(random.nextInt(1000)).append("</w:t></w:r></w:p>");
                    byte[] bytes = p.toString().getBytes(StandardCharsets.UTF_8);
                    zip.write(bytes);
                    written += bytes.length;
                }
                zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "word/document.xml");
    }

    /** A real report .docx with pictures added, each of this many bytes and compressing some 7 times. */
    static byte[] withMedia(int count, int size) {
        return rebuild(zip -> {
            try {
                Random random = new Random(7);
                for (int i = 0; i < count; i++) {
                    zip.putNextEntry(new ZipEntry("word/media/image" + (i + 1) + ".bmp"));
                    byte[] picture = new byte[size];
                    for (int b = 0; b < size; b++) {
                        picture[b] = (byte) random.nextInt(2);
                    }
                    zip.write(picture);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, null);
    }

    private static byte[] rebuild(Consumer<ZipOutputStream> add, String replaced) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(HostileFiles.validDocx()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(replaced)) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            add.accept(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
