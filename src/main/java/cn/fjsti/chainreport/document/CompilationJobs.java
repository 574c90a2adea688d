package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.submission.PackageService;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The institute's compilation (.docx and items .xlsx) made once per campaign and content, in the background (issue 23
 * item 2: at national size reading and grouping take about a minute, more than a request may hold).
 *
 * <ul>
 * <li>Content: {@link CompilationReader#stamp}, over the sent reports' ids and versions. A package sent, withdrawn,
 * returned and sent again, or a report changed gives another stamp, and the next request builds anew.</li>
 * <li>One build at a time, on this bean's own single thread (a national build needs about 300 MB of a 512 MB heap; two
 * at once would not fit). Asking again for the same campaign and stamp joins the build under way (single flight); a
 * build for an older stamp of the same campaign is cancelled.</li>
 * <li>Both files are written to {@code chainreport.compilation.directory} (default: {@code compilation} in the
 * system's temporary directory) and kept for at most {@link #KEPT} campaigns; older ones are deleted.</li>
 * <li>A download waits up to {@code chainreport.compilation.wait} (default 8 s) for the build; if it is not done
 * then, the answer is {@link Pending} (202 with progress). A failed build ({@link OutOfMemoryError} included) is a
 * FAILED job with a Chinese message until {@link #start} is asked again (重新生成).</li>
 * </ul>
 * State is in this node's memory: with several nodes each builds its own (docs/operations.md).
 */
@ApplicationScoped
public class CompilationJobs {

    private static final Logger LOG = Logger.getLogger(CompilationJobs.class);
    /** Campaigns whose finished files are kept. */
    static final int KEPT = 2;
    /** Seconds a client is told to wait before asking again while a build runs. */
    public static final int RETRY_AFTER_SECONDS = 3;

    @Inject
    PackageService packages;

    @Inject
    CompilationReader reader;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    @Inject
    DocumentSettings settings;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "compilation");
        t.setDaemon(true);
        return t;
    });
    /** Campaign → its latest job, oldest first; guarded by {@code this}. */
    private final Map<Long, Job> jobs = new LinkedHashMap<>();

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** The jobs are in memory: files an earlier run left are nobody's, and are deleted at start. */
    void clean(@Observes io.quarkus.runtime.StartupEvent event) {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.newDirectoryStream(dir, "campaign-*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warnf("could not clean %s: %s", dir, e.getMessage());
        }
    }

    private Path directory() {
        return settings.compilation().directory().orElse(Path.of(System.getProperty("java.io.tmpdir"), "compilation"));
    }

    /** Which of the two files. */
    public enum Format {
        DOCX, ITEMS
    }

    /** What a job is doing; the label is what the page shows. */
    public enum State {
        NONE("尚未生成"), QUEUED("排队等待生成"), READING("正在读取报告"), LAYING_OUT("排版中"), DONE("已生成"), FAILED("生成失败");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A campaign's compilation as the page and {@code GET …/compilation/status} show it: {@code state} (NONE when no
     * build has been made for the current content), {@code read}/{@code total} reports, {@code message} in Chinese
     * (progress, or why it failed), {@code builtAt} (Beijing time, when DONE), {@code running} (ask again in
     * {@link #RETRY_AFTER_SECONDS} s), {@code retry} (FAILED: POST …/compilation/build to build again).
     */
    public record Status(Long campaignId, State state, String stateLabel, int read, int total, String message,
                         LocalDateTime builtAt, boolean running, boolean retry) {
    }

    /** A download not ready within the wait: the problem to answer with (202) and the status. */
    public record Pending(Status status) {
    }

    private static final java.time.format.DateTimeFormatter BUILT = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日HH:mm");

    private final class Job {
        final Long campaignId;
        final String stamp;
        final int total;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile State state = State.QUEUED;
        volatile int read;
        volatile boolean cancelled;
        volatile String failure;
        volatile LocalDateTime builtAt;
        volatile Path docx;
        volatile Path items;
        volatile String docxName;
        volatile String itemsName;

        Job(Long campaignId, String stamp, int total) {
            this.campaignId = campaignId;
            this.stamp = stamp;
            this.total = total;
        }

        Status status() {
            String message = switch (state) {
                case NONE -> "汇编尚未生成";
                case QUEUED -> "汇编正在排队等待生成（共 " + total + " 份报告）";
                case READING -> "汇编正在生成，已完成 " + read + "/" + total;
                case LAYING_OUT -> "汇编正在生成，已读完 " + total + " 份报告，排版中";
                case DONE -> "汇编已生成（" + total + " 份报告，" + BUILT.format(builtAt) + "北京时间），可直接下载";
                case FAILED -> failure;
            };
            return new Status(campaignId, state, state.label(), read, total, message, builtAt,
                    state == State.QUEUED || state == State.READING || state == State.LAYING_OUT, state == State.FAILED);
        }

        void deleteFiles() {
            for (Path p : new Path[] {docx, items}) {
                if (p != null) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        LOG.warnf("could not delete %s: %s", p, e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * The file if the current content's build is done (waiting up to the configured time for one under way or
     * started now), else {@link Pending}. 403 for anyone but the institute and administrators, 404 for an unknown
     * campaign (both from {@link PackageService#sentReports}); 503 problem if the build for this content failed
     * (until {@link #start} is asked again).
     */
    public Object download(Long campaignId, Format format) {
        List<PackageService.SentReport> sent = packages.sentReports(campaignId);
        String stamp = reader.stamp(campaignId, sent);
        Job job;
        synchronized (this) {
            job = jobs.get(campaignId);
            if (job == null || !job.stamp.equals(stamp)) {
                job = submit(campaignId, stamp, sent);
            }
        }
        if (job.state == State.FAILED) {
            throw new ApiException(503, "汇编生成失败", job.failure, List.of(), Map.of("retryUrl",
                    "/api/campaigns/" + campaignId + "/compilation/build"));
        }
        try {
            job.done.get(settings.compilation().downloadWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Pending(job.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pending(job.status());
        } catch (ExecutionException | CancellationException e) {
            // Failed (told below) or cancelled for a newer build (whose progress is the answer).
        }
        if (job.state != State.DONE) {
            synchronized (this) {
                Job newer = jobs.get(campaignId);
                if (newer != null && newer != job && newer.state != State.FAILED) {
                    return new Pending(newer.status());
                }
            }
            throw new ApiException(503, "汇编生成失败", job.failure == null ? "汇编生成失败，请重新生成" : job.failure,
                    List.of(), Map.of("retryUrl", "/api/campaigns/" + campaignId + "/compilation/build"));
        }
        Path file = format == Format.DOCX ? job.docx : job.items;
        String name = format == Format.DOCX ? job.docxName : job.itemsName;
        InputStream in;
        try {
            // Opened now: a file deleted later (a newer build) still streams to the end.
            in = Files.newInputStream(file);
        } catch (IOException e) {
            synchronized (this) {
                jobs.remove(campaignId, job);
            }
            throw new ApiException(503, "汇编文件已失效", "汇编文件已失效（可能已被新版本替换），请再次下载", List.of(), Map.of());
        }
        return new DocumentService.Download(name, format == Format.DOCX ? DocumentService.DOCX : DocumentService.XLSX, out -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The campaign's compilation for the current content (NONE if not built for it). Scoped as {@link #download}. */
    public Status status(Long campaignId) {
        List<PackageService.SentReport> sent = packages.sentReports(campaignId);
        String stamp = reader.stamp(campaignId, sent);
        synchronized (this) {
            Job job = jobs.get(campaignId);
            if (job == null || !job.stamp.equals(stamp)) {
                return new Status(campaignId, State.NONE, State.NONE.label(), 0, sent.size(), "汇编尚未生成，下载时开始生成",
                        null, false, false);
            }
            return job.status();
        }
    }

    /**
     * Starts a build of the current content unless one is under way or done (重新生成 after a failure); the status.
     * Scoped as {@link #download}.
     */
    public Status start(Long campaignId) {
        List<PackageService.SentReport> sent = packages.sentReports(campaignId);
        String stamp = reader.stamp(campaignId, sent);
        synchronized (this) {
            Job job = jobs.get(campaignId);
            if (job == null || !job.stamp.equals(stamp) || job.state == State.FAILED) {
                job = submit(campaignId, stamp, sent);
            }
            return job.status();
        }
    }

    /** A new job for the campaign, replacing (and cancelling) its previous one; keeps at most {@link #KEPT}. */
    private Job submit(Long campaignId, String stamp, List<PackageService.SentReport> sent) {
        Job previous = jobs.remove(campaignId);
        if (previous != null) {
            previous.cancelled = true;
            previous.deleteFiles();
        }
        Job job = new Job(campaignId, stamp, sent.size());
        jobs.put(campaignId, job);
        List<Long> older = new ArrayList<>(jobs.keySet());
        for (Long id : older) {
            if (jobs.size() <= KEPT) {
                break;
            }
            Job old = jobs.get(id);
            if (old != job && !old.status().running()) {
                jobs.remove(id);
                old.deleteFiles();
            }
        }
        executor.execute(() -> run(job, sent));
        return job;
    }

    private void run(Job job, List<PackageService.SentReport> sent) {
        Path docx = null;
        Path items = null;
        try {
            if (job.cancelled) {
                throw new CancellationException();
            }
            job.state = State.READING;
            CompilationReader.Compiled compiled = reader.read(job.campaignId, sent, n -> job.read = n, () -> job.cancelled);
            job.state = State.LAYING_OUT;
            Path dir = directory();
            Files.createDirectories(dir);
            String base = "campaign-" + job.campaignId + "-" + job.stamp.substring(0, 16);
            docx = write(dir, base + ".docx", out -> documents.writeCompilation(compiled, out));
            items = write(dir, base + ".xlsx", out -> documents.writeCompilationItems(compiled, out));
            job.docx = docx;
            job.items = items;
            job.docxName = documents.compilationTitle(compiled) + ".docx";
            job.itemsName = documents.compilationItemsTitle(compiled) + ".xlsx";
            job.builtAt = Times.beijing(clock.instant()).toLocalDateTime();
            job.state = State.DONE;
            if (job.cancelled) {
                job.deleteFiles();
            }
            job.done.complete(null);
        } catch (CancellationException e) {
            job.failure = "已有更新的汇编在生成";
            job.state = State.FAILED;
            job.done.cancel(false);
        } catch (OutOfMemoryError e) {
            fail(job, docx, items, "汇编生成失败：服务器内存不足（已读取 " + job.read + "/" + job.total
                    + " 份报告）。请稍后点击“重新生成”；如仍失败，请联系系统管理员调大服务内存。", e);
        } catch (Throwable e) {
            fail(job, docx, items, "汇编生成失败（已读取 " + job.read + "/" + job.total + " 份报告，原因已记入服务日志）。请点击“重新生成”；如仍失败，请联系系统管理员。", e);
        }
    }

    private static void fail(Job job, Path docx, Path items, String message, Throwable e) {
        job.failure = message;
        job.state = State.FAILED;
        job.docx = docx;
        job.items = items;
        job.deleteFiles();
        job.docx = null;
        job.items = null;
        LOG.errorf(e, "compilation of campaign %d failed", job.campaignId);
        job.done.completeExceptionally(e);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary name, then moves into place: a half-written file is never served. */
    private static Path write(Path dir, String name, Writer writer) throws IOException {
        Path partial = Files.createTempFile(dir, name, ".part");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            writer.write(out);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Path target = dir.resolve(name);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
