package pythreading.zookeeper;

import java.util.Map;
import java.util.function.BooleanSupplier;
import pythreading.internal.Timeouts;
import pythreading.internal.WaitFor;
import pythreading.threading.ConditionLike;

/**
 * Python's {@code threading.Condition} across processes, over a distributed reentrant
 * lock of its own (as {@code Condition()} makes an {@code RLock}). Made by
 * {@link ZooKeeperManager#condition(String)}.
 *
 * <pre>{@code
 * DistributedCondition ready = zk.condition("batch");
 * try (var held = ready.enter()) {
 *     ready.awaitFor(() -> batchIsComplete(), 30);
 * }
 * }</pre>
 *
 * <p>A waiter puts an ephemeral sequential node under {@code waiters} <em>before</em> it
 * gives the lock up, so a signal sent by the next holder cannot miss it; {@code signal(n)}
 * deletes the first {@code n} of those nodes, and a waiter wakes when its node is gone.
 * The waiter then takes the lock back at the end of the lock's line, as CPython's waiter
 * competes for the lock again.
 *
 * <p>Messages are CPython's: {@code cannot wait on un-acquired lock}, {@code cannot
 * notify on un-acquired lock}, and the lock's own.
 */
public final class DistributedCondition extends Primitive implements ConditionLike {

    private final DistributedRLock lock;

    DistributedCondition(Session session, String name) {
        super(session, "condition", name, "condition", Map.of("waiters", new byte[0]));
        this.lock = new DistributedRLock(session, "conditionLock", name);
    }

    @Override
    void close() {
        lock.close();
        super.close();
    }

    /**
     * Acquires the condition's lock, as {@link DistributedRLock#acquire()}.
     *
     * @return {@code true}
     */
    @Override
    public boolean acquire() {
        return lock.acquire();
    }

    /**
     * As {@link DistributedRLock#acquire(boolean)}.
     *
     * @param blocking whether to wait
     * @return whether it was acquired
     */
    @Override
    public boolean acquire(boolean blocking) {
        return lock.acquire(blocking);
    }

    /**
     * As {@link DistributedRLock#acquire(boolean, double)}.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait in seconds, or {@code -1}
     * @return whether it was acquired
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return lock.acquire(blocking, timeout);
    }

    /**
     * Releases the condition's lock, as {@link DistributedRLock#release()}.
     *
     * @throws IllegalStateException {@code cannot release un-acquired lock}
     */
    @Override
    public void release() {
        lock.release();
    }

    /**
     * Gives the lock up, waits until signalled, takes the lock back.
     *
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws SessionLostException if the session ended while waiting (the lock's
     *     holding is then lost: {@code isLost()}, and {@code release()} throws)
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the lock is held again when it is thrown)
     */
    @Override
    public boolean await() {
        return awaitNanos(Timeouts.FOREVER);
    }

    /**
     * As {@link #await()}, at most {@code timeout} seconds (zero or less: not at all).
     *
     * @param timeout the longest wait, in seconds
     * @return {@code false} if the timeout expired before a signal
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public boolean await(double timeout) {
        checkOwned();
        return awaitNanos(Timeouts.forWait(timeout));
    }

    private void checkOwned() {
        if (!lock.isOwned()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
    }

    private boolean awaitNanos(long nanos) {
        checkOwned();
        long epoch = session.epoch();
        long deadline = Changes.deadline(nanos);
        String node = Zk.createOwned(session, root + "/waiters", "w-");
        int saved = lock.releaseSave();
        boolean signalled = false;
        boolean lost = false;
        try {
            signalled = awaitSignal(node, deadline, epoch);
            return signalled;
        } catch (SessionLostException e) {
            lost = true;
            abandon(root + "/waiters/" + node);
            throw e;
        } finally {
            if (lost) {
                // The session that would take the lock back is gone, and the server may
                // be too: re-acquiring would delay the throw by Curator's connection
                // timeout. The holding is lost, as one held across the loss: the owner's
                // release() throws SessionLostException.
                lock.restoreLost(saved);
            } else {
                if (!signalled) {
                    quietly(() -> remove(root + "/waiters/" + node));
                }
                lock.acquireRestore(saved);
            }
        }
    }

    private boolean awaitSignal(String node, long deadline, long epoch) {
        for (;;) {
            long mark = changes.mark();
            if (!children("waiters").contains(node)) {
                session.check(epoch);
                return true;
            }
            if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                return false;
            }
        }
    }

    /**
     * Waits until {@code predicate} is true, evaluating it with the lock held.
     *
     * @param predicate the condition to wait for
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     */
    @Override
    public boolean awaitFor(BooleanSupplier predicate) {
        return WaitFor.untimed(predicate, this::await);
    }

    /**
     * Waits until {@code predicate} is true, at most {@code timeout} seconds in all.
     *
     * @param predicate the condition to wait for
     * @param timeout the longest wait, in seconds
     * @return the predicate's last value
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     */
    @Override
    public boolean awaitFor(BooleanSupplier predicate, double timeout) {
        return WaitFor.timed(predicate, timeout, this::checkOwned, this::awaitNanos);
    }

    /**
     * Wakes the longest-waiting thread of any process, if any.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting threads, longest-waiting first.
     *
     * @param n how many, at most
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signal(int n) {
        if (!lock.isOwned()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        int woken = 0;
        for (String node : Zk.bySequence(children("waiters"))) {
            if (woken >= n) {
                break;
            }
            if (remove(root + "/waiters/" + node)) {
                woken++;
            }
        }
    }

    /**
     * Wakes every waiting thread.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * As CPython's repr, with the name and the lock.
     *
     * @return the class, name, identity and lock
     */
    @Override
    public String toString() {
        return describe(lock.toString());
    }
}
