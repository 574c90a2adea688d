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
import org.h2.mvstore.RandomAccessStore;
import org.jboss.logging.Logger;

/**
 * Gives the H2 file back its dead space once nobody is writing (issue 23 item 3; figures in docs/benchmarks.md,
 * "Issue 23, tenth session: a file that stays small").
 *
 * <p>H2 writes every commit as a new chunk and may reuse a chunk's space only once none of its pages is live and it
 * has been dead for the retention time (45 s); its own background thread moves live chunks together and shortens the
 * file when the store is idle ("housekeeping"). With {@code WRITE_DELAY=0}, which the service needs so that every
 * acknowledged save is in the file when it is answered, H2 runs no background thread ({@code
 * FileStore.setAutoCommitDelay(0)} stops it, H2 2.3–2.5): the file only grows, to 7–12 times its content after a
 * season. This bean does the idle part from a thread of its own: when no commit has reached the file for {@code
 * chainreport.h2-compaction.quiet} (default 60 s) and something was written since it last ran, it runs steps of H2's
 * public API, as H2's own {@code MVStore.compactFile} does: {@link MVStore#compact(int, int)} rewrites at most 16 MB of
 * the live pages of chunks less than 90 % live, {@link MVStore#sync()}, then {@code
 * RandomAccessStore.compactMoveChunks} moves at most 64 MB of chunks into the free space nearer the start and
 * truncates the file. H2 syncs the file before it overwrites or truncates anything, so every acknowledged commit stays
 * on disk; after a crash H2's own open may still miss the last of them (a chunk written into freed space, which
 * this compaction makes more of), which {@link H2Recovery} finds at the next start. During a step the retention time is 0 (as in {@code compactFile}), so that the chunks it just emptied can
 * be reused; between steps it is H2's again.
 *
 * <p>A step holds H2's store lock for a moment (a commit that arrives waits for it); a commit between two steps ends
 * the compaction until the file is quiet again. One spell runs at most {@value #MAX_STEPS} steps; a spell that hit
 * that limit goes on at the next look while the file shrinks, or for up to {@value #MAX_SPELLS_WITHOUT_SHRINKING}
 * spells in a row without shrinking (a large file's dead chunks are rewritten before moves can shorten it); when H2
 * has nothing more to do, or after those spells, it waits for new writes. Only for an H2 file; on PostgreSQL, or
 * with {@code quiet=0s}, nothing runs.
 *
 * <p>While commits go on it does the kind of work H2's housekeeping does under load ({@link #rewriteIfBusy}, issue
 * 23, thirteenth session): four times a second, if a commit came since the last look, it rewrites a quarter of {@code
 * chainreport.h2-compaction.busy-rewrite} (default 1 MB a second) of the live pages of the oldest, most dead chunks,
 * with H2's retention time untouched. A chunk that keeps a few pages of rows written once (revisions, history, audit) is then
 * freed and its space reused, so a file whose writes never pause for the quiet time stops growing instead of
 * growing by some 0.5 GB an hour at province load; moving chunks and cutting the file still wait for a quiet spell.
 *
 * <p>Requires H2 with the fix for moving a chunk across the area it must stay inside (H2 issue 4086, fixed after
 * 2.4.240; the service ships 2.5.252, see pom.xml): 2.3.230's move step threw an AssertionError that closed the store
 * in this project's CI.
 */
@ApplicationScoped
public class H2Compaction {

