package pythreading.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * The ZooKeeper servers of a demo run: one embedded server, a 3-server ensemble in this
 * JVM (Curator's {@code TestingCluster}), or a real ensemble somewhere else, which is
 * only connected to.
 */
public abstract sealed class Ensemble implements AutoCloseable {

    /** The tick of the in-JVM ensemble: a dead leader is noticed within a few. */
    private static final int TICK_MILLIS = 500;
    /** The sessions the servers grant: the workers ask for 15 s, which must survive an election. */
    private static final int MAX_SESSION_MILLIS = 60_000;

    /**
     * The servers' client address list, for {@code ZooKeeperManager.connect}.
     *
     * @return {@code host:port[,host:port...]}
     */
    public abstract String connectString();

    /**
     * What the servers are, in a few words.
     *
     * @return a description for the output
     */
    public abstract String describe();

    /**
     * The servers this run started, each with its role now ({@code leader},
     * {@code follower}, {@code standalone}, or {@code down}); empty for a real ensemble.
     *
     * @return the servers
     */
    public List<Server> servers() {
        return List.of();
    }

    /**
     * Kills the leader of the in-JVM ensemble.
     *
     * @return the server killed
     * @throws UnsupportedOperationException unless this is a started ensemble
     * @throws IllegalStateException if no server says it is the leader
     */
    public Server killLeader() {
        throw new UnsupportedOperationException("only an ensemble started here can lose its leader");
    }

    /**
     * Waits for a server of the in-JVM ensemble to say it is the leader.
     *
     * @param timeout the longest wait
     * @return the leader, or empty if none within the timeout
     */
    public Optional<Server> awaitLeader(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Server server : servers()) {
                if (server.mode().equals("leader")) {
                    return Optional.of(server);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() - deadline < 0);
        return Optional.empty();
    }

    /**
     * Deletes a run's namespace, on a real ensemble (the servers started here are thrown
     * away whole).
     *
     * @param namespace the run's namespace
     */
    public void deleteNamespace(String namespace) {
        // nothing to do but on a real ensemble
    }

    @Override
    public abstract void close();

    /**
     * One server of a started ensemble.
     *
     * @param id its server id (myid)
     * @param address its client address, {@code host:port}
     * @param mode what {@code srvr} says it is: leader, follower, standalone; or down
     */
    public record Server(int id, String address, String mode) {
        @Override
        public String toString() {
            return "server " + id + " (" + address + ", " + mode + ")";
        }
    }

    /**
     * Starts one ZooKeeper server in this JVM ({@code ZooKeeperManager.embedded()}).
     *
     * @return the running server
     */
    public static Ensemble embedded() {
        return new Embedded(ZooKeeperManager.embedded());
    }

    /**
     * Starts an ensemble of {@code size} servers in this JVM, and waits for its leader.
     *
     * @param size the number of servers
     * @return the running ensemble
     * @throws IllegalStateException if it did not start or elect a leader within 30 s
     */
    public static Ensemble inThisJvm(int size) {
        List<InstanceSpec> specs = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            specs.add(new InstanceSpec(null, -1, -1, -1, true, id, TICK_MILLIS, -1,
                    Map.of("maxSessionTimeout", Integer.toString(MAX_SESSION_MILLIS))));
        }
        TestingCluster cluster = new TestingCluster(specs);
        Local ensemble = new Local(cluster);
        try {
            cluster.start();
            if (ensemble.awaitLeader(Duration.ofSeconds(30)).isEmpty()) {
                throw new IllegalStateException("the " + size + "-server ensemble elected no leader within 30 s");
            }
            return ensemble;
        } catch (Exception e) {
            ensemble.close();
            throw e instanceof RuntimeException r ? r
                    : new IllegalStateException("cannot start a " + size + "-server ensemble: " + e, e);
        }
    }

    /**
     * A real ensemble, started by someone else.
     *
     * @param connectString its servers, {@code host:port[,host:port...]}
     * @return the ensemble, to connect to
     */
    public static Ensemble external(String connectString) {
        return new External(connectString);
    }

    /**
     * Asks a server what it is, with ZooKeeper's {@code srvr} command (always enabled).
     *
     * @param host the server's host
     * @param port its client port
     * @return {@code leader}, {@code follower}, {@code standalone}, ...; {@code down} if
     *     it does not answer, {@code looking} while it takes part in an election
     */
    static String mode(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher mode = Pattern.compile("Mode: (\\S+)").matcher(answer);
            if (mode.find()) {
                return mode.group(1);
            }
            return answer.contains("not currently serving") ? "looking" : "unknown";
        } catch (IOException e) {
            return "down";
        }
    }

    private static final class Embedded extends Ensemble {
        private final ZooKeeperManager manager;

        Embedded(ZooKeeperManager manager) {
            this.manager = manager;
        }

        @Override
        public String connectString() {
            return manager.connectString();
        }

        @Override
        public String describe() {
            return "one ZooKeeper server in this JVM, at " + connectString();
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    private static final class Local extends Ensemble {
        private final TestingCluster cluster;
        private final List<InstanceSpec> killed = new ArrayList<>();

        Local(TestingCluster cluster) {
            this.cluster = cluster;
        }

        @Override
        public String connectString() {
            return cluster.getConnectString();
        }

        @Override
        public String describe() {
            return "a " + cluster.getInstances().size() + "-server ZooKeeper ensemble in this JVM "
                    + "(Curator's TestingCluster), at " + connectString();
        }

        @Override
        public synchronized List<Server> servers() {
            List<Server> servers = new ArrayList<>();
            for (InstanceSpec spec : cluster.getInstances()) {
                String address = spec.getHostname() + ":" + spec.getPort();
                String mode = killed.contains(spec) ? "down" : mode(spec.getHostname(), spec.getPort());
                servers.add(new Server(spec.getServerId(), address, mode));
            }
            return servers;
        }

        @Override
        public synchronized Server killLeader() {
            for (InstanceSpec spec : cluster.getInstances()) {
                if (!killed.contains(spec) && mode(spec.getHostname(), spec.getPort()).equals("leader")) {
                    try {
                        if (!cluster.killServer(spec)) {
                            throw new IllegalStateException("TestingCluster did not find server " + spec.getServerId());
                        }
                    } catch (Exception e) {
                        throw e instanceof RuntimeException r ? r
                                : new IllegalStateException("cannot kill server " + spec.getServerId() + ": " + e, e);
                    }
                    killed.add(spec);
                    return new Server(spec.getServerId(), spec.getHostname() + ":" + spec.getPort(), "leader");
                }
            }
            throw new IllegalStateException("no server of the ensemble says it is the leader");
        }

        @Override
        public void close() {
            try {
                cluster.close();
            } catch (IOException | RuntimeException e) {
                // the servers are going away with the JVM anyway
            }
        }
    }

    private static final class External extends Ensemble {
        private final String connectString;

        External(String connectString) {
            this.connectString = connectString;
        }

        @Override
        public String connectString() {
            return connectString;
        }

        @Override
        public String describe() {
            return "the ZooKeeper ensemble at " + connectString;
        }

        @Override
        public void deleteNamespace(String namespace) {
            try (CuratorFramework client = CuratorFrameworkFactory.builder().connectString(connectString)
                    .retryPolicy(new RetryOneTime(200)).connectionTimeoutMs(5000).build()) {
                client.start();
                client.blockUntilConnected(5, java.util.concurrent.TimeUnit.SECONDS);
                if (client.checkExists().forPath("/" + namespace) != null) {
                    client.delete().deletingChildrenIfNeeded().forPath("/" + namespace);
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not delete the namespace /" + namespace + ": " + e, e);
            }
        }

        @Override
        public void close() {
            // not ours to stop
        }
    }
}
