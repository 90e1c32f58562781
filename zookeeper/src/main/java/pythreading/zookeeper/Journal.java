package pythreading.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Commits a primitive's multi-operation transactions exactly once, across connection
 * losses.
 *
 * <p>When the connection drops while a transaction is in flight, the client cannot know
 * whether the server committed it; Curator then sends it again. Every transaction here
 * carries a versioned write, so a second copy of a committed transaction fails
 * (BadVersion or NoNode) and is never applied twice. What is left is telling "it failed
 * because a copy of it had committed" from "it failed because another process got there
 * first", and that is this journal's job: each transaction also writes a fresh
 * operation id into a journal slot, an ephemeral node that only one call at a time
 * uses. A failed transaction whose id is in its slot had committed.
 *
 * <p>The same holds when an interrupt cuts a call off and {@link Zk#call} sends it again.
 *
 * <p>Slots belong to the session that created them; after a session loss the old ones
 * are gone with it and new ones are made.
 */
final class Journal {

    private final Session session;
    private final String dir;

    /** Free slots: a slot is used by one call at a time. */
    private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();
    /** The paths of every slot this journal made, so that a watch can tell its own transactions' writes. */
    private final Set<String> mine = ConcurrentHashMap.newKeySet();

    private static final class Slot {
        final String path;
        final long epoch;

        Slot(String path, long epoch) {
            this.path = path;
            this.epoch = epoch;
        }
    }

    /** A committed transaction's results, or the code that refused it. */
    static final class Outcome {
        final KeeperException.Code refused;
        /** The results of the operations, or null if it committed in an earlier attempt. */
        final List<CuratorTransactionResult> results;

        Outcome(KeeperException.Code refused, List<CuratorTransactionResult> results) {
            this.refused = refused;
            this.results = results;
        }

        boolean committed() {
            return refused == null;
        }
    }

    Journal(Session session, String dir) {
        this.session = session;
        this.dir = dir;
    }

    /** A fresh operation id, also usable in node names. */
    static String newOperationId() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    Outcome commit(List<CuratorOp> operations) {
        return commit(newOperationId(), operations);
    }

    /**
     * Commits {@code operations} (which must include a versioned write) once.
     *
     * @return the outcome; refused with the code of the first failing operation
     * @throws SessionLostException if the session ended under the call
     */
    Outcome commit(String operationId, List<CuratorOp> operations) {
        Slot slot = take();
        byte[] id = operationId.getBytes(StandardCharsets.UTF_8);
        List<CuratorOp> all = new ArrayList<>(operations);
        all.add(Zk.call(session, () -> session.client.transactionOp().setData().forPath(slot.path, id)));
        KeeperException.Code[] refused = new KeeperException.Code[1];
        try {
            List<CuratorTransactionResult> results = Zk.call(session, () -> {
                try {
                    return session.client.transaction().forOperations(all);
                } catch (KeeperException e) {
                    if (Zk.sessionFailure(e)) {
                        throw e;
                    }
                    refused[0] = e.code();
                    return null;
                }
            });
            if (results != null) {
                return new Outcome(null, results);
            }
            // Refused: by a copy of itself that had committed, or by another process.
            if (Arrays.equals(lastId(slot), id)) {
                return new Outcome(null, null);
            }
            return new Outcome(refused[0], null);
        } finally {
            free.add(slot);
        }
    }

    /** The operation id last written to a slot. */
    private byte[] lastId(Slot slot) {
        byte[] last = Zk.call(session, () -> {
            try {
                return session.client.getData().forPath(slot.path);
            } catch (KeeperException.NoNodeException e) {
                return null;
            }
        });
        if (last == null) {
            throw session.lost(null); // the slot was ephemeral: the session is gone
        }
        return last;
    }

    private Slot take() {
        long epoch = session.epoch();
        for (Slot slot; (slot = free.poll()) != null; ) {
            if (slot.epoch == epoch) {
                return slot;
            }
        }
        String path = Zk.call(session, () -> session.client.create().creatingParentsIfNeeded()
                .withProtection().withMode(CreateMode.EPHEMERAL_SEQUENTIAL)
                .forPath(dir + "/slot-", new byte[0]));
        mine.add(path);
        return new Slot(path, epoch);
    }

    /** Whether {@code path} (without the namespace) is a slot of this journal: a write to it was this journal's. */
    boolean owns(String path) {
        return mine.contains(path);
    }

    /** The directory of the slots, without the namespace. */
    String dir() {
        return dir;
    }
}
