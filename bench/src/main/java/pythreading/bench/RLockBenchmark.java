package pythreading.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pythreading.threading.RLock;

/**
 * One operation is a reentrant acquire and its release on a lock the benchmark thread
 * already holds once (depth 1 to 2 and back): pythreading's {@link RLock}
 * {@code acquire(); release()} beside {@link ReentrantLock} {@code lock(); unlock()}.
 *
 * <p>The outer hold is taken by the state's {@code @Setup(Level.Iteration)} and given
 * back by its {@code @TearDown(Level.Iteration)}. For a {@link Scope#Thread} state JMH runs
 * both on the benchmark thread itself, which the setup records and the teardown checks
 * (its release would fail anyway for a thread that is not the owner). Per iteration rather
 * than per trial, so that the hold is on the right thread even if JMH ever hands the
 * state to another worker thread between iterations.
 *
 * <p>Fairness: the same calls on both sides, one thread, nothing else in the loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RLockBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private final RLock lock = new RLock();
    private final ReentrantLock jucLock = new ReentrantLock();
    private Thread holder;

    @Setup(Level.Iteration)
    public void holdOnce() {
        pythreading = Benchmarks.isPythreading(impl);
        holder = Thread.currentThread();
        if (pythreading) {
            lock.acquire();
        } else {
            jucLock.lock();
        }
    }

    @TearDown(Level.Iteration)
    public void releaseOuterHold() {
        if (Thread.currentThread() != holder) {
            throw new IllegalStateException("the outer hold was taken on " + holder + ", not on the benchmark thread "
                    + Thread.currentThread());
        }
        if (pythreading) {
            lock.release(); // throws if this thread does not own it
            if (lock.locked()) {
                throw new IllegalStateException("RLock still held after the outer release: " + lock);
            }
        } else {
            if (jucLock.getHoldCount() != 1) {
                throw new IllegalStateException("ReentrantLock hold count " + jucLock.getHoldCount() + ", expected 1");
            }
            jucLock.unlock();
        }
    }

    /** Acquire + release one level deeper on a lock already held once. */
    @Benchmark
    public void reentrant() {
        if (pythreading) {
            lock.acquire();
            lock.release();
        } else {
            jucLock.lock();
            jucLock.unlock();
        }
    }
}
