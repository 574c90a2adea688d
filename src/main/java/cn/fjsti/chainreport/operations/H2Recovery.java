package cn.fjsti.chainreport.operations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Finds, before the service opens its H2 file, every commit that reached the file before the process died (issue 23
 * item 3: "without losing any acknowledged save").
 *
 * <p>Why: with {@code WRITE_DELAY=0} every commit is a chunk written to the file before the request is answered, but
 * after a crash H2 2.5.252 opens the file through a quick path: it starts from the chunk the file header names and
 * follows each chunk's guess where the next one goes. A chunk written into reused space where the previous chunk did
 * not expect it is found only once a later chunk's header write names it: the header H2 writes then names the chunk
 * before it. So a process killed right after such a commit comes back without the last commits, though they are in
 * the file (measured here: 12 of 20 kills of a plain H2 writer whose retention time made it reuse space lost its last
 * 1–9 acknowledged commits; the quiet-time compaction, which frees space, made it more likely). H2's recovery mode
 * scans the whole file for chunks instead, and takes the newest complete set.
 *
 * <p>What it does, for a file whose header does not say it was closed cleanly: opens it read-only through H2's quick
 * path (0.1–0.2 s when H2's quick path works; it scans the file itself when not), then reads the file once for whole
 * chunks (0.4–0.6 s for the simulator's 0.6 and 1.2 GB files, page cache warm). Only when a chunk is newer than the one
 * the quick path stops at, in version and in time (a chunk left from before an earlier crash is older in time), does it
 * run H2's recovery-mode scan read-only. Only when that scan takes exactly that chunk does it copy the file beside
 * itself ({@code NAME.mv.db.before-recovery-VERSION}), open it in recovery mode for writing and close it, so that the
 * header names the newest chunk; then it checks that a plain open sees that version, and puts the copy back if not.
 * H2's scan runs twice then, about two minutes per GB each (it parses every block through exceptions). A file closed
 * cleanly is not touched (two 4 KB reads); nothing is written when H2's quick path already sees every chunk.
 *
 * <p>Runs from {@link cn.fjsti.chainreport.ChainReportMain} before Quarkus opens the datasource; tests that kill an
 * H2 writer call {@link #recover(Path)} before they reopen its file.
 */
public final class H2Recovery {

    private static final Logger LOG = Logger.getLogger(H2Recovery.class);
    /** H2's file header: two 4 KB blocks, each {@code key:value,...} with a checksum; {@code clean:1} after a close. */
    private static final int HEADER_BLOCK = 4096;
    /** A chunk's header starts at a block: {@code chunk:ID,...}; at most 1 KB; its footer fills the last 128 bytes. */
    private static final String CHUNK_START = "chunk:";
    private static final int MAX_HEADER_LENGTH = 1024;
    private static final int FOOTER_LENGTH = 128;
    private static final Pattern CLEAN = Pattern.compile("(?:^|,)clean:1(?:,|$)");
    private static final Pattern VERSION = Pattern.compile("(?:^|,)version:([0-9a-f]+)(?:,|$)");
    /** A prefix of an H2 URL's database name: {@code file:}, a file system ({@code retry:}, {@code nio:}...), or a mode. */
    private static final Pattern PREFIX = Pattern.compile("([a-zA-Z]{2,}):");
    /** Prefixes after which the database is no local {@code .mv.db} file. */
    private static final Set<String> NOT_A_FILE = Set.of("mem", "tcp", "ssl", "zip", "memfs", "memlzf",
            "niomemfs", "niomemlzf");

    private H2Recovery() {
    }

    /**
     * What the check of one file found: the version H2's quick open sees, the newest whole chunk written after it (by
     * version and time), the version H2's recovery mode opens at (each {@code -1} when not looked at: a file closed
     * cleanly is not read), whether the file was rewritten so that the quick open sees the newer, and the copy of the
     * file as it was before that ({@code null} when not rewritten).
     */
    public record Result(Path file, boolean cleanlyClosed, long quickVersion, long newestWholeChunk, long scannedVersion,
            boolean repaired, Path copy) {

        static Result clean(Path file) {
            return new Result(file, true, -1, -1, -1, false, null);
        }

        /** Store versions H2's quick open would have dropped (each commit is one, and so is each step of a compaction). */
        public long versionsFound() {
            return repaired ? scannedVersion - quickVersion : 0;
        }
    }

    /**
     * At start: checks the H2 file named by {@code jdbcUrl} when it is an H2 file URL, or else every {@code *.mv.db}
     * file directly in {@code dataDir}. Never throws: a file it cannot check (locked by another process, corrupt) is
     * logged and left to H2, whose own open then reports it.
     *
     * @param jdbcUrl the configured {@code quarkus.datasource.jdbc.url}, or null when not set outside the packaged
     *     configuration (whose H2 files live in the data directory)
     */
    public static List<Result> recoverAtStart(String jdbcUrl, Path dataDir) {
        List<Path> files = new ArrayList<>();
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            // The packaged configuration's form: Quarkus expands this placeholder, so an operator may copy it.
            h2File(jdbcUrl.replace("${chainreport.data-dir}", dataDir.toString())).ifPresent(files::add);
        } else if (Files.isDirectory(dataDir)) {
            try (Stream<Path> list = Files.list(dataDir)) {
                list.filter(f -> f.getFileName().toString().endsWith(".mv.db")).sorted().forEach(files::add);
            } catch (IOException e) {
                LOG.warnf("Could not list %s for H2 files to check: %s", dataDir, e.getMessage());
            }
        }
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                LOG.debugf("No H2 file %s yet: nothing to check", file);
                continue;
            }
            try {
                Result result = recover(file);
                results.add(result);
                if (result.repaired()) {
                    LOG.warnf("H2 file %s was not closed cleanly; recovered %d store versions (the last commits) H2's quick "
                            + "open would have missed (version %d instead of %d); the file as it was: %s", file,
                            result.versionsFound(), result.scannedVersion(), result.quickVersion(), result.copy());
                } else if (result.newestWholeChunk() > result.quickVersion()) {
                    LOG.warnf("H2 file %s was not closed cleanly; it holds a whole chunk of version %d, but H2's recovery "
                            + "did not take it (it opens at version %d): left as it is", file, result.newestWholeChunk(),
                            result.quickVersion());
                } else if (!result.cleanlyClosed()) {
                    LOG.infof("H2 file %s was not closed cleanly; every commit found (version %d)", file, result.quickVersion());
                }
            } catch (RuntimeException | IOException | AssertionError e) {
                // H2's own open reports a file it cannot read; this check must not stop the start by itself.
                LOG.errorf("Could not check H2 file %s after an unclean stop: %s", file, e.toString());
            }
        }
        return results;
    }

    /**
     * The {@code .mv.db} file of an H2 URL for a local file ({@code jdbc:h2:retry:file:/data/chainreport;...} gives
     * {@code /data/chainreport.mv.db}; also {@code jdbc:h2:./db}, {@code jdbc:h2:~/db} and H2's file-system prefixes
     * such as {@code nio:} or {@code async:}), or empty for any other URL: in-memory H2, an H2 server ({@code tcp:},
     * {@code ssl:}), a zip, PostgreSQL.
     */
    static Optional<Path> h2File(String jdbcUrl) {
        String url = jdbcUrl.trim();
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = url.substring(8);
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        for (Matcher prefix = PREFIX.matcher(rest); prefix.lookingAt(); prefix = PREFIX.matcher(rest)) {
            if (NOT_A_FILE.contains(prefix.group(1).toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            rest = rest.substring(prefix.end());
        }
        if (rest.isBlank()) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest + ".mv.db").toAbsolutePath().normalize());
    }

    /**
     * Checks one {@code .mv.db} file that no process has open, and makes H2's quick open see every commit in it.
     *
     * @throws IOException when the file's header cannot be read
     * @throws org.h2.mvstore.MVStoreException when H2 cannot open it (locked, corrupt); when that happens during the
     *     write, the file is first put back as it was
     */
    public static Result recover(Path file) throws IOException {
        if (closedCleanly(file)) {
            return Result.clean(file);
        }
        String name = file.toString();
        long quick;
        try (MVStore s = new MVStore.Builder().fileName(name).readOnly().open()) {
            quick = s.getCurrentVersion();
        }
        // H2's own scan takes about two minutes per GB (it parses every 4 KB block twice, by exceptions): run it only
        // when a plain read of the file finds a whole chunk written after the one the quick open stops at.
        long newest = newestChunkVersion(file, quick);
        if (newest <= quick) {
            return new Result(file, false, quick, newest, -1, false, null);
        }
        long scanned;
        try (MVStore s = new MVStore.Builder().fileName(name).recoveryMode().readOnly().open()) {
            scanned = s.getCurrentVersion();
        }
        // H2 takes the newest chunk set it finds complete. Anything but the chunk the read found (an older one, or a
        // chunk left from before an earlier crash whose version came round again) is not what this step is for.
        if (scanned != newest) {
            return new Result(file, false, quick, newest, scanned, false, null);
        }
        // H2 in recovery mode reads a page it cannot read as empty, and its close cuts the file after the chunks it
        // counts: keep the file as it was, beside it, before anything is written.
        Path copy = file.resolveSibling(file.getFileName() + ".before-recovery-" + quick);
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        long after;
        try {
            // Opened for writing in recovery mode and closed: H2 writes the header naming the newest chunk, clean.
            new MVStore.Builder().fileName(name).recoveryMode().open().close();
            try (MVStore s = new MVStore.Builder().fileName(name).readOnly().open()) {
                after = s.getCurrentVersion();
            }
        } catch (RuntimeException | Error e) {
            Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
            throw e;
        }
        if (after < scanned) {
            Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
            throw new IllegalStateException("H2 still opens " + file + " at version " + after + ", not " + scanned
                    + ": the file was put back as it was");
        }
        return new Result(file, false, quick, newest, scanned, true, copy);
    }

    /**
     * The newest version among the whole chunks in the file that were written after the chunk of version {@code
     * since} (-1 when there is none), or -1. A chunk starts at a 4 KB block with its header ({@code
     * chunk:ID,len:BLOCKS,...,time:MS,version:V,...} up to a line end) and ends with its footer ({@code
     * chunk:ID,len:BLOCKS,version:V,fletcher:SUM}, 128 bytes, in its last block) agreeing with it, checksum right.
     * "Written after" is by version and by time: H2 never lets a chunk's time go back, so a chunk left from before an
     * earlier crash, whose version the restarted store then reached again, is older in time than the chunk H2 opens
     * at and does not count.
     */
    static long newestChunkVersion(Path file, long since) throws IOException {
        List<long[]> chunks = wholeChunks(file);
        // The time of the chunk H2 opens at (the latest, should a stale copy share its version).
        long sinceTime = chunks.stream().filter(c -> c[0] == since).mapToLong(c -> c[1]).max().orElse(Long.MAX_VALUE);
        return chunks.stream().filter(c -> c[0] > since && c[1] >= sinceTime).mapToLong(c -> c[0]).max().orElse(-1);
    }

    /**
     * The newest version among all whole chunks in the file, by version alone, or -1 when no chunk is whole: what
     * H2's recovery would take if nothing were stale.
     */
    static long newestChunkVersion(Path file) throws IOException {
        return wholeChunks(file).stream().mapToLong(c -> c[0]).max().orElse(-1);
    }

    /** {version, time} of every whole chunk in the file, read once in 1 MB pieces. */
    private static List<long[]> wholeChunks(Path file) throws IOException {
        List<long[]> chunks = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] start = CHUNK_START.getBytes(StandardCharsets.ISO_8859_1);
            for (long base = 2L * HEADER_BLOCK; base < size; base += buffer.capacity()) {
                buffer.clear();
                readFully(channel, buffer, base);
                byte[] bytes = buffer.array();
                for (int at = 0; at + start.length <= buffer.position(); at += HEADER_BLOCK) {
                    if (Arrays.equals(bytes, at, at + start.length, start, 0, start.length)) {
                        long[] chunk = wholeChunk(channel, base + at, size);
                        if (chunk != null) {
                            chunks.add(chunk);
                        }
                    }
                }
            }
        }
        return chunks;
    }

    /** {version, time} of the chunk whose header is at {@code position}, or null unless header and footer agree. */
    private static long[] wholeChunk(FileChannel channel, long position, long size) throws IOException {
        try {
            Map<String, String> header = DataUtils.parseMap(line(channel, position, MAX_HEADER_LENGTH).trim());
            long id = DataUtils.readHexLong(header, "chunk", -1);
            long blocks = DataUtils.readHexLong(header, "len", 0);
            long version = DataUtils.readHexLong(header, "version", -1);
            long time = DataUtils.readHexLong(header, "time", -1);
            long footerAt = position + blocks * HEADER_BLOCK - FOOTER_LENGTH;
            if (id < 0 || version < 0 || time < 0 || blocks <= 0 || footerAt + FOOTER_LENGTH > size) {
                return null;
            }
            String footer = line(channel, footerAt, FOOTER_LENGTH).trim();
            int sum = footer.lastIndexOf(",fletcher:");
            if (sum < 0) {
                return null;
            }
            byte[] signed = footer.substring(0, sum).getBytes(StandardCharsets.ISO_8859_1);
            Map<String, String> fields = DataUtils.parseMap(footer);
            boolean agrees = DataUtils.readHexLong(fields, "chunk", -2) == id
                    && DataUtils.readHexLong(fields, "len", -2) == blocks
                    && DataUtils.readHexLong(fields, "version", -2) == version
                    && (int) DataUtils.readHexLong(fields, "fletcher", -2) == DataUtils.getFletcher32(signed, 0, signed.length);
            return agrees ? new long[] {version, time} : null;
        } catch (RuntimeException notAChunk) {
            // Text that starts like a header but is not one (stale or torn bytes).
            return null;
        }
    }

    /** The text at {@code position} up to its line end, at most {@code max} bytes. */
    private static String line(FileChannel channel, long position, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        readFully(channel, buffer, position);
        byte[] bytes = buffer.array();
        int end = 0;
        while (end < buffer.position() && bytes[end] != '\n') {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                return;
            }
        }
    }

    /**
     * Whether both copies of the file header are intact, agree on the version and say the file was closed ({@code
     * clean:1}): H2's own condition for trusting the header without looking further.
     */
    static boolean closedCleanly(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(2 * HEADER_BLOCK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read both blocks
            }
        }
        if (buffer.hasRemaining()) {
            return false;
        }
        String first = headerMap(buffer.array(), 0);
        String second = headerMap(buffer.array(), HEADER_BLOCK);
        if (first == null || !first.equals(second) || !CLEAN.matcher(first).find()) {
            return false;
        }
        return VERSION.matcher(first).find();
    }

    /** The header block's text up to its line end, or null when it has none. */
    private static String headerMap(byte[] bytes, int offset) {
        for (int i = offset; i < offset + HEADER_BLOCK; i++) {
            if (bytes[i] == '\n') {
                return new String(bytes, offset, i - offset, StandardCharsets.ISO_8859_1);
            }
            if (bytes[i] == 0) {
                return null;
            }
        }
        return null;
    }
}
