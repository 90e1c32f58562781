package pythreading.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * What every distributed primitive has: its kind and name, the znode subtree
 * {@code /KIND/NAME} under the manager's namespace, the change signal of that subtree
 * and its journal.
 *
 * <p>The root's data are the settings the name was first used with ({@code "parties 3"},
 * {@code "maxsize 10"}); it is created with its children in one transaction, so a
 * process that finds the root finds the children too.
 */
abstract class Primitive {

    final Session session;
    final String kind;
    final String name;
    final String root;
    /** The settings the name holds, as in the root's data. */
    final String settings;
    final Changes changes;
    final Journal journal;

    /**
     * @param children the nodes created with the root, relative path to initial data
     */
    Primitive(Session session, String kind, String name, String settings, Map<String, byte[]> children) {
        this.session = session;
        this.kind = kind;
        this.name = name;
        this.root = "/" + kind + "/" + name;
        this.settings = settings;
        create(settings, children);
        this.changes = new Changes(session, root);
        this.journal = new Journal(session, root + "/journal");
    }

    private void create(String settings, Map<String, byte[]> children) {
        Zk.call(session, () -> {
            try {
                session.client.create().forPath("/" + kind);
            } catch (KeeperException.NodeExistsException e) {
                // made by an earlier use of the kind
            }
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(session.client.transactionOp().create().forPath(root, utf8(settings)));
            ops.add(session.client.transactionOp().create().forPath(root + "/journal"));
            for (Map.Entry<String, byte[]> child : children.entrySet()) {
                ops.add(session.client.transactionOp().create()
                        .forPath(root + "/" + child.getKey(), child.getValue()));
            }
            try {
                session.client.transaction().forOperations(ops);
            } catch (KeeperException.NodeExistsException e) {
                String held = text(session.client.getData().forPath(root));
                if (!held.equals(settings)) {
                    throw new IllegalArgumentException(kind + " '" + name + "' holds " + held
                            + ", not " + settings);
                }
            }
            return null;
        });
    }

    /**
     * Deletes a node that a call failed by a lost session leaves behind, without waiting
     * for the server: a synchronous delete would block for Curator's connection timeout
     * while no server answers. Curator's guaranteed delete retries in the background
     * until the node is gone (an ephemeral node of the lost session is gone already; one
     * that the next session made is deleted once connected).
     */
    void abandon(String path) {
        try {
            session.client.delete().guaranteed().inBackground().forPath(path);
        } catch (Exception e) {
            // the client is closing: its session, and the node with it, ends too
        }
    }

    /**
     * Whether the ephemeral node at {@code path} exists and belongs to the session the
     * client has now (not to an earlier one that the server has yet to expire). For a
     * call that took a holding while the session was being lost.
     */
    boolean ownedBySessionNow(String path) {
        Stat stat = Zk.call(session, () -> session.client.checkExists().forPath(path));
        long now = Zk.call(session, () -> session.client.getZookeeperClient().getZooKeeper().getSessionId());
        return stat != null && stat.getEphemeralOwner() == now;
    }

    /** Deletes a node exactly once; {@code false} if it was not there (any more). */
    boolean remove(String path) {
        return journal.commit(List.of(delete(path))).committed();
    }

    /**
     * Runs a clean-up write on the way out of a failed call, ignoring its own failure: the
     * session is gone, and its ephemeral nodes with it. (Interrupts need no care here:
     * {@link Zk#call} runs every request to its end and keeps the flag.)
     */
    static void quietly(Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException e) {
            // see above
        }
    }

    /** The manager is closing: stop watching. */
    void close() {
        changes.close();
    }

    /** A data node's bytes and version. */
    static final class Versioned {
        final byte[] data;
        final int version;

        Versioned(byte[] data, int version) {
            this.data = data;
            this.version = version;
        }

        String text() {
            return Primitive.text(data);
        }
    }

    Versioned read(String relative) {
        Stat stat = new Stat();
        byte[] data = Zk.call(session, () -> session.client.getData().storingStatIn(stat)
                .forPath(root + "/" + relative));
        return new Versioned(data, stat.getVersion());
    }

    List<String> children(String relative) {
        return Zk.call(session, () -> session.client.getChildren().forPath(root + "/" + relative));
    }

    CuratorOp setData(String relative, String data, int version) {
        return Zk.call(session, () -> session.client.transactionOp().setData().withVersion(version)
                .forPath(root + "/" + relative, utf8(data)));
    }

    CuratorOp delete(String path) {
        return Zk.call(session, () -> session.client.transactionOp().delete().forPath(path));
    }

    CuratorOp create(String path, byte[] data, CreateMode mode) {
        return Zk.call(session, () -> session.client.transactionOp().create().withMode(mode)
                .forPath(path, data));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] data) {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    /** As CPython's repr, with the name: {@code <pythreading.zookeeper.DistributedLock 'x' ...>}. */
    String describe(String state) {
        return "<" + getClass().getName() + " '" + name + "' at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + (state.isEmpty() ? "" : ": " + state) + ">";
    }
}
