package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Randomised stress of every queue: producers, consumers and an interrupter mix blocking,
 * timed and non-blocking calls, a shutdown (plain or immediate) comes in the middle, and
 * every item is accounted for: none lost, none delivered twice, none delivered whose put
 * failed, and the unfinished-task count agrees.
 *
 * <p>The seed is printed on failure; {@code -Dpythreading.queue.stressSeed=N} replays the
 * same mix of calls (the interleaving itself is up to the machine).
 */
@Timeout(60)
class QueueStressTest {

    /** How long producers and consumers run before the shutdown (or the stop). */
    private static final long RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(800);
    /**
     * How long one side pauses just before the shutdown: paused consumers let producers fill
     * the queue and block in put, paused producers let consumers empty it and block in get.
     */
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int PRODUCERS = 3;
    private static final int CONSUMERS = 3;
    /** Ids handed out at most; the producers stop when they run out. */
    private static final int MAX_IDS = 1 << 22;
    /**
     * Producers of an unbounded queue wait while it holds more than this, so that it never
     * holds more than {@code BACKLOG + PRODUCERS} (each producer checks, then puts one).
     */
    private static final int BACKLOG = 256;
    /** Ends a SimpleQueue consumer; never an id. */
    private static final Integer SENTINEL = -1;

    private static final int NOT_PUT = 0;
    private static final int PUT_RETURNED = 1;
    private static final int PUT_THREW = 2;

