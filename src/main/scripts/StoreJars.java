import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * <p>Why: a start reads the bytes of every class it loads from these jars (about 12,500), even of those in the
 * class-data archive (JDK 17 compares them with what it archived), and inflating them took about 0.5 s of a 6 s start's
 * CPU, 0.3 s of it on the main thread, which is the start's critical path (docs/benchmarks.md, twentieth session).
 * Stored entries are read without inflating. The cost is disk: the jars grow from about 96 to about 239 MB.
 *
 * <p>What changes is each entry's compression: the same entries, in the same order, with the same names, bytes,
 * times, extra fields of the central directory and comments (the local headers repeat the central directory's
 * extra fields, and names are flagged as UTF-8), so a signed jar's signature (digests of the entries' bytes) still
 * holds. A jar whose entries are all stored already is left as it is; each jar is written to a file beside it and
 * moved over it only when complete, so a failed or interrupted run leaves every jar whole and usable.
 *
 * <p>Exit status 0 when every jar was stored (or already was), or there is no such directory (another package
 * type: said, nothing done); 1 when a jar could not be rewritten (said which; it stays as it was, and the build goes
 * on); 2 on wrong use.
 */
public final class StoreJars {

    private StoreJars() {
    }

    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java src/main/scripts/StoreJars.java target/quarkus-app");
            System.exit(2);
        }
        if (!Files.isDirectory(Path.of(args[0]))) {
            System.out.println("store-jars: no " + args[0] + " (not a fast-jar package): nothing to store");
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        }
        long before = 0;
        long after = 0;
        int rewritten = 0;
        int failed = 0;
        for (Path jar : jars) {
            long size = Files.size(jar);
            try {
                if (store(jar)) {
                    rewritten++;
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("store-jars: " + jar + " left compressed: " + e);
                failed++;
            }
            before += size;
            after += Files.size(jar);
        }
        System.out.printf("store-jars: %d of %d jars stored without compression, %d -> %d MB%n",
                rewritten, jars.size(), before >> 20, after >> 20);
        if (failed > 0) {
            System.exit(1);
        }
    }

    /** Stores {@code jar}'s entries uncompressed; {@code false} when they all were already. */
    static boolean store(Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            if (in.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            // Buffered: ZipOutputStream writes each header field on its own.
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
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
