package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's {@code lock_tests.ConditionTests} bound to {@link Condition}
 * ({@code test_threading.ConditionTests}); a twin binds its own condition through the factories.
 */
@Timeout(10)
class ConditionTests {

    /** A condition over a new RLock (CPython's {@code condtype()}). */
    Condition newCondition() {
        return new Condition();
    }

    /** A condition over {@code lock} (CPython's {@code condtype(lock)}). */
    Condition newCondition(Acquirable lock) {
        return new Condition(lock);
    }

    /** What a waiter saw when its await returned: the result and the phase it woke in. */
    record Woken(boolean result, int phase) {
    }

    // lock_tests.ConditionTests.test_acquire
    @Test
    void testAcquire() {
        Condition cond = newCondition();
        // The default lock is an RLock: the condition can be acquired more than once.
        cond.acquire();
        cond.acquire();
        cond.release();
        cond.release();

        Lock lock = new Lock();
        cond = newCondition(lock);
        cond.acquire();
        assertThat(lock.acquire(false)).isFalse();
        cond.release();
        assertThat(lock.acquire(false)).isTrue();
        assertThat(cond.acquire(false)).isFalse();
        lock.release();
        try (Acquirable.Held held = cond.enter()) {
            assertThat(lock.acquire(false)).isFalse();
        }
        assertThat(lock.locked()).isFalse();
    }

