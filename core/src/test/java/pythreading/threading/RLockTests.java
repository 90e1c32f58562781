package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Mirrors CPython's {@code lock_tests.RLockTests} bound to {@link RLock}
 * ({@code test_threading.CRLockTests}): a reentrant lock that only its owner may release.
 * {@link ConditionAsRLockTests} runs the same suite on a default {@link Condition}.
 */
class RLockTests extends BaseLockTests {

    @Override
    Acquirable newLock() {
        return new RLock();
    }

    /** CPython's {@code lock._is_owned()}. */
    boolean isOwned(Acquirable lock) {
        return ((RLock) lock).isOwned();
    }

    /** CPython's {@code lock._release_save} and {@code _acquire_restore}. */
    ConditionLock conditionLock(Acquirable lock) {
        return ((RLock) lock).conditionLock();
    }

    // lock_tests.RLockTests.test_reacquire
    @Test
    void testReacquire() {
        Acquirable lock = newLock();
        assertThat(lock.acquire()).isTrue();
        assertThat(lock.acquire()).as("the owner acquires again at once").isTrue();
        lock.release();
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
        assertThat(otherThreadCanAcquire(lock)).as("still held once").isFalse();
        lock.release();
        assertThat(otherThreadCanAcquire(lock)).as("every level released").isTrue();
    }

    // pythreading: reentrancy through nested enter() blocks (Python's nested `with lock:`)
    @Test
    void testNestedWith() {
        Acquirable lock = newLock();
        try (Acquirable.Held outer = lock.enter()) {
            try (Acquirable.Held inner = lock.enter()) {
                assertThat(isOwned(lock)).isTrue();
            }
            assertThat(isOwned(lock)).as("the outer level is still held").isTrue();
            assertThat(otherThreadCanAcquire(lock)).isFalse();
        }
        assertThat(isOwned(lock)).isFalse();
        assertThat(otherThreadCanAcquire(lock)).isTrue();
    }

    // lock_tests.RLockTests.test_release_unacquired
    @Test
    void testReleaseUnacquired() {
        Acquirable lock = newLock();
        assertThatThrownBy(lock::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThatThrownBy(lock::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        assertThat(lock.acquire(false)).as("a failed release leaves the lock usable").isTrue();
        lock.release();
    }

    // lock_tests.RLockTests.test_release_save_unacquired
    @Test
    void testReleaseSaveUnacquired() {
        Acquirable lock = newLock();
        ConditionLock internals = conditionLock(lock);
        assertThatThrownBy(internals::releaseSave)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        lock.acquire();
        lock.acquire();
        lock.release();
        lock.acquire();
        lock.release();
        lock.release();
        assertThatThrownBy(internals::releaseSave)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        assertThat(otherThreadCanAcquire(lock)).isTrue();
    }

    // pythreading: _release_save releases every level and _acquire_restore takes them all back
    @Test
    void testReleaseSaveAndAcquireRestore() {
        Acquirable lock = newLock();
        lock.acquire();
        lock.acquire();
        lock.acquire();
        ConditionLock internals = conditionLock(lock);
        int saved = internals.releaseSave();
        assertThat(isOwned(lock)).isFalse();
        assertThat(otherThreadCanAcquire(lock)).as("fully released").isTrue();
        internals.acquireRestore(saved);
        assertThat(isOwned(lock)).isTrue();
        lock.release();
        lock.release();
        assertThat(otherThreadCanAcquire(lock)).as("one level left").isFalse();
        lock.release();
        assertThat(otherThreadCanAcquire(lock)).isTrue();
    }

    // lock_tests.RLockTests.test_recursion_count
    @Test
    void testRecursionCount() throws InterruptedException {
        RLock lock = (RLock) newLock();
        assertThat(lock.recursionCount()).isZero();
        lock.acquire();
        assertThat(lock.recursionCount()).isEqualTo(1);
        lock.acquire();
        lock.acquire();
        assertThat(lock.recursionCount()).isEqualTo(3);
        lock.release();
        assertThat(lock.recursionCount()).isEqualTo(2);
        lock.release();
        lock.release();
        assertThat(lock.recursionCount()).isZero();

        AtomicInteger phase = new AtomicInteger();
        java.lang.Thread t = new java.lang.Thread(() -> {
            lock.acquire();
            phase.incrementAndGet();
            TestSupport.waitUntil("phase 2", () -> phase.get() >= 2);
            lock.release();
            phase.incrementAndGet();
        }, "recursion-count");
        t.setDaemon(true);
        t.start();
        TestSupport.waitUntil("the other thread holds the lock", () -> phase.get() == 1);
        assertThat(lock.recursionCount()).as("another thread's holding is not ours").isZero();
        phase.incrementAndGet();
        TestSupport.waitUntil("the other thread released", () -> phase.get() == 3);
        assertThat(lock.recursionCount()).isZero();
        t.join();
    }

    // lock_tests.RLockTests.test_different_thread
    @Test
    void testDifferentThread() {
        Acquirable lock = newLock();
        try (Bunch bunch = Bunch.start(lock::acquire, 1, true)) {
            try {
                bunch.waitFinished(1);
                assertThatThrownBy(lock::release)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("cannot release un-acquired lock");
                assertThat(otherThreadCanAcquire(lock)).as("still held by its owner").isFalse();
            } finally {
                bunch.doFinish();
            }
        }
    }

    // lock_tests.RLockTests.test__is_owned
    @Test
    void testIsOwned() {
        Acquirable lock = newLock();
        assertThat(isOwned(lock)).isFalse();
        lock.acquire();
        assertThat(isOwned(lock)).isTrue();
        lock.acquire();
        assertThat(isOwned(lock)).isTrue();
        List<Boolean> result = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> result.add(isOwned(lock)), 1)) {
            bunch.waitFinished(1);
        }
        assertThat(result).containsExactly(false);
        lock.release();
        assertThat(isOwned(lock)).isTrue();
        lock.release();
        assertThat(isOwned(lock)).isFalse();
    }

    // pythreading: RLock.locked() (Python 3.14's), true while any thread holds it
    @Test
    void testLocked() {
        RLock lock = (RLock) newLock();
        assertThat(lock.locked()).isFalse();
        lock.acquire();
        lock.acquire();
        assertThat(lock.locked()).isTrue();
        List<Boolean> seen = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> seen.add(lock.locked()), 1)) {
            bunch.waitFinished(1);
        }
        assertThat(seen).as("locked() seen from another thread").containsExactly(true);
        lock.release();
        assertThat(lock.locked()).as("one level still held").isTrue();
        lock.release();
        assertThat(lock.locked()).isFalse();
    }

    // pythreading: the repr shows the owner's ident and the depth, as CPython's C RLock
    @Test
    void testReprOwnerAndCount() {
        RLock lock = (RLock) newLock();
        assertThat(lock.toString()).matches("<unlocked pythreading\\.threading\\.RLock object owner=0 count=0 at 0x[0-9a-f]+>");
        lock.acquire();
        lock.acquire();
        assertThat(lock.toString()).matches("<locked pythreading\\.threading\\.RLock object owner="
                + Threading.getIdent() + " count=2 at 0x[0-9a-f]+>");
        lock.release();
        lock.release();
    }
}
