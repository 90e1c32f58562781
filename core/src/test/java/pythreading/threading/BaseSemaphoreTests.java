package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's {@code lock_tests.BaseSemaphoreTests}: the behaviour shared by
 * {@link Semaphore} and {@link BoundedSemaphore}, run by each concrete subclass.
 */
@Timeout(10)
abstract class BaseSemaphoreTests {

    /** The semaphore under test, with the given initial value. */
    abstract Semaphore newSemaphore(int value);

    /** The semaphore under test, made with its no-argument constructor. */
    abstract Semaphore newSemaphore();

    @Test
    void constructor() {
        // lock_tests.BaseSemaphoreTests.test_constructor
        assertThatThrownBy(() -> newSemaphore(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
        assertThatThrownBy(() -> newSemaphore(Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
    }

    @Test
    void acquire() {
        // lock_tests.BaseSemaphoreTests.test_acquire
        Semaphore sem = newSemaphore(1);
        assertThat(sem.acquire()).isTrue();
        sem.release();
        sem = newSemaphore(2);
        assertThat(sem.acquire()).isTrue();
        assertThat(sem.acquire()).isTrue();
        assertThat(sem.acquire(false)).isFalse();
        sem.release();
        sem.release();
        assertThat(sem.acquire(false)).isTrue();
    }

    // lock_tests.BaseSemaphoreTests.test_acquire_destroy is not ported: it checks that
    // deleting a held semaphore is harmless; Java has no explicit destruction.

    /** The two phases of contended tests: what each thread saw after each acquire. */
    private static final class Phases {
        final AtomicInteger phase = new AtomicInteger();
        final List<Integer> results1 = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> results2 = Collections.synchronizedList(new ArrayList<>());

        int count() {
            return results1.size() + results2.size();
        }

        /** Waits until {@code count} acquires happened and every other thread is parked, then checks there are no more. */
        void waitCount(Bunch bunch, int count) {
            TestSupport.waitUntil(count + " acquires", () -> count() >= count);
            bunch.waitUntilBlocked();
            assertThat(count()).isEqualTo(count);
        }

        List<Integer> sorted() {
            List<Integer> all;
            synchronized (results1) {
                all = new ArrayList<>(results1);
            }
            synchronized (results2) {
                all.addAll(results2);
            }
            Collections.sort(all);
            return all;
        }
    }

    private static List<Integer> repeat(int... countsPerPhase) {
        List<Integer> expected = new ArrayList<>();
        for (int phase = 0; phase < countsPerPhase.length; phase++) {
            expected.addAll(Collections.nCopies(countsPerPhase[phase], phase));
        }
        return expected;
    }

    @Test
    void acquireContended() {
        // lock_tests.BaseSemaphoreTests.test_acquire_contended
        int semValue = 7;
        Semaphore sem = newSemaphore(semValue);
        sem.acquire();
        List<Boolean> semResults = Collections.synchronizedList(new ArrayList<>());
        Phases p = new Phases();
        Runnable func = () -> {
            semResults.add(sem.acquire());
            p.results1.add(p.phase.get());
            semResults.add(sem.acquire());
            p.results2.add(p.phase.get());
        };
        int count1 = semValue - 1;
        int count2 = semValue;
        int count3 = semValue - 1;
        try (Bunch bunch = Bunch.start(func, 10)) {
            // phase 0: the six free units are taken, the other threads block
            p.waitCount(bunch, count1);
            assertThat(p.sorted()).isEqualTo(repeat(count1));

            // phase 1: seven single releases let seven more acquires through
            p.phase.set(1);
            for (int i = 0; i < semValue; i++) {
                sem.release();
            }
            p.waitCount(bunch, count1 + count2);
            assertThat(p.sorted()).isEqualTo(repeat(count1, count2));

            // phase 2
            p.phase.set(2);
            for (int i = 0; i < count3; i++) {
                sem.release();
            }
            p.waitCount(bunch, count1 + count2 + count3);
            assertThat(p.sorted()).isEqualTo(repeat(count1, count2, count3));
            assertThat(sem.acquire(false)).isFalse();

            // the last thread still waits for one unit
            sem.release();
        }
        assertThat(semResults).containsOnly(true).hasSize(count1 + count2 + count3 + 1);
    }

    @Test
    void multirelease() {
        // lock_tests.BaseSemaphoreTests.test_multirelease
        int semValue = 7;
        Semaphore sem = newSemaphore(semValue);
        sem.acquire();
        Phases p = new Phases();
        Runnable func = () -> {
            sem.acquire();
            p.results1.add(p.phase.get());
            sem.acquire();
            p.results2.add(p.phase.get());
        };
        int count1 = semValue - 1;
        int count2 = semValue;
        int count3 = semValue - 1;
        try (Bunch bunch = Bunch.start(func, 10)) {
            p.waitCount(bunch, count1);
            assertThat(p.sorted()).isEqualTo(repeat(count1));

            // one release(n) wakes n waiters, not just one
            p.phase.set(1);
            sem.release(count2);
            p.waitCount(bunch, count1 + count2);
            assertThat(p.sorted()).isEqualTo(repeat(count1, count2));

            p.phase.set(2);
            sem.release(count3);
            p.waitCount(bunch, count1 + count2 + count3);
            assertThat(p.sorted()).isEqualTo(repeat(count1, count2, count3));
            assertThat(sem.acquire(false)).isFalse();

            sem.release();
        }
    }

    @Test
    void releaseNonPositive() {
        // pythreading: CPython's Semaphore.release(n) refuses n < 1 (threading.py; no lock_tests case)
        Semaphore sem = newSemaphore(1);
        sem.acquire();
        assertThatThrownBy(() -> sem.release(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be one or more");
        assertThatThrownBy(() -> sem.release(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be one or more");
        // nothing was released by the refused calls
        assertThat(sem.acquire(false)).isFalse();
        sem.release(1);
        assertThat(sem.acquire(false)).isTrue();
    }

    @Test
    void tryAcquire() {
        // lock_tests.BaseSemaphoreTests.test_try_acquire
        Semaphore sem = newSemaphore(2);
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isFalse();
        sem.release();
        assertThat(sem.acquire(false)).isTrue();
    }

    @Test
    void tryAcquireContended() {
        // lock_tests.BaseSemaphoreTests.test_try_acquire_contended
        Semaphore sem = newSemaphore(4);
        sem.acquire();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        Bunch.start(() -> {
            results.add(sem.acquire(false));
            results.add(sem.acquire(false));
        }, 5).close();
        List<Boolean> sorted = new ArrayList<>(results);
        Collections.sort(sorted);
        List<Boolean> expected = new ArrayList<>(Collections.nCopies(7, false));
        expected.addAll(Collections.nCopies(3, true));
        assertThat(sorted).isEqualTo(expected);
    }

    @Test
    void acquireTimeout() {
        // lock_tests.BaseSemaphoreTests.test_acquire_timeout
        Semaphore sem = newSemaphore(2);
        assertThatThrownBy(() -> sem.acquire(false, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify timeout for non-blocking acquire");
        assertThat(sem.acquire(true, 0.005)).isTrue();
        assertThat(sem.acquire(true, 0.005)).isTrue();
        assertThat(sem.acquire(true, 0.005)).isFalse();
        sem.release();
        assertThat(sem.acquire(true, 0.005)).isTrue();
        long start = System.nanoTime();
        assertThat(sem.acquire(true, 0.5)).isFalse();
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.5);
    }

    @Test
    void nonPositiveTimeoutTriesOnce() {
        // lock_tests.BaseSemaphoreTests.test_acquire_timeout; PYTHON-SEMANTICS table 1.1:
        // for a semaphore a negative timeout is the same as zero (never "forever")
        Semaphore sem = newSemaphore(1);
        assertThatThrownBy(() -> sem.acquire(false, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify timeout for non-blocking acquire");
        assertThatThrownBy(() -> sem.acquire(false, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify timeout for non-blocking acquire");
        assertThat(sem.acquire(true, -1.0)).isTrue();
        assertThat(sem.acquire(true, -1.0)).isFalse();
        assertThat(sem.acquire(true, 0.0)).isFalse();
        sem.release();
        assertThat(sem.acquire(true, 0.0)).isTrue();
        sem.release();
    }

    @Test
    void durationTimeout() {
        // pythreading: acquire(boolean, Duration) times out as acquire(boolean, double) does
        Semaphore sem = newSemaphore(1);
        assertThat(sem.acquire(true, TestSupport.seconds(0.2))).isTrue();
        long start = System.nanoTime();
        assertThat(sem.acquire(true, TestSupport.seconds(0.2))).isFalse();
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.2);
        assertThatThrownBy(() -> sem.acquire(false, TestSupport.seconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify timeout for non-blocking acquire");
    }

    @Test
    void defaultValue() {
        // lock_tests.BaseSemaphoreTests.test_default_value
        Semaphore sem = newSemaphore();
        sem.acquire();
        try (Bunch bunch = Bunch.start(() -> {
            sem.acquire();
            sem.release();
        }, 1)) {
            bunch.waitUntilBlocked();
            assertThat(bunch.finished).isEmpty();
            sem.release();
        }
        // the default value is exactly one
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isFalse();
    }

    @Test
    void with() {
        // lock_tests.BaseSemaphoreTests.test_with
        Semaphore sem = newSemaphore(2);
        withBody(sem, null);
        assertThat(sem.acquire(false)).isTrue();
        sem.release();
        IllegalStateException err = new IllegalStateException("inside with");
        assertThatThrownBy(() -> withBody(sem, err)).isSameAs(err);
        assertThat(sem.acquire(false)).isTrue();
        sem.release();
        // both units are free again
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isFalse();
    }

    @SuppressWarnings("try") // the resources only mark the with blocks
    private static void withBody(Semaphore sem, RuntimeException err) {
        try (var outer = sem.enter()) {
            assertThat(sem.acquire(false)).isTrue();
            sem.release();
            try (var inner = sem.enter()) {
                assertThat(sem.acquire(false)).isFalse();
                if (err != null) {
                    throw err;
                }
            }
        }
    }
}
