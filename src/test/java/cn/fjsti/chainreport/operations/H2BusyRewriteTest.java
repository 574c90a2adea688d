package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The rewrite while busy ({@link H2Compaction#rewrite}) on H2 files written as the service writes (one commit per
 * statement, {@code WRITE_DELAY=0}) with no quiet moment: drafts saved again and again beside rows that are written
 * once and never changed (revisions, history, audit). Each commit's chunk then keeps a few live pages of the rows
 * written once, so it is never free, and the file grows; rewriting those pages lets H2 reuse the chunks.
 */
class H2BusyRewriteTest {

    private static final String TEXT = "本地区该产业链以龙头企业为牵引，上下游配套逐步完善，关键装备与核心材料仍依赖外地供应。";

    @Test
    void shouldKeepTheFileSmallWhileWritesNeverPauseAndKeepEveryRow() throws Exception {
        long without = season(false);
        long with = season(true);
        assertThat(with).as("file with the rewrite (%d bytes) against without (%d)", with, without)
                .isLessThan(without * 2 / 3);
    }

    /** One busy spell on a fresh file, with or without a rewrite every few commits; returns the file's size. */
    private static long season(boolean rewrite) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target", "h2")), "busy");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";WRITE_DELAY=0", "sa", "");
             Statement s = c.createStatement()) {
            MVStore store = H2Compaction.fileStoreOf(c);
            // Chunks may be reused as soon as they are dead: what 45 s of H2's retention time does in a long day.
            store.setRetentionTime(0);
            s.execute("create table draft (id int primary key, body varchar(100000), round int)");
            s.execute("create table revision (id int primary key, draft int, body varchar(100000))");
            try (PreparedStatement insert = c.prepareStatement("insert into draft values (?, ?, 0)")) {
                for (int i = 0; i < 40; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, TEXT.repeat(40));
                    insert.executeUpdate();
                }
            }
            int rewrites = 0;
            try (PreparedStatement save = c.prepareStatement("update draft set body = ?, round = ? where id = ?");
                 PreparedStatement freeze = c.prepareStatement("insert into revision values (?, ?, ?)")) {
                for (int round = 1; round <= 3000; round++) {
                    int draft = round % 40;
                    save.setString(1, TEXT.repeat(40) + round);
                    save.setInt(2, round);
                    save.setInt(3, draft);
                    save.executeUpdate();
                    if (round % 5 == 0) {
                        freeze.setInt(1, round);
                        freeze.setInt(2, draft);
                        freeze.setString(3, TEXT.repeat(40) + round);
                        freeze.executeUpdate();
                    }
                    if (rewrite && round % 20 == 0 && H2Compaction.rewrite(store, 256 << 10)) {
                        rewrites++;
                    }
                }
            }
            if (rewrite) {
                assertThat(rewrites).as("rewrites that found chunks to rewrite").isPositive();
            }
            try (ResultSet r = s.executeQuery("select count(*), sum(round) from draft")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(40);
                assertThat(r.getLong(2)).as("every draft's last save").isEqualTo(sumOfLastRounds());
            }
            try (ResultSet r = s.executeQuery("select count(*), count(distinct body), min(id), max(id) from revision")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(600);
                assertThat(r.getInt(2)).isEqualTo(600);
                assertThat(r.getInt(3)).isEqualTo(5);
                assertThat(r.getInt(4)).isEqualTo(3000);
            }
            return store.getFileStore().size();
        }
    }

    /** The round of each draft's last save: the largest round up to 3,000 with {@code round % 40 == id}. */
    private static long sumOfLastRounds() {
        long sum = 0;
        for (int id = 0; id < 40; id++) {
            int last = 3000 - ((3000 - id) % 40 + 40) % 40;
            sum += last;
        }
        return sum;
    }
}
