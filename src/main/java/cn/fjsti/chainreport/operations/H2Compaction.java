package cn.fjsti.chainreport.operations;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps the H2 file from growing with pages nobody reads any more (issue 23 item 3; figures in docs/benchmarks.md,
 * "Issue 23: the season's file and the engine's features").
 *
 * <p>H2 writes every commit as a new chunk and frees a chunk once none of its pages is live any more (and it is older
 * than the retention time, 45 s). Its own background thread also rewrites the few live pages of mostly dead chunks, so
 * that those chunks can be freed ("housekeeping"); but with {@code WRITE_DELAY=0}, which the service needs so that
 * every acknowledged save is in the file when it is answered, H2 runs no background thread at all
 * ({@code FileStore.setAutoCommitDelay(0)} stops it, H2 2.3.230), and chunks kept alive by a few pages stay for good.
 * This bean does that one step from a thread of its own: every {@code chainreport.h2-compaction.interval}, H2's
 * public {@link MVStore#compact(int, int)}: if the chunks are on average less than {@code fill-rate} % live, rewrite the
 * live pages of the emptiest ones, at most {@code write-limit} bytes, under H2's store lock (a commit waits for it,
 * as it waits for another commit), then free them as H2 always does. Commits stay synchronous, the retention time
 * stays H2's default: nothing about durability changes. Only for an H2 file; on PostgreSQL (or {@code interval=0})
 * nothing runs.
 */
@ApplicationScoped
public class H2Compaction {

    private static final Logger LOG = Logger.getLogger(H2Compaction.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CompactionSettings settings;

    private ScheduledExecutorService executor;
    private volatile MVStore store;

    void start(@Observes StartupEvent event) {
        long interval = settings.interval().toMillis();
        store = fileStore();
        if (store == null || interval <= 0) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compact, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One step: true if H2 rewrote chunks. Never throws (a failed step is logged; the next one tries again). */
    boolean compact() {
        MVStore s = store;
        if (s == null || s.isClosed()) {
            return false;
        }
        try {
            return s.compact(settings.fillRate(), settings.writeLimit());
        } catch (RuntimeException e) {
            LOG.warnf(e, "H2 compaction step failed");
            return false;
        }
    }

    /** The H2 store this bean compacts, or null when it does nothing (another database, or switched off). */
    MVStore store() {
        return store;
    }

    /** The file-backed MVStore behind the datasource, or null for another database or an in-memory one. */
    private MVStore fileStore() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            var database = session.getDatabase();
            if (!database.isPersistent() || database.getStore() == null) {
                return null;
            }
            MVStore mvStore = database.getStore().getMvStore();
            return mvStore.getFileStore() == null ? null : mvStore;
        } catch (SQLException | ClassCastException e) {
            LOG.debugf(e, "No H2 file store to compact");
            return null;
        }
    }
}
