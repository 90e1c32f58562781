package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mirrors CPython's {@code lock_tests.SemaphoreTests}: the unbounded {@link Semaphore}. */
class SemaphoreTests extends BaseSemaphoreTests {

    @Override
    Semaphore newSemaphore(int value) {
        return new Semaphore(value);
    }

    @Override
    Semaphore newSemaphore() {
        return new Semaphore();
    }

    @Test
    void releaseUnacquired() {
        // lock_tests.SemaphoreTests.test_release_unacquired
        Semaphore sem = newSemaphore(1);
        sem.release();
        assertThat(sem.acquire()).isTrue();
        assertThat(sem.acquire()).isTrue();
        // the extra release raised the value to two, and no more
        assertThat(sem.acquire(false)).isFalse();
        sem.release();
        sem.release(3);
        assertThat(sem.value()).isEqualTo(4);
    }

    @Test
    void repr() {
        // lock_tests.SemaphoreTests.test_repr
        Semaphore sem = newSemaphore(3);
        assertThat(sem.toString()).matches("<pythreading\\.threading\\.Semaphore at 0x[0-9a-f]+: value=3>");
        sem.acquire();
        assertThat(sem.toString()).matches("<pythreading\\.threading\\.Semaphore at 0x[0-9a-f]+: value=2>");
        sem.release();
        sem.release();
        assertThat(sem.toString()).matches("<pythreading\\.threading\\.Semaphore at 0x[0-9a-f]+: value=4>");
    }
}