    /** A PriorityQueue order with many ties: null first, then id % 8. */
    static final class ByResidue implements Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            return Integer.compare(a % 8, b % 8);
        }
    }

    enum Kind {
        BOUNDED(4) {
            @Override
            Queue<Integer> create() {
                return new Queue<>(4);
            }
        },
        UNBOUNDED(0) {
            @Override
            Queue<Integer> create() {
                return new Queue<>();
            }
        },
        LIFO(4) {
            @Override
            Queue<Integer> create() {
                return new LifoQueue<>(4);
            }
        },
        PRIORITY(4) {
            @Override
            Queue<Integer> create() {
                return new PriorityQueue<>(4, new ByResidue());
            }
        };

        final int maxsize;

        Kind(int maxsize) {
            this.maxsize = maxsize;
        }

        abstract Queue<Integer> create();
    }

    /** The calls the workers make, over a Queue or a SimpleQueue. */
    private interface Subject {
        void put(Integer x);

        void put(Integer x, double timeout);

        void putNowait(Integer x);

        Integer get();

        Integer get(double timeout);

        Integer getNowait();

        int qsize();
    }

    private static Subject of(Queue<Integer> q) {
        return new Subject() {
            public void put(Integer x) {
                q.put(x);
            }

            public void put(Integer x, double timeout) {
                q.put(x, true, timeout);
            }

            public void putNowait(Integer x) {
                q.putNowait(x);
            }

            public Integer get() {
                return q.get();
            }

            public Integer get(double timeout) {
                return q.get(true, timeout);
            }

            public Integer getNowait() {
                return q.getNowait();
            }

            public int qsize() {
                return q.qsize();
            }
        };
    }

    private static Subject of(SimpleQueue<Integer> q) {
        return new Subject() {
            public void put(Integer x) {
                q.put(x);
            }

            public void put(Integer x, double timeout) {
                q.put(x, true, timeout);
            }

            public void putNowait(Integer x) {
                q.putNowait(x);
            }

            public Integer get() {
                return q.get();
            }

            public Integer get(double timeout) {
                return q.get(true, timeout);
            }

            public Integer getNowait() {
                return q.getNowait();
            }

            public int qsize() {
                return q.qsize();
            }
        };
    }

    /** One run: the workers, and what they recorded. */
    private static final class Run {
        final Subject subject;
        final boolean bounded;
        final long seed;

        final AtomicInteger nextId = new AtomicInteger();
        final AtomicIntegerArray putState = new AtomicIntegerArray(MAX_IDS);
        /** Times each id was got by a consumer. */
        final AtomicIntegerArray got = new AtomicIntegerArray(MAX_IDS);
        final LongAdder nullsPutReturned = new LongAdder();
        final LongAdder nullsGot = new LongAdder();
        final LongAdder putsReturned = new LongAdder();
        final LongAdder gets = new LongAdder();
        final LongAdder taskDones = new LongAdder();
        final LongAdder interruptions = new LongAdder();
        final AtomicInteger sentinelsGot = new AtomicInteger();
        final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

        /** Set just before the shutdown call: a ShutDown seen earlier is an error. */
        volatile boolean shutdownStarted;
        volatile boolean producersStop;
        volatile boolean consumersStop;
        /** Paused workers start no new call. */
        volatile boolean producersPaused;
        volatile boolean consumersPaused;
        volatile boolean interrupterStop;

        /** The queue's taskDone, or nothing for a SimpleQueue. */
        final Runnable taskDone;
        /** Which side pauses before the shutdown: chosen by the seed. */
        final boolean pauseConsumers;

        Run(Subject subject, boolean bounded, Runnable taskDone, long seed) {
            this.subject = subject;
            this.bounded = bounded;
            this.taskDone = taskDone;
            this.seed = seed;
            this.pauseConsumers = new SplittableRandom(seed).nextBoolean();
        }

        /** Runs the workers for a while, then pauses one side of them for a little while. */
        void runThenPause() {
            LockSupport.parkNanos(RUN_NANOS);
            if (pauseConsumers) {
                consumersPaused = true;
            } else {
                producersPaused = true;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }

        void resume() {
            consumersPaused = false;
            producersPaused = false;
        }

        void produce(SplittableRandom random) {
            while (!producersStop) {
                if (producersPaused) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                if (!bounded) {
                    while (subject.qsize() > BACKLOG && !producersStop) {
                        java.lang.Thread.onSpinWait();
                    }
                }
                boolean isNull = random.nextInt(64) == 0;
                int id = -1;
                if (!isNull) {
                    id = nextId.getAndIncrement();
                    if (id >= MAX_IDS) {
                        return;
                    }
                }
                Integer item = isNull ? null : id;
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> subject.put(item);
                        case 1 -> subject.put(item, 0.001 * random.nextInt(1, 5));
                        default -> subject.putNowait(item);
                    }
                    if (isNull) {
                        nullsPutReturned.increment();
                    } else {
                        putState.set(id, PUT_RETURNED);
                    }
                    putsReturned.increment();
                } catch (Full | ShutDown | UncheckedInterruptedException e) {
                    if (!isNull) {
                        putState.set(id, PUT_THREW);
                    }
                    if (e instanceof UncheckedInterruptedException) {
                        interruptions.increment();
                        java.lang.Thread.interrupted();
                    } else if (e instanceof ShutDown) {
                        if (!shutdownStarted) {
                            errors.add(new AssertionError("put threw ShutDown before any shutdown", e));
                        }
                        return;
                    }
                } catch (Throwable e) {
                    errors.add(e);
                    return;
                }
            }
        }

        void consume(SplittableRandom random) {
            while (!consumersStop) {
                if (consumersPaused) {
                    LockSupport.parkNanos(100_000);
                    continue;
                }
                Integer item;
                try {
                    switch (random.nextInt(3)) {
                        case 0 -> item = subject.get();
                        case 1 -> item = subject.get(0.001 * random.nextInt(1, 5));
                        default -> item = subject.getNowait();
                    }
                } catch (Empty e) {
                    continue;
                } catch (UncheckedInterruptedException e) {
                    interruptions.increment();
                    java.lang.Thread.interrupted();
                    continue;
                } catch (ShutDown e) {
                    if (!shutdownStarted) {
                        errors.add(new AssertionError("get threw ShutDown before any shutdown", e));
                    }
                    return;
                } catch (Throwable e) {
                    errors.add(e);
                    return;
                }
                if (SENTINEL.equals(item)) {
                    sentinelsGot.incrementAndGet();
                    return;
                }
                gets.increment();
                if (item == null) {
                    nullsGot.increment();
                } else if (got.incrementAndGet(item) > 1) {
                    errors.add(new AssertionError("item " + item + " was got twice"));
                }
                if (taskDone != null && random.nextInt(10) != 0) { // some items stay unfinished
                    try {
                        taskDone.run();
                        taskDones.increment();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            }
        }
    }

    /** Starts the workers and an interrupter aiming at them at random. */
    private static final class Workers {
        final List<java.lang.Thread> producers = new ArrayList<>();
        final List<java.lang.Thread> consumers = new ArrayList<>();
        final java.lang.Thread interrupter;

        Workers(Run run) {
            SplittableRandom seeds = new SplittableRandom(run.seed);
            for (int i = 0; i < PRODUCERS; i++) {
                SplittableRandom random = seeds.split();
                producers.add(new java.lang.Thread(() -> run.produce(random), "producer-" + i));
            }
            for (int i = 0; i < CONSUMERS; i++) {
                SplittableRandom random = seeds.split();
                consumers.add(new java.lang.Thread(() -> run.consume(random), "consumer-" + i));
            }
            List<java.lang.Thread> targets = new ArrayList<>(producers);
            targets.addAll(consumers);
            SplittableRandom random = seeds.split();
            interrupter = new java.lang.Thread(() -> {
                while (!run.interrupterStop) {
                    targets.get(random.nextInt(targets.size())).interrupt();
                    LockSupport.parkNanos(random.nextLong(50_000, 500_000));
                }
            }, "interrupter");
            producers.forEach(java.lang.Thread::start);
            consumers.forEach(java.lang.Thread::start);
            interrupter.start();
        }
    }

    private static void joinAll(List<java.lang.Thread> threads) throws InterruptedException {
        for (java.lang.Thread t : threads) {
            t.join();
        }
    }

    private static long seed() {
        return Long.getLong("pythreading.queue.stressSeed", System.nanoTime());
    }

    /** Runs {@code body}; on failure, names the seed to replay. */
    private static void withSeed(long seed, ThrowingRunnable body) throws Exception {
        try {
            body.run();
        } catch (Throwable e) {
            System.err.println("QueueStressTest failed with seed " + seed
                    + " (replay: -Dpythreading.queue.stressSeed=" + seed + ")");
            throw new AssertionError("seed " + seed + ": " + e, e);
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Stream<Arguments> queuesAndShutdowns() {
        return Stream.of(Kind.values())
                .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
    }

    // pythreading: no item is lost, duplicated or delivered after a failed put, across a shutdown
    // (a randomised, counted form of test_queue's test_shutdown[_immediate]_all_methods_in_many_threads)
    @ParameterizedTest(name = "{0}, immediate={1}")
    @MethodSource("queuesAndShutdowns")
    void everyItemIsAccountedFor(Kind kind, boolean immediate) throws Exception {
        long seed = seed();
        withSeed(seed, () -> checkQueue(kind, immediate, seed));
    }

    private static void checkQueue(Kind kind, boolean immediate, long seed) throws Exception {
        Queue<Integer> q = kind.create();
        Run run = new Run(of(q), kind.maxsize > 0, q::taskDone, seed);
        Workers workers = new Workers(run);

        run.runThenPause();
        run.shutdownStarted = true;
        q.shutdown(immediate); // wakes the blocked puts (consumers paused) or gets (producers paused)
        assertThat(q.isShutdown()).isTrue();
        run.resume();

        joinAll(workers.producers); // every put now throws ShutDown, blocked ones included
        run.consumersStop = true; // stop some consumers before the queue is empty
        joinAll(workers.consumers); // a get on a shut-down queue never waits for good
        run.interrupterStop = true;
        workers.interrupter.join();

        assertThat(run.errors).as("errors in the workers").isEmpty();

        // what is left, taken without task_done
        List<Integer> drained = new ArrayList<>();
        long nullsDrained = 0;
        for (;;) {
            Integer item;
            try {
                item = q.getNowait();
            } catch (ShutDown e) {
                break;
            }
            if (item == null) {
                nullsDrained++;
            } else {
                drained.add(item);
            }
        }
        assertThat(q.qsize()).isZero();
        if (immediate) {
            assertThat(drained).as("items left after an immediate shutdown").isEmpty();
            assertThat(nullsDrained).as("null items left after an immediate shutdown").isZero();
        }

        long notGot = checkItems(run, drained, nullsDrained, immediate);
        if (immediate) { // no more than the queue can hold
            int capacity = kind.maxsize > 0 ? kind.maxsize : BACKLOG + PRODUCERS;
            assertThat(notGot).as("items discarded by the immediate shutdown").isLessThanOrEqualTo(capacity);
        }

        // task_done bookkeeping: puts returned - task_done calls - items discarded
        long putsReturned = run.putsReturned.sum();
        long expectedUnfinished = putsReturned - run.taskDones.sum() - (immediate ? notGot : 0);
        assertThat(q.unfinishedTasks()).as("unfinished tasks").isEqualTo(expectedUnfinished);
        for (long i = 0; i < expectedUnfinished; i++) {
            q.taskDone();
        }
        q.join(); // returns: nothing unfinished
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        assertThatThrownBy(() -> q.putNowait(1)).isInstanceOf(ShutDown.class);

        assertThat(run.gets.sum()).as("items got").isPositive();
        assertThat(run.interruptions.sum()).as("interrupted calls").isPositive();
        System.out.printf("QueueStressTest %s immediate=%b paused=%s: ids=%d puts returned=%d got=%d drained=%d discarded=%d"
                + " interrupted=%d%n", kind, immediate, run.pauseConsumers ? "consumers" : "producers", run.nextId.get(), putsReturned, run.gets.sum(),
                drained.size() + nullsDrained, immediate ? notGot : 0, run.interruptions.sum());
    }

    /**
     * Checks every id: got at most once (by a consumer or the drain), never if its put
     * threw, and, unless an immediate shutdown may have discarded it, exactly once if its
     * put returned. The same for the null items, by count.
     *
     * @return how many items whose put returned were neither got nor drained
     */
    private static long checkItems(Run run, List<Integer> drained, long nullsDrained, boolean mayDiscard) {
        int[] drainedCount = new int[MAX_IDS];
        for (int id : drained) {
            drainedCount[id]++;
        }
        int ids = Math.min(run.nextId.get(), MAX_IDS);
        long notGot = 0;
        long returned = 0;
        for (int id = 0; id < ids; id++) {
            int times = run.got.get(id) + drainedCount[id];
            int state = run.putState.get(id);
            assertThat(times).as("times item %d was taken", id).isLessThanOrEqualTo(1);
            if (state == PUT_RETURNED) {
                returned++;
                if (times == 0) {
                    notGot++;
                    if (!mayDiscard) {
                        throw new AssertionError("item " + id + " was put and never taken");
                    }
                }
            } else {
                assertThat(times).as("times item %d was taken (put state %d)", id, state).isZero();
            }
        }
        long nullsPut = run.nullsPutReturned.sum();
        long nullsTaken = run.nullsGot.sum() + nullsDrained;
        assertThat(nullsTaken).as("null items taken").isLessThanOrEqualTo(nullsPut);
        if (!mayDiscard) {
            assertThat(nullsTaken).as("null items taken").isEqualTo(nullsPut);
        }
        assertThat(returned + nullsPut).as("puts returned").isEqualTo(run.putsReturned.sum());
        return notGot + (nullsPut - nullsTaken);
    }

    // pythreading: the same for SimpleQueue, stopped by sentinels (it has no shutdown)
    // (a counted form of test_queue's C_SimpleQueueTest.test_many_threads[_nonblock, _timeout])
    @Test
    void simpleQueueEveryItemIsAccountedFor() throws Exception {
        long seed = seed();
        withSeed(seed, () -> checkSimpleQueue(seed));
    }

    private static void checkSimpleQueue(long seed) throws Exception {
        SimpleQueue<Integer> q = new SimpleQueue<>();
        Run run = new Run(of(q), false, null, seed);
        Workers workers = new Workers(run);

        run.runThenPause();
        run.resume();
        run.producersStop = true;
        joinAll(workers.producers);
        run.interrupterStop = true;
        workers.interrupter.join();
        run.consumersStop = true; // some consumers stop at once, others at a sentinel
        for (int i = 0; i < CONSUMERS; i++) {
            q.put(SENTINEL);
        }
        joinAll(workers.consumers);

        assertThat(run.errors).as("errors in the workers").isEmpty();

        List<Integer> drained = new ArrayList<>();
        long nullsDrained = 0;
        int sentinelsDrained = 0;
        for (;;) {
            Integer item;
            try {
                item = q.getNowait();
            } catch (Empty e) {
                break;
            }
            if (item == null) {
                nullsDrained++;
            } else if (SENTINEL.equals(item)) {
                sentinelsDrained++;
            } else {
                drained.add(item);
            }
        }
        assertThat(run.sentinelsGot.get() + sentinelsDrained).as("sentinels").isEqualTo(CONSUMERS);
        assertThat(q.qsize()).isZero();
        checkItems(run, drained, nullsDrained, false);
        assertThat(run.gets.sum()).as("items got").isPositive();
        assertThat(run.interruptions.sum()).as("interrupted calls").isPositive();
        System.out.printf("QueueStressTest SimpleQueue: ids=%d puts returned=%d got=%d drained=%d interrupted=%d%n",
                run.nextId.get(), run.putsReturned.sum(), run.gets.sum(), drained.size() + nullsDrained,
                run.interruptions.sum());
    }
}
