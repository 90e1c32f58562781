package pythreading.zookeeper;

import pythreading.internal.Timeouts;

/**
 * Python's {@code threading.RLock} across processes: owned by one thread of one
 * process, which may acquire it again and must release it as many times. Made by
 * {@link ZooKeeperManager#rlock(String)}.
 *
 * <p>The first acquisition joins the name's line in ZooKeeper (as
 * {@link DistributedLock}); the recursion is counted here, in the owning process. A
 * holding belongs to the manager's session: if the session ends, ZooKeeper frees the
 * lock, {@link #isLost()} turns true, and the owner's next {@code release()} (or
 * reentrant {@code acquire()}) throws {@link SessionLostException} and forgets the
 * holding.
 *
 * <p>Messages are CPython's: {@code cannot release un-acquired lock} and the timeout
 * messages of {@link DistributedLock}.
 */
public final class DistributedRLock extends LineLock {

    /** The owning thread, or null; the node and count are written only by it. */
    private volatile Thread owner;
    private volatile String held;
    private int count;
    /** Set when the session under {@link #held} ended; cleared by the owner's next call. */
    private volatile boolean lost;

    DistributedRLock(Session session, String kind, String name) {
        super(session, kind, name, "rlock");
    }

    @Override
    void sessionLost() {
        if (held != null) {
            lost = true;
        }
    }

    /**
     * Acquires, waiting at most {@code timeout} seconds ({@code -1}: forever); at once
     * if this thread owns it.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait in seconds, or {@code -1}
     * @return whether it was acquired
     * @throws IllegalArgumentException {@code can't specify a timeout for a non-blocking
     *     call}; {@code timeout value must be a non-negative number}
     * @throws SessionLostException as {@link #acquire()}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        long nanos = Timeouts.forLockAcquire(blocking, timeout);
        if (owner == Thread.currentThread()) {
            checkNotLost();
            if (count == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Internal lock count overflowed");
            }
            count++;
            return true;
        }
        String node = line.take(nanos);
        if (node == null) {
            return false;
        }
        held = node;
        count = 1;
        owner = Thread.currentThread();
        return true;
    }

    private void checkNotLost() {
        if (lost) {
            lost = false;
            forget();
            throw new SessionLostException("rlock '" + name + "' was lost with the ZooKeeper session that held it;"
                    + " it was freed then, and may be held by another process now");
        }
    }

    private void forget() {
        owner = null;
        held = null;
        count = 0;
    }

    /**
     * Releases one level; the last level frees the lock.
     *
     * @throws IllegalStateException {@code cannot release un-acquired lock} if this
     *     thread does not own it
     * @throws SessionLostException if the holding was lost with the session (it is then
     *     forgotten)
     */
    @Override
    public void release() {
        if (owner != Thread.currentThread()) {
            throw new IllegalStateException("cannot release un-acquired lock");
        }
        checkNotLost();
        if (--count == 0) {
            String node = held;
            forget();
            line.leave(node);
        }
    }

    /**
     * Whether any thread of any process holds the lock.
     *
     * @return {@code true} if held
     */
    public boolean locked() {
        return owner != null || !line.nodes().isEmpty();
    }

    /**
     * The fencing token of the current holding, which the calling thread owns: greater
     * than the token of every earlier holding of the name.
     *
     * @return the token
     * @throws IllegalStateException if the calling thread does not own the lock
     */
    public long fencingToken() {
        String node = held;
        if (owner != Thread.currentThread() || node == null) {
            throw new IllegalStateException("rlock '" + name + "' is not held by this thread");
        }
        return HolderLine.token(node);
    }

    /**
     * Whether the session under the current holding has ended: the lock was freed, and
     * the owner's next {@code release()} throws {@link SessionLostException}.
     *
     * @return {@code true} once lost, until the owner's next call
     */
    public boolean isLost() {
        return lost;
    }

    // --- for DistributedCondition: CPython's _is_owned, _release_save, _acquire_restore

    boolean isOwned() {
        return owner == Thread.currentThread();
    }

    int releaseSave() {
        checkNotLost();
        int saved = count;
        String node = held;
        forget();
        line.leave(node);
        return saved;
    }

    /** Takes the lock back, as CPython's, ignoring interrupts (the flag is kept). */
    void acquireRestore(int saved) {
        boolean interrupted = false;
        String node;
        for (;;) {
            try {
                node = line.take(Timeouts.FOREVER);
                break;
            } catch (pythreading.threading.UncheckedInterruptedException e) {
                // Clear the flag, or the next wait throws at once; it is set again once the lock is back.
                Thread.interrupted();
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        held = node;
        count = saved;
        owner = Thread.currentThread();
    }

    /**
     * Gives the calling thread back a holding that its session lost while the thread
     * waited on the condition: {@link #isLost()} is true, and its next
     * {@code release()} throws {@link SessionLostException}.
     */
    void restoreLost(int saved) {
        held = null;
        count = saved;
        owner = Thread.currentThread();
        lost = true;
    }

    /**
     * As CPython's repr, with the name and owner.
     *
     * @return the class, name, identity, state and owner
     */
    @Override
    public String toString() {
        Thread o = owner;
        return describe(o == null ? "unlocked (here)" : "locked by " + o.getName() + " count=" + count);
    }
}
