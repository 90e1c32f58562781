package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pythreading.threading.Acquirable;

/**
 * Mirrors CPython's {@code lock_tests.LockTests} (with {@code BaseLockTests}) for
 * {@link DistributedLock}, with {@link #zk} and {@link #other} as two processes: one
 * holder at a time across them, and any thread of any process may release.
 */
class DistributedLockTests extends ZooKeeperTestSupport {

    // lock_tests.BaseLockTests.test_acquire_release, test_try_acquire
    @Test
    void testAcquireRelease() {
        DistributedLock lock = zk.lock(name);
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.locked()).isTrue();
        lock.release();
        assertThat(lock.locked()).isFalse();
        assertThat(lock.acquire(false)).as("released: free again").isTrue();
        lock.release();
    }

    // lock_tests.BaseLockTests.test_try_acquire_contended, across processes
    @Test
    void testTryAcquireContended() {
        DistributedLock a = zk.lock(name);
        DistributedLock b = other.lock(name);
        a.acquire();
        assertThat(b.locked()).as("held, seen from the other process").isTrue();
        assertThat(b.acquire(false)).isFalse();
        assertThat(call("same process", () -> a.acquire(false)).result()).isFalse();
        a.release();
        assertThat(b.acquire(false)).isTrue();
        assertThat(a.acquire(false)).isFalse();
        b.release();
    }

    // lock_tests.BaseLockTests.test_acquire_contended: threads of both processes queue up
    @Test
    void testAcquireContended() {
        DistributedLock a = zk.lock(name);
        a.acquire();
        Contenders contenders = contend(List.of(other.lock(name), zk.lock(name), other.lock(name), zk.lock(name)));
        a.release();
        assertThat(contenders.finish()).as("one holder at a time").isEqualTo(1);
        assertThat(a.locked()).isFalse();
    }

    // lock_tests.BaseLockTests.test_with
    @Test
    void testWith() {
        DistributedLock lock = zk.lock(name);
        try (Acquirable.Held held = lock.enter()) {
            assertThat(other.lock(name).acquire(false)).as("held inside the block").isFalse();
        }
        assertThatThrownBy(() -> {
            try (Acquirable.Held held = lock.enter()) {
                throw new UnsupportedOperationException("raised in the block");
            }
        }).isInstanceOf(UnsupportedOperationException.class);
        assertThat(other.lock(name).acquire(false)).as("released after the exception").isTrue();
        other.lock(name).release();
    }

    // lock_tests.BaseLockTests.test_timeout
    @Test
    void testTimeout() {
        DistributedLock lock = zk.lock(name);
        assertLockTimeoutChecks(lock);
        assertThat(lock.locked()).as("refused calls take nothing").isFalse();
        assertThat(lock.acquire(true, 5)).as("a free lock is taken at once").isTrue();

        DistributedLock b = other.lock(name);
        long start = System.nanoTime();
        assertThat(b.acquire(true, 0.3)).isFalse();
        assertThat(secondsSince(start)).isBetween(0.3 * 0.9, 5.0);
        assertThat(b.acquire(true, java.time.Duration.ofMillis(100))).isFalse();
        lock.release();
    }

    // lock_tests.LockTests.test_state_after_timeout: a timed-out acquire leaves nothing in the line
    @Test
    void testStateAfterTimeout() {
        DistributedLock a = zk.lock(name);
        DistributedLock b = other.lock(name);
        a.acquire();
        assertThat(b.acquire(true, 0.05)).isFalse();
        assertThat(b.acquire(true, 0)).isFalse();
        a.release();
        assertThat(a.locked()).isFalse();
        assertThat(b.acquire(false)).isTrue();
        b.release();
    }

    // lock_tests.LockTests.test_reacquire: not reentrant, even for the holding thread
    @Test
    void testReacquire() {
        DistributedLock lock = zk.lock(name);
        AtomicInteger phase = new AtomicInteger();
        Running<Void> t = run("reacquire", () -> {
            lock.acquire();
            phase.incrementAndGet();
            lock.acquire();
            phase.incrementAndGet();
        });
        t.waiting();
        assertThat(phase.get()).as("blocked on its second acquire").isEqualTo(1);
        other.lock(name).release();
        t.result();
        assertThat(phase.get()).isEqualTo(2);
        assertThat(lock.locked()).isTrue();
        lock.release();
    }

    // lock_tests.LockTests.test_different_thread: here a thread of another process releases
    @Test
    void testReleasedByAnotherProcess() {
        DistributedLock a = zk.lock(name);
        DistributedLock b = other.lock(name);
        a.acquire();
        b.release();
        assertThat(a.locked()).isFalse();
        assertThatThrownBy(a::fencingToken).as("a no longer holds it")
                .isInstanceOf(IllegalStateException.class);
        assertThat(b.acquire(false)).as("released by the other process").isTrue();
        assertThatThrownBy(a::fencingToken).as("b holds it now, not a")
                .isInstanceOf(IllegalStateException.class);
        b.release();
    }

    // pythreading: release() of an unlocked lock, in either process
    @Test
    void testReleaseUnlocked() {
        DistributedLock a = zk.lock(name);
        assertThatThrownBy(a::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("release unlocked lock");
        a.acquire();
        a.release();
        assertThatThrownBy(other.lock(name)::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("release unlocked lock");
        assertThat(a.acquire(false)).as("a failed release leaves the lock usable").isTrue();
        a.release();
    }

    // pythreading: fencing tokens number the holdings of a name, whoever holds
    @Test
    void testFencingTokensIncrease() {
        DistributedLock a = zk.lock(name);
        DistributedLock b = other.lock(name);
        assertThatThrownBy(a::fencingToken).isInstanceOf(IllegalStateException.class);
        long last = -1;
        for (int i = 0; i < 4; i++) {
            DistributedLock lock = i % 2 == 0 ? a : b;
            lock.acquire();
            long token = lock.fencingToken();
            assertThat(token).isGreaterThan(last);
            last = token;
            lock.release();
            assertThatThrownBy(lock::fencingToken)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(name);
        }
        // a timed-out waiter's place in the line does not hand out its number later
        a.acquire();
        assertThat(b.acquire(true, 0.05)).isFalse();
        a.release();
        b.acquire();
        assertThat(b.fencingToken()).isGreaterThan(last);
        b.release();
    }

    // pythreading: an interrupted acquire throws, keeps the flag, and leaves no place in the line
    @Test
    void testInterruptedAcquire() {
        DistributedLock a = zk.lock(name);
        DistributedLock b = other.lock(name);
        a.acquire();
        assertInterruptible("acquire", b::acquire);
        assertInterruptible("timed acquire", () -> b.acquire(true, 60));
        a.release();
        assertThat(a.locked()).as("the interrupted waiters left the line").isFalse();
        assertThat(b.acquire(false)).isTrue();
        b.release();
    }

    // pythreading: a holding belongs to its process's session; closing the manager frees it
    @Test
    void testClosingTheHolderFreesTheLock() {
        ZooKeeperManager third = newManager();
        DistributedLock held = third.lock(name);
        held.acquire();
        DistributedLock a = zk.lock(name);
        Running<Boolean> waiter = call("waiter", a::acquire).waiting();
        third.close();
        assertThat(waiter.result()).isTrue();
        a.release();
    }
}
