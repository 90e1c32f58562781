package pythreading.bench;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pythreading.threading.Timer;

/**
 * One operation arms a 10-second timer and disarms it before it fires.
 *
 * <ul>
 *   <li>pythreading: {@code new Timer(10.0, task)}, {@code start()}, {@code cancel()},
 *       {@code join()}. A Timer is a thread, as in CPython, so this is a thread's whole
 *       life: created, started (start() returns once it runs), woken from its wait by
 *       cancel(), and joined, so that cancelled timers do not pile up (CPython's own
 *       tests end a cancelled timer the same way, with {@code cancel()} then
 *       {@code join()}).
 *   <li>juc: {@code schedule(task, 10, SECONDS)} on a {@link ScheduledThreadPoolExecutor}
 *       of one thread, created once per trial, then {@code cancel(false)}; with
 *       {@code setRemoveOnCancelPolicy(true)}, the cancel also takes the task out of the
 *       executor's queue, so the queue does not grow.
 * </ul>
 *
 * <p>Fairness: each side does what its API offers for "run this later, unless I change my
 * mind", and both end the operation with nothing left behind (no live thread, no queued
 * task). The costs differ in kind, and that is the row's point: Python's Timer costs a
 * thread per timer, a scheduled executor shares one thread among all its timers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimerBenchmark {

    private static final double INTERVAL_SECONDS = 10.0;
    private static final Runnable NEVER_RUN = () -> {
        throw new AssertionError("a cancelled timer fired");
    };

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private ScheduledThreadPoolExecutor scheduler;

    @Setup
    public void setUp() {
        pythreading = Benchmarks.isPythreading(impl);
        if (!pythreading) {
            scheduler = new ScheduledThreadPoolExecutor(1);
            scheduler.setRemoveOnCancelPolicy(true);
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        if (scheduler != null) {
            int left = scheduler.getQueue().size();
            scheduler.shutdownNow();
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
            if (left != 0) {
                throw new IllegalStateException(left + " cancelled tasks were left in the scheduler's queue");
            }
        }
    }

    /** Arms a 10 s timer, then cancels it (and, for pythreading's Timer thread, joins it). */
    @Benchmark
    public void startCancel() {
        if (pythreading) {
            Timer timer = new Timer(INTERVAL_SECONDS, NEVER_RUN);
            timer.start();
            timer.cancel();
            timer.join();
        } else {
            ScheduledFuture<?> scheduled = scheduler.schedule(NEVER_RUN, (long) INTERVAL_SECONDS, TimeUnit.SECONDS);
            scheduled.cancel(false);
        }
    }
}
