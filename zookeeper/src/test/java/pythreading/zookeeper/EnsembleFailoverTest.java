package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-server ensemble loses one server (the leader, or a follower) under queue and lock
 * traffic from several managers, in this JVM and in others: no queue item is lost or
 * doubled, no two holders ever hold the lock, and callers blocked across the failover
 * carry on. Sessions of 15 s outlive the election.
 */
@Timeout(120)
class EnsembleFailoverTest {

    private static final Duration SESSION = Duration.ofSeconds(15);

    private static TestingCluster cluster;
    private InstanceSpec killed;
    private final List<ZooKeeperManager> managers = new ArrayList<>();
    private final CountDownLatch sessionLost = new CountDownLatch(1);
    private final List<Child> children = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = Faults.cluster();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        pool.shutdownNow();
        for (Child child : children) {
            child.close();
        }
        managers.forEach(ZooKeeperManager::close);
        if (killed != null) {
            cluster.restartServer(killed);
            Faults.awaitQuorum(cluster, 3);
        }
    }

    private ZooKeeperManager manager() {
        ZooKeeperManager manager = Faults.manager(cluster.getConnectString(), SESSION);
        manager.onSessionLost(sessionLost::countDown);
        managers.add(manager);
        return manager;
    }

    private void kill(InstanceSpec server) throws Exception {
        killed = server;
        assertThat(cluster.killServer(killed)).isTrue();
    }

    private InstanceSpec serverOf(ZooKeeperManager manager) throws Exception {
        return cluster.findConnectionInstance(manager.client().getZookeeperClient().getZooKeeper());
    }

    @Test
    void theLeaderDies() throws Exception {
        ZooKeeperManager blocked = manager();
        trafficAcross(blocked, () -> kill(Faults.withMode(cluster, "leader")), "leader");
    }

    @Test
    void aFollowerDies() throws Exception {
        ZooKeeperManager blocked = manager();
        while (!Faults.mode(serverOf(blocked)).equals("follower")) {
            blocked.close(); // the blocked calls must be on the follower that dies: connect again
            blocked = manager();
        }
        InstanceSpec follower = serverOf(blocked);
        trafficAcross(blocked, () -> kill(follower), "follower");
    }

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * {@link Traffic} with two lock workers, and three calls of {@code blockedOne}
     * blocked on purpose; the fault strikes when a third of the items went through. It
     * must cost {@code blockedOne} its connection (not its session).
     */
    private void trafficAcross(ZooKeeperManager blockedOne, Fault fault, String name) throws Exception {
        Queue<ConnectionState> states = new ConcurrentLinkedQueue<>();
        blockedOne.client().getConnectionStateListenable().addListener((client, state) -> states.add(state));
        int perProducer = 30;
        Traffic traffic = new Traffic(pool, this::manager, name, perProducer, 2);
        // calls blocked across the fault, on purpose
        ZooKeeperManager other = manager();
        DistributedLock gate = other.lock("gate-" + name);
        gate.acquire();
        DistributedQueue<String> later = blockedOne.queue("later-" + name, 0);
        DistributedEvent go = blockedOne.event("go-" + name);
        DistributedLock waiting = blockedOne.lock("gate-" + name);
        List<Callable<Object>> calls = List.of(later::get, go::await, () -> {
            waiting.acquire();
            waiting.release();
            return "acquired";
        });
        List<Future<Object>> blocked = Faults.blockAll(pool, calls);
        traffic.start();

        traffic.awaitProgress(2 * perProducer / 3);
        fault.inject();
        traffic.faulted();

        // the blocked calls carry on once their clients reconnect
        other.queue("later-" + name, 0).put("x");
        other.event("go-" + name).set();
        gate.release();
        assertThat(blocked.get(0).get(60, TimeUnit.SECONDS)).isEqualTo("x");
        assertThat(blocked.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(true);
        assertThat(blocked.get(2).get(60, TimeUnit.SECONDS)).isEqualTo("acquired");

        traffic.finishAndCheck(other);
        assertThat(states).as("the blocked calls' client reconnected").contains(ConnectionState.RECONNECTED);
        assertThat(sessionLost.getCount()).as("no session was lost").isEqualTo(1);
    }

    @Test
    void processesCarryOnAcrossTheLeadersDeath() throws Exception {
        Path store = dir.resolve("store");
        Files.writeString(store, "0 -1");
        String count = "count:counter:" + store + ":30";
        String connect = cluster.getConnectString();
        long session = SESSION.toMillis();
        // the producer waits for an event between its two batches: every process is
        // connected, and the producer blocked in a call, when the leader dies
        Child producer = new Child(connect, session,
                "produce:jobs:item:30:0", "await:resume", "produce:jobs:more:30:2", count);
        children.add(producer);
        children.add(new Child(connect, session, "consume:jobs", count));
        children.add(new Child(connect, session, "consume:jobs", count));

        for (Child child : children) {
            child.expect("CONNECTED", 60);
        }
        producer.expect("AWAIT resume", 60);
        ZooKeeperManager mine = manager();
        kill(Faults.withMode(cluster, "leader"));
        mine.event("resume").set();

        List<String> expected = new ArrayList<>();
        for (Child child : children) {
            child.awaitSuccess(90);
            assertThat(child.lines()).as("no two holders at once, no stale token, no session lost")
                    .noneMatch(line -> line.startsWith("OVERLAP") || line.startsWith("STALE")
                            || line.equals("STATE LOST"))
                    .as("the process reconnected").contains("STATE RECONNECTED");
        }
        assertThat(Files.readString(store, StandardCharsets.UTF_8)).startsWith("90 ");
        List<String> got = new ArrayList<>(children.get(1).lines("GOT "));
        got.addAll(children.get(2).lines("GOT "));
        for (int i = 0; i < 30; i++) {
            expected.add("item-" + i);
            expected.add("more-" + i);
        }
        assertThat(got).as("each item exactly once").containsExactlyInAnyOrderElementsOf(expected);
    }
}
