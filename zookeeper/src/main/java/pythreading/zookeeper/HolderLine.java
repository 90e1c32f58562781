package pythreading.zookeeper;

import java.util.List;

/**
 * The line of a lock name: one ephemeral sequential node under {@code ROOT/line} per
 * acquisition in progress or held. The first node in sequence order is the holder, and
 * its sequence number is the holding's fencing token: ZooKeeper numbers the children of
 * a node in strictly increasing order, and the line's parent is never deleted, so every
 * holding of a name has a greater token than every earlier one.
 *
 * <p>A waiter waits for any change below the lock's root and looks again (simple, and
 * fine for tens of waiters; a herd of thousands would rather watch its predecessor).
 * Nodes are created with Curator's protection (a GUID in the name), so a create whose
 * answer a connection loss swallowed is found again instead of leaking.
 */
final class HolderLine {

    private final Primitive lock;
    private final String dir;

    HolderLine(Primitive lock) {
        this.lock = lock;
        this.dir = lock.root + "/line";
    }

    Primitive lock() {
        return lock;
    }

    /**
     * Joins the line and waits for a turn, at most {@code nanos} (0: one try,
     * {@link pythreading.internal.Timeouts#FOREVER}: as long as necessary).
     *
     * @return the node that holds, or null if the time ran out (the node then left)
     */
    String take(long nanos) {
        if (nanos == 0 && !nodes().isEmpty()) {
            return null; // held: a non-blocking try need not join the line
        }
        long epoch = lock.session.epoch();
        long deadline = Changes.deadline(nanos);
        String node = join();
        boolean turn;
        try {
            turn = awaitTurn(node, deadline, epoch);
        } catch (SessionLostException e) {
            // Not a synchronous leave: with the server away it would block the throw for
            // Curator's connection timeout (15 s) per attempt.
            lock.abandon(path(node));
            throw e;
        } catch (RuntimeException | Error e) {
            Primitive.quietly(() -> leave(node));
            throw e;
        }
        return turn ? node : null; // not its turn: awaitTurn took the node out already
    }

    /** Joins the line; returns the node's name (not path). */
    String join() {
        return Zk.createOwned(lock.session, dir, "lock-");
    }

    /** The path of a node of the line. */
    String path(String node) {
        return dir + "/" + node;
    }

    /** The line, holder first. */
    List<String> nodes() {
        return Zk.bySequence(lock.children("line"));
    }

    /**
     * Waits until {@code node} holds the lock.
     *
     * @return {@code true} once it is first in line, or was (a release by another
     *     process took it out first); {@code false} if the deadline passed first, the
     *     node then having left the line
     * @throws SessionLostException if the session ended
     */
    boolean awaitTurn(String node, long deadline, long epoch) {
        for (;;) {
            long mark = lock.changes.mark();
            List<String> line = nodes();
            int at = line.indexOf(node);
            if (at == 0) {
                return true;
            }
            if (at < 0) {
                lock.session.check(epoch);
                return true; // it was first, and another process's release took it out
            }
            if (Changes.expired(deadline) || !lock.changes.await(mark, deadline, epoch)) {
                return !leave(node); // gone already: it had come first and was released
            }
        }
    }

    /**
     * Takes {@code node} out of the line.
     *
     * @return {@code false} if it was not there (any more)
     */
    boolean leave(String node) {
        return lock.remove(path(node));
    }

    static long token(String node) {
        return Zk.sequence(node);
    }
}
