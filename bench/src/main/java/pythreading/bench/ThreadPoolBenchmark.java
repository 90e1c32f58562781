package pythreading.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import pythreading.futures.Future;
import pythreading.futures.ThreadPoolExecutor;

/**
 * 100,000 trivial calls (each returns a constant) submitted to a pool of 2 workers, then
 * their results read in submission order: pythreading's {@link ThreadPoolExecutor}{@code (2)}
 * beside {@link Executors#newFixedThreadPool(int) Executors.newFixedThreadPool(2)}. One
 * operation is the whole batch; the pool lives for the trial, so its workers are warm.
 *
 * <p>{@code threadpool_100k.py (a resource beside this class)} does the same on CPython's
 * {@code concurrent.futures.ThreadPoolExecutor(2)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThreadPoolBenchmark {

    static final int TASKS = 100_000;
    private static final Integer RESULT = 42;
    private static final Callable<Integer> TASK = () -> RESULT;

    @Param({"juc", "pythreading"})
    public String impl;

    private ThreadPoolExecutor pythreading;
    private ExecutorService juc;
    private final Future<?>[] pythreadingFutures = new Future<?>[TASKS];
    private final java.util.concurrent.Future<?>[] jucFutures = new java.util.concurrent.Future<?>[TASKS];

    @Setup
    public void setUp() {
        if (impl.equals("juc")) {
            juc = Executors.newFixedThreadPool(2);
        } else {
            pythreading = new ThreadPoolExecutor(2);
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        if (juc != null) {
            juc.shutdown();
            juc.awaitTermination(1, TimeUnit.MINUTES);
        }
        if (pythreading != null) {
            pythreading.shutdown();
        }
    }

    /** Submits 100,000 calls, then waits for each result in order; returns their sum. */
    @Benchmark
    public long submit100kThenWait() throws InterruptedException, ExecutionException {
        long sum = 0;
        if (juc != null) {
            java.util.concurrent.Future<?>[] futures = jucFutures;
            for (int i = 0; i < TASKS; i++) {
                futures[i] = juc.submit(TASK);
            }
            for (int i = 0; i < TASKS; i++) {
                sum += (Integer) futures[i].get();
                futures[i] = null;
            }
        } else {
            Future<?>[] futures = pythreadingFutures;
            for (int i = 0; i < TASKS; i++) {
                futures[i] = pythreading.submit(TASK);
            }
            for (int i = 0; i < TASKS; i++) {
                sum += (Integer) futures[i].result();
                futures[i] = null;
            }
        }
        return sum;
    }
}
