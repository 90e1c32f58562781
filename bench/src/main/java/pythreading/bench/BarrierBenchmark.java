package pythreading.bench;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import pythreading.threading.Barrier;
import pythreading.threading.BrokenBarrierError;

/**
 * Two threads meet at a barrier again and again; one operation is one {@code await} by
 * one of them, so the score (the average over both threads) is the time per cycle.
 * pythreading's {@link Barrier}{@code (2)} {@code await(0.01)} beside
 * {@link CyclicBarrier}{@code (2)} {@code await(10, MILLISECONDS)}.
 *
 * <p>The waits are timed so that no thread is left waiting when its partner has left at
 * the end of an iteration: JMH's {@link Control#stopMeasurement} then says to give up.
 * Both barriers break when a wait times out, and a timeout can also happen in the middle
 * of a measurement, when the partner was descheduled for 10 ms on a busy machine. Then
 * the same recovery runs on both sides, and only one thread resets, so that two resets
 * cannot break each other's next cycle: the {@code leader} resets the barrier as soon as
 * it sees it broken and waits again; the {@code follower} waits for the reset (spinning
 * with {@code Thread.yield()}) before it waits again. Each iteration starts with a new
 * barrier ({@code @Setup(Level.Iteration)}, run when both threads are out of the
 * benchmark), since the last cycle of the previous one is normally broken.
 *
 * <p>Fairness: the same number of timed awaits per cycle, the same recovery; the
 * pythreading barrier's extra work (its index is the arrival order and a cycle drains
 * before the next one fills, as in CPython) is part of what it costs.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BarrierBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private Barrier barrier;
    private CyclicBarrier jucBarrier;

    @Setup(Level.Iteration)
    public void newBarrier() {
        pythreading = Benchmarks.isPythreading(impl);
        barrier = new Barrier(2);
        jucBarrier = new CyclicBarrier(2);
    }

    /** Waits at the barrier; after a break, resets it and waits again. */
    @Benchmark
    @Group("cycle")
    @GroupThreads(1)
    public int leader(Control control) throws InterruptedException {
        while (true) {
            int index = arrive();
            if (index >= 0 || control.stopMeasurement) {
                return index;
            }
            if (pythreading) {
                barrier.reset();
            } else {
                jucBarrier.reset();
            }
        }
    }

    /** Waits at the barrier; after a break, waits for the leader's reset and waits again. */
    @Benchmark
    @Group("cycle")
    @GroupThreads(1)
    public int follower(Control control) throws InterruptedException {
        while (true) {
            int index = arrive();
            if (index >= 0) {
                return index;
            }
            while (pythreading ? barrier.isBroken() : jucBarrier.isBroken()) {
                if (control.stopMeasurement) {
                    return index;
                }
                Thread.yield();
            }
        }
    }

    /** One timed await: the arrival index, or -1 if the barrier broke or the wait timed out. */
    private int arrive() throws InterruptedException {
        if (pythreading) {
            try {
                return barrier.await(Benchmarks.PARTNER_TIMEOUT_SECONDS);
            } catch (BrokenBarrierError e) {
                return -1;
            }
        }
        try {
            return jucBarrier.await(Benchmarks.PARTNER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (BrokenBarrierException | TimeoutException e) {
            return -1;
        }
    }
}