    private static final Logger LOG = Logger.getLogger(H2Compaction.class);
    /**
     * Steps in one quiet spell at most (≈ 0.5 GB rewritten, 2 GB moved); a spell that hits it goes on at the next look
     * (see {@link #MAX_SPELLS_WITHOUT_SHRINKING}). Rewriting alone does not always converge (each rewrite leaves parent pages dead in the chunks
     * written just before): in the test suite's 270 MB file 200 rewrite steps did not reach H2's "nothing to rewrite".
     */
    private static final int MAX_STEPS = 32;
    /**
     * Spells in a row (each of {@value #MAX_STEPS} steps) that may run without shortening the file before the
     * compaction waits for new writes: the national file after a season (7.5 GB) shortened in its third.
     */
    private static final int MAX_SPELLS_WITHOUT_SHRINKING = 4;
    /** Chunks less live than this (percent) are rewritten: H2's own default for its housekeeping. */
    private static final int TARGET_FILL_RATE = 90;
    /** Bytes one step may rewrite (as H2's compactFile does); the chunks it writes are a little larger. */
    private static final int STEP_BYTES = 16 << 20;
    /**
     * Bytes of chunks one step may move. H2 moves no chunk larger than this, so it must exceed the rewrite's chunks
     * (≈ 17 MB): with 16 MB the national file did not shrink at all; with 64 MB it went from 9.7 GB to 1.2 GB in three
     * steps of 0.3–4.7 s (ninth session).
     */
    private static final long MOVE_BYTES = 64L << 20;
    /** Between two steps, so that a commit waiting for H2's store lock goes first. */
    private static final long PAUSE_MILLIS = 20;
    /**
     * How often the rewrite while busy looks (ms): four times a second, each time a quarter of the bytes per second,
     * so that a commit waits for a smaller step (H2's store lock is held through the step).
     */
    private static final long BUSY_EVERY_MILLIS = 250;
    /**
     * The rewrite while busy runs while all chunks together hold less than this share of live data (percent; H2's own
     * target under load for its default 90 is 90 × 90 / 100). Under load the chunks within the retention time are
     * mostly dead, so in practice it runs at every look after commits.
     */
    private static final int BUSY_FILL_RATE = 81;

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
    /** Spells in a row that hit the step limit without shortening the file. */
    private int spellsWithoutShrinking;
    /** The store's version at the last look of the rewrite while busy. */
    private long busySeenVersion = -1;

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
        long busyBytesPerSecond = settings.busyRewrite().asLongValue();
        if (busyBytesPerSecond > 0) {
            int bytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE, busyBytesPerSecond * BUSY_EVERY_MILLIS / 1000));
            executor.scheduleWithFixedDelay(() -> rewriteIfBusy(bytes), BUSY_EVERY_MILLIS, BUSY_EVERY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The look of the rewrite while busy: when a commit has reached the file since the last look, rewrites at most
     * {@code bytes} of the live pages of the oldest, most dead chunks (those older than H2's retention time), if the
     * chunks hold less than {@value #BUSY_FILL_RATE} % live data; the next commit writes them and the chunks they
     * leave become free space once the retention time has passed. H2's own background thread does this kind of work
     * under load, and {@code WRITE_DELAY=0} stops it: without it, a file whose writes never pause for the quiet time
     * keeps chunks that hold a few live pages each and only grows. Not H2's exact rule: any chunk older than the
     * retention time may be taken, oldest and emptiest first, where H2 takes only chunks below their average fill rate.
     * It holds H2's store lock while it reads and marks the pages (it tries for 10 ms and gives up if commits hold it);
     * a commit that arrives meanwhile waits: a 1 MB step held it 6–12 ms on average and up to 75 ms (a review's
     * measurement, warm cache, two cores), hence steps of a quarter of the bytes per second. Returns whether it
     * rewrote anything. Never throws; a failure is logged.
     */
    synchronized boolean rewriteIfBusy(int bytes) {
        MVStore s = store;
        if (s == null || s.isClosed()) {
            return false;
        }
        long version = s.getCurrentVersion();
        if (version == busySeenVersion) {
            return false;
        }
        busySeenVersion = version;
        try {
            return rewrite(s, bytes);
        } catch (RuntimeException e) {
            LOG.warnf(e, "H2 rewrite while busy failed");
            return false;
        }
    }

    /**
     * One rewrite while busy on {@code s}: at most {@code bytes} of the live pages of its oldest, most dead chunks
     * (older than the retention time), if its chunks hold less than {@value #BUSY_FILL_RATE} % live data, through
     * H2's public {@link MVStore#compact(int, int)}; H2's retention time is left as it is. Returns whether it
     * rewrote anything (false also when commits held the store lock for 10 ms). H2's exceptions pass through.
     */
    static boolean rewrite(MVStore s, int bytes) {
        return s.compact(BUSY_FILL_RATE, bytes);
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
     * two steps ({@code interrupted}), or {@value #MAX_STEPS} steps ran. Returns the file's size before and after
     * (bytes), or null when there is no H2 file. Never throws: a failed step is logged and the next quiet spell tries
     * again.
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
                boolean progress = step(s);
                steps++;
                // Done when a step neither rewrote a chunk nor shortened the file.
                if (!progress) {
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
        // The compaction's own commits are not users' writes.
        seenVersion = version;
        // A large file first needs its dead chunks rewritten before moves can shorten it: the national file after a
        // season shrank only in its third spell. Rewriting alone may also never converge (CI's test file): so a
        // spell that hit the step limit goes on at the next look while the file shrinks, or for a few spells
        // without it.
        spellsWithoutShrinking = after < before ? 0 : spellsWithoutShrinking + 1;
        boolean goesOn = !finished && !interrupted && spellsWithoutShrinking < MAX_SPELLS_WITHOUT_SHRINKING;
        if (interrupted || !goesOn) {
            spellsWithoutShrinking = 0;
        }
        if (!interrupted && !goesOn) {
            // Nothing more to gain until users write again.
            compactedVersion = version;
        }
        Result result = new Result(before, after, steps, finished, interrupted, (System.nanoTime() - started) / 1_000_000);
        // Once per quiet spell after writes, or per look while a large file shrinks: at most a line every few seconds.
        LOG.infof("H2 file compacted while quiet: %d MB -> %d MB in %d steps, %d ms%s", before >> 20, after >> 20, steps,
                result.millis(), interrupted ? " (stopped: a commit arrived)" : goesOn ? " (goes on at the next look)" : "");
        return result;
    }

    /**
     * One step of H2's idle housekeeping on {@code s}: rewrites at most 16 MB of the live pages of chunks less than
     * 90 % live, syncs, then moves at most 64 MB of chunks towards the start and cuts the file. The retention time is
     * 0 during the step (so that the chunks just emptied can take moved ones) and H2's own again after it. Returns
     * whether it rewrote a chunk or shortened the file. H2's exceptions pass through.
     */
    static boolean step(MVStore s) {
        long size = s.getFileStore().size();
        int retention = s.getRetentionTime();
        boolean rewrote;
        s.setRetentionTime(0);
        try {
            rewrote = s.compact(TARGET_FILL_RATE, STEP_BYTES);
            s.sync();
            if (s.getFileStore() instanceof RandomAccessStore file) {
                file.compactMoveChunks(101, MOVE_BYTES, s);
            }
        } finally {
            s.setRetentionTime(retention);
        }
        return rewrote || s.getFileStore().size() < size;
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
            return fileStoreOf(connection);
        } catch (SQLException | ClassCastException e) {
            LOG.debugf(e, "No H2 file store to compact");
            return null;
        }
    }

    /** The file-backed MVStore behind an embedded H2 connection, or null for another database or an in-memory one. */
    static MVStore fileStoreOf(Connection connection) throws SQLException {
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
    }
}
