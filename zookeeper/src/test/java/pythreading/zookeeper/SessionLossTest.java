package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session that ends under its holdings and its blocked calls: the server expires it
 * (a twin client closes it), the classic way of losing a session on purpose.
 */
@Timeout(30)
class SessionLossTest {

    private static EmbeddedServer server;
    private final List<ZooKeeperManager> managers = new ArrayList<>();
    private ZooKeeperManager victim;
    private ZooKeeperManager other;
    private CountDownLatch lost;

    @BeforeAll
    static void startServer() {
        server = new EmbeddedServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        victim = manager();
        other = manager();
        lost = Faults.lossOf(victim);
    }

    @AfterEach
    void close() {
        managers.forEach(ZooKeeperManager::close);
    }

    private ZooKeeperManager manager() {
        ZooKeeperManager manager = Faults.manager(server.connectString(), Duration.ofSeconds(5));
        managers.add(manager);
        return manager;
    }

    private void expireVictim() throws Exception {
        long before = Faults.sessionId(victim);
        Faults.expire(victim);
        assertThat(lost.await(10, TimeUnit.SECONDS)).as("the victim was told its session is lost").isTrue();
        // the manager carries on in a new session of its own
        assertThat(victim.lock("after-loss").acquire(false)).isTrue();
        victim.lock("after-loss").release();
        assertThat(Faults.sessionId(victim)).isNotEqualTo(before);
    }

    @Test
    void lockAndRLockHoldersLearnTheirHoldingIsLost() throws Exception {
        DistributedLock lock = victim.lock("held");
        DistributedRLock rlock = victim.rlock("held");
        assertThat(lock.acquire()).isTrue();
        assertThat(rlock.acquire()).isTrue();
        assertThat(rlock.acquire()).isTrue(); // twice: the recursion is lost with the holding
        DistributedRLock reentered = victim.rlock("reentered");
        assertThat(reentered.acquire()).isTrue();
        long token = lock.fencingToken();
        long rtoken = rlock.fencingToken();
        AtomicInteger lockLostWhenTold = new AtomicInteger();
        victim.onSessionLost(() -> lockLostWhenTold.set(lock.isLost() && rlock.isLost() ? 1 : 2));
        assertThat(lock.isLost()).isFalse();

        expireVictim();

        assertThat(lockLostWhenTold).as("isLost() was true when the listener ran").hasValue(1);
        assertThat(lock.isLost()).isTrue();
        assertThat(rlock.isLost()).isTrue();
        assertThatThrownBy(lock::fencingToken).isInstanceOf(IllegalStateException.class);

        // ZooKeeper freed both: another manager takes them at once, with later tokens
        DistributedLock theirs = other.lock("held");
        DistributedRLock theirR = other.rlock("held");
        assertThat(theirs.acquire(false)).isTrue();
        assertThat(theirR.acquire(false)).isTrue();
        assertThat(theirs.fencingToken()).isGreaterThan(token);
        assertThat(theirR.fencingToken()).isGreaterThan(rtoken);

        assertThatThrownBy(lock::release).isInstanceOf(SessionLostException.class)
                .hasMessageContaining("lock 'held' was lost");
        assertThat(lock.isLost()).isFalse();
        assertThatThrownBy(rlock::release).isInstanceOf(SessionLostException.class)
                .hasMessageContaining("rlock 'held' was lost");
        assertThat(rlock.isLost()).isFalse();
        assertThatThrownBy(rlock::release).hasMessage("cannot release un-acquired lock");
        // the owner's reentrant acquire says so too, and forgets the holding
        assertThat(reentered.isLost()).isTrue();
        assertThatThrownBy(reentered::acquire).isInstanceOf(SessionLostException.class);
        assertThatThrownBy(reentered::release).hasMessage("cannot release un-acquired lock");
        assertThat(reentered.acquire(false)).as("free, and taken again in the new session").isTrue();
        reentered.release();
        assertThat(theirs.locked()).as("the lost release left the new holder alone").isTrue();
        assertThat(theirR.locked()).isTrue();

        // the victim's objects work again in its new session
        theirs.release();
        theirR.release();
        assertThat(lock.acquire(true, 5)).isTrue();
        assertThat(lock.fencingToken()).isGreaterThan(token);
        lock.release();
        assertThat(rlock.acquire(true, 5)).isTrue();
        rlock.release();
        assertThat(rlock.locked()).isFalse();
    }

