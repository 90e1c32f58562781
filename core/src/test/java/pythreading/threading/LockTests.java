package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mirrors CPython's {@code lock_tests.LockTests} bound to {@link Lock}
 * ({@code test_threading.LockTests}): a non-reentrant lock that any thread may release.
 */
class LockTests extends BaseLockTests {

    @Override
    Lock newLock() {
        return new Lock();
    }

    // lock_tests.LockTests.test_reacquire
    @Test
    void testReacquire() throws InterruptedException {
        Lock lock = newLock();
        AtomicInteger phase = new AtomicInteger();
        java.lang.Thread t = new java.lang.Thread(() -> {
            lock.acquire();
            phase.incrementAndGet();
            lock.acquire();
            phase.incrementAndGet();
        }, "reacquire");
        t.setDaemon(true);
        t.start();
        TestSupport.waitUntil("the first acquire", () -> phase.get() == 1);
        TestSupport.waitUntilBlocked(t);
        assertThat(phase.get()).as("blocked on its second acquire").isEqualTo(1);

        lock.release();
        TestSupport.waitUntil("the second acquire", () -> phase.get() == 2);
        t.join();
        assertThat(lock.locked()).isTrue();
    }

    // lock_tests.LockTests.test_different_thread
    @Test
    void testDifferentThread() {
        Lock lock = newLock();
        lock.acquire();
        try (Bunch bunch = Bunch.start(lock::release, 1)) {
            bunch.waitFinished(1);
        }
        assertThat(lock.acquire(false)).as("released by the other thread").isTrue();
        lock.release();
    }

    // lock_tests.LockTests.test_state_after_timeout
    @Test
    void testStateAfterTimeout() {
        Lock lock = newLock();
        lock.acquire();
        assertThat(lock.acquire(true, 0.01)).isFalse();
        lock.release();
        assertThat(lock.locked()).isFalse();
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
    }

    // pythreading: CPython's lock.release() of an unlocked lock raises RuntimeError('release unlocked lock')
    @Test
    void testReleaseUnlocked() {
        Lock lock = newLock();
        assertThatThrownBy(lock::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("release unlocked lock");
        lock.acquire();
        lock.release();
        assertThatThrownBy(lock::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("release unlocked lock");
        assertThat(lock.acquire(false)).as("a failed release leaves the lock usable").isTrue();
        lock.release();
    }

    // pythreading: Lock.locked(), which reports a lock held by any thread
    @Test
    void testLocked() {
        Lock lock = newLock();
        assertThat(lock.locked()).isFalse();
        lock.acquire();
        assertThat(lock.locked()).isTrue();
        boolean[] seen = new boolean[1];
        try (Bunch bunch = Bunch.start(() -> seen[0] = lock.locked(), 1)) {
            bunch.waitFinished(1);
        }
        assertThat(seen[0]).as("locked() seen from another thread").isTrue();
        lock.release();
        assertThat(lock.locked()).isFalse();
    }
}
