package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mirrors CPython's {@code lock_tests.BaseSemaphoreTests}, {@code SemaphoreTests} and
 * {@code BoundedSemaphoreTests} for {@link DistributedSemaphore}: the shared behaviour runs
 * for both kinds (the parameter {@code bounded}), then what sets them apart.
 */
class DistributedSemaphoreTests extends ZooKeeperTestSupport {

    private DistributedSemaphore semaphore(ZooKeeperManager manager, boolean bounded, int value) {
        return bounded ? manager.boundedSemaphore(name, value) : manager.semaphore(name, value);
    }

    // lock_tests.BaseSemaphoreTests.test_constructor
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testConstructor(boolean bounded) {
        assertThatThrownBy(() -> semaphore(zk, bounded, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
        assertThatThrownBy(() -> semaphore(zk, bounded, Integer.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
        DistributedSemaphore zero = semaphore(zk, bounded, 0);
        assertThat(zero.acquire(false)).isFalse();
        assertThat(zero.value()).isZero();
    }

    // lock_tests.BaseSemaphoreTests.test_acquire, test_try_acquire: permits counted across processes
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testAcquire(boolean bounded) {
        DistributedSemaphore a = semaphore(zk, bounded, 2);
        DistributedSemaphore b = semaphore(other, bounded, 2);
        assertThat(a.acquire()).isTrue();
        assertThat(b.acquire(false)).isTrue();
        assertThat(a.value()).isZero();
        assertThat(a.acquire(false)).isFalse();
        assertThat(b.acquire(false)).isFalse();
        a.release();
        assertThat(b.acquire(false)).isTrue();
        b.release();
        b.release();
        assertThat(a.value()).isEqualTo(2);
    }

    // lock_tests.BaseSemaphoreTests.test_acquire_contended: at most `value` holders at a time
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testAcquireContended(boolean bounded) {
        DistributedSemaphore a = semaphore(zk, bounded, 2);
        a.acquire();
        a.acquire();
        List<DistributedSemaphore> objects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            objects.add(semaphore(i % 2 == 0 ? other : zk, bounded, 2));
        }
        Contenders contenders = contend(objects);
        a.release(2);
        assertThat(contenders.finish()).isBetween(1, 2);
        assertThat(a.value()).isEqualTo(2);
    }

    // lock_tests.BaseSemaphoreTests.test_multirelease: release(n) wakes n waiters
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testMultiRelease(boolean bounded) {
        DistributedSemaphore a = semaphore(zk, bounded, 3);
        for (int i = 0; i < 3; i++) {
            a.acquire();
        }
        DistributedSemaphore b = semaphore(other, bounded, 3);
        List<Running<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(call("waiter-" + i, b::acquire));
        }
        waitUntilAllWaiting(waiters);
        a.release(2);
        waitUntil("two waiters get a permit", () -> waiters.stream().filter(Running::done).count() == 2);
        a.release();
        waiters.forEach(w -> assertThat(w.result()).isTrue());
        assertThat(a.value()).isZero();
        assertThatThrownBy(() -> a.release(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be one or more");
        b.release(3);
        assertThat(a.value()).isEqualTo(3);
    }

    // lock_tests.BaseSemaphoreTests.test_acquire_timeout, with CPython's argument checks
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testAcquireTimeout(boolean bounded) {
        DistributedSemaphore s = semaphore(zk, bounded, 1);
        assertThatThrownBy(() -> s.acquire(false, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify timeout for non-blocking acquire");
        assertThat(s.acquire(true, 0)).isTrue();
        DistributedSemaphore b = semaphore(other, bounded, 1);
        assertThat(b.acquire(true, 0)).isFalse();
        assertThat(b.acquire(true, -1)).as("a negative timeout tries once").isFalse();
        long start = System.nanoTime();
        assertThat(b.acquire(true, 0.2)).isFalse();
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        s.release();
        assertThat(b.acquire(true, 5)).isTrue();
        b.release();
        assertThat(s.value()).isEqualTo(1);
    }

    // lock_tests.BaseSemaphoreTests.test_with
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testWith(boolean bounded) {
        DistributedSemaphore s = semaphore(zk, bounded, 1);
        try (var held = s.enter()) {
            assertThat(semaphore(other, bounded, 1).acquire(false)).isFalse();
        }
        assertThat(s.value()).isEqualTo(1);
    }

    // pythreading: a permit taken by a process comes back when its manager closes
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testPermitsComeBackWhenTheHolderCloses(boolean bounded) {
        ZooKeeperManager third = newManager();
        DistributedSemaphore held = semaphore(third, bounded, 1);
        assertThat(held.acquire()).isTrue();
        DistributedSemaphore a = semaphore(zk, bounded, 1);
        Running<Boolean> waiter = call("waiter", a::acquire).waiting();
        third.close();
        assertThat(waiter.result()).isTrue();
        a.release();
        assertThat(a.value()).isEqualTo(1);
    }

    // pythreading: an interrupted acquire throws, keeps the flag, takes no permit
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void testInterruptedAcquire(boolean bounded) {
        DistributedSemaphore a = semaphore(zk, bounded, 1);
        a.acquire();
        DistributedSemaphore b = semaphore(other, bounded, 1);
        assertInterruptible("acquire", b::acquire);
        assertInterruptible("timed acquire", () -> b.acquire(true, 60));
        a.release();
        assertThat(a.value()).as("no permit taken by the interrupted calls").isEqualTo(1);
    }

    // lock_tests.SemaphoreTests.test_release_unacquired: from a process that never acquired
    @Test
    void testReleaseUnacquired() {
        DistributedSemaphore a = zk.semaphore(name, 1);
        DistributedSemaphore b = other.semaphore(name, 1);
        b.release();
        assertThat(a.value()).isEqualTo(2);
        assertThat(a.acquire(false)).isTrue();
        assertThat(a.acquire(false)).isTrue();
        assertThat(a.acquire(false)).isFalse();
        b.release(2); // gives back a's permits: the count is back at 2, not 4
        assertThat(a.value()).isEqualTo(2);
        a.release();
        assertThat(a.value()).as("a's permits went back already: this one raises the count").isEqualTo(3);
    }

    // lock_tests.BoundedSemaphoreTests.test_release_unacquired, across processes
    @Test
    void testBoundedReleaseUnacquired() {
        DistributedSemaphore a = zk.boundedSemaphore(name, 1);
        DistributedSemaphore b = other.boundedSemaphore(name, 1);
        assertThatThrownBy(b::release)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        a.acquire();
        b.release(); // any process may give back a permit that is out
        assertThat(a.value()).isEqualTo(1);
        assertThatThrownBy(a::release)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        DistributedSemaphore two = zk.boundedSemaphore(name + "-2", 2);
        two.acquire();
        assertThatThrownBy(() -> two.release(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Semaphore released too many times");
        assertThat(two.value()).as("a refused release changes nothing").isEqualTo(1);
        two.release();
        assertThat(two.value()).isEqualTo(2);
    }
}
