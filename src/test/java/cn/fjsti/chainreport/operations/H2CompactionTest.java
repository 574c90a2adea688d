package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The H2 file compacted when quiet (issue 23 item 3): it finds the service's H2 file through the pool, waits until no
 * commit has come for the quiet time, then rewrites mostly dead chunks until nothing is left to rewrite (their space
 * free again) and leaves every committed row as it was; it does not run again before the next quiet spell. On
 * PostgreSQL it finds nothing to do.
 */
@QuarkusTest
class H2CompactionTest {

    @Inject
    H2Compaction compaction;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRewriteMostlyDeadChunksWhenQuietAndKeepEveryRow() throws Exception {
        long quiet = Duration.ofSeconds(60).toNanos();
        if ("postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            assertThat(compaction.store()).isNull();
            assertThat(compaction.compact()).isNull();
            assertThat(compaction.compactIfQuiet(System.nanoTime() + quiet)).isNull();
            return;
        }
        MVStore store = compaction.store();
        assertThat(store).as("the H2 file store behind the pool").isNotNull();
        String text = "县域重点产业创新链".repeat(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table compaction_probe (id int primary key, body varchar(4000), round int)");
            try {
                // One commit per row and round (autocommit): each leaves the previous copies of the pages it changed dead;
                // then most rows go, as drafts replaced by their next version do.
                try (PreparedStatement insert = c.prepareStatement("insert into compaction_probe values (?, ?, 0)")) {
                    for (int i = 0; i < 2000; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, text);
                        insert.executeUpdate();
                    }
                }
                try (PreparedStatement update = c.prepareStatement("update compaction_probe set round = ? where id = ?")) {
                    for (int round = 1; round <= 2; round++) {
                        for (int i = 0; i < 2000; i += 7) {
                            update.setInt(1, round);
                            update.setInt(2, i);
                            update.executeUpdate();
                        }
                    }
                }
                s.executeUpdate("delete from compaction_probe where mod(id, 7) <> 0");
                int before = store.getFileStore().getChunksFillRate();
                assertThat(before).as("chunks' fill rate before").isLessThan(80);

                // H2 rewrites only chunks older than its retention time (45 s); the test's chunks are seconds old, so
                // the test's own store is told not to wait, then set back (the service never changes it).
                int retention = store.getRetentionTime();
                H2Compaction.Result done;
                try {
                    store.setRetentionTime(0);
                    // Not quiet yet: the last commit is new to it, or newer than the quiet time.
                    long now = System.nanoTime();
                    assertThat(compaction.compactIfQuiet(now)).isNull();
                    done = compaction.compactIfQuiet(now + quiet + 1);
                    assertThat(done).as("compacted once quiet").isNotNull();
                    assertThat(done.interrupted()).isFalse();
                    assertThat(done.steps()).as("rewrote in steps, at most 32 (%s)", done).isBetween(2, 32);
                    s.executeUpdate("update compaction_probe set round = round where id = 0");
                    assertThat(store.getFileStore().getChunksFillRate()).as("fill rate after").isGreaterThan(before);
                    // Once per quiet spell: nothing more until new writes, however long it stays quiet.
                    assertThat(compaction.compactIfQuiet(now + 3 * quiet)).isNull();
                } finally {
                    store.setRetentionTime(retention);
                }

                try (ResultSet r = s.executeQuery("select count(*), sum(round), min(body) = max(body), min(body) from compaction_probe")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo((2000 + 6) / 7);
                    assertThat(r.getInt(2)).isEqualTo(2 * ((2000 + 6) / 7));
                    assertThat(r.getBoolean(3)).isTrue();
                    assertThat(r.getString(4)).isEqualTo(text);
                }
                // A commit after the compaction is kept as any other.
                s.executeUpdate("update compaction_probe set round = 9 where id = 0");
                try (ResultSet r = s.executeQuery("select round from compaction_probe where id = 0")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(9);
                }
            } finally {
                s.execute("drop table compaction_probe");
            }
        }
    }
}
