package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's {@code lock_tests.BaseLockTests}: the behaviour every lock shares, run
 * against each implementation through {@link #newLock()} (CPython's {@code locktype}).
 */
@Timeout(10)
abstract class BaseLockTests {

    /** A new, unlocked lock of the type under test. */
    abstract Acquirable newLock();

    // lock_tests.BaseLockTests.test_constructor
    @Test
    void testConstructor() {
        Acquirable lock = newLock();
        assertThat(lock.acquire(false)).as("a new lock is unlocked").isTrue();
        lock.release();
    }

    // lock_tests.BaseLockTests.test_repr
    @Test
    void testRepr() {
        Acquirable lock = newLock();
        assertThat(lock.toString()).containsPattern("<unlocked .* object (.*)?at .*>");
    }

    // lock_tests.BaseLockTests.test_locked_repr
    @Test
    void testLockedRepr() {
        Acquirable lock = newLock();
        lock.acquire();
        assertThat(lock.toString()).containsPattern("<locked .* object (.*)?at .*>");
        lock.release();
    }

    // lock_tests.BaseLockTests.test_acquire_release
    @Test
    void testAcquireRelease() {
        Acquirable lock = newLock();
        assertThat(lock.acquire()).isTrue();
        lock.release();
        assertThat(lock.acquire(false)).as("released: free again").isTrue();
        lock.release();
    }

    // lock_tests.BaseLockTests.test_try_acquire
    @Test
    void testTryAcquire() {
        Acquirable lock = newLock();
        assertThat(lock.acquire(false)).isTrue();
        lock.release();
    }

    // lock_tests.BaseLockTests.test_try_acquire_contended
    @Test
    void testTryAcquireContended() {
        Acquirable lock = newLock();
        lock.acquire();
        List<Boolean> result = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> result.add(lock.acquire(false)), 1)) {
            bunch.waitFinished(1);
        }
        assertThat(result).containsExactly(false);
        lock.release();
    }

    // lock_tests.BaseLockTests.test_acquire_contended
    @Test
    void testAcquireContended() {
        Acquirable lock = newLock();
        lock.acquire();
        int n = 5;
        Bunch bunch = Bunch.start(() -> {
            lock.acquire();
            lock.release();
        }, n);
        try (bunch) {
            bunch.waitUntilBlocked();
            assertThat(bunch.finished).as("threads blocked on acquire()").isEmpty();
            lock.release();
        }
        assertThat(bunch.finished).hasSize(n);
    }

    // lock_tests.BaseLockTests.test_with
    @Test
    void testWith() {
        Acquirable lock = newLock();
        Runnable f = () -> {
            lock.acquire();
            lock.release();
        };
        try (Acquirable.Held held = lock.enter()) {
            assertThat(otherThreadCanAcquire(lock)).as("held inside the block").isFalse();
        }
        try (Bunch bunch = Bunch.start(f, 1)) {
            bunch.waitFinished(1);
        }
        assertThatThrownBy(() -> {
            try (Acquirable.Held held = lock.enter()) {
                throw new UnsupportedOperationException("raised in the block");
            }
        }).isInstanceOf(UnsupportedOperationException.class);
        try (Bunch bunch = Bunch.start(f, 1)) {
            bunch.waitFinished(1);
        }
        assertThat(otherThreadCanAcquire(lock)).as("released after the exception").isTrue();
    }

    // lock_tests.BaseLockTests.test_thread_leak
    @Test
    void testThreadLeak() {
        // Acquiring from foreign (non-pythreading) threads must not register Thread objects.
        Acquirable lock = newLock();
        int n = 15;
        Bunch bunch = Bunch.start(() -> {
            lock.acquire();
            lock.release();
        }, n, true);
        try (bunch) {
            bunch.waitFinished(n);
            Set<Long> listed = new HashSet<>();
            for (Thread t : Threading.enumerate()) {
                listed.add(t.ident());
            }
            assertThat(listed).doesNotContainAnyElementsOf(new ArrayList<>(bunch.started));
        }
    }

    // lock_tests.BaseLockTests.test_timeout
    @Test
    void testTimeout() {
        Acquirable lock = newLock();
        assertThatThrownBy(() -> lock.acquire(false, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify a timeout for a non-blocking call");
        assertThatThrownBy(() -> lock.acquire(true, -100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout value must be a non-negative number");
        assertThatThrownBy(() -> lock.acquire(true, 1e100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThatThrownBy(() -> lock.acquire(true, Threading.TIMEOUT_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThat(lock.acquire(true, Threading.TIMEOUT_MAX)).isTrue();
        lock.release();

        long start = System.nanoTime();
        assertThat(lock.acquire(true, 5)).isTrue();
        assertThat(TestSupport.secondsSince(start)).as("a free lock is taken at once").isLessThan(5);

        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            long t1 = System.nanoTime();
            results.add(lock.acquire(true, 0.5));
            results.add(TestSupport.secondsSince(t1));
        }, 1)) {
            bunch.waitFinished(1);
        }
        assertThat(results.get(0)).isEqualTo(false);
        TestSupport.assertTimeout((Double) results.get(1), 0.5);
        lock.release();
    }

    // pythreading: the rest of CPython's timeout validation (NaN; range checked before blocking; -1 with blocking=False)
    @Test
    void testTimeoutValidationDetails() {
        Acquirable lock = newLock();
        assertThatThrownBy(() -> lock.acquire(true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid value NaN (not a number)");
        assertThatThrownBy(() -> lock.acquire(false, 1e100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThatThrownBy(() -> lock.acquire(false, -100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify a timeout for a non-blocking call");
        assertThat(lock.acquire(false, -1)).as("-1 is the default timeout").isTrue();
        lock.release();
        assertThat(lock.acquire(true, -1)).as("-1 waits forever, here not at all").isTrue();
        lock.release();
        assertThat(lock.acquire(true, 0)).as("0 tries once").isTrue();
        assertThat(otherThreadCanAcquire(lock)).isFalse();
        lock.release();
    }

    // pythreading: the Duration twin of acquire(blocking, timeout)
    @Test
    void testTimeoutDuration() {
        Acquirable lock = newLock();
        assertThat(lock.acquire(true, Duration.ofSeconds(5))).isTrue();
        List<Object> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            long t1 = System.nanoTime();
            results.add(lock.acquire(true, Duration.ofMillis(200)));
            results.add(TestSupport.secondsSince(t1));
        }, 1)) {
            bunch.waitFinished(1);
        }
        assertThat(results.get(0)).isEqualTo(false);
        TestSupport.assertTimeout((Double) results.get(1), 0.2);
        lock.release();
    }

    /** Whether another (foreign) thread could take {@code lock} right now; it gives it back. */
    static boolean otherThreadCanAcquire(Acquirable lock) {
        List<Boolean> result = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            boolean got = lock.acquire(false);
            if (got) {
                lock.release();
            }
            result.add(got);
        }, 1)) {
            bunch.waitFinished(1);
        }
        return result.get(0);
    }
}
