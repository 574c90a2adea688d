package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.common.ApiException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The guard's bounds without the server: sizes are counted as inflated, and only two imports are read at once. */
class DocxPackageGuardTest {

    @Test
    void shouldLetAnOrdinaryReportThrough() {
        byte[] docx = HostileFiles.validDocx();
        Integer read = DocxPackageGuard.read(docx, bytes -> bytes.length);
        assertThat(read).isEqualTo(docx.length);
    }

    @Test
    void shouldRefuseOneXmlPartOverItsBoundAndAClassicBombAsBefore() {
        assertThatThrownBy(() -> DocxPackageGuard.check(DocxBombTest.withDocumentXml(DocxPackageGuard.MAX_XML_PART_BYTES + 1024 * 1024)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> DocxPackageGuard.check(HostileFiles.zipBomb()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("解压后过大");
                });
    }

    @Test
    void shouldLeaveWhatIsNotAZipToTheImporter() {
        DocxPackageGuard.check(HostileFiles.renamedExe());
        DocxPackageGuard.check(new byte[0]);
    }

    @Test
    void shouldReadAtMostTwoImportsAtOnceAndTellTheThirdToTryAgain() throws Exception {
        CountDownLatch inside = new CountDownLatch(DocxPackageGuard.MAX_CONCURRENT_IMPORTS);
        CountDownLatch release = new CountDownLatch(1);
        byte[] docx = HostileFiles.validDocx();
        ExecutorService pool = Executors.newFixedThreadPool(DocxPackageGuard.MAX_CONCURRENT_IMPORTS);
        try {
            Future<?>[] readers = new Future<?>[DocxPackageGuard.MAX_CONCURRENT_IMPORTS];
            for (int i = 0; i < readers.length; i++) {
                readers[i] = pool.submit(() -> DocxPackageGuard.read(docx, bytes -> {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            inside.await();
            assertThatThrownBy(() -> DocxPackageGuard.read(docx, bytes -> null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
            release.countDown();
            for (Future<?> reader : readers) {
                reader.get();
            }
            String read = DocxPackageGuard.read(docx, bytes -> "read");
            assertThat(read).isEqualTo("read");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
