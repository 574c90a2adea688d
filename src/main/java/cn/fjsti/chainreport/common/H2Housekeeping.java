package cn.fjsti.chainreport.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps an H2 database file close to the size of what it holds (issue 23), without delaying any commit.
 *
 * <p>Why the file grew: H2 writes a new chunk of every changed page at each commit, and old chunks are reused or
 * rewritten by its background thread — which H2 does not run at all when {@code WRITE_DELAY=0} (the setting
 * that makes every commit reach the file before the service answers). So nothing compacted the file while the
 * service ran: a province season left ≈ 550 MB for ≈ 20 MB of data, a national one 15 GB.
 *
 * <p>What this does: every {@code chainreport.h2.housekeeping-interval} (default 5 s; {@code 0} switches it off)
 * it runs the same housekeeping step H2's background thread would (rewrite sparse chunks, move chunks to free the
 * file's tail, drop unused ones), under H2's own store lock, as H2 does with a positive write delay. Commits are
 * still written at once; a chunk still in use by a reader or younger than H2's retention time is never freed.
 * Only for an H2 file database; nothing on PostgreSQL or in memory. The step is H2's internal
 * {@code FileStore.doHousekeeping} (H2 2.3), reached by reflection: if a later H2 lacks it, this logs one warning
 * and stops, and the database works as before, only larger.
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "chainreport.h2.housekeeping-interval", defaultValue = "PT5S")
    Duration interval;

    private ScheduledExecutorService executor;
    private Method housekeeping;

    void start(@Observes StartupEvent event) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return;
            }
            housekeeping = FileStore.class.getDeclaredMethod("doHousekeeping", MVStore.class);
            housekeeping.setAccessible(true);
        } catch (Exception | LinkageError e) {
            LOG.warnf("H2 file housekeeping not available (%s); the database file will not be compacted while the service runs", e);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            // Never interrupted: an interrupt during H2's file I/O would close its file channel.
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (Connection c = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            if (store.isClosed() || store.getFileStore() == null) {
                return;
            }
            housekeeping.invoke(store.getFileStore(), store);
        } catch (Exception | LinkageError e) {
            LOG.warnf("H2 file housekeeping stopped after a failure: %s", e);
            executor.shutdown();
        }
    }
}
