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
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lost connections. The server goes away for longer than the session timeout: blocked
 * calls fail with {@link SessionLostException} in bounded time instead of hanging,
 * holders learn their holding is lost, and the managers carry on once a server is back.
 * Connections cut again and again under traffic, each a connection loss that the
 * sessions survive: requests in flight lose their answers and Curator sends them again,
 * which puts the journal's exactly-once commits to the test.
 */
@Timeout(60)
class ConnectionLossTest {

    private static final Duration SESSION = Duration.ofSeconds(2);

    private TestingServer server;
    private DropProxy proxy;
    private String connectString;
    private Duration session = SESSION;
    private final List<ZooKeeperManager> managers = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        managers.forEach(ZooKeeperManager::close);
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ZooKeeperManager manager() {
        ZooKeeperManager manager = Faults.manager(connectString, session);
        managers.add(manager);
        return manager;
    }

    @Test
    void blockedCallsFailWithinBoundedTimeWhenTheServerStaysAway() throws Exception {
        // a 500 ms tick lets the server grant a 2 s session
        server = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 500, -1), true);
        connectString = server.getConnectString();
        ZooKeeperManager holder = manager();
        ZooKeeperManager waiter = manager();
        CountDownLatch holderLost = Faults.lossOf(holder);
        DistributedLock held = holder.lock("busy");
        DistributedSemaphore permit = holder.semaphore("permits", 1);
        assertThat(held.acquire()).isTrue();
        assertThat(permit.acquire()).isTrue();

        DistributedLock lock = waiter.lock("busy");
        DistributedSemaphore semaphore = waiter.semaphore("permits", 1);
        DistributedQueue<String> queue = waiter.queue("jobs", 0);
        DistributedEvent event = waiter.event("go");
        DistributedBarrier barrier = waiter.barrier("meet", 2);
        DistributedCondition condition = waiter.condition("cond");
        List<Callable<Object>> calls = List.of(lock::acquire, semaphore::acquire, queue::get, event::await,
                barrier::await, () -> {
                    try (var ignored = condition.enter()) {
                        return condition.await();
                    }
                });
        List<Future<Object>> blocked = Faults.blockAll(pool, calls);

        long stopped = System.nanoTime();
        server.stop();

        assertThat(holderLost.await(20, TimeUnit.SECONDS)).as("the holder was told").isTrue();
        assertThat(held.isLost()).isTrue();
        assertThat(permit.isLost()).isTrue();
        Faults.assertAllLost(blocked, 30);
        double took = (System.nanoTime() - stopped) / 1e9;
        assertThat(took).as("seconds until every blocked call failed").isLessThan(30);
        // a release of what the lost session held says so at once, server or not
        assertThatThrownBy(held::release).isInstanceOf(SessionLostException.class);
        assertThatThrownBy(permit::release).isInstanceOf(SessionLostException.class);

        // the server comes back (same port): both managers carry on in new sessions
        server.restart();
        assertThat(lock.acquire(true, 20)).isTrue();
        lock.release();
        assertThat(held.acquire(true, 5)).isTrue();
        held.release();
        queue.put("x");
        assertThat(queue.get(true, 5)).isEqualTo("x");
        assertThat(permit.acquire(true, 5)).isTrue();
        permit.release();
    }

    @Test
    void queueLockAndSemaphoreStayExactThroughRepeatedConnectionLosses() throws Exception {
        server = new TestingServer(true);
        proxy = new DropProxy(server.getPort());
        connectString = proxy.connectString();
        session = Duration.ofSeconds(10);
        CountDownLatch lost = new CountDownLatch(1);
        int perProducer = 24;
        int cuts = 3;
        Traffic traffic = new Traffic(pool, this::manager, "drops", perProducer, 2);
        for (ZooKeeperManager manager : managers) {
            manager.onSessionLost(lost::countDown);
        }
        traffic.start();
        for (int i = 0; i < cuts; i++) {
            traffic.awaitProgress(2 * perProducer / (cuts + 1));
            proxy.cutAll();
            traffic.faulted();
        }
        traffic.finishAndCheck(managers.get(0));
        assertThat(lost.getCount()).as("no session was lost").isEqualTo(1);
    }
}
