package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's {@code lock_tests.BarrierTests} (run by test_threading for
 * {@code threading.Barrier}), with the Barrier behaviours of threading.py it leaves untested.
 */
@Timeout(10)
class BarrierTests {

    static final int N = 5;
    static final double DEFAULT_TIMEOUT = 2.0;

    /** lock_tests' {@code self.barrier}: N parties and a default timeout. */
    Barrier barrier;

    Barrier newBarrier(int parties) {
        return new Barrier(parties);
    }

    Barrier newBarrier(int parties, Runnable action) {
        return new Barrier(parties, action);
    }

    Barrier newBarrier(int parties, Runnable action, double timeout) {
        return new Barrier(parties, action, timeout);
    }

    @BeforeEach
    void setUp() {
        barrier = newBarrier(N, null, DEFAULT_TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        barrier.abort();
    }

    private static void runThreads(Runnable f) {
        Bunch.start(f, N).close();
    }

    /** One call of {@code Barrier.await} in its own Java thread. */
    private static final class Waiter {
        final java.lang.Thread thread;
        private volatile boolean done;
        private volatile int index = -1;
        private volatile Throwable error;

        private Waiter(String name, IntSupplier call) {
            thread = new java.lang.Thread(() -> {
                try {
                    index = call.getAsInt();
                } catch (Throwable e) {
                    error = e;
                } finally {
                    done = true;
                }
            }, name);
            thread.setDaemon(true);
        }

        static Waiter start(String name, IntSupplier call) {
            Waiter w = new Waiter(name, call);
            w.thread.start();
            return w;
        }

        boolean isDone() {
            return done;
        }

        /** Waits for the call to end; returns what it threw, or null. */
        Throwable join() {
            try {
                thread.join((long) (TestSupport.SHORT_TIMEOUT * 1000));
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(done).as("%s returned", thread.getName()).isTrue();
            return error;
        }

        /** Waits for the call to return normally; returns the index. */
        int index() {
            Throwable e = join();
            if (e != null) {
                throw new AssertionError(thread.getName() + " threw", e);
            }
            return index;
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await((long) TestSupport.SHORT_TIMEOUT, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void constructor() {
        // lock_tests.BarrierTests.test_constructor
        for (int parties : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> newBarrier(parties))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parties must be > 0");
            assertThatThrownBy(() -> newBarrier(parties, () -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parties must be > 0");
            assertThatThrownBy(() -> newBarrier(parties, null, 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parties must be > 0");
        }
    }

    /** lock_tests' multipass: the threads go through {@code passes} pairs of cycles in lockstep. */
    private void multipass(List<Boolean> results0, List<Boolean> results1, int passes) {
        int m = barrier.parties();
        assertThat(m).isEqualTo(N);
        for (int i = 0; i < passes; i++) {
            results0.add(true);
            assertThat(results1).hasSize(i * m);
            barrier.await();
            results1.add(true);
            assertThat(results0).hasSize((i + 1) * m);
            barrier.await();
        }
        assertThat(barrier.nWaiting()).isZero();
        assertThat(barrier.isBroken()).isFalse();
    }

    private void checkBarrier(int passes) {
        List<Boolean> results0 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        runThreads(() -> multipass(results0, results1, passes));
        assertThat(results0).hasSize(passes * N);
        assertThat(results1).hasSize(passes * N);
    }

    @Test
    void barrier() {
        // lock_tests.BarrierTests.test_barrier
        checkBarrier(1);
    }

    @Test
    void barrier10() {
        // lock_tests.BarrierTests.test_barrier_10
        checkBarrier(10);
    }

    @Test
    void waitReturn() {
        // lock_tests.BarrierTests.test_wait_return
        List<Integer> results = Collections.synchronizedList(new ArrayList<>());
        runThreads(() -> results.add(barrier.await()));
        assertThat(results).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    @Test
    void waitReturnEachIndexOncePerCycle() {
        // lock_tests.BarrierTests.test_wait_return, over several cycles: the action counts
        // the cycles, and no thread can start cycle k+1's action before it has read k
        int cycles = 10;
        AtomicInteger tripped = new AtomicInteger();
        Barrier b = newBarrier(N, tripped::incrementAndGet, DEFAULT_TIMEOUT); // a failing thread breaks it for the rest
        List<List<Integer>> indices = new ArrayList<>();
        for (int k = 0; k < cycles; k++) {
            indices.add(Collections.synchronizedList(new ArrayList<>()));
        }
        runThreads(() -> {
            for (int k = 0; k < cycles; k++) {
                int index = b.await();
                indices.get(tripped.get() - 1).add(index);
            }
        });
        for (int k = 0; k < cycles; k++) {
            assertThat(indices.get(k)).as("cycle %d", k).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    @Test
    void waitReturnIsArrivalOrder() {
        // lock_tests.BarrierTests.test_wait_return; PYTHON-SEMANTICS 1.7: the index is the
        // arrival order, 0 first (CyclicBarrier counts the other way)
        Barrier b = newBarrier(N);
        for (int cycle = 0; cycle < 3; cycle++) {
            List<Waiter> waiters = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                waiters.add(Waiter.start("arrival-" + i, b::await));
                if (i < N - 1) {
                    int arrived = i + 1;
                    TestSupport.waitUntil(arrived + " waiting", () -> b.nWaiting() == arrived);
                }
            }
            List<Integer> got = waiters.stream().map(Waiter::index).collect(Collectors.toList());
            assertThat(got).as("cycle %d", cycle).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void action() {
        // lock_tests.BarrierTests.test_action
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        Barrier b = newBarrier(N, () -> results.add(true));
        runThreads(() -> {
            b.await();
            assertThat(results).hasSize(1);
        });
    }

    @Test
    void actionRunsOncePerCycleInTheLastThreadBeforeRelease() {
        // lock_tests.BarrierTests.test_action, over several cycles, checking which thread runs it
        int cycles = 5;
        AtomicInteger runs = new AtomicInteger();
        List<java.lang.Thread> runners = Collections.synchronizedList(new ArrayList<>());
        Barrier b = newBarrier(N, () -> {
            runs.incrementAndGet();
            runners.add(java.lang.Thread.currentThread());
        }, DEFAULT_TIMEOUT); // a failing thread breaks it for the rest
        List<java.lang.Thread> lastArrivals = Collections.synchronizedList(new ArrayList<>());
        runThreads(() -> {
            for (int k = 1; k <= cycles; k++) {
                int index = b.await();
                // the action of this cycle ran before anyone was released, and the next
                // one cannot run before this thread arrives again
                assertThat(runs.get()).isEqualTo(k);
                if (index == N - 1) {
                    lastArrivals.add(java.lang.Thread.currentThread());
                }
            }
        });
        assertThat(runs.get()).isEqualTo(cycles);
        assertThat(runners).hasSize(cycles);
        assertThat(lastArrivals).hasSize(cycles);
        // per cycle, the action ran in the thread that got index N-1 (the lists are in
        // cycle order: each is appended to once per cycle, and cycles do not overlap)
        synchronized (runners) {
            synchronized (lastArrivals) {
                assertThat(runners).containsExactlyElementsOf(lastArrivals);
            }
        }
    }

    @Test
    void actionExceptionBreaksTheBarrier() {
        // threading.Barrier._release (no lock_tests case): if the action raises, the barrier
        // breaks, its thread gets the action's exception and the others BrokenBarrierError
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<java.lang.Thread> actionThread = new AtomicReference<>();
        Barrier b = newBarrier(3, () -> {
            actionThread.set(java.lang.Thread.currentThread());
            throw boom;
        });
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<java.lang.Thread> boomThread = new AtomicReference<>();
        Bunch.start(() -> {
            try {
                b.await();
                errors.add(new AssertionError("await returned"));
            } catch (RuntimeException e) {
                errors.add(e);
                if (e == boom) {
                    boomThread.set(java.lang.Thread.currentThread());
                }
            }
        }, 3).close();
        assertThat(errors).hasSize(3);
        assertThat(errors).filteredOn(e -> e == boom).hasSize(1);
        assertThat(errors).filteredOn(e -> e instanceof BrokenBarrierError).hasSize(2);
        assertThat(boomThread.get()).isSameAs(actionThread.get());
        assertThat(b.isBroken()).isTrue();
        assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class);
    }

    @Test
    void abort() {
        // lock_tests.BarrierTests.test_abort
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results2 = Collections.synchronizedList(new ArrayList<>());
        runThreads(() -> {
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    barrier.abort();
                    return;
                }
                barrier.await();
                results1.add(true);
            } catch (BrokenBarrierError e) {
                results2.add(true);
            }
        });
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1);
        assertThat(barrier.isBroken()).isTrue();
        // later calls fail too, at once
        assertThatThrownBy(barrier::await).isInstanceOf(BrokenBarrierError.class);
        assertThatThrownBy(() -> barrier.await(0.0)).isInstanceOf(BrokenBarrierError.class);
    }

    @Test
    void abortWakesEveryWaiterAndStaysBroken() {
        // lock_tests.BarrierTests.test_abort, with the waiters known to be blocked
        Barrier b = newBarrier(3);
        Waiter w1 = Waiter.start("w1", b::await);
        Waiter w2 = Waiter.start("w2", b::await);
        TestSupport.waitUntil("two waiting", () -> b.nWaiting() == 2);
        assertThat(b.isBroken()).isFalse();
        b.abort();
        assertThat(w1.join()).isInstanceOf(BrokenBarrierError.class);
        assertThat(w2.join()).isInstanceOf(BrokenBarrierError.class).hasMessage(null);
        assertThat(b.isBroken()).isTrue();
        assertThat(b.nWaiting()).isZero();
        assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class);
        assertThat(b.isBroken()).isTrue();
        b.reset();
        assertThat(b.isBroken()).isFalse();
    }

    @Test
    void reset() {
        // lock_tests.BarrierTests.test_reset
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results2 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results3 = Collections.synchronizedList(new ArrayList<>());
        runThreads(() -> {
            int i = barrier.await();
            if (i == N / 2) {
                TestSupport.waitUntil("the others wait", () -> barrier.nWaiting() >= N - 1);
                barrier.reset();
            } else {
                try {
                    barrier.await();
                    results1.add(true);
                } catch (BrokenBarrierError e) {
                    results2.add(true);
                }
            }
            // now pass the barrier again
            barrier.await();
            results3.add(true);
        });
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1);
        assertThat(results3).hasSize(N);
    }

    @Test
    void resetOfAnIdleOrBrokenBarrier() {
        // threading.Barrier.reset (no lock_tests case): with nobody waiting it simply
        // reopens the barrier, broken or not
        Barrier b = newBarrier(1);
        b.reset();
        assertThat(b.await()).isZero();
        b.abort();
        assertThat(b.isBroken()).isTrue();
        b.reset();
        assertThat(b.isBroken()).isFalse();
        assertThat(b.await()).isZero();
    }

    @Test
    void abortAndReset() {
        // lock_tests.BarrierTests.test_abort_and_reset
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results2 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results3 = Collections.synchronizedList(new ArrayList<>());
        Barrier barrier2 = newBarrier(N);
        runThreads(() -> {
            try {
                int i = barrier.await();
                if (i == N / 2) {
                    barrier.abort();
                } else {
                    barrier.await();
                    results1.add(true);
                }
            } catch (BrokenBarrierError e) {
                results2.add(true);
            }
            // everyone has left the barrier before the reset, and nobody enters it before
            if (barrier2.await() == N / 2) {
                barrier.reset();
            }
            barrier2.await();
            barrier.await();
            results3.add(true);
        });
        assertThat(results1).isEmpty();
        assertThat(results2).hasSize(N - 1);
        assertThat(results3).hasSize(N);
    }

    @Test
    void timeout() {
        // lock_tests.BarrierTests.test_timeout: one thread is late, so the others' shorter
        // timeout breaks the barrier; the late thread waits for them instead of sleeping
        CountDownLatch othersDone = new CountDownLatch(N - 1);
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        double shortTimeout = DEFAULT_TIMEOUT / 4;
        runThreads(() -> {
            int i = barrier.await();
            if (i == N / 2) {
                awaitLatch(othersDone);
                assertThatThrownBy(() -> barrier.await(shortTimeout)).isInstanceOf(BrokenBarrierError.class);
            } else {
                long start = System.nanoTime();
                try {
                    assertThatThrownBy(() -> barrier.await(shortTimeout)).isInstanceOf(BrokenBarrierError.class);
                } finally {
                    times.add(TestSupport.secondsSince(start));
                    othersDone.countDown();
                }
            }
        });
        assertThat(barrier.isBroken()).isTrue();
        // the first timeout to expire broke the barrier for all the others
        assertThat(times).hasSize(N - 1);
        for (double dt : times) {
            assertThat(dt).isLessThan(shortTimeout * 10 * TestSupport.FACTOR);
        }
        assertThat(Collections.max(times)).isGreaterThanOrEqualTo(shortTimeout * 0.6);
    }

    @Test
    void timeoutBreaksTheBarrierForEveryone() {
        // lock_tests.BarrierTests.test_timeout; PYTHON-SEMANTICS 1.7: a waiter whose
        // timeout expires breaks the barrier, even for a waiter without a timeout
        Barrier b = newBarrier(3);
        Waiter patient = Waiter.start("patient", b::await);
        TestSupport.waitUntil("patient waits", () -> b.nWaiting() == 1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> b.await(0.2)).isInstanceOf(BrokenBarrierError.class);
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.2);
        assertThat(patient.join()).isInstanceOf(BrokenBarrierError.class);
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void nonPositiveTimeoutBreaksUnlessLast() {
        // PYTHON-SEMANTICS table 1.1 (threading.Barrier.wait, no lock_tests case): a
        // timeout of zero or less breaks the barrier at once unless the caller is last
        Barrier b = newBarrier(2);
        assertThatThrownBy(() -> b.await(0.0)).isInstanceOf(BrokenBarrierError.class);
        assertThat(b.isBroken()).isTrue();
        b.reset();
        assertThatThrownBy(() -> b.await(-1.0)).isInstanceOf(BrokenBarrierError.class);
        assertThat(b.isBroken()).isTrue();
        b.reset();
        Waiter first = Waiter.start("first", b::await);
        TestSupport.waitUntil("first waits", () -> b.nWaiting() == 1);
        assertThat(b.await(0.0)).isEqualTo(1);
        assertThat(first.index()).isZero();
        Barrier single = newBarrier(1);
        assertThat(single.await(0.0)).isZero();
        assertThat(single.await(-1.0)).isZero();
    }

    @Test
    void durationTimeout() {
        // pythreading: await(Duration) times out (and breaks the barrier) as await(double) does
        Barrier b = newBarrier(2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> b.await(TestSupport.seconds(0.2))).isInstanceOf(BrokenBarrierError.class);
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.2);
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void defaultDurationTimeout() {
        // pythreading: Barrier(parties, action, Duration) sets await()'s default timeout as the double form does
        Barrier b = new Barrier(2, null, TestSupport.seconds(0.1));
        long start = System.nanoTime();
        assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class);
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.1);
        assertThat(b.isBroken()).isTrue();
        assertThatThrownBy(() -> new Barrier(2, null, (java.time.Duration) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultTimeout() {
        // lock_tests.BarrierTests.test_default_timeout
        double timeout = 0.100;
        Barrier b = newBarrier(2, null, timeout);
        long start = System.nanoTime();
        Bunch.start(() -> assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class), 1).close();
        TestSupport.assertTimeout(TestSupport.secondsSince(start), timeout);
        assertThat(b.isBroken()).isTrue();
    }

    @Test
    void singleThread() {
        // lock_tests.BarrierTests.test_single_thread
        Barrier b = newBarrier(1);
        assertThat(b.await()).isZero();
        assertThat(b.await()).isZero();
    }

    @Test
    void repr() {
        // lock_tests.BarrierTests.test_repr
        Barrier b = newBarrier(3);
        assertThat(b.toString()).matches("<pythreading\\.threading\\.Barrier at 0x[0-9a-f]+: waiters=0/3>");
        try (Bunch bunch = Bunch.start(() -> {
            assertThatThrownBy(() -> b.await(TestSupport.SHORT_TIMEOUT)).isInstanceOf(BrokenBarrierError.class);
        }, 2)) {
            TestSupport.waitUntil("two waiting", () -> b.nWaiting() >= 2);
            assertThat(b.toString()).matches("<pythreading\\.threading\\.Barrier at 0x[0-9a-f]+: waiters=2/3>");
            // lock_tests stops here; CPython's repr of a broken barrier says so
            b.abort();
            bunch.waitFinished(2);
        }
        assertThat(b.toString()).matches("<pythreading\\.threading\\.Barrier at 0x[0-9a-f]+: broken>");
    }

    @Test
    void properties() {
        // lock_tests.BarrierTests.multipass (parties, n_waiting, broken)
        Barrier b = newBarrier(3);
        assertThat(b.parties()).isEqualTo(3);
        assertThat(b.nWaiting()).isZero();
        assertThat(b.isBroken()).isFalse();
        Waiter w1 = Waiter.start("w1", b::await);
        TestSupport.waitUntil("one waiting", () -> b.nWaiting() == 1);
        Waiter w2 = Waiter.start("w2", b::await);
        TestSupport.waitUntil("two waiting", () -> b.nWaiting() == 2);
        assertThat(b.await()).isEqualTo(2);
        assertThat(w1.index()).isZero();
        assertThat(w2.index()).isEqualTo(1);
        assertThat(b.nWaiting()).isZero();
        assertThat(b.parties()).isEqualTo(3);
        assertThat(b.isBroken()).isFalse();
    }

    /** The barrier's internal lock, found by type (white-box: see the test below). */
    private static ReentrantLock internalLock(Barrier b) {
        for (Field field : Barrier.class.getDeclaredFields()) {
            if (field.getType() == ReentrantLock.class) {
                field.setAccessible(true);
                try {
                    return (ReentrantLock) field.get(b);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("Barrier has no ReentrantLock field: update this test to its new mechanics");
    }

    @Test
    void lateArrivalsDoNotOvertakeTheDrainingCycle() {
        // threading.Barrier._enter (no lock_tests case): a thread arriving while the last
        // cycle's waiters are still leaving waits for them; it must not complete a cycle
        // with them. White-box: holding the barrier's lock queues C then B behind it, so
        // when C trips the cycle, the woken waiter A is queued after B, and B arrives
        // while A is still draining.
        Barrier b = newBarrier(2);
        Waiter a = Waiter.start("A", b::await);
        TestSupport.waitUntil("A waits", () -> b.nWaiting() == 1);
        TestSupport.waitUntilBlocked(a.thread);
        ReentrantLock lock = internalLock(b);
        Waiter c;
        Waiter late;
        lock.lock();
        try {
            c = Waiter.start("C", b::await);
            TestSupport.waitUntil("C queues for the lock", () -> lock.hasQueuedThread(c.thread));
            late = Waiter.start("B", b::await);
            TestSupport.waitUntil("B queues for the lock", () -> lock.hasQueuedThread(late.thread));
        } finally {
            lock.unlock();
        }
        assertThat(a.index()).isZero();
        TestSupport.waitUntil("B or C passes", () -> c.isDone() || late.isDone());
        TestSupport.waitUntil("the other one waits for the next cycle",
                () -> b.nWaiting() == 1 || (c.isDone() && late.isDone()));
        assertThat(c.isDone() && late.isDone()).as("B and C both passed a barrier of two with A").isFalse();
        Waiter passed = c.isDone() ? c : late;
        Waiter next = c.isDone() ? late : c;
        assertThat(passed.index()).isEqualTo(1);
        // the one left over is the first of the next cycle
        Waiter d = Waiter.start("D", b::await);
        assertThat(next.index()).isZero();
        assertThat(d.index()).isEqualTo(1);
        assertThat(b.isBroken()).isFalse();
    }

}
