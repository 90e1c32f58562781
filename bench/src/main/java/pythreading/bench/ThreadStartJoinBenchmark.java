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

/**
 * One operation is the whole life of one thread that does nothing: create it, start it,
 * join it.
 *
 * <ul>
 *   <li>pythreading, {@code kind=platform}: {@code new Thread(task)}, {@code start()},
 *       {@code join()}; {@code kind=virtual}:
 *       {@code Thread.builder().target(task).virtual(true).build()}, then the same.
 *   <li>juc, {@code kind=platform}: {@code new java.lang.Thread(task)}, {@code start()},
 *       {@code join()}; {@code kind=virtual}: {@code Thread.ofVirtual().start(task)},
 *       {@code join()} (through a method handle, so this compiles on Java 17).
 * </ul>
 *
 * <p>What pythreading does beyond the Java thread is part of what is measured, as it is
 * part of what its users pay: a {@code Thread-N} name, registration for
 * {@code threading.enumerate()}, and a {@code start()} that, as CPython's, returns only
 * once the new thread is running (java.lang.Thread's returns at once; the join that
 * follows waits for the thread either way). Both sides' threads are daemons: each
 * inherits the status of JMH's worker thread, a daemon (pythreading counts a thread it
 * did not start as one), so the keep-alive that pythreading adds for a non-daemon
 * virtual thread is not in these figures.
 *
 * <p>{@code kind=virtual} needs Java 21: on an older JVM the trial fails at setup with an
 * {@link UnsupportedOperationException} saying so.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThreadStartJoinBenchmark {

    private static final Runnable NOTHING = () -> { };

    @Param({"juc", "pythreading"})
    public String impl;

    @Param({"platform", "virtual"})
    public String kind;

    private boolean pythreadingSide;
    private boolean virtual;

    @Setup
    public void setUp() {
        pythreadingSide = Benchmarks.isPythreading(impl);
        switch (kind) {
            case "platform":
                virtual = false;
                break;
            case "virtual":
                virtual = true;
                JavaVirtualThreads.requireSupported();
                break;
            default:
                throw new IllegalArgumentException("unknown kind: " + kind + " (expected platform or virtual)");
        }
    }

    /** Creates, starts and joins one thread with an empty body. */
    @Benchmark
    public void startJoin() throws InterruptedException {
        if (pythreadingSide) {
            pythreading.threading.Thread thread = virtual
                    ? pythreading.threading.Thread.builder().target(NOTHING).virtual(true).build()
                    : new pythreading.threading.Thread(NOTHING);
            thread.start();
            thread.join();
        } else if (virtual) {
            JavaVirtualThreads.start(NOTHING).join();
        } else {
            Thread thread = new Thread(NOTHING);
            thread.start();
            thread.join();
        }
    }
}
