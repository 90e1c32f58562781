package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mirrors CPython's {@code lock_tests.EventTests} for {@link DistributedEvent}: one flag
 * shared by every process, a set in one waking the waiters of all.
 */
class DistributedEventTests extends ZooKeeperTestSupport {

    /** Four waiting threads, two in each process, two with a timeout and two without. */
    private List<Running<Boolean>> waiters() {
        List<Running<Boolean>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            DistributedEvent e = (i % 2 == 0 ? other : zk).event(name);
            waiters.add(call("waiter-" + i, i < 2 ? e::await : () -> e.await(30)));
        }
        waitUntilAllWaiting(waiters);
        return waiters;
    }

    // lock_tests.EventTests.test_is_set, seen from both processes
    @Test
    void testIsSet() {
        DistributedEvent a = zk.event(name);
        DistributedEvent b = other.event(name);
        assertThat(a.isSet()).isFalse();
        a.set();
        assertThat(b.isSet()).isTrue();
        a.set();
        assertThat(b.isSet()).isTrue();
        b.clear();
        assertThat(a.isSet()).isFalse();
        b.clear();
        assertThat(a.isSet()).isFalse();
    }

    // lock_tests.EventTests.test_notify: a set in one process wakes the waiters of both
    @Test
    void testNotify() {
        DistributedEvent a = zk.event(name);
        List<Running<Boolean>> waiters = waiters();
        assertThat(waiters).noneMatch(Running::done);
        a.set();
        waiters.forEach(w -> assertThat(w.result()).isTrue());
        assertThat(other.event(name).await()).as("set: no wait").isTrue();
        assertThat(other.event(name).await(0)).isTrue();
    }

    // lock_tests.EventTests.test_timeout
    @Test
    void testTimeout() {
        DistributedEvent e = other.event(name);
        assertThat(e.await(0)).isFalse();
        assertThat(e.await(-1)).isFalse();
        long start = System.nanoTime();
        assertThat(e.await(0.2)).isFalse();
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        assertThat(e.await(Duration.ofMillis(50))).isFalse();
        zk.event(name).set();
        assertThat(e.await(0.2)).isTrue();
        assertThat(e.await(Duration.ZERO)).isTrue();
    }

    // lock_tests.EventTests.test_set_and_clear (gh-57711): a set cleared at once still wakes
    // everyone who was waiting, in every process
    @Test
    void testSetAndClear() {
        DistributedEvent a = zk.event(name);
        List<Running<Boolean>> waiters = waiters();
        a.set();
        a.clear();
        waiters.forEach(w -> assertThat(w.result()).as("woken by the set").isTrue());
        assertThat(a.isSet()).isFalse();
        assertThat(other.event(name).await(0.05)).as("a later waiter sees the flag down").isFalse();
    }

    // pythreading: an interrupted await throws and keeps the flag
    @Test
    void testInterruptedAwait() {
        DistributedEvent e = other.event(name);
        assertInterruptible("await", e::await);
        assertInterruptible("timed await", () -> e.await(60));
        assertThat(e.isSet()).isFalse();
    }
}
