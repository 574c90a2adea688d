package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Bounds what an uploaded .docx may expand to before POI reads it. A 2.5 MB file whose document.xml inflated
 * to 90 MB (39 times, under POI's 100-times ratio guard) kept a node busy for 279 s and ran it out of memory.
 * The archive is streamed once, as POI will read it (local headers, in order), counting the bytes that really
 * come out of the inflater; the sizes the headers declare are not trusted. Reading stops at the first limit.
 */
public final class DocxPackageGuard {

    /** All parts together, inflated. A full report (8 × 20,000 字) with a few pictures is a few MB. */
    static final long MAX_TOTAL_BYTES = 32L * 1024 * 1024;
    /** One XML part (document.xml, styles.xml…), inflated: POI holds each as a DOM many times its size. */
    static final long MAX_XML_PART_BYTES = 8L * 1024 * 1024;
    /** A report has a few dozen parts; thousands of tiny ones are work for nothing. */
    static final int MAX_PARTS = 1000;
    /** The same ratio POI refuses (inflated more than 100 times), checked once an entry is past the grace size. */
    private static final long MAX_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;
    /** Imports read at once: even within the bounds, POI holds a part as a DOM many times its size. */
    static final int MAX_CONCURRENT_IMPORTS = 2;
    private static final Semaphore READERS = new Semaphore(MAX_CONCURRENT_IMPORTS);

    private DocxPackageGuard() {
    }

    /** POI's own limits, set to the same bounds, for any path that reaches POI without this guard. */
    public static void configurePoi() {
        ZipSecureFile.setMinInflateRatio(1.0 / MAX_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_TOTAL_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_XML_PART_BYTES);
    }

    /**
     * Checks the package, then reads it with {@code reader}, with at most {@link #MAX_CONCURRENT_IMPORTS}
     * imports being read at once; an import that cannot start within 10 s is told to try again (503).
     */
    public static <T> T read(byte[] bytes, Function<byte[], T> reader) {
        boolean acquired;
        try {
            acquired = READERS.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(503, "系统繁忙", "同时导入的 Word 文件较多，请稍等一分钟后重新导入。报告内容没有改动。", List.of(), Map.of());
        }
        try {
            check(bytes);
            return reader.apply(bytes);
        } finally {
            READERS.release();
        }
    }

    /**
     * Refuses (413) a package that expands beyond the limits and (400, as POI's own guard) one that expands
     * like a zip bomb. Anything that is not a readable zip is left to the importer, which says what it is.
     */
    public static void check(byte[] bytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int parts = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes))) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++parts > MAX_PARTS) {
                    throw tooLarge("文件包含的部件过多（超过 " + MAX_PARTS + " 个）");
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                long entryBytes = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    entryBytes += read;
                    total += read;
                    if (entryBytes > RATIO_GRACE_BYTES && entryBytes > MAX_RATIO * Math.max(1, zip.getCompressedCount())) {
                        throw ApiException.badField("file", "文件内容异常（解压后过大，压缩比超过 " + MAX_RATIO + " 倍），已拒绝");
                    }
                    if (xml && entryBytes > MAX_XML_PART_BYTES) {
                        throw tooLarge("文件中的 " + shortName(entry.getName()) + " 解压后超过 " + mb(MAX_XML_PART_BYTES) + " MB");
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw tooLarge("文件解压后超过 " + mb(MAX_TOTAL_BYTES) + " MB");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            // Not a zip this library can read: POI reads it the same way and the importer gives the reason.
        }
    }

    private static ApiException tooLarge(String what) {
        String detail = what + "，已拒绝。请删去文档中的大图片、嵌入的附件和多余内容（报告每章节不超过 20000 字），"
                + "在 Word 或 WPS 中“另存为”新的 .docx 后再上传；也可以直接在页面上填写。";
        return new ApiException(413, "文件过大", detail, List.of(new FieldError("file", what)), Map.of());
    }

    private static String shortName(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.length() > 40 ? last.substring(0, 40) + "…" : last;
    }

    private static long mb(long bytes) {
        return bytes / 1024 / 1024;
    }
}
