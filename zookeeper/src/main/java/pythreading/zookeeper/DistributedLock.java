package pythreading.zookeeper;

import java.util.List;
import pythreading.internal.Timeouts;

/**
 * Python's {@code threading.Lock} across processes: one holder at a time, and any
 * thread of any process that uses the name may release it. Made by
 * {@link ZooKeeperManager#lock(String)}.
 *
 * <pre>{@code
 * DistributedLock lock = zk.lock("ledger");
 * try (var held = lock.enter()) {
 *     ledger.write(entry, lock.fencingToken());   // the store refuses older tokens
 * }
 * }</pre>
 *
 * <p>Acquiring joins the name's line of ephemeral sequential znodes and waits to be
 * first; releasing takes the holder out of the line. A holding belongs to this
 * manager's session: if the session ends (the process dies, or stays disconnected past
 * the session timeout), ZooKeeper frees the lock, {@link #isLost()} turns true and
 * {@link #release()} throws {@link SessionLostException} instead of releasing a later
 * holder's lock.
 *
 * <p>Fencing: a holder that was paused (a long GC, a stalled VM) may wake up after its
 * session ended and another process took the lock. {@link #fencingToken()} numbers the
 * holdings of a name in increasing order, so that a store that remembers the highest
 * token it has seen can refuse the late writer.
 *
 * <p>Messages are CPython's: {@code release unlocked lock}, {@code can't specify a
 * timeout for a non-blocking call}, {@code timeout value must be a non-negative number}.
 */
public final class DistributedLock extends LineLock {

    /** The node of this object's current holding, or null. */
    private volatile String held;
    /** Set when the session under {@link #held} ended; cleared by the next release. */
    private volatile boolean lost;

    DistributedLock(Session session, String name) {
        super(session, "lock", name, "lock");
    }

    @Override
    synchronized void sessionLost() {
        if (held != null) {
            held = null;
            lost = true;
        }
    }

    /**
     * Acquires, waiting at most {@code timeout} seconds ({@code -1}: forever).
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait in seconds, or {@code -1}
     * @return whether it was acquired
     * @throws IllegalArgumentException {@code can't specify a timeout for a non-blocking
     *     call}; {@code timeout value must be a non-negative number}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is then acquired)
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        long nanos = Timeouts.forLockAcquire(blocking, timeout);
        long epoch = session.epoch();
        String node = line.take(nanos);
        if (node == null) {
            return false;
        }
        held = node;
        if (session.epoch() != epoch && !ownedBySessionNow(line.path(node))) {
            // The session ended between the turn and here, before the session listener
            // could see this holding: the node is gone, and another process may hold the
            // lock. Returning true would make two holders (and release() would then free
            // the other's holding), so the call fails as one blocked across the loss.
            synchronized (this) {
                held = null;
                lost = false;
            }
            throw session.lost(null);
        }
        return true;
    }

    /**
     * Releases the lock, whoever holds it: Python lets any thread release a
     * {@code Lock}, and here any process.
     *
     * @throws IllegalStateException {@code release unlocked lock}
     * @throws SessionLostException if this object's holding was lost with its session
     *     (the flag is then cleared; the lock was freed when the session ended)
     */
    @Override
    public void release() {
        if (lost) {
            lost = false;
            throw new SessionLostException("lock '" + name + "' was lost with the ZooKeeper session that held it;"
                    + " it was freed then, and may be held by another process now");
        }
        String mine = held;
        if (mine != null) {
            held = null;
            if (line.leave(mine)) {
                return;
            }
        }
        for (;;) { // someone else's holding: take the first of the line out
            List<String> nodes = line.nodes();
            if (nodes.isEmpty()) {
                throw new IllegalStateException("release unlocked lock");
            }
            if (line.leave(nodes.get(0))) {
                return;
            }
        }
    }

    /**
     * Whether any process holds the lock.
     *
     * @return {@code true} if held
     */
    public boolean locked() {
        return !line.nodes().isEmpty();
    }

    /**
     * The fencing token of this object's current holding: greater than the token of
     * every earlier holding of the name, by any process.
     *
     * @return the token
     * @throws IllegalStateException if this object does not hold the lock (also once
     *     another thread or process released it)
     */
    public long fencingToken() {
        String node = held;
        // Another process's release() takes the holding out of the line without telling this
        // object: a node that left the line is no current holding, and its token must not be
        // handed out as one.
        if (node == null || !line.nodes().contains(node)) {
            throw new IllegalStateException("lock '" + name + "' is not held through this object");
        }
        return HolderLine.token(node);
    }

    /**
     * Whether the session under this object's holding has ended: the lock was freed by
     * ZooKeeper, and {@link #release()} will throw {@link SessionLostException}.
     *
     * @return {@code true} once lost, until the next {@code release()}
     */
    public boolean isLost() {
        return lost;
    }

    /**
     * As CPython's repr, with the name: {@code <...DistributedLock 'x' at 0x…: locked>}.
     *
     * @return the class, name, identity and state
     */
    @Override
    public String toString() {
        return describe(held != null ? "locked" : "unlocked (here)");
    }
}
