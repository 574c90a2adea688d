package cn.fjsti.chainreport.perf;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * How large an H2 file grows under the season's kind of writes, with and without running H2's own housekeeping
 * step (rewrite sparse chunks, free the file's tail) every 5 s — which H2's background thread would do, and which
 * does not run with {@code WRITE_DELAY=0} (issue 23; the step made no difference, so the service does not run it:
 * docs/benchmarks.md). Not a test: a measurement, printed. One thread, one file under
 * target/perf/h2growth: REPORTS rows with eight sections of TEXT characters each, then ROUNDS rounds in which every
 * row is rewritten whole (a save, or a workflow step touching the row), one commit each, with
 * {@code WRITE_DELAY=0} as the service uses, a pause between writes (requests come apart in time, and H2 frees a
 * chunk only once it is older than its retention time, 45 s); the housekeeping step every 5 s of the run when asked. Prints the file
 * size and the size after {@code SHUTDOWN COMPACT} (what the content needs).
 *
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.fjsti.chainreport.perf.H2GrowthBenchmark \
 *     -Dexec.args="200 10 2500 25"     # reports, rounds, characters per section, pause between writes (ms)
 * </pre>
 */
public final class H2GrowthBenchmark {

    private H2GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int chars = args.length > 2 ? Integer.parseInt(args[2]) : 2500;
        int pause = args.length > 3 ? Integer.parseInt(args[3]) : 25;
        for (boolean housekeeping : new boolean[] {false, true}) {
            run(reports, rounds, chars, pause, housekeeping);
        }
    }

    private static void run(int reports, int rounds, int chars, int pause, boolean housekeeping) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/perf/h2growth"));
        String name = housekeeping ? "with" : "without";
        Files.deleteIfExists(dir.resolve(name + ".mv.db"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Method step = FileStore.class.getDeclaredMethod("doHousekeeping", MVStore.class);
        step.setAccessible(true);
        long started = System.nanoTime();
        long maxSize = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(true);
            StringBuilder columns = new StringBuilder();
            for (int s = 0; s < 8; s++) {
                columns.append(", s").append(s).append(" VARCHAR(2010000)");
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE r (id BIGINT PRIMARY KEY, version BIGINT" + columns + ")");
            }
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            long lastHousekeeping = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO r VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE r SET version = version + 1, s0 = ?, s1 = ?, s2 = ?,"
                         + " s3 = ?, s4 = ?, s5 = ?, s6 = ?, s7 = ? WHERE id = ?")) {
                for (int round = 0; round <= rounds; round++) {
                    for (long id = 1; id <= reports; id++) {
                        String text = text(chars, id, round);
                        PreparedStatement p = round == 0 ? insert : update;
                        int i = 1;
                        if (round == 0) {
                            p.setLong(i++, id);
                        }
                        for (int s = 0; s < 8; s++) {
                            p.setString(i++, text);
                        }
                        if (round > 0) {
                            p.setLong(i, id);
                        }
                        p.executeUpdate();
                        Thread.sleep(pause);
                        if (housekeeping && System.nanoTime() - lastHousekeeping > 5_000_000_000L) {
                            step.invoke(store.getFileStore(), store);
                            lastHousekeeping = System.nanoTime();
                        }
                        maxSize = Math.max(maxSize, Files.size(dir.resolve(name + ".mv.db")));
                    }
                }
            }
        }
        long size = Files.size(dir.resolve(name + ".mv.db"));
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(dir.resolve(name + ".mv.db"));
        System.out.printf(Locale.ROOT, "%s housekeeping: %d reports x %d writes, %.1f s; file at the end %.1f MB (largest %.1f MB),"
                        + " after SHUTDOWN COMPACT %.1f MB: %.1fx%n", name, reports, rounds + 1, seconds, size / 1e6, maxSize / 1e6,
                compacted / 1e6, (double) size / compacted);
    }

    private static String text(int chars, long id, int round) {
        StringBuilder b = new StringBuilder(chars);
        long x = id * 31 + round * 7919L;
        while (b.length() < chars) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b.append((char) (0x4E00 + (int) ((x >>> 33) % 2000)));
        }
        return b.toString();
    }
}
