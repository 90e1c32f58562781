package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What a lost session does to a process's holdings and blocked calls: the server ends the
 * session of a manager ({@link Faults#expire}, as it does when the process stays away past the
 * session timeout), ZooKeeper frees what it held, and the manager's objects say so.
 */
class DistributedSessionLossTests extends ZooKeeperTestSupport {

    // pythreading: a lock held by a lost session is freed; its holder learns it at release()
    @Test
    void testLostLock() throws Exception {
        ZooKeeperManager third = newManager();
        DistributedLock lost = third.lock(name);
        lost.acquire();
        long token = lost.fencingToken();
        Faults.expire(third);
        waitUntil("the holding is lost", lost::isLost);
        DistributedLock a = zk.lock(name);
        assertThat(a.acquire(true, 10)).as("freed by ZooKeeper").isTrue();
        assertThat(a.fencingToken()).isGreaterThan(token);
        assertThatThrownBy(lost::fencingToken).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(lost::release).isInstanceOf(SessionLostException.class).hasMessageContaining(name);
        assertThat(lost.isLost()).as("cleared by the release that reported it").isFalse();
        assertThat(a.locked()).as("the new holder keeps it").isTrue();
        a.release();
        assertThat(lost.acquire(false)).as("the manager works on with its new session").isTrue();
        lost.release();
    }

    // pythreading: an RLock's owner learns at its next call
    @Test
    void testLostRLock() throws Exception {
        ZooKeeperManager third = newManager();
        DistributedRLock lost = third.rlock(name);
        lost.acquire();
        lost.acquire();
        Faults.expire(third);
        waitUntil("the holding is lost", lost::isLost);
        assertThat(zk.rlock(name).acquire(true, 10)).isTrue();
        assertThatThrownBy(lost::release).isInstanceOf(SessionLostException.class);
        assertThatThrownBy(lost::release).as("the holding is forgotten")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot release un-acquired lock");
        zk.rlock(name).release();
    }

    // pythreading: a permit taken by a lost session goes back once, and its release() refuses
    @Test
    void testLostPermit() throws Exception {
        ZooKeeperManager third = newManager();
        DistributedSemaphore lost = third.boundedSemaphore(name, 1);
        lost.acquire();
        assertThat(zk.boundedSemaphore(name, 1).value()).isZero();
        Faults.expire(third);
        waitUntil("the permit is lost", lost::isLost);
        DistributedSemaphore a = zk.boundedSemaphore(name, 1);
        assertThat(a.acquire(true, 10)).as("the permit came back").isTrue();
        assertThatThrownBy(lost::release).isInstanceOf(SessionLostException.class);
        assertThat(a.value()).as("the refused release did not give back a's permit").isZero();
        a.release();
        assertThat(a.value()).isEqualTo(1);
    }

    // pythreading: a call blocked when the session ends throws SessionLostException
    @Test
    void testBlockedCallsThrow() throws Exception {
        ZooKeeperManager third = newManager();
        zk.lock(name).acquire();
        Running<Boolean> lock = call("lock", third.lock(name)::acquire);
        Running<Boolean> event = call("event", third.event(name)::await);
        Running<String> queue = call("queue", () -> third.<String>queue(name, 0).get());
        lock.waiting();
        event.waiting();
        queue.waiting();
        Faults.expire(third);
        assertThat(lock.failure()).isInstanceOf(SessionLostException.class);
        assertThat(event.failure()).isInstanceOf(SessionLostException.class);
        assertThat(queue.failure()).isInstanceOf(SessionLostException.class);
        zk.lock(name).release();
        assertThat(zk.lock(name).locked()).as("the lost waiter left no place in the line").isFalse();
    }
}
