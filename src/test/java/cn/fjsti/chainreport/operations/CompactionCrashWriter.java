package cn.fjsti.chainreport.operations;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.mvstore.MVStore;

/**
 * The process {@link H2CompactionCrashTest} kills: fills an H2 file the way the service does ({@code WRITE_DELAY=0},
 * one commit per statement), deletes most rows, then runs {@link H2Compaction#step} without pause on one thread
 * while another commits updates and prints {@code ACK id round} after each commit returns, until it is killed.
 * Prints {@code READY size} once filled and {@code STEP n size} after each step that rewrote or moved something (the
 * file's size in bytes).
 *
 * <p>Arguments: the H2 file's path without {@code .mv.db}, then {@code compact} (the default) or {@code reuse}: no
 * compaction, and a retention time of 100 ms, so that H2 writes commits into space freed a moment before (the case
 * {@link H2Recovery} exists for). In {@code reuse} mode it prints {@code STEP n size} after each round of updates.
 */
public final class CompactionCrashWriter {

    static final int ROWS = 3000;

    private CompactionCrashWriter() {
    }

    /** The body written for {@code id} in {@code round}: long enough that rows fill many chunks. */
    static String body(int id, int round) {
        return ("第" + round + "轮" + id + "号：县域重点产业创新链").repeat(60);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean reuse = args.length > 1 && "reuse".equals(args[1]);
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + (reuse ? ";RETENTION_TIME=100" : ""), "sa", "");
        try (Statement s = c.createStatement()) {
            s.execute("create table probe (id int primary key, body varchar(4000), round int)");
        }
        try (PreparedStatement insert = c.prepareStatement("insert into probe values (?, ?, 0)")) {
            for (int id = 0; id < ROWS; id++) {
                insert.setInt(1, id);
                insert.setString(2, body(id, 0));
                insert.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from probe where mod(id, 7) <> 0");
        }
        MVStore store = H2Compaction.fileStoreOf(c);
        out.println("READY " + store.getFileStore().size());
        Thread compactor = new Thread(() -> {
            for (int n = 1; ; ) {
                if (H2Compaction.step(store)) {
                    out.println("STEP " + n++ + " " + store.getFileStore().size());
                }
            }
        }, "compactor");
        compactor.setDaemon(true);
        if (!reuse) {
            compactor.start();
        }
        try (PreparedStatement update = c.prepareStatement("update probe set round = ?, body = ? where id = ?")) {
            for (int round = 1; ; round++) {
                for (int id = 0; id < ROWS; id += 7) {
                    update.setInt(1, round);
                    update.setString(2, body(id, round));
                    update.setInt(3, id);
                    update.executeUpdate();
                    out.println("ACK " + id + " " + round);
                }
                if (reuse) {
                    out.println("STEP " + round + " " + store.getFileStore().size());
                }
            }
        }
    }
}
