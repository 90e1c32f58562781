package pythreading.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import pythreading.threading.Condition;

/**
 * Two threads hand a turn back and forth through a flag guarded by a condition variable;
 * one operation is one round trip, as each of the two threads sees it (the score, the
 * average over both threads, is the time per round trip).
 *
 * <ul>
 *   <li>pythreading: a {@link Condition} (over its default {@code RLock}). {@code ping}:
 *       with the lock held, gives the turn to pong, {@code signal()}s, and
 *       {@code await}s until the turn is back. {@code pong}: with the lock held,
 *       {@code await}s its turn, gives it back and {@code signal()}s.
 *   <li>juc: the same with a {@link ReentrantLock} and its {@code newCondition()}:
 *       {@code lock()}, {@code await}, {@code signal()}, {@code unlock()}.
 * </ul>
 *
 * <p>Every wait on both sides is a timed one (10 ms: {@code cv.await(0.01)} against
 * {@code await(10, MILLISECONDS)}), repeated until the turn comes or JMH's
 * {@link Control#stopMeasurement} says the measurement is over, so no thread is left
 * waiting for a partner that has left. The turn is reset to ping at the start of each
 * iteration ({@code @Setup(Level.Iteration)}, run when both threads are out of the
 * benchmark).
 *
 * <p>Fairness: the same protocol, the same calls and the same kind of lock (reentrant,
 * owner-checked) on both sides; a single condition with one waiter at a time, so
 * {@code signal()} always wakes the partner.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConditionPingPongBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private final Condition condition = new Condition();
    private final ReentrantLock jucLock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition jucCondition = jucLock.newCondition();
    /** Whose turn it is: true for pong. Guarded by the side's lock. */
    private boolean pongsTurn;

    @Setup(Level.Iteration)
    public void pingStarts() {
        pythreading = Benchmarks.isPythreading(impl);
        pongsTurn = false;
    }

    /** Gives the turn to pong and waits until it comes back. */
    @Benchmark
    @Group("pingpong")
    @GroupThreads(1)
    public boolean ping(Control control) throws InterruptedException {
        if (pythreading) {
            condition.acquire();
            try {
                pongsTurn = true;
                condition.signal();
                while (pongsTurn) {
                    if (!condition.await(Benchmarks.PARTNER_TIMEOUT_SECONDS) && control.stopMeasurement) {
                        return false;
                    }
                }
            } finally {
                condition.release();
            }
        } else {
            jucLock.lock();
            try {
                pongsTurn = true;
                jucCondition.signal();
                while (pongsTurn) {
                    if (!jucCondition.await(Benchmarks.PARTNER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                            && control.stopMeasurement) {
                        return false;
                    }
                }
            } finally {
                jucLock.unlock();
            }
        }
        return true;
    }

    /** Waits for its turn, then gives it back to ping. */
    @Benchmark
    @Group("pingpong")
    @GroupThreads(1)
    public boolean pong(Control control) throws InterruptedException {
        if (pythreading) {
            condition.acquire();
            try {
                while (!pongsTurn) {
                    if (!condition.await(Benchmarks.PARTNER_TIMEOUT_SECONDS) && control.stopMeasurement) {
                        return false;
                    }
                }
                pongsTurn = false;
                condition.signal();
            } finally {
                condition.release();
            }
        } else {
            jucLock.lock();
            try {
                while (!pongsTurn) {
                    if (!jucCondition.await(Benchmarks.PARTNER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                            && control.stopMeasurement) {
                        return false;
                    }
                }
                pongsTurn = false;
                jucCondition.signal();
            } finally {
                jucLock.unlock();
            }
        }
        return true;
    }
}