    // lock_tests.ConditionTests.test_unacquired_wait
    @Test
    void testUnacquiredWait() {
        Condition cond = newCondition();
        assertThatThrownBy(cond::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        assertThatThrownBy(() -> cond.await(0.5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        assertThatThrownBy(() -> cond.await(0))
                .as("ownership is checked before the timeout")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        assertThatThrownBy(() -> cond.awaitFor(() -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
    }

    // lock_tests.ConditionTests.test_unacquired_notify
    @Test
    void testUnacquiredNotify() {
        Condition cond = newCondition();
        assertThatThrownBy(cond::signal)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(cond::signalAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(() -> cond.signal(-1))
                .as("ownership is checked before n")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
    }

    // lock_tests.ConditionTests.test_notify
    @Test
    void testNotify() {
        Condition cond = newCondition();
        checkNotify(cond);
        // A second time, to check that the internal state is still right.
        checkNotify(cond);
    }

    /** lock_tests.ConditionTests._check_notify; relies on there being no spurious wake-ups. */
    private static void checkNotify(Condition cond) {
        List<Integer> ready = Collections.synchronizedList(new ArrayList<>());
        List<Woken> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Woken> results2 = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger phaseNum = new AtomicInteger();
        Runnable f = () -> {
            cond.acquire();
            ready.add(phaseNum.get());
            boolean result = cond.await();
            cond.release();
            results1.add(new Woken(result, phaseNum.get()));

            cond.acquire();
            ready.add(phaseNum.get());
            result = cond.await();
            cond.release();
            results2.add(new Woken(result, phaseNum.get()));
        };
        int n = 5;
        try (Bunch bunch = Bunch.start(f, n)) {
            // Every worker is in its first await once it appended and the lock is ours.
            TestSupport.waitUntil("all workers are ready", () -> ready.size() >= n);
            ready.clear();
            assertThat(results1).isEmpty();

            // Phase 1: wake 3 of them.
            int count1 = 3;
            cond.acquire();
            assertThat(cond.waiterCount()).isEqualTo(n);
            cond.signal(count1);
            assertThat(cond.waiterCount()).as("signal(n) takes n waiters off the queue").isEqualTo(n - count1);
            phaseNum.set(1);
            cond.release();
            TestSupport.waitUntil("phase 1 results", () -> results1.size() >= count1);
            assertThat(results1).containsExactlyElementsOf(Collections.nCopies(count1, new Woken(true, 1)));
            assertThat(results2).isEmpty();

            // Phase 2: wake 5, the two still in their first wait and the three in their second.
            TestSupport.waitUntil("the woken workers wait again", () -> ready.size() >= count1);
            cond.acquire();
            assertThat(cond.waiterCount()).isEqualTo(n);
            cond.signal(5);
            assertThat(cond.waiterCount()).isZero();
            phaseNum.set(2);
            cond.release();
            TestSupport.waitUntil("phase 2 results", () -> results1.size() + results2.size() >= n + count1);
            int count2 = n - count1;
            List<Woken> expected1 = new ArrayList<>(Collections.nCopies(count1, new Woken(true, 1)));
            expected1.addAll(Collections.nCopies(count2, new Woken(true, 2)));
            assertThat(results1).containsExactlyElementsOf(expected1);
            assertThat(results2).containsExactlyElementsOf(Collections.nCopies(count1, new Woken(true, 2)));

            // Phase 3: wake everybody left, the two in their second wait.
            TestSupport.waitUntil("the others wait again", () -> ready.size() >= n);
            cond.acquire();
            assertThat(cond.waiterCount()).isEqualTo(count2);
            cond.signalAll();
            assertThat(cond.waiterCount()).isZero();
            phaseNum.set(3);
            cond.release();
            TestSupport.waitUntil("phase 3 results", () -> results2.size() >= n);
            assertThat(results1).containsExactlyElementsOf(expected1);
            List<Woken> expected2 = new ArrayList<>(Collections.nCopies(count1, new Woken(true, 2)));
            expected2.addAll(Collections.nCopies(count2, new Woken(true, 3)));
            assertThat(results2).containsExactlyElementsOf(expected2);
        }
    }

    // pythreading: signal(n) wakes the n longest-waiting threads, in waiting order (CPython's FIFO, verified)
    @Test
    void testNotifyFifo() throws InterruptedException {
        Condition cond = newCondition();
        List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
        int n = 4;
        List<java.lang.Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            java.lang.Thread t = new java.lang.Thread(() -> {
                try (Acquirable.Held held = cond.enter()) {
                    if (cond.await(TestSupport.SHORT_TIMEOUT)) {
                        woken.add(index);
                    }
                }
            }, "fifo-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
            TestSupport.waitUntil("waiter " + i + " queues", () -> cond.waiterCount() == index + 1);
        }
        try (Acquirable.Held held = cond.enter()) {
            cond.signal(2);
        }
        TestSupport.waitUntil("two wake up", () -> woken.size() == 2);
        assertThat(woken).containsExactlyInAnyOrder(0, 1);
        try (Acquirable.Held held = cond.enter()) {
            cond.signal(1);
        }
        TestSupport.waitUntil("a third wakes up", () -> woken.size() == 3);
        assertThat(woken.get(2)).isEqualTo(2);
        try (Acquirable.Held held = cond.enter()) {
            cond.signal(1);
        }
        TestSupport.waitUntil("the last wakes up", () -> woken.size() == 4);
        assertThat(woken.get(3)).isEqualTo(3);
        for (java.lang.Thread t : threads) {
            t.join();
        }
    }

    // lock_tests.ConditionTests.test_timeout
    @Test
    void testTimeout() {
        Condition cond = newCondition();
        double timeout = 0.5;
        List<Woken> results = Collections.synchronizedList(new ArrayList<>());
        List<Double> durations = Collections.synchronizedList(new ArrayList<>());
        int n = 5;
        try (Bunch bunch = Bunch.start(() -> {
            cond.acquire();
            long t1 = System.nanoTime();
            boolean result = cond.await(timeout);
            durations.add(TestSupport.secondsSince(t1));
            cond.release();
            results.add(new Woken(result, 0));
        }, n)) {
            bunch.waitFinished(n);
        }
        assertThat(results).hasSize(n);
        // CPython has no spurious wake-ups, nor has pythreading: every wait times out.
        assertThat(results).containsOnly(new Woken(false, 0));
        for (double dt : durations) {
            TestSupport.assertTimeout(dt, timeout);
        }
        assertThat(cond.waiterCount()).as("timed-out waiters leave the queue").isZero();
    }

    // pythreading: a timeout of zero or less is a poll that returns false at once (CPython's `timeout > 0` test)
    @Test
    void testNonPositiveTimeoutPolls() {
        Condition cond = newCondition();
        try (Acquirable.Held held = cond.enter()) {
            long start = System.nanoTime();
            assertThat(cond.await(0)).isFalse();
            assertThat(cond.await(-1)).isFalse();
            assertThat(cond.await(-100)).isFalse();
            assertThat(cond.awaitFor(() -> false, 0)).isFalse();
            assertThat(cond.awaitFor(() -> false, -5)).isFalse();
            assertThat(TestSupport.secondsSince(start)).isLessThan(1.0);
            assertThat(cond.waiterCount()).isZero();
            assertThat(cond.conditionLock().isOwned()).as("still held after the polls").isTrue();
        }
    }

    // pythreading: the Duration twins of await(timeout) and awaitFor(predicate, timeout)
    @Test
    void testTimeoutDuration() {
        Condition cond = newCondition();
        try (Acquirable.Held held = cond.enter()) {
            long start = System.nanoTime();
            assertThat(cond.await(Duration.ofMillis(100))).isFalse();
            TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.1);
            start = System.nanoTime();
            assertThat(cond.awaitFor(() -> false, Duration.ofMillis(100))).isFalse();
            TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.1);
        }
    }

    // lock_tests.ConditionTests.test_waitfor
    @Test
    void testWaitfor() {
        Condition cond = newCondition();
        AtomicInteger state = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                boolean result = cond.awaitFor(() -> state.get() == 4);
                assertThat(result).isTrue();
                seen.add(state.get());
            }
        }, 1)) {
            for (int i = 0; i < 4; i++) {
                TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
                try (Acquirable.Held held = cond.enter()) {
                    state.incrementAndGet();
                    cond.signal();
                }
            }
        }
        assertThat(seen).containsExactly(4);
    }

