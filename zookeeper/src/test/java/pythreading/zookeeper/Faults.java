package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/** What the fault tests share: expiring a session, and a 3-server ensemble's roles. */
final class Faults {

    private Faults() {
    }

    /**
     * Expires the manager's session for real, the classic way: a second client joins
     * the same session and closes it, so the server ends the session at once.
     */
    static void expire(ZooKeeperManager manager) throws Exception {
        ZooKeeper zk = manager.client().getZookeeperClient().getZooKeeper();
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper twin = new ZooKeeper(manager.connectString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        }, zk.getSessionId(), zk.getSessionPasswd());
        try {
            assertThat(connected.await(10, TimeUnit.SECONDS)).as("the twin client connected").isTrue();
        } finally {
            twin.close();
        }
    }

    /** A latch that opens when the manager's session is lost. */
    static CountDownLatch lossOf(ZooKeeperManager manager) {
        CountDownLatch lost = new CountDownLatch(1);
        manager.onSessionLost(lost::countDown);
        return lost;
    }

    /** The session id the manager's client uses now. */
    static long sessionId(ZooKeeperManager manager) throws Exception {
        return manager.client().getZookeeperClient().getZooKeeper().getSessionId();
    }

    /** A manager on {@code connectString} with its own namespace-free settings. */
    static ZooKeeperManager manager(String connectString, Duration sessionTimeout) {
        return ZooKeeperManager.builder().connectString(connectString).sessionTimeout(sessionTimeout).build();
    }

    /**
     * Starts each call in a thread of {@code pool} and returns once every one of them is
     * parked in a primitive's wait for a change (blocked for real, not on its way).
     */
    static List<Future<Object>> blockAll(ExecutorService pool, List<Callable<Object>> calls)
            throws InterruptedException {
        List<Future<Object>> blocked = new ArrayList<>();
        for (Callable<Object> call : calls) {
            CountDownLatch started = new CountDownLatch(1);
            Thread[] thread = new Thread[1];
            blocked.add(pool.submit(() -> {
                thread[0] = Thread.currentThread();
                started.countDown();
                return call.call();
            }));
            started.await();
            awaitParkedInZooKeeperWait(thread[0]);
        }
        return blocked;
    }

    /** Asserts that each call throws {@link SessionLostException} within {@code seconds}. */
    static void assertAllLost(List<Future<Object>> blocked, long seconds) {
        for (int i = 0; i < blocked.size(); i++) {
            Future<Object> call = blocked.get(i);
            assertThatThrownBy(() -> call.get(seconds, TimeUnit.SECONDS))
                    .as("blocked call %d", i)
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SessionLostException.class);
        }
    }

    /** Waits until {@code thread} is parked in a primitive's wait for a change. */
    static void awaitParkedInZooKeeperWait(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (;;) {
            Thread.State state = thread.getState();
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                    && Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
                            frame.getClassName().equals(Changes.class.getName()) && frame.getMethodName().equals("await"))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread + " never blocked in a ZooKeeper wait: "
                        + Arrays.toString(thread.getStackTrace()));
            }
            Thread.sleep(10); // nothing signals "now parked": look again
        }
    }

    // --- a 3-server ensemble -----------------------------------------------------

    /**
     * A 3-server ensemble with a 500 ms tick, allowing sessions of 1 to 30 s (a
     * session must outlive the election that follows a leader's death).
     */
    static TestingCluster cluster() throws Exception {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            specs.add(new InstanceSpec(null, -1, -1, -1, true, id, 500, -1,
                    java.util.Map.of("maxSessionTimeout", "30000"), "127.0.0.1"));
        }
        TestingCluster cluster = new TestingCluster(specs);
        cluster.start();
        awaitQuorum(cluster, 3);
        return cluster;
    }

    /**
     * A server's role through the {@code srvr} four-letter word: {@code leader},
     * {@code follower}, or {@code down} (not serving, also while it elects).
     */
    static String mode(InstanceSpec spec) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), spec.getPort()), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            for (String line : answer.split("\n")) {
                if (line.startsWith("Mode: ")) {
                    return line.substring("Mode: ".length()).trim();
                }
            }
            return "down";
        } catch (IOException e) {
            return "down";
        }
    }

    static InstanceSpec withMode(TestingCluster cluster, String mode) {
        for (InstanceSpec spec : cluster.getInstances()) {
            if (mode(spec).equals(mode)) {
                return spec;
            }
        }
        throw new AssertionError("no " + mode + " in the ensemble");
    }

    /** Waits until {@code serving} servers serve clients, one of them the leader. */
    static void awaitQuorum(TestingCluster cluster, int serving) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (;;) {
            int leaders = 0;
            int up = 0;
            for (InstanceSpec spec : cluster.getInstances()) {
                String mode = mode(spec);
                if (mode.equals("leader")) {
                    leaders++;
                }
                if (mode.equals("leader") || mode.equals("follower")) {
                    up++;
                }
            }
            if (leaders == 1 && up == serving) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the ensemble did not come to " + serving + " serving servers");
            }
            Thread.sleep(50); // polling a server's role: nothing to wait on
        }
    }
}
