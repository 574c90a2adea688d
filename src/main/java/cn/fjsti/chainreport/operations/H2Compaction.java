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
 * Rewrites mostly dead H2 chunks once nobody is writing, when switched on (issue 23 item 3; figures in docs/benchmarks.md,
 * "Issue 23, ninth session: the rush's CPU, the file compacted when quiet").
 *
 * <p>H2 writes every commit as a new chunk and may reuse a chunk's space only once none of its pages is live and it
 * has been dead for the retention time (45 s); its own background thread moves live chunks together and shortens the
 * file when the store is idle ("housekeeping"). With {@code WRITE_DELAY=0}, which the service needs so that every
 * acknowledged save is in the file when it is answered, H2 runs no background thread ({@code
 * FileStore.setAutoCommitDelay(0)} stops it, H2 2.3.230): the file only grows. This bean does the idle part from a
 * thread of its own: when no commit has reached the file for {@code chainreport.h2-compaction.quiet} (and something
 * was written since it last ran), it runs steps of H2's public {@link MVStore#compact(int, int)}, each rewriting at
 * most 16 MB: the live pages of the chunks less than 90 % live go into new chunks, and the emptied chunks' space is
 * free for the next writes once H2's retention time (45 s, unchanged) has passed (H2 truncates the file when the free
 * space is at its end). This is the rewrite step of H2's own idle housekeeping, with H2's own settings: nothing about
 * durability changes. A step holds H2's store lock; a commit between two steps ends the compaction until the file is
 * quiet again. Steps go on until one rewrites nothing or {@value #MAX_STEPS} ran, once per quiet spell. Only for an H2
 * file; on PostgreSQL, or with {@code quiet=0s} (the default: measured, the rewrite left the province file no smaller),
 * nothing runs.
 *
 * <p>Not done: moving chunks towards the start of the file ({@code RandomAccessStore.compactMoveChunks}, the other
 * half of H2's idle housekeeping and of {@code MVStore.compactFile}), which is what makes the file shorter. In H2
 * 2.3.230 it can allocate a moved chunk across the boundary it must stay inside (H2 issue 4086; fixed upstream after
 * 2.4.240): with assertions on, the test suite caught it as an AssertionError that closed the store. A file is made
 * small again offline (docs/operations.md).
 */
@ApplicationScoped
public class H2Compaction {

    private static final Logger LOG = Logger.getLogger(H2Compaction.class);
    /**
     * Steps in one quiet spell at most (≈ 512 MB rewritten); then nothing more until the next writes. Rewriting does
     * not always converge (each rewrite leaves parent pages dead in the chunks written just before): in the test
     * suite's 270 MB file 200 steps did not reach H2's "nothing to rewrite".
     */
    private static final int MAX_STEPS = 32;
    /** Chunks less live than this (percent) are rewritten: H2's own default for its housekeeping. */
    private static final int TARGET_FILL_RATE = 90;
    /** Bytes one step may rewrite (as H2's compactFile does); the chunks it writes are a little larger. */
    private static final int STEP_BYTES = 16 << 20;
    /** Between two steps, so that a commit waiting for H2's store lock goes first. */
    private static final long PAUSE_MILLIS = 20;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CompactionSettings settings;

    private ScheduledExecutorService executor;
    private volatile MVStore store;
    /** The store's version when last looked at, and when it last changed (System.nanoTime). */
    private long seenVersion = -1;
    private long seenChangeAt;
    /** The store's version right after the last compaction: nothing to do until a commit moves it on. */
    private long compactedVersion = -1;

    void start(@Observes StartupEvent event) {
        long quiet = settings.quiet().toMillis();
        store = fileStore();
        if (store == null || quiet <= 0) {
            return;
        }
        long every = Math.max(1000, Math.min(15_000, quiet / 4));
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> compactIfQuiet(System.nanoTime()), every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /**
     * The scheduled look at {@code now} ({@link System#nanoTime()}): compacts when no commit has reached the file
     * since a look at least {@code quiet} earlier and something was written since the last compaction. Returns what
     * the compaction did, or null when it did not run. Never throws.
     */
    synchronized Result compactIfQuiet(long now) {
        MVStore s = store;
        if (s == null || s.isClosed()) {
            return null;
        }
        long version = s.getCurrentVersion();
        if (version != seenVersion) {
            seenVersion = version;
            seenChangeAt = now;
            return null;
        }
        if (version == compactedVersion || now - seenChangeAt < settings.quiet().toNanos()) {
            return null;
        }
        Result result = compact();
        if (result != null && result.interrupted()) {
            // Users are back: wait for the next quiet spell.
            seenChangeAt = now;
        }
        return result;
    }

    /**
     * Compacts the file now, in steps, until H2 finds nothing more to do ({@code finished}), a commit arrives between
     * two steps ({@code interrupted}), or {@value #MAX_STEPS} steps ran. Returns the file's size before and after (bytes), or null when there is no H2 file. Never throws:
     * a failed step is logged and the next quiet spell tries again.
     */
    synchronized Result compact() {
        MVStore s = store;
        if (s == null || s.isClosed()) {
            return null;
        }
        long before = s.getFileStore().size();
        long started = System.nanoTime();
        int steps = 0;
        boolean interrupted = false;
        boolean finished = false;
        try {
            while (steps < MAX_STEPS) {
                // H2's own rewrite step, with H2's retention time: after a quiet minute every chunk is older than it.
                boolean rewrote = s.compact(TARGET_FILL_RATE, STEP_BYTES);
                steps++;
                if (!rewrote) {
                    finished = true;
                    break;
                }
                long last = s.getCurrentVersion();
                // A commit that waited for the step goes first; if one came, users are back: stop here.
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (s.getCurrentVersion() != last) {
                    interrupted = true;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "H2 compaction failed after %d steps", steps);
        }
        long after = s.isClosed() ? before : s.getFileStore().size();
        long version = s.isClosed() ? -1 : s.getCurrentVersion();
        // The compaction's own commits are not users' writes; one spell per quiet spell, then wait for new writes.
        seenVersion = version;
        if (!interrupted) {
            compactedVersion = version;
        }
        Result result = new Result(before, after, steps, finished, interrupted, (System.nanoTime() - started) / 1_000_000);
        // Once per quiet spell after writes: at most a line a minute.
        {
            LOG.infof("H2 file compacted while quiet: %d MB -> %d MB in %d steps, %d ms%s", before >> 20, after >> 20,
                    steps, result.millis(), interrupted ? " (stopped: a commit arrived)" : finished ? "" : " (step limit)");
        }
        return result;
    }

    /**
     * One compaction: the file's size before and after (bytes), the steps, whether H2 had nothing more to do, whether
     * a commit stopped it, its time (ms).
     */
    record Result(long before, long after, int steps, boolean finished, boolean interrupted, long millis) {
    }

    /** The H2 store this bean compacts, or null when it does nothing (another database, or an in-memory one). */
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