    // lock_tests.ConditionTests.test_waitfor_timeout
    @Test
    void testWaitforTimeout() {
        Condition cond = newCondition();
        AtomicInteger state = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        List<Double> durations = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                long t1 = System.nanoTime();
                boolean result = cond.awaitFor(() -> state.get() == 4, 0.1);
                durations.add(TestSupport.secondsSince(t1));
                assertThat(result).isFalse();
            } finally {
                done.set(true);
            }
        }, 1)) {
            // Only 3 increments, so state == 4 is never reached.
            for (int i = 0; i < 3; i++) {
                TestSupport.waitUntil("the waiter waits or gives up", () -> cond.waiterCount() == 1 || done.get());
                try (Acquirable.Held held = cond.enter()) {
                    state.incrementAndGet();
                    cond.signal();
                }
            }
        }
        assertThat(durations).hasSize(1);
        TestSupport.assertTimeout(durations.get(0), 0.1);
    }

    // pythreading: wait_for with a predicate already true returns at once, without the lock (CPython checks ownership only to wait)
    @Test
    void testWaitforPredicateAlreadyTrue() {
        Condition cond = newCondition();
        assertThat(cond.awaitFor(() -> true)).isTrue();
        assertThat(cond.awaitFor(() -> true, 1.0)).isTrue();
        assertThat(cond.awaitFor(() -> true, Duration.ofSeconds(1))).isTrue();
        assertThatThrownBy(() -> cond.awaitFor(() -> false, 1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
    }

    // pythreading: Condition over a plain Lock, where "owned" means locked by anyone (CPython's fallback _is_owned, verified)
    @Test
    void testConditionOverLockOwnedMeansLocked() {
        Lock lock = new Lock();
        Condition cond = newCondition(lock);
        assertThatThrownBy(cond::signal)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(() -> cond.await(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        Bunch bunch = Bunch.start(lock::acquire, 1, true);
        try (bunch) {
            bunch.waitFinished(1);
            // Another thread holds the lock: CPython treats this thread as the owner.
            cond.signal();
            cond.signalAll();
            assertThat(cond.await(0)).isFalse();
            assertThat(lock.locked()).isTrue();
        }
        lock.release();
    }

    // pythreading: await over a plain Lock releases it while waiting and holds it again afterwards
    @Test
    void testConditionOverLock() {
        Lock lock = new Lock();
        Condition cond = newCondition(lock);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> lockedAfter = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                results.add(cond.await(TestSupport.SHORT_TIMEOUT));
                lockedAfter.add(lock.locked());
            }
        }, 1)) {
            TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
            assertThat(lock.acquire(true, 5.0)).as("the lock is free during the wait").isTrue();
            cond.signal();
            lock.release();
        }
        assertThat(results).containsExactly(true);
        assertThat(lockedAfter).containsExactly(true);
        assertThat(lock.locked()).isFalse();
    }

    // pythreading: over an RLock held 3 deep, await releases every level and restores all three (CPython's _release_save, verified)
    @Test
    void testConditionOverRLockRestoresRecursion() {
        RLock rlock = new RLock();
        Condition cond = newCondition(rlock);
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        List<Integer> depths = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            rlock.acquire();
            rlock.acquire();
            rlock.acquire();
            try {
                results.add(cond.await(5.0));
                depths.add(rlock.recursionCount());
            } finally {
                rlock.release();
                rlock.release();
                rlock.release();
            }
        }, 1)) {
            TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
            assertThat(rlock.acquire(true, 5.0)).as("the RLock is free during the wait").isTrue();
            assertThat(rlock.recursionCount()).isEqualTo(1);
            cond.signal();
            rlock.release();
        }
        assertThat(results).containsExactly(true);
        assertThat(depths).as("the depth after the wait").containsExactly(3);
        assertThat(rlock.locked()).isFalse();
    }

    // pythreading: any Acquirable will do, a Semaphore for one (CPython accepts any lock-like object)
    @Test
    void testConditionOverSemaphore() {
        Semaphore sem = new Semaphore(1);
        Condition cond = newCondition(sem);
        assertThat(cond.toString()).isEqualTo("<Condition(" + sem + ", 0)>");
        checkWaitAndNotifyOverFallbackLock(cond);
    }

    // pythreading: any Acquirable will do, even one written by the user
    @Test
    void testConditionOverCustomAcquirable() {
        Condition cond = newCondition(new PermitLock());
        checkWaitAndNotifyOverFallbackLock(cond);
    }

    /** Unowned checks, a timed-out wait and a signalled wait over a lock using the fallbacks. */
    private static void checkWaitAndNotifyOverFallbackLock(Condition cond) {
        assertThatThrownBy(cond::signal)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(cond::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        try (Acquirable.Held held = cond.enter()) {
            assertThat(cond.await(0.05)).isFalse();
            assertThat(cond.conditionLock().isOwned()).isTrue();
        }
        assertThat(cond.conditionLock().isOwned()).isFalse();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                results.add(cond.await(TestSupport.SHORT_TIMEOUT));
            }
        }, 1)) {
            TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
            assertThat(cond.acquire(true, 5.0)).as("the lock is free during the wait").isTrue();
            cond.signal();
            cond.release();
        }
        assertThat(results).containsExactly(true);
        assertThat(cond.acquire(false)).as("free again").isTrue();
        cond.release();
    }

    // pythreading: signal(n) with n <= 0 wakes nobody (CPython's notify loop takes no waiter)
    @Test
    void testSignalNonPositive() {
        Condition cond = newCondition();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                results.add(cond.await(TestSupport.SHORT_TIMEOUT));
            }
        }, 1)) {
            TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
            try (Acquirable.Held held = cond.enter()) {
                cond.signal(-1);
                cond.signal(0);
                assertThat(cond.waiterCount()).as("nobody taken off the queue").isEqualTo(1);
            }
            try (Acquirable.Held held = cond.enter()) {
                assertThat(results).isEmpty();
                assertThat(cond.waiterCount()).isEqualTo(1);
                cond.signal(1);
                assertThat(cond.waiterCount()).isZero();
            }
        }
        assertThat(results).containsExactly(true);
    }

    // pythreading: signalAll wakes every waiter, and is harmless with none
    @Test
    void testSignalAll() {
        Condition cond = newCondition();
        try (Acquirable.Held held = cond.enter()) {
            cond.signalAll();
        }
        int n = 3;
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                results.add(cond.await(TestSupport.SHORT_TIMEOUT));
            }
        }, n)) {
            TestSupport.waitUntil("all wait", () -> cond.waiterCount() == n);
            try (Acquirable.Held held = cond.enter()) {
                cond.signalAll();
                assertThat(cond.waiterCount()).isZero();
            }
        }
        assertThat(results).containsExactly(true, true, true);
    }

    // pythreading: the repr <Condition(<lock repr>, N)> (CPython's Condition.__repr__)
    @Test
    void testRepr() {
        Condition cond = newCondition();
        assertThat(cond.toString()).matches(
                "<Condition\\(<unlocked pythreading\\.threading\\.RLock object owner=0 count=0 at 0x[0-9a-f]+>, 0\\)>");
        Lock lock = new Lock();
        Condition overLock = newCondition(lock);
        assertThat(overLock.toString()).isEqualTo("<Condition(" + lock + ", 0)>");
        int n = 2;
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = overLock.enter()) {
                overLock.await(TestSupport.SHORT_TIMEOUT);
            }
        }, n)) {
            try {
                TestSupport.waitUntil("both wait", () -> overLock.waiterCount() == n && !lock.locked());
                assertThat(overLock.toString())
                        .matches("<Condition\\(<unlocked pythreading\\.threading\\.Lock object at 0x[0-9a-f]+>, 2\\)>")
                        .isEqualTo("<Condition(" + lock + ", 2)>");
            } finally {
                try (Acquirable.Held held = overLock.enter()) {
                    overLock.signalAll();
                }
            }
        }
        assertThat(overLock.toString()).endsWith(", 0)>");
    }

    /** A user-written lock: one permit of a java.util.concurrent.Semaphore, so Condition must use its fallbacks. */
    static final class PermitLock implements Acquirable {
        private final java.util.concurrent.Semaphore permit = new java.util.concurrent.Semaphore(1);

        @Override
        public boolean acquire() {
            try {
                permit.acquire();
                return true;
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new UncheckedInterruptedException(e);
            }
        }

        @Override
        public boolean acquire(boolean blocking) {
            return blocking ? acquire() : permit.tryAcquire();
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            if (!blocking || timeout < 0) {
                return acquire(blocking);
            }
            try {
                return permit.tryAcquire((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new UncheckedInterruptedException(e);
            }
        }

        @Override
        public void release() {
            permit.release();
        }
    }
}
