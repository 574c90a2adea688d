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
 * commit has come for the quiet time, then gives the dead space back (the file shrinks), leaves every committed row as
 * it was and H2's retention time as it found it, and does nothing again until something is written. On PostgreSQL it
 * finds nothing to do.
 */
@QuarkusTest
class H2CompactionTest {

    @Inject
    H2Compaction compaction;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRewriteWhileBusyOnlyAfterCommits() throws Exception {
        if ("postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            assertThat(compaction.rewriteIfBusy(256 << 10)).isFalse();
            return;
        }
        MVStore store = compaction.store();
        int retention = store.getRetentionTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table busy_probe (id int primary key, body varchar(4000))");
            // Only chunks older than the retention time (45 s) may be rewritten: this test does not wait that long.
            store.setRetentionTime(0);
            try {
                boolean rewrote = false;
                for (int i = 0; i < 200 && !rewrote; i++) {
                    s.executeUpdate("insert into busy_probe values (" + i + ", '" + "县域重点产业创新链".repeat(100) + "')");
                    s.executeUpdate("delete from busy_probe where id = " + i);
                    rewrote = compaction.rewriteIfBusy(256 << 10);
                }
                assertThat(rewrote).as("a look after commits rewrites the oldest, most dead chunks").isTrue();
                // No commit since the last look (the service's own looks, four a second, may have been the last): the file
                // is not busy, and the look leaves it to the quiet compaction.
                assertThat(compaction.rewriteIfBusy(256 << 10)).isFalse();
                assertThat(compaction.rewriteIfBusy(256 << 10)).isFalse();
                s.executeUpdate("insert into busy_probe values (1000, 'x')");
                try (ResultSet r = s.executeQuery("select count(*) from busy_probe")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(1);
                }
            } finally {
                store.setRetentionTime(retention);
                s.execute("drop table busy_probe");
            }
        }
    }

    @Test
    void shouldShrinkTheFileWhenQuietAndKeepEveryRow() throws Exception {
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
                int retention = store.getRetentionTime();

                // Not quiet yet: the last commit is new to it, or newer than the quiet time.
                long now = System.nanoTime();
                assertThat(compaction.compactIfQuiet(now)).isNull();
                H2Compaction.Result done = compaction.compactIfQuiet(now + quiet + 1);
                assertThat(done).as("compacted once quiet").isNotNull();
                assertThat(done.interrupted()).isFalse();
                assertThat(done.steps()).as("in steps, at most 32 (%s)", done).isBetween(1, 32);
                assertThat(done.after()).as("the file shrank (%s)", done).isLessThan(done.before());
                assertThat(store.getRetentionTime()).as("H2's retention time set back").isEqualTo(retention);
                // A large file goes on at the next looks while it shrinks; then nothing until new writes, however
                // long it stays quiet.
                long later = now + quiet + 1;
                for (int look = 0; look < 50 && done != null; look++) {
                    later += quiet;
                    done = compaction.compactIfQuiet(later);
                }
                assertThat(done).as("nothing more to do").isNull();
                assertThat(compaction.compactIfQuiet(later + 3 * quiet)).isNull();

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
