package cn.fjsti.chainreport.support;

import cn.fjsti.chainreport.document.Compilation;
import cn.fjsti.chainreport.document.CompilationReader;
import cn.fjsti.chainreport.report.Report;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real compilation reader, which for a report of {@link #CHAIN} counts the reads, can be held at a gate (a build
 * in progress) and can fail once with {@link OutOfMemoryError}: lets a test see the background job's progress, its
 * single flight and a failed build, through the public interface. Other chains read as usual.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ControlledCompilationReader extends CompilationReader {

    public static final String CHAIN = "汇编任务测试产业链";
    /** Reports of {@link #CHAIN} read so far (one per build of a campaign with one such report). */
    public static final AtomicInteger READS = new AtomicInteger();
    /** Builds to fail with OutOfMemoryError before they read a report of {@link #CHAIN}. */
    public static final AtomicInteger FAILURES = new AtomicInteger();
    private static volatile CountDownLatch gate = new CountDownLatch(0);

    /** Holds every read of {@link #CHAIN} until {@link #open()}. */
    public static void close() {
        gate = new CountDownLatch(1);
    }

    public static void open() {
        gate.countDown();
    }

    @Override
    protected void add(Compilation.Builder builder, Report r, String city) {
        if (CHAIN.equals(r.chainName)) {
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new OutOfMemoryError("injected by ControlledCompilationReader");
            }
            READS.incrementAndGet();
        }
        super.add(builder, r, city);
    }
}
