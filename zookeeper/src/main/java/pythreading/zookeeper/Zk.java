package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.zookeeper.CreateMode;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;

/**
 * How the primitives call ZooKeeper: Curator's checked exceptions become the library's
 * unchecked ones, and sequential node names are ordered by their sequence number.
 */
final class Zk {

    private Zk() {
    }

    /** A ZooKeeper call through Curator. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Runs a call, to its end: an interrupt does not stop it. A blocking call of the
     * library honours interrupts only where it waits for a change ({@link Changes#await}),
     * when no request of its own is in flight; a request cut off by an interrupt might
     * still reach the server, and the caller would not know what it did. So an interrupt
     * during a call is put aside, the call is sent again (every call here may be: reads,
     * and transactions that carry a versioned write and a {@link Journal} id, whose second
     * copy is refused and recognised), and the flag is set again at the end, for the next
     * wait to honour.
     *
     * <p>A {@code KeeperException} the caller expects (a missing node, a version that
     * moved) is caught inside {@code call}; what escapes here is a failure: an expired
     * session or a connection that stayed down past Curator's retries becomes
     * {@link SessionLostException}, anything else {@link IllegalStateException}.
     */
    static <T> T call(Session session, Call<T> call) {
        boolean interrupted = false;
        try {
            for (;;) {
                interrupted |= Thread.interrupted(); // a set flag would fail the request at once
                try {
                    return call.call();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (Exception e) {
                    throw translate(session, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException translate(Session session, Exception failure) {
        if (session.closed()) { // the client was closed under the call
            return session.closedError(failure);
        }
        try {
            throw failure;
        } catch (KeeperException.SessionExpiredException | KeeperException.ConnectionLossException
                | KeeperException.SessionMovedException e) {
            return session.lost(e);
        } catch (KeeperException e) {
            return new IllegalStateException("ZooKeeper refused a call: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            return new IllegalStateException("ZooKeeper call failed: " + e, e);
        }
    }

    /**
     * Creates an ephemeral sequential node {@code dir/PREFIX-OP-N} (OP: a fresh operation
     * id) and returns its name.
     *
     * <p>A create cannot simply be sent again when its answer is lost (a connection loss,
     * an interrupt): a second node would join the line. So it looks instead: ZooKeeper
     * answers one session's requests in order, so a listing sent after the cut-off create
     * sees its node if the server made it; if not, it creates again under a new id. That
     * is why it goes to ZooKeeper directly: Curator would retry on its own, and its
     * protected mode deletes the node of a failed create in the background, a node this
     * may just have found and kept. The interrupt flag is set again at the end.
     */
    static String createOwned(Session session, String dir, String prefix) {
        String absolute = ZKPaths.makePath(session.client.getNamespace(), dir);
        boolean interrupted = false;
        try {
            for (;;) {
                interrupted |= Thread.interrupted();
                String name = prefix + Journal.newOperationId() + "-";
                try {
                    String path = session.client.getZookeeperClient().getZooKeeper().create(
                            absolute + "/" + name, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.EPHEMERAL_SEQUENTIAL);
                    return path.substring(path.lastIndexOf('/') + 1);
                } catch (InterruptedException | KeeperException.ConnectionLossException e) {
                    interrupted |= e instanceof InterruptedException;
                    // Curator's retries (in call) wait for the connection to come back.
                    for (String child : call(session, () -> session.client.getChildren().forPath(dir))) {
                        if (child.startsWith(name)) {
                            return child;
                        }
                    }
                } catch (Exception e) {
                    throw translate(session, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a ZooKeeper error means the session (or its connection) is gone. */
    static boolean sessionFailure(KeeperException e) {
        return e instanceof KeeperException.SessionExpiredException
                || e instanceof KeeperException.ConnectionLossException
                || e instanceof KeeperException.SessionMovedException;
    }

    /** The sequence number ZooKeeper appended to a sequential node's name. */
    static long sequence(String node) {
        int end = node.length();
        int start = end;
        while (start > 0 && Character.isDigit(node.charAt(start - 1))) {
            start--;
        }
        return start == end ? -1 : Long.parseLong(node.substring(start, end));
    }

    /** Sequential node names (any prefixes) in the order ZooKeeper created them. */
    static List<String> bySequence(List<String> nodes) {
        List<String> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingLong(Zk::sequence));
        return sorted;
    }
}
