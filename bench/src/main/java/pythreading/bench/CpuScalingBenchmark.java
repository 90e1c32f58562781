package pythreading.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import pythreading.threading.Thread;

/**
 * The GIL question: does CPU-bound work go faster when split over threads? One operation
 * is a fixed total of {@value #TOTAL_STEPS} steps of a 64-bit linear congruential
 * generator ({@code x = x * 6364136223846793005 + 1442695040888963407}, the work of the
 * {@code gil} tour chapter), split evenly over {@code threads} pythreading
 * {@link Thread}s, which are started and then joined. Each thread's final value goes to a
 * {@link Blackhole} once the threads are joined, so the JIT must do every step.
 *
 * <p>There is no java.util.concurrent side: the comparison is with CPython's rows
 * {@code cpu.threads.N}, the same work in Python threads. On the JVM the time should fall
 * as threads are added, up to the number of cores; under a global interpreter lock it
 * does not. Each thread starts from its own seed, so no two threads compute the same
 * sequence; the thread start-up cost (well under a millisecond) is included and is
 * negligible beside the work. The constants are read from fields (see below), so no JIT
 * can merge steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CpuScalingBenchmark {

    /** Steps of one operation, in all threads together: about 0.2 s on one core. */
    static final long TOTAL_STEPS = 200_000_000L;

    @Param({"1", "2", "4"})
    public int threads;

    private long[] results;

    @Setup
    public void setUp() {
        if (threads < 1 || TOTAL_STEPS % threads != 0) {
            throw new IllegalArgumentException("threads must be a positive divisor of " + TOTAL_STEPS + ": " + threads);
        }
        results = new long[threads];
    }

    /** {@value #TOTAL_STEPS} steps split over {@code threads} threads, started then joined. */
    @Benchmark
    public void work(Blackhole blackhole) {
        long stepsEach = TOTAL_STEPS / threads;
        long[] out = results;
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int slot = i;
            workers[i] = new Thread(() -> out[slot] = CpuWork.lcg(slot + 1, stepsEach));
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (long result : out) {
            blackhole.consume(result);
        }
    }
}
