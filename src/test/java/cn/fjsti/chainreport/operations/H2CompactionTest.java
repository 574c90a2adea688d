package cn.fjsti.chainreport.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The H2 compaction step (issue 23 item 3) finds the service's H2 file through the pool, rewrites mostly dead chunks
 * after many small commits, and leaves every committed row as it was. On PostgreSQL it finds nothing to do.
 */
@QuarkusTest
class H2CompactionTest {

    @Inject
    H2Compaction compaction;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldRewriteMostlyDeadChunksAndKeepEveryRow() throws Exception {
        if ("postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class))) {
            assertThat(compaction.store()).isNull();
            assertThat(compaction.compact()).isFalse();
            return;
        }
        MVStore store = compaction.store();
        assertThat(store).as("the H2 file store behind the pool").isNotNull();
        String text = "县域重点产业创新链".repeat(200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table compaction_probe (id int primary key, body varchar(4000), round int)");
            try {
                try (PreparedStatement insert = c.prepareStatement("insert into compaction_probe values (?, ?, 0)")) {
                    for (int i = 0; i < 300; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, text);
                        insert.executeUpdate();
                    }
                }
                // One commit per row and round (autocommit): each leaves the previous copies of the pages it changed dead.
                try (PreparedStatement update = c.prepareStatement("update compaction_probe set round = ? where id = ?")) {
                    for (int round = 1; round <= 3; round++) {
                        for (int i = 0; i < 300; i += 7) {
                            update.setInt(1, round);
                            update.setInt(2, i);
                            update.executeUpdate();
                        }
                    }
                }
                int before = store.getFileStore().getChunksFillRate();
                assertThat(before).as("chunks' fill rate before").isLessThan(80);

                // H2 rewrites only chunks older than its retention time (45 s) and frees them at a later commit once
                // they have been dead that long; how old the test's chunks are depends on how fast the test JVM
                // started, so the test's own store is told not to wait, then set back.
                int retention = store.getRetentionTime();
                try {
                    store.setRetentionTime(0);
                    assertThat(compaction.compact()).as("rewrote chunks").isTrue();
                    s.executeUpdate("update compaction_probe set round = round where id = 0");
                    assertThat(store.getFileStore().getChunksFillRate()).as("fill rate after").isGreaterThan(before);
                } finally {
                    store.setRetentionTime(retention);
                }

                try (ResultSet r = s.executeQuery("select count(*), sum(round), min(body) = max(body), min(body) from compaction_probe")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(300);
                    assertThat(r.getInt(2)).isEqualTo(3 * ((300 + 6) / 7));
                    assertThat(r.getBoolean(3)).isTrue();
                    assertThat(r.getString(4)).isEqualTo(text);
                }
            } finally {
                s.execute("drop table compaction_probe");
            }
        }
    }
}
