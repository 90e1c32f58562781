package pythreading.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import pythreading.threading.Thread;

/**
 * The soak: many threads making random blocking, timed and non-blocking calls on shared
 * primitives of every kind, while one thread interrupts them at random and another shuts
 * queues (and now and then the thread pool) down and replaces them. When the time is up
 * it stops the workers, wakes those still waiting in the ways the primitives allow (never
 * by interrupting), reports any that does not return, and checks the invariants.
 *
 * <pre>{@code
 * SoakResult result = new SoakEngine().run(Duration.ofSeconds(30), 12, 42);
 * assert result.passed();
 * }</pre>
 */
public final class SoakEngine {

    /**
     * Whether the workers run on virtual threads (JDK 21+; the default is platform threads).
     *
     * @throws UnsupportedOperationException on a JVM without virtual threads
     */
    public SoakEngine virtualThreads(boolean virtual) {
        if (virtual) {
            Thread.builder().virtual(true); // refuses, with pythreading's message, before JDK 21
        }
        this.virtual = virtual;
        return this;
    }

    /** How long the workers get to return once the run is over, before they count as stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(10);

    private Duration stuckAfter = STUCK_AFTER;
    private boolean virtual;
    private UnaryOperator<SoakQueue> queueDecorator = UnaryOperator.identity();
    private Consumer<SoakProgress> progress = p -> { };

    /** The default number of workers: twice the cores, plus four, and at least eight. */
    public static int defaultThreads() {
        return Math.max(8, 2 * Runtime.getRuntime().availableProcessors() + 4);
    }

    /** Wraps every queue the soak makes (a test's faulty queue, say). */
    public SoakEngine queueDecorator(UnaryOperator<SoakQueue> decorator) {
        this.queueDecorator = Objects.requireNonNull(decorator, "decorator");
        return this;
    }

    /** Called about once a second, from the thread that called {@link #run}. */
    public SoakEngine onProgress(Consumer<SoakProgress> listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** How long the workers get to return once the run is over (10 s unless a test says otherwise). */
    SoakEngine stuckAfter(Duration bound) {
        this.stuckAfter = bound;
        return this;
    }

    /**
     * Runs the soak for {@code duration} with {@code threads} workers, their random
     * choices drawn from {@code seed}, and returns what it did and found.
     */
    public SoakResult run(Duration duration, int threads, long seed) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive: " + duration);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed: " + threads);
        }
        SplittableRandom random = new SplittableRandom(seed);
        RunState state = new RunState(threads);

        List<QueueTarget> queues = new ArrayList<>();
        for (QueueKind kind : QueueKind.values()) {
            queues.add(new QueueTarget(kind, queueDecorator, state));
        }
        PoolTarget pool = new PoolTarget(state);
        List<Target> targets = new ArrayList<>(List.of(
                new LockTarget(state), new RLockTarget(state), new ConditionTarget(state, true),
                new ConditionTarget(state, false),
                new SemaphoreTarget(state, false), new SemaphoreTarget(state, true),
                new EventTarget(state), new BarrierTarget(state)));
        targets.addAll(queues);
        targets.add(pool);
        Target[] all = targets.toArray(new Target[0]);

        Worker[] workers = new Worker[threads];
        Thread[] workerThreads = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = new Worker(i, random.split(), all, state);
            workerThreads[i] = Thread.builder().name("soak-worker-" + i).daemon(true).virtual(virtual)
                    .target(workers[i]).build();
        }
        Thread interrupter = Thread.builder().name("soak-interrupter").daemon(true)
                .target(new Interrupter(workers, state, random.split())).build();
        Thread shutter = Thread.builder().name("soak-shutter").daemon(true)
                .target(new Shutter(queues, pool, state, random.split())).build();

        long start = System.nanoTime();
        for (Thread t : workerThreads) {
            t.start();
        }
        interrupter.start();
        shutter.start();
        long end = start + duration.toNanos();
        for (long next = start + TimeUnit.SECONDS.toNanos(1); ; next += TimeUnit.SECONDS.toNanos(1)) {
            long now;
            while ((now = System.nanoTime()) - Math.min(next, end) < 0) {
                LockSupport.parkNanos(Math.min(next, end) - now);
            }
            if (now - end >= 0) {
                break;
            }
            progress.accept(new SoakProgress(Duration.ofNanos(now - start), duration, operations(all),
                    state.interruptsDelivered.sum(), state.violations.count()));
        }
        state.stopping = true;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        interrupter.join();
        shutter.join();

        List<Thread> stuck = stopWorkers(workerThreads, all, stuckAfter);
        for (Thread t : stuck) {
            state.violations.add(t.getName(), "still running " + stuckAfter.toMillis() / 1000.0 + " s after the run ended"
                    + stackTrace(workers[indexOf(workerThreads, t)].javaThread));
        }
        for (Target target : all) {
            try {
                target.check(state.violations);
            } catch (RuntimeException | Error e) {
                state.violations.unexpected(target.counters().name, e);
            }
        }
        List<PrimitiveStats> stats = new ArrayList<>();
        for (Target target : all) {
            stats.add(target.counters().snapshot());
        }
        return new SoakResult(elapsed, threads, virtual, seed, stats, state.interruptsDelivered.sum(),
                state.queueShutdowns.sum(), state.immediateShutdowns.sum(), state.poolShutdowns.sum(),
                state.itemsPut.sum(), state.itemsGot.sum(), state.itemsLeft.sum(), state.itemsDiscarded.sum(),
                state.violations.count(), state.violations.kept());
    }

    /** Wakes the waiters again and again until every worker has returned; those that do not are stuck. */
    private static List<Thread> stopWorkers(Thread[] workerThreads, Target[] targets, Duration stuckAfter) {
        long deadline = System.nanoTime() + stuckAfter.toNanos();
        List<Thread> running = new ArrayList<>(List.of(workerThreads));
        while (!running.isEmpty() && System.nanoTime() - deadline < 0) {
            for (Target target : targets) {
                target.wake();
            }
            running.get(0).join(0.01);
            running.removeIf(t -> !t.isAlive());
        }
        return running;
    }

    private static long operations(Target[] targets) {
        long sum = 0;
        for (Target target : targets) {
            sum += target.counters().operations.sum();
        }
        return sum;
    }

    private static int indexOf(Thread[] threads, Thread t) {
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] == t) {
                return i;
            }
        }
        throw new IllegalArgumentException(t.getName());
    }

    private static String stackTrace(java.lang.Thread thread) {
        StringBuilder text = new StringBuilder();
        if (thread != null) {
            for (StackTraceElement frame : thread.getStackTrace()) {
                text.append(System.lineSeparator()).append("        at ").append(frame);
            }
        }
        return text.toString();
    }
}
