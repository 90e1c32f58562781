package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mirrors CPython's {@code lock_tests.RLockTests} (with {@code BaseLockTests}) for
 * {@link DistributedRLock}: reentrant, owned by one thread of one process.
 */
class DistributedRLockTests extends ZooKeeperTestSupport {

    // lock_tests.RLockTests.test_reacquire
    @Test
    void testReacquire() {
        DistributedRLock lock = zk.rlock(name);
        DistributedRLock b = other.rlock(name);
        lock.acquire();
        lock.acquire();
        lock.acquire(true, 1);
        lock.release();
        lock.release();
        assertThat(b.acquire(false)).as("still held once").isFalse();
        lock.release();
        assertThat(b.acquire(false)).as("the last release frees it").isTrue();
        b.release();
        assertThat(lock.locked()).isFalse();
    }

    // lock_tests.RLockTests.test_release_unacquired
    @Test
    void testReleaseUnacquired() {
        DistributedRLock lock = zk.rlock(name);
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
    }

    // lock_tests.RLockTests.test_different_thread: only the owner releases, in its process or another
    @Test
    void testDifferentThread() {
        DistributedRLock lock = zk.rlock(name);
        lock.acquire();
        Throwable sameProcess = run("other thread", lock::release).failure();
        assertThat(sameProcess).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        assertThatThrownBy(other.rlock(name)::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        assertThat(lock.locked()).isTrue();
        lock.release();
    }

    // pythreading: ownership is per thread of one manager; another thread of the same process waits
    @Test
    void testOwnershipPerThread() throws InterruptedException {
        DistributedRLock lock = zk.rlock(name);
        lock.acquire();
        assertThat(call("try", () -> lock.acquire(false)).result())
                .as("another thread of the owning process").isFalse();
        CountDownLatch acquired = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Running<Long> owner2 = call("second owner", () -> {
            lock.acquire();
            lock.acquire(); // reentrant for its new owner
            long token = lock.fencingToken();
            acquired.countDown();
            try {
                release.await(SHORT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            lock.release();
            lock.release();
            return token;
        });
        owner2.waiting();
        long first = lock.fencingToken();
        lock.release();
        assertThat(acquired.await(SHORT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(lock.acquire(false)).as("now the main thread is the other thread").isFalse();
        assertThatThrownBy(lock::fencingToken).as("the main thread does not own it")
                .isInstanceOf(IllegalStateException.class);
        release.countDown();
        assertThat(owner2.result()).isGreaterThan(first);
        assertThat(lock.locked()).isFalse();
    }

    // lock_tests.BaseLockTests.test_acquire_contended, across processes
    @Test
    void testAcquireContended() {
        DistributedRLock a = zk.rlock(name);
        DistributedRLock b = other.rlock(name);
        a.acquire();
        Running<Void> waiter = run("waiter", () -> {
            b.acquire();
            b.release();
        }).waiting();
        assertThat(waiter.done()).isFalse();
        a.release();
        waiter.result();
        assertThat(a.locked()).isFalse();
    }

    // lock_tests.BaseLockTests.test_timeout
    @Test
    void testTimeout() {
        DistributedRLock lock = zk.rlock(name);
        assertLockTimeoutChecks(lock);
        lock.acquire();
        long start = System.nanoTime();
        assertThat(other.rlock(name).acquire(true, 0.2)).isFalse();
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        lock.release();
        assertThat(lock.locked()).as("the timed-out waiter left nothing").isFalse();
    }

    // pythreading: fencing tokens across owners in two processes
    @Test
    void testFencingTokens() {
        DistributedRLock a = zk.rlock(name);
        DistributedRLock b = other.rlock(name);
        assertThatThrownBy(a::fencingToken).isInstanceOf(IllegalStateException.class);
        a.acquire();
        long first = a.fencingToken();
        a.acquire();
        assertThat(a.fencingToken()).as("a reentrant acquire is the same holding").isEqualTo(first);
        a.release();
        a.release();
        b.acquire();
        assertThat(b.fencingToken()).isGreaterThan(first);
        b.release();
        assertThatThrownBy(b::fencingToken).isInstanceOf(IllegalStateException.class);
    }

    // pythreading: an interrupted acquire throws, keeps the flag, takes nothing
    @Test
    void testInterruptedAcquire() {
        DistributedRLock a = zk.rlock(name);
        DistributedRLock b = other.rlock(name);
        a.acquire();
        assertInterruptible("acquire", b::acquire);
        a.release();
        assertThat(a.locked()).isFalse();
        assertThat(b.acquire(false)).isTrue();
        b.release();
    }
}
