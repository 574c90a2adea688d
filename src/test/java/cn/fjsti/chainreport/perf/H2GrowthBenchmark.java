package cn.fjsti.chainreport.perf;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * How much H2 writes, and how large its file grows, under a season's writes to reports, with the report's texts in
 * the report row (as before V24: {@code wide}) and in a table of their own, one row per section ({@code sections},
 * V24). Not a test: a measurement, printed (issue 23, docs/benchmarks.md). One thread, one file per layout under
 * target/perf/h2growth, {@code WRITE_DELAY=0} as the service uses (every commit writes its changed pages), autocommit,
 * a pause between writes (requests come apart in time, and H2 frees a chunk only once it is older than its retention
 * time, 45 s). Phase by phase over all REPORTS, as a season goes:
 * <ol>
 * <li>declare: the report row is inserted, without text;</li>
 * <li>two autosaves: three sections, then four, of CHARS characters each;</li>
 * <li>EDITS saves of one section each (a clerk editing; autosave sends the section being written);</li>
 * <li>submit: the report's revision count and version move on, and a revision row freezes the text (the same in both
 * layouts);</li>
 * <li>STEPS workflow steps that touch the report's small columns only (version, updated time: a review decision, a
 * merge, an exhibit, a return).</li>
 * </ol>
 * Each save moves the report's version on, as the service does (the optimistic lock). Prints the bytes H2 wrote
 * (its file store's own count), the file at the end and its largest size during the run, and the file after
 * {@code SHUTDOWN COMPACT} (what the content needs).
 *
 * <pre>
 * ./mvnw -q test-compile
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.fjsti.chainreport.perf.H2GrowthBenchmark \
 *     -Dexec.args="200 4 3 2500 25"     # reports, edits, steps, characters per section, pause between writes (ms)
 * </pre>
 */
public final class H2GrowthBenchmark {

    private static final int SECTIONS = 8;

    private H2GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int chars = args.length > 3 ? Integer.parseInt(args[3]) : 2500;
        int pause = args.length > 4 ? Integer.parseInt(args[4]) : 25;
        String only = args.length > 5 ? args[5] : "";
        for (String layout : new String[] {"wide", "sections"}) {
            if (only.isEmpty() || only.equals(layout)) {
                run(layout, reports, edits, steps, chars, pause);
            }
        }
    }

    private static void run(String layout, int reports, int edits, int steps, int chars, int pause) throws Exception {
        boolean wide = layout.equals("wide");
        Path dir = Files.createDirectories(Path.of("target/perf/h2growth"));
        Path file = dir.resolve(layout + ".mv.db");
        Files.deleteIfExists(file);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(layout) + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        long started = System.nanoTime();
        long maxSize = 0;
        long written;
        long writes = 0;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(true);
            StringBuilder columns = new StringBuilder();
            for (int s = 0; s < SECTIONS; s++) {
                columns.append(", s").append(s).append(" VARCHAR(2010000)");
            }
            String small = "id BIGINT PRIMARY KEY, campaign_id BIGINT, author_region VARCHAR(12), review_unit VARCHAR(12),"
                    + " kind VARCHAR(16), chain_name VARCHAR(120), chain_key VARCHAR(160), process_instance_id VARCHAR(64),"
                    + " revision_count INTEGER, created_at TIMESTAMP WITH TIME ZONE, created_by VARCHAR(64),"
                    + " updated_at TIMESTAMP WITH TIME ZONE, updated_by VARCHAR(64), version BIGINT";
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE report (" + small + (wide ? columns : "") + ")");
                st.execute("CREATE INDEX ix_report_board ON report (campaign_id, review_unit, author_region, kind,"
                        + " process_instance_id, revision_count)");
                st.execute("CREATE TABLE report_revision (id BIGINT AUTO_INCREMENT PRIMARY KEY, report_id BIGINT,"
                        + " number INTEGER" + columns + ")");
                // In both layouts (the statements are prepared once); the wide one leaves it empty.
                st.execute("CREATE TABLE report_section (report_id BIGINT NOT NULL, section_name VARCHAR(32) NOT NULL,"
                        + " section_text VARCHAR(2010000) NOT NULL, PRIMARY KEY (report_id, section_name))");
            }
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            Field writeBytes = FileStore.class.getDeclaredField("writeBytes");
            writeBytes.setAccessible(true);
            long writtenAtStart = ((AtomicLong) writeBytes.get(store.getFileStore())).get();
            String[][] texts = new String[reports + 1][SECTIONS];
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO report (id, campaign_id, author_region,"
                    + " review_unit, kind, chain_name, chain_key, process_instance_id, revision_count, created_at, created_by,"
                    + " updated_at, updated_by, version) VALUES (?, 1, '350102', '350100', 'COUNTY', '茶产业链', 'tea',"
                    + " 'a1b2c3d4-0000-0000-0000-000000000000', 0, CURRENT_TIMESTAMP, 'county', CURRENT_TIMESTAMP, 'county', 1)");
                 PreparedStatement step = c.prepareStatement("UPDATE report SET version = version + 1,"
                         + " updated_at = CURRENT_TIMESTAMP WHERE id = ?");
                 PreparedStatement submit = c.prepareStatement("UPDATE report SET version = version + 1,"
                         + " revision_count = revision_count + 1, updated_at = CURRENT_TIMESTAMP WHERE id = ?");
                 PreparedStatement revision = c.prepareStatement("INSERT INTO report_revision (report_id, number,"
                         + " s0, s1, s2, s3, s4, s5, s6, s7) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement wideSave = !wide ? null : c.prepareStatement("UPDATE report SET version = version + 1,"
                         + " updated_at = CURRENT_TIMESTAMP, s0 = ?, s1 = ?, s2 = ?, s3 = ?, s4 = ?, s5 = ?, s6 = ?, s7 = ? WHERE id = ?");
                 PreparedStatement sectionInsert = c.prepareStatement("INSERT INTO report_section (report_id, section_name,"
                         + " section_text) VALUES (?, ?, ?)");
                 PreparedStatement sectionUpdate = c.prepareStatement("UPDATE report_section SET section_text = ?"
                         + " WHERE report_id = ? AND section_name = ?")) {
                // Declarations.
                for (long id = 1; id <= reports; id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    writes++;
                    Thread.sleep(pause);
                }
                // Saves: two autosaves of the first seven sections, then single-section edits.
                int[][] saves = new int[2 + edits][];
                saves[0] = new int[] {0, 1, 2};
                saves[1] = new int[] {3, 4, 5, 6};
                for (int e = 0; e < edits; e++) {
                    saves[2 + e] = new int[] {e % 7};
                }
                for (int round = 0; round < saves.length; round++) {
                    for (int id = 1; id <= reports; id++) {
                        c.setAutoCommit(false);
                        for (int s : saves[round]) {
                            boolean fresh = texts[id][s] == null;
                            texts[id][s] = text(chars, id, round * SECTIONS + s);
                            if (!wide) {
                                PreparedStatement p = fresh ? sectionInsert : sectionUpdate;
                                if (fresh) {
                                    p.setLong(1, id);
                                    p.setString(2, "S" + s);
                                    p.setString(3, texts[id][s]);
                                } else {
                                    p.setString(1, texts[id][s]);
                                    p.setLong(2, id);
                                    p.setString(3, "S" + s);
                                }
                                p.executeUpdate();
                            }
                        }
                        if (wide) {
                            for (int s = 0; s < SECTIONS; s++) {
                                wideSave.setString(s + 1, texts[id][s]);
                            }
                            wideSave.setLong(SECTIONS + 1, id);
                            wideSave.executeUpdate();
                        } else {
                            step.setLong(1, id);
                            step.executeUpdate();
                        }
                        c.commit();
                        c.setAutoCommit(true);
                        writes++;
                        Thread.sleep(pause);
                        maxSize = Math.max(maxSize, Files.size(file));
                    }
                }
                // Submissions: the revision freezes the text, the report's counters move on.
                for (int id = 1; id <= reports; id++) {
                    c.setAutoCommit(false);
                    revision.setLong(1, id);
                    for (int s = 0; s < SECTIONS; s++) {
                        revision.setString(s + 2, texts[id][s]);
                    }
                    revision.executeUpdate();
                    submit.setLong(1, id);
                    submit.executeUpdate();
                    c.commit();
                    c.setAutoCommit(true);
                    writes++;
                    Thread.sleep(pause);
                    maxSize = Math.max(maxSize, Files.size(file));
                }
                // Workflow steps touching the report's small columns.
                for (int round = 0; round < steps; round++) {
                    for (int id = 1; id <= reports; id++) {
                        step.setLong(1, id);
                        step.executeUpdate();
                        writes++;
                        Thread.sleep(pause);
                        maxSize = Math.max(maxSize, Files.size(file));
                    }
                }
            }
            written = ((AtomicLong) writeBytes.get(store.getFileStore())).get() - writtenAtStart;
        }
        long size = Files.size(file);
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        long compacted = Files.size(file);
        System.out.printf(Locale.ROOT, "%-8s %d reports, %d commits (%d edits, %d steps, %d characters a section), %.1f s:"
                        + " H2 wrote %.1f MB (%.1f KB a commit); file at the end %.1f MB (largest %.1f MB),"
                        + " after SHUTDOWN COMPACT %.1f MB%n", layout, reports, writes, edits, steps, chars, seconds,
                written / 1e6, written / 1e3 / writes, size / 1e6, maxSize / 1e6, compacted / 1e6);
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
