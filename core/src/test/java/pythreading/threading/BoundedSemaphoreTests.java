package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mirrors CPython's {@code lock_tests.BoundedSemaphoreTests}: {@link BoundedSemaphore}. */
class BoundedSemaphoreTests extends BaseSemaphoreTests {

    @Override
    Semaphore newSemaphore(int value) {
        return new BoundedSemaphore(value);
    }

    @Override
    Semaphore newSemaphore() {
        return new BoundedSemaphore();
    }

    @Test
    void releaseUnacquired() {
        // lock_tests.BoundedSemaphoreTests.test_release_unacquired
        Semaphore sem = newSemaphore();
        assertThatThrownBy(sem::release)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(sem.value()).isEqualTo(1);
        sem.acquire();
        sem.release();
        assertThatThrownBy(sem::release)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        // the refused releases left the value at its bound
        assertThat(sem.value()).isEqualTo(1);
        assertThat(sem.acquire(false)).isTrue();
        assertThat(sem.acquire(false)).isFalse();
    }

    @Test
    void multireleaseOverTheBound() {
        // lock_tests.BoundedSemaphoreTests.test_release_unacquired, for release(n)
        Semaphore sem = newSemaphore(3);
        sem.acquire();
        sem.acquire();
        assertThatThrownBy(() -> sem.release(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(sem.value()).isEqualTo(1);
        assertThatThrownBy(() -> sem.release(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(sem.value()).isEqualTo(1);
        sem.release(2);
        assertThat(sem.value()).isEqualTo(3);
        assertThat(sem.toString()).endsWith(": value=3/3>");
    }

    @Test
    void repr() {
        // lock_tests.BoundedSemaphoreTests.test_repr
        Semaphore sem = newSemaphore(3);
        assertThat(sem.toString()).matches("<pythreading\\.threading\\.BoundedSemaphore at 0x[0-9a-f]+: value=3/3>");
        sem.acquire();
        assertThat(sem.toString()).matches("<pythreading\\.threading\\.BoundedSemaphore at 0x[0-9a-f]+: value=2/3>");
    }
}
