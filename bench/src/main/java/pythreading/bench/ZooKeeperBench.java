package pythreading.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryUntilElapsed;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * What the ZooKeeper benchmarks share: the {@code impl} values and a raw Curator client
 * with the settings {@link ZooKeeperManager} gives its own (namespace, session and
 * connection timeouts, retry policy), so that both sides talk to the same embedded
 * server the same way and differ only in the recipe on top.
 */
final class ZooKeeperBench {

    /** The {@code impl} value of the raw Curator recipe. */
    static final String CURATOR = Row.CURATOR;

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(15);

    private ZooKeeperBench() {
    }

    /** Whether {@code impl} names pythreading's side; {@code curator} names the other, and anything else is refused. */
    static boolean isPythreading(String impl) {
        return Benchmarks.isPythreading(impl, CURATOR);
    }

    /**
     * The system property ZooKeeper's transaction log reads, once, when its class loads:
     * {@code no} answers a write once it is in the operating system's buffers, without
     * waiting for the disk. The report's rows measure with {@code no}, so that the figures
     * are the recipes' round trips and not this machine's disk (whose fsync, a millisecond
     * or more and very noisy on a shared virtual disk, both sides pay per write alike);
     * {@code -p forceSync=yes} measures a durable server.
     */
    static final String FORCE_SYNC = "zookeeper.forceSync";

    /** Starts the trial's embedded server with {@code forceSync} ({@code yes} or {@code no}) and connects to it. */
    static ZooKeeperManager server(String forceSync) {
        if (!forceSync.equals("yes") && !forceSync.equals("no")) {
            throw new IllegalArgumentException("forceSync must be yes or no, not " + forceSync);
        }
        // A fork runs one parameter set, so the server's first use of the class sees this.
        System.setProperty(FORCE_SYNC, forceSync);
        return ZooKeeperManager.embedded();
    }

    /** A started Curator client of the embedded server of {@code zk}, connected. */
    static CuratorFramework curator(ZooKeeperManager zk) throws InterruptedException {
        int sessionMillis = (int) SESSION_TIMEOUT.toMillis();
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(zk.connectString())
                .namespace("curator")
                .sessionTimeoutMs(sessionMillis)
                .connectionTimeoutMs((int) CONNECTION_TIMEOUT.toMillis())
                .retryPolicy(new RetryUntilElapsed(sessionMillis, 100))
                .build();
        client.start();
        if (!client.blockUntilConnected((int) CONNECTION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("Curator did not connect to " + zk.connectString());
        }
        return client;
    }
}
