package pythreading.bench;

import java.util.concurrent.TimeUnit;
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

/**
 * One operation starts {@code count} virtual threads, each with an empty body, one after
 * the other from the benchmark thread, and then joins them all in the same order.
 *
 * <ul>
 *   <li>pythreading: {@code Thread.builder().target(task).virtual(true).build()} and
 *       {@code start()} for each, then {@code join()} for each. Everything a pythreading
 *       thread carries is included: its {@code Thread-N} name, its registration for
 *       {@code enumerate()}, and a {@code start()} that returns once the thread runs.
 *       The threads are daemons, as JMH's worker thread that creates them is, so the
 *       keep-alive that pythreading adds for a non-daemon virtual thread is not included.
 *   <li>juc: {@code Thread.ofVirtual().start(task)} for each (through a method handle,
 *       so this compiles on Java 17), then {@code join()} for each.
 * </ul>
 *
 * <p>Single-shot: each measured operation is one batch of {@code count} threads. The
 * array that holds them is allocated before the measurement and dropped after it, the
 * same on both sides; garbage collection runs as it would for a user, on both sides
 * alike. Needs Java 21: on an older JVM the trial fails at setup, saying so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(1)
public class ManyThreadsBenchmark {

    private static final Runnable NOTHING = () -> { };

    @Param({"juc", "pythreading"})
    public String impl;

    @Param({"100000", "1000000"})
    public int count;

    private boolean pythreadingSide;
    private pythreading.threading.Thread[] pythreadingThreads;
    private Thread[] javaThreads;

    @Setup(Level.Trial)
    public void setUp() {
        pythreadingSide = Benchmarks.isPythreading(impl);
        JavaVirtualThreads.requireSupported();
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }

    @Setup(Level.Iteration)
    public void newArray() {
        if (pythreadingSide) {
            pythreadingThreads = new pythreading.threading.Thread[count];
        } else {
            javaThreads = new Thread[count];
        }
    }

    @TearDown(Level.Iteration)
    public void dropArray() {
        pythreadingThreads = null;
        javaThreads = null;
    }

    /** Starts {@code count} virtual threads, then joins them all. */
    @Benchmark
    public void startAllThenJoinAll() throws InterruptedException {
        if (pythreadingSide) {
            pythreading.threading.Thread[] threads = pythreadingThreads;
            for (int i = 0; i < threads.length; i++) {
                threads[i] = pythreading.threading.Thread.builder().target(NOTHING).virtual(true).build();
                threads[i].start();
            }
            for (pythreading.threading.Thread thread : threads) {
                thread.join();
            }
        } else {
            Thread[] threads = javaThreads;
            for (int i = 0; i < threads.length; i++) {
                threads[i] = JavaVirtualThreads.start(NOTHING);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
