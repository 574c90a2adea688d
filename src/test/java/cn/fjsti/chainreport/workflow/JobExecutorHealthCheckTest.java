package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;

/**
 * The job executor's part of readiness: up when switched off by configuration or running; down when it
 * should run but its acquisition thread has ended (as an OutOfMemoryError once ended it) or it was shut down.
 * The loop's start and the thread's end are awaited with a latch and join(), not with sleeps.
 */
class JobExecutorHealthCheckTest {

    @Test
    void shouldBeUpWhenSwitchedOffByConfiguration() {
        TestJobExecutor executor = new TestJobExecutor(() -> { });
        executor.setAutoActivate(false);
        assertThat(JobExecutorHealthCheck.state(executor)).isEqualTo(JobExecutorHealthCheck.State.OFF);
    }

    @Test
    void shouldBeUpWhileTheAcquisitionThreadRunsAndDownAfterShutdown() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch stop = new CountDownLatch(1);
        TestJobExecutor executor = new TestJobExecutor(() -> {
            entered.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.setAutoActivate(true);
        executor.start();
        entered.await();
        try {
            assertThat(JobExecutorHealthCheck.state(executor)).isEqualTo(JobExecutorHealthCheck.State.RUNNING);
        } finally {
            stop.countDown();
            executor.shutdown();
        }
        assertThat(JobExecutorHealthCheck.state(executor)).isEqualTo(JobExecutorHealthCheck.State.STOPPED);
    }

    @Test
    void shouldBeDownWhenAnErrorHasEndedTheAcquisitionThread() throws InterruptedException {
        TestJobExecutor executor = new TestJobExecutor(() -> {
            throw new OutOfMemoryError("simulated: Java heap space");
        });
        executor.setAutoActivate(true);
        executor.start();
        executor.thread().join();
        assertThat(executor.isActive()).as("the engine still believes it is active").isTrue();
        assertThat(JobExecutorHealthCheck.state(executor)).isEqualTo(JobExecutorHealthCheck.State.STOPPED);
    }

    /** A job executor whose acquisition loop is the given code, so its thread can be made to run or die. */
    static final class TestJobExecutor extends JobExecutor {

        private final Runnable loop;

        TestJobExecutor(Runnable loop) {
            this.loop = loop;
        }

        @Override
        protected void ensureInitialization() {
            super.ensureInitialization();
            acquireJobsRunnable = new AcquireJobsRunnable(this) {
                @Override
                public void run() {
                    loop.run();
                }
            };
        }

        @Override
        protected void startExecutingJobs() {
            startJobAcquisitionThread();
        }

        @Override
        protected void stopExecutingJobs() {
            stopJobAcquisitionThread();
        }

        @Override
        public void executeJobs(List<String> jobIds, ProcessEngineImpl processEngine) {
        }

        Thread thread() {
            return jobAcquisitionThread;
        }
    }
}
