package pythreading.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import pythreading.threading.Event;

/**
 * Two threads wake each other in turn; one operation is one round trip, as each of the two
 * threads sees it (the score, the average over both threads, is the time per round trip).
 *
 * <ul>
 *   <li>pythreading: two {@link Event}s. {@code ping} sets {@code request}, waits for
 *       {@code reply} and clears it; {@code pong} waits for {@code request}, clears it and
 *       sets {@code reply}.
 *   <li>juc: two {@link Semaphore}{@code (0)} (an event that is cleared as it is taken).
 *       {@code ping} releases {@code request} and acquires {@code reply}; {@code pong}
 *       acquires {@code request} and releases {@code reply}.
 * </ul>
 *
 * <p>Every wait on both sides is a timed one (10 ms, Python's {@code event.wait(0.01)}
 * against {@code tryAcquire(10, MILLISECONDS)}), repeated until the partner answers or
 * JMH's {@link Control#stopMeasurement} says the measurement is over: at the end of an
 * iteration the partner may have left, and no thread may be left blocked. The signals
 * are new for each iteration ({@code @Setup(Level.Iteration)}, which JMH runs when both
 * threads are out of the benchmark), so a round trip cut short at the end of one
 * iteration leaves nothing behind for the next.
 *
 * <p>Fairness: each side does one signal and one timed wait per thread per round trip.
 * Python's protocol needs the extra {@code clear()}: an Event stays set, where a permit
 * is taken by the wait; that {@code clear()} is part of what an Event round trip costs.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventPingPongBenchmark {

    @Param({"juc", "pythreading"})
    public String impl;

    private boolean pythreading;
    private Event request;
    private Event reply;
    private Semaphore jucRequest;
    private Semaphore jucReply;

    @Setup(Level.Iteration)
    public void newSignals() {
        pythreading = Benchmarks.isPythreading(impl);
        request = new Event();
        reply = new Event();
        jucRequest = new Semaphore(0);
        jucReply = new Semaphore(0);
    }

    /** Signals the partner, then waits for its answer. */
    @Benchmark
    @Group("pingpong")
    @GroupThreads(1)
    public boolean ping(Control control) throws InterruptedException {
        if (pythreading) {
            request.set();
            if (!awaitEvent(reply, control)) {
                return false;
            }
            reply.clear();
        } else {
            jucRequest.release();
            if (!acquirePermit(jucReply, control)) {
                return false;
            }
        }
        return true;
    }

    /** Waits for the partner's signal, then answers it. */
    @Benchmark
    @Group("pingpong")
    @GroupThreads(1)
    public boolean pong(Control control) throws InterruptedException {
        if (pythreading) {
            if (!awaitEvent(request, control)) {
                return false;
            }
            request.clear();
            reply.set();
        } else {
            if (!acquirePermit(jucRequest, control)) {
                return false;
            }
            jucReply.release();
        }
        return true;
    }

    /** Waits for {@code event}; false if the measurement stopped first. */
    private static boolean awaitEvent(Event event, Control control) {
        while (!event.await(Benchmarks.PARTNER_TIMEOUT_SECONDS)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }

    /** Takes a permit of {@code semaphore}; false if the measurement stopped first. */
    private static boolean acquirePermit(Semaphore semaphore, Control control) throws InterruptedException {
        while (!semaphore.tryAcquire(Benchmarks.PARTNER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            if (control.stopMeasurement) {
                return false;
            }
        }
        return true;
    }
}
