package pythreading.zookeeper;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * A real ZooKeeper server in this JVM, on a free loopback port, with its data in a
 * temporary directory that {@link #close()} deletes. For development, tests and
 * single-machine use: other processes on the machine can join through
 * {@link #connectString()}.
 */
final class EmbeddedServer implements AutoCloseable {

    /** Server ticks: sessions may last from 2 to 600 ticks. */
    private static final int TICK_MILLIS = 500;

    private final Path dataDir;
    private final ZooKeeperServer server;
    private final ServerCnxnFactory connections;

    EmbeddedServer() {
        try {
            dataDir = Files.createTempDirectory("pythreading-zookeeper-");
            File dir = dataDir.toFile();
            server = new ZooKeeperServer(dir, dir, TICK_MILLIS);
            server.setMinSessionTimeout(2 * TICK_MILLIS);
            server.setMaxSessionTimeout(600 * TICK_MILLIS);
            connections = ServerCnxnFactory.createFactory(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded ZooKeeper server", e);
        }
        // If startup fails, the factory's threads run already (one is not a daemon): stop
        // them, or the JVM never exits.
        try {
            connections.startup(server);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start an embedded ZooKeeper server", e);
        } catch (InterruptedException e) {
            close();
            throw pythreading.internal.Interrupts.rethrow(e);
        }
    }

    String connectString() {
        return "127.0.0.1:" + connections.getLocalPort();
    }

    @Override
    public void close() {
        connections.shutdown();
        server.shutdown();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
