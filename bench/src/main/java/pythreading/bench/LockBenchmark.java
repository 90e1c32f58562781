package pythreading.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import pythreading.threading.Lock;

/**
 * One operation is taking a lock and giving it back: pythreading's {@link Lock}
 * {@code acquire(); release()} beside {@link ReentrantLock} {@code lock(); unlock()}
 * (non-fair, the default; a plain lock that is not reentrant has no closer twin in
 * java.util.concurrent).
 *
 * <p>{@code uncontended}: one thread, so the lock is always free. {@code contended}: two
 * threads take the same lock (shared by the benchmark) in a tight loop; the score is the
 * time per operation of each thread.
 *
 * <p>Fairness: both sides do exactly the same calls with nothing between them; the
 * benchmark picks its side by one well-predicted branch on a field set once per trial,
 * which both sides pay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LockBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private Lock lock;
    private ReentrantLock jucLock;

    @Setup
    public void setUp() {
        pythreading = Benchmarks.isPythreading(impl);
        lock = new Lock();
        jucLock = new ReentrantLock();
    }

    /** One thread: acquire + release of a free lock. */
    @Benchmark
    public void uncontended() {
        acquireRelease();
    }

    /** Two threads on one lock: acquire + release, per thread. */
    @Benchmark
    @Threads(2)
    public void contended() {
        acquireRelease();
    }

    private void acquireRelease() {
        if (pythreading) {
            lock.acquire();
            lock.release();
        } else {
            jucLock.lock();
            jucLock.unlock();
        }
    }
}
