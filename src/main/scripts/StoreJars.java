import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar of the packaged service with its entries stored instead of compressed (issue 23, start;
 * docs/operations.md "Faster start"). `./mvnw package` runs it after Quarkus has written target/quarkus-app and
 * before the class-data archive is trained (profile class-data-archive); by hand, from the project directory:
 *
 * <pre>java src/main/scripts/StoreJars.java target/quarkus-app</pre>
 *
 * <p>Why: a start reads the bytes of ≈ 16,000 classes from these jars, even those in the class-data archive (the
 * JVM compares them with what it archived), and inflating them took ≈ 0.5 s of a 6 s start's CPU, 0.3–0.4 s of
 * it on the main thread, which is the start's critical path (docs/benchmarks.md, twentieth session). Stored
 * entries are read without inflating. The cost is disk: the jars grow from ≈ 90 to ≈ 235 MB.
 *
 * <p>What changes is only each entry's compression: the same entries, in the same order, with the same names,
 * bytes, times, extra fields and comments, so a signed jar's signature (digests of the entries' bytes) still
 * holds. A jar whose entries are all stored already is left as it is; each jar is written to a file beside it and
 * moved over it only when complete, so an interrupted run leaves every jar whole.
 *
 * <p>Exit status 0 when every jar was stored (or already was), 1 on any error (said which jar), 2 on wrong use.
 */
public final class StoreJars {

    private StoreJars() {
    }

    public static void main(String... args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: java src/main/scripts/StoreJars.java target/quarkus-app");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
        long before = 0;
        long after = 0;
        int rewritten = 0;
        for (Path jar : jars) {
            long size = Files.size(jar);
            try {
                if (store(jar)) {
                    rewritten++;
                }
            } catch (IOException | UncheckedIOException e) {
                System.err.println("store-jars: " + jar + ": " + e.getMessage());
                System.exit(1);
            }
            before += size;
            after += Files.size(jar);
        }
        System.out.printf("store-jars: %d of %d jars stored without compression, %d → %d MB%n",
                rewritten, jars.size(), before >> 20, after >> 20);
    }

    /** Stores {@code jar}'s entries uncompressed; {@code false} when they all were already. */
    static boolean store(Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(partial);
                 ZipOutputStream out = new ZipOutputStream(file)) {
                if (in.getComment() != null) {
                    out.setComment(in.getComment());
                }
                for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    // The copy keeps name, times, extra field, comment, size and CRC (from the central directory).
                    ZipEntry stored = new ZipEntry(entry);
                    stored.setMethod(ZipEntry.STORED);
                    stored.setCompressedSize(entry.getSize());
                    out.putNextEntry(stored);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