    @Test
    void semaphorePermitComesBackWithTheLostSession() throws Exception {
        DistributedSemaphore mine = victim.boundedSemaphore("permits", 2);
        DistributedSemaphore theirs = other.boundedSemaphore("permits", 2);
        assertThat(mine.acquire()).isTrue();
        assertThat(mine.acquire()).isTrue();
        assertThat(theirs.acquire(false)).isFalse();

        expireVictim();

        assertThat(mine.isLost()).isTrue();
        assertThat(theirs.value()).as("both permits went back with the session").isEqualTo(2);
        assertThat(theirs.acquire(true, 5)).isTrue();
        assertThatThrownBy(mine::release).isInstanceOf(SessionLostException.class)
                .hasMessageContaining("boundedSemaphore 'permits'");
        assertThat(mine.isLost()).isFalse();
        assertThat(theirs.value()).as("the lost release gave back nobody's permit").isEqualTo(1);
        // and the victim's object works again
        assertThat(mine.acquire(true, 5)).isTrue();
        assertThat(theirs.value()).isZero();
        mine.release();
        theirs.release();
        assertThat(theirs.value()).isEqualTo(2);
        assertThatThrownBy(mine::release).hasMessage("Semaphore released too many times");
    }

    @Test
    void everyBlockedCallThrowsSessionLost() throws Exception {
        DistributedLock held = other.lock("busy");
        held.acquire();
        DistributedCondition condition = victim.condition("cond");
        DistributedBarrier barrier = victim.barrier("meet", 2);
        DistributedQueue<String> queue = victim.queue("jobs", 0);
        DistributedEvent event = victim.event("go");
        DistributedSemaphore semaphore = victim.semaphore("none", 0);
        DistributedLock lock = victim.lock("busy");
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Callable<Object>> calls = List.of(
                    lock::acquire,
                    queue::get,
                    event::await,
                    barrier::await,
                    semaphore::acquire,
                    () -> {
                        condition.acquire();
                        try {
                            return condition.await();
                        } finally {
                            // the condition's lock was not taken back: its holding was lost with the session
                            assertThatThrownBy(condition::release).isInstanceOf(SessionLostException.class);
                            assertThatThrownBy(condition::release).hasMessage("cannot release un-acquired lock");
                        }
                    });
            List<Future<Object>> blocked = Faults.blockAll(pool, calls);

            expireVictim();

            Faults.assertAllLost(blocked, 10);
            // the manager works again: each primitive, in the new session
            queue.put("x");
            assertThat(queue.get(true, 5)).isEqualTo("x");
            event.set();
            assertThat(event.await(5)).isTrue();
            held.release();
            assertThat(lock.acquire(true, 5)).isTrue();
            lock.release();
            semaphore.release();
            assertThat(semaphore.acquire(true, 5)).isTrue();
            try (var ignored = condition.enter()) {
                assertThat(condition.await(0.05)).isFalse();
            }
            // the lost party still counts in its generation (as a dead process's would): reset frees it
            barrier.reset();
            Future<Object> party = pool.submit(() -> barrier.await(5));
            assertThat(other.barrier("meet", 2).await(5)).isIn(0, 1);
            assertThat(party.get(10, TimeUnit.SECONDS)).isIn(0, 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fencingTokensRefuseTheWriterWhoseSessionWasLost() throws Exception {
        Store store = new Store();
        DistributedLock lock = victim.lock("ledger");
        DistributedLock theirs = other.lock("ledger");
        ZooKeeperManager third = manager();
        DistributedLock thirds = third.lock("ledger");

        lock.acquire();
        long paused = lock.fencingToken();
        assertThat(store.write(paused, "first")).isTrue();
        // the holder pauses (a long GC, say) past its session; another process takes over
        expireVictim();
        assertThat(theirs.acquire(true, 5)).isTrue();
        long next = theirs.fencingToken();
        assertThat(next).isGreaterThan(paused);
        assertThat(store.write(next, "second")).isTrue();
        // the paused holder wakes and writes with its old token: refused
        assertThat(store.write(paused, "late")).isFalse();
        assertThat(lock.isLost()).isTrue();
        assertThatThrownBy(lock::release).isInstanceOf(SessionLostException.class);
        theirs.release();

        // tokens keep increasing whoever holds next, through any of the managers
        long last = next;
        for (DistributedLock each : List.of(thirds, lock, theirs, thirds, lock)) {
            assertThat(each.acquire(true, 5)).isTrue();
            long token = each.fencingToken();
            assertThat(token).isGreaterThan(last);
            assertThat(store.write(token, "w")).isTrue();
            last = token;
            each.release();
        }
        assertThat(store.values).containsExactly("first", "second", "w", "w", "w", "w", "w");
    }

    /** A store that refuses a write whose token is not above every token it has seen. */
    static final class Store {
        private long highest = -1;
        final List<String> values = new ArrayList<>();

        synchronized boolean write(long token, String value) {
            if (token <= highest) {
                return false;
            }
            highest = token;
            values.add(value);
            return true;
        }
    }
}
