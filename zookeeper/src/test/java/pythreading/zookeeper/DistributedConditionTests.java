package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Mirrors CPython's {@code lock_tests.ConditionTests} for {@link DistributedCondition}:
 * waiters in either process, signals from either, the condition's own distributed RLock.
 */
class DistributedConditionTests extends ZooKeeperTestSupport {

    /** A waiter in {@code manager}'s process: takes the lock, awaits, gives it back. */
    private Running<Boolean> waiter(ZooKeeperManager manager, String threadName, Supplier<Boolean> await) {
        DistributedCondition c = manager.condition(name);
        return call(threadName, () -> {
            try (var held = c.enter()) {
                return await.get();
            }
        });
    }

    private List<Running<Boolean>> waiters(int n) {
        List<Running<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DistributedCondition c = (i % 2 == 0 ? other : zk).condition(name);
            waiters.add(waiter(i % 2 == 0 ? other : zk, "waiter-" + i, c::await));
        }
        waitUntilAllWaiting(waiters);
        return waiters;
    }

    private static long finished(List<Running<Boolean>> waiters) {
        return waiters.stream().filter(Running::done).count();
    }

    // lock_tests.ConditionTests.test_acquire: the condition's lock is an RLock across processes
    @Test
    void testAcquire() {
        DistributedCondition c = zk.condition(name);
        c.acquire();
        c.acquire();
        assertThat(other.condition(name).acquire(false)).isFalse();
        c.release();
        assertThat(other.condition(name).acquire(false)).isFalse();
        c.release();
        assertThat(other.condition(name).acquire(false)).isTrue();
        assertThat(c.acquire(true, 0.05)).isFalse();
        other.condition(name).release();
        assertLockTimeoutChecks(c);
    }

    // lock_tests.ConditionTests.test_unacquired_wait, test_unacquired_notify
    @Test
    void testUnacquired() {
        DistributedCondition c = zk.condition(name);
        assertThatThrownBy(c::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        assertThatThrownBy(() -> c.await(0.01))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
        assertThatThrownBy(c::signal)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(c::signalAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        assertThatThrownBy(c::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        other.condition(name).acquire();
        assertThatThrownBy(c::signal).as("held by another process")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot notify on un-acquired lock");
        other.condition(name).release();
    }

    // lock_tests.ConditionTests.test_notify: signal, signal(n), signalAll across processes
    @Test
    void testNotify() {
        List<Running<Boolean>> waiters = waiters(5);
        DistributedCondition c = zk.condition(name);
        try (var held = c.enter()) {
            c.signal();
        }
        waitUntil("one waiter wakes", () -> finished(waiters) == 1);
        DistributedCondition b = other.condition(name);
        try (var held = b.enter()) {
            b.signal(2);
        }
        waitUntil("two more wake", () -> finished(waiters) == 3);
        try (var held = c.enter()) {
            c.signalAll();
        }
        waiters.forEach(w -> assertThat(w.result()).isTrue());
        assertThat(c.acquire(false)).as("every waiter gave the lock back").isTrue();
        c.release();
    }

    // lock_tests.ConditionTests.test_notify: the longest-waiting thread wakes first
    @Test
    void testSignalWakesTheLongestWaiting() {
        Running<Boolean> first = waiter(other, "first", other.condition(name)::await).waiting();
        Running<Boolean> second = waiter(zk, "second", zk.condition(name)::await).waiting();
        DistributedCondition c = zk.condition(name);
        try (var held = c.enter()) {
            c.signal();
        }
        assertThat(first.result()).isTrue();
        assertThat(second.done()).isFalse();
        try (var held = c.enter()) {
            c.signal();
        }
        assertThat(second.result()).isTrue();
    }

    // lock_tests.ConditionTests (_release_save/_acquire_restore): await gives up every level
    // of a reentrant holding and takes them all back
    @Test
    void testAwaitReleasesEveryLevel() {
        DistributedCondition c = other.condition(name);
        Running<Boolean> waiter = call("waiter", () -> {
            c.acquire();
            c.acquire();
            boolean signalled = c.await(30);
            c.release();
            boolean stillHeld = !zk.condition(name).acquire(false);
            c.release();
            return signalled && stillHeld;
        }).waiting();
        DistributedCondition a = zk.condition(name);
        assertThat(a.acquire(true, 10)).as("free while the holder waits").isTrue();
        a.signal();
        a.release();
        assertThat(waiter.result()).as("signalled, and held twice again").isTrue();
        assertThat(a.acquire(false)).isTrue();
        a.release();
    }

    // lock_tests.ConditionTests.test_timeout; the lock is held again after a timed-out wait
    @Test
    void testTimeout() {
        DistributedCondition c = other.condition(name);
        try (var held = c.enter()) {
            assertThat(c.await(0)).isFalse();
            long start = System.nanoTime();
            assertThat(c.await(0.2)).isFalse();
            assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
            assertThat(zk.condition(name).acquire(false)).as("held again after the wait").isFalse();
        }
        try (var held = zk.condition(name).enter()) {
            zk.condition(name).signal();
            // nobody waits: the signal is not kept for a later waiter
        }
        try (var held = c.enter()) {
            assertThat(c.await(0.05)).isFalse();
        }
    }

    // lock_tests.ConditionTests.test_waitfor: a predicate on shared state, changed in another process
    @Test
    void testWaitFor() {
        DistributedEvent state = zk.event(name + "-state");
        Running<Boolean> waiter = waiter(other, "awaitFor",
                () -> other.condition(name).awaitFor(() -> other.event(name + "-state").isSet()));
        waiter.waiting();
        DistributedCondition c = zk.condition(name);
        try (var held = c.enter()) {
            c.signalAll(); // predicate still false: it waits again
        }
        waitUntilWaiting(waiter.thread);
        assertThat(waiter.done()).isFalse();
        try (var held = c.enter()) {
            state.set();
            c.signalAll();
        }
        assertThat(waiter.result()).isTrue();
    }

    // lock_tests.ConditionTests.test_waitfor_timeout
    @Test
    void testWaitForTimeout() {
        DistributedCondition c = other.condition(name);
        try (var held = c.enter()) {
            long start = System.nanoTime();
            assertThat(c.awaitFor(() -> false, 0.2)).isFalse();
            assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
            assertThat(c.awaitFor(() -> true, 0)).isTrue();
        }
    }

    // CPython's wait_for: a false predicate waits at least once, so a zero timeout still
    // checks the lock, and a timeout out of range is refused, as Condition's own
    @Test
    void testWaitForChecksAsAWaitDoes() {
        DistributedCondition c = other.condition(name);
        assertThatThrownBy(() -> c.awaitFor(() -> false, 0))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot wait on un-acquired lock");
        try (var held = c.enter()) {
            assertThatThrownBy(() -> c.awaitFor(() -> false, 1e300))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timestamp out of range for platform time_t");
            assertThat(c.awaitFor(() -> false, 0)).isFalse();
        }
    }

    // pythreading: an interrupted await throws, keeps the flag, and holds the lock again
    @Test
    void testInterruptedAwait() {
        DistributedCondition c = other.condition(name);
        assertInterruptible("await", () -> {
            c.acquire();
            try {
                c.await();
            } finally {
                assertThat(c.acquire(false)).as("the lock is held again (reentrant)").isTrue();
                c.release();
                c.release();
            }
        });
        assertThat(zk.condition(name).acquire(false)).as("given back by the finally").isTrue();
        zk.condition(name).release();
    }
}
