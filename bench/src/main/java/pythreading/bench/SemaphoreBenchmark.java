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
import pythreading.threading.Semaphore;

/**
 * One operation is taking the only permit of a semaphore and giving it back, on one
 * thread: pythreading's {@link Semaphore}{@code (1)} {@code acquire(); release()} beside
 * {@link java.util.concurrent.Semaphore}{@code (1)} {@code acquire(); release()}
 * (non-fair, the default).
 *
 * <p>Fairness: the same calls on both sides; j.u.c's {@code acquire()} is interruptible,
 * as pythreading's is, so neither side gets a cheaper uninterruptible path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SemaphoreBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private Semaphore semaphore;
    private java.util.concurrent.Semaphore jucSemaphore;

    @Setup
    public void setUp() {
        pythreading = Benchmarks.isPythreading(impl);
        semaphore = new Semaphore(1);
        jucSemaphore = new java.util.concurrent.Semaphore(1);
    }

    /** Acquire + release of a Semaphore(1), one thread. */
    @Benchmark
    public void uncontended() throws InterruptedException {
        if (pythreading) {
            semaphore.acquire();
            semaphore.release();
        } else {
            jucSemaphore.acquire();
            jucSemaphore.release();
        }
    }
}
