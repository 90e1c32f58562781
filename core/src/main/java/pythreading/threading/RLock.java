package pythreading.threading;

import java.time.Duration;

/**
 * Python's {@code threading.RLock}: a reentrant lock, owned by the thread that acquired
 * it. The owner may acquire it again; each {@code acquire} needs its {@code release},
 * and the lock is unlocked when the last one is released. Only the owner may release it.
 *
 * <pre>{@code
 * RLock lock = new RLock();
 * try (var outer = lock.enter(); var inner = lock.enter()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>A {@link Condition} over an {@code RLock} releases it completely while waiting,
 * however deep the recursion, and restores the depth afterwards.
 *
 * <p>Memory consistency effects: as {@link java.util.concurrent.locks.ReentrantLock}.
 *
 * <p>Differences from CPython: {@code locked()} is Python 3.14's; a blocked
 * {@code acquire} can be interrupted and then throws
 * {@link UncheckedInterruptedException} without the lock.
 */
public final class RLock implements Acquirable {

    /**
     * State: the owner's hold count, 0 when unlocked. The owner is the AQS exclusive
     * owner thread, written only by the thread that holds the lock.
     */
    private static final class Sync extends ExclusiveSync implements ConditionLock {
        private static final long serialVersionUID = 1L;

        Sync(RLock lock) {
            super(lock);
        }

        @Override
        boolean beganHold() {
            return getState() == 1;
        }

        @Override
        boolean releaseEndsHold() {
            return getState() == 1 && isHeldExclusively();
        }

        @Override
        protected boolean tryAcquire(int acquires) {
            java.lang.Thread current = java.lang.Thread.currentThread();
            int c = getState();
            if (c == 0) {
                if (compareAndSetState(0, acquires)) {
                    setExclusiveOwnerThread(current);
                    return true;
                }
            } else if (getExclusiveOwnerThread() == current) {
                int next = c + acquires;
                if (next < 0) {
                    throw new IllegalArgumentException("Internal lock count overflowed");
                }
                setState(next);
                return true;
            }
            return false;
        }

        @Override
        protected boolean tryRelease(int releases) {
            if (getExclusiveOwnerThread() != java.lang.Thread.currentThread()) {
                throw new IllegalStateException("cannot release un-acquired lock");
            }
            int c = getState() - releases;
            boolean free = c == 0;
            if (free) {
                setExclusiveOwnerThread(null);
            }
            setState(c);
            return free;
        }

        @Override
        protected boolean isHeldExclusively() {
            return getExclusiveOwnerThread() == java.lang.Thread.currentThread();
        }

        int holdCount() {
            return isHeldExclusively() ? getState() : 0;
        }

        boolean isLocked() {
            return getState() != 0;
        }

        int count() {
            return getState();
        }

        java.lang.Thread owner() {
            return getState() == 0 ? null : getExclusiveOwnerThread();
        }

        @Override
        public boolean isOwned() {
            return isHeldExclusively();
        }

        @Override
        public int releaseSave() {
            int count = getState();
            if (isHeldExclusively()) {
                tracedRelease();
            }
            release(count); // throws for a non-owner, leaving the state as it was
            return count;
        }

        @Override
        public void acquireRestore(int saved) {
            acquire(saved); // ignores interrupts, and sets the flag again if there was one
            tracedRestore();
        }
    }

    private final Sync sync = new Sync(this);

    /** Creates an unlocked reentrant lock. */
    public RLock() {
    }

    /**
     * Acquires the lock: at once if the calling thread owns it (one level deeper),
     * otherwise blocking until it is unlocked.
     *
     * <p>Python: {@code threading.RLock.acquire()}.
     *
     * @return {@code true}
     * @throws IllegalArgumentException {@code Internal lock count overflowed} past
     *     {@link Integer#MAX_VALUE} levels
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire() {
        return sync.acquireBlocking();
    }

    /**
     * With {@code blocking} true, as {@link #acquire()}; otherwise acquires only if that
     * needs no waiting.
     *
     * <p>Python: {@code threading.RLock.acquire(blocking)}.
     *
     * @param blocking whether to wait; {@code false}: try once
     * @return whether the lock was acquired
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking) {
        return sync.acquireOrTry(blocking);
    }

    /**
     * Acquires the lock, waiting at most {@code timeout} seconds; {@code -1} waits
     * forever and {@code 0} tries once. Same timeout rules and messages as
     * {@link Lock#acquire(boolean, double)}.
     *
     * <p>Python: {@code threading.RLock.acquire(blocking=True, timeout=-1)}.
     *
     * @param blocking whether to wait; {@code false} only with a timeout of {@code -1}
     * @param timeout the longest wait in seconds, or {@code -1} for no limit
     * @return whether the lock was acquired; {@code false} when the timeout expired first
     * @throws IllegalArgumentException {@code timeout value must be a non-negative number};
     *     {@code can't specify a timeout for a non-blocking call}; {@code Invalid value NaN
     *     (not a number)}; {@code timestamp out of range for platform time_t} (as
     *     {@link Lock#acquire(boolean, double)})
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return sync.acquireWithin(blocking, timeout);
    }

    /**
     * As {@link #acquire(boolean, double)}, with the timeout as a {@link Duration}. The
     * {@code -1} of the double form has no twin here: a negative duration is refused; the
     * overloads without a timeout wait forever.
     *
     * @param blocking whether to wait; {@code false} refuses any timeout, as in Python
     * @param timeout the longest wait, zero or more
     * @return whether the lock was acquired; {@code false} when the timeout expired first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException {@code timeout value must be a non-negative number}
     *     for a negative duration, and as {@link #acquire(boolean, double)}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, Duration timeout) {
        return sync.acquireWithin(blocking, timeout);
    }

    /**
     * Releases one level; the lock is unlocked, and one waiting thread woken, when the
     * owner has released every level. Never blocks.
     *
     * <p>Python: {@code threading.RLock.release()}.
     *
     * @throws IllegalStateException {@code cannot release un-acquired lock} when the
     *     calling thread does not own the lock
     */
    @Override
    public void release() {
        sync.releaseOne();
    }

    /**
     * Whether the lock is held, by any thread. Never blocks.
     *
     * <p>Python: {@code threading.RLock.locked()} (3.14; 3.13 has none).
     *
     * @return {@code true} if some thread owns the lock
     */
    public boolean locked() {
        return sync.isLocked();
    }

    /** Whether the calling thread owns the lock (CPython's {@code _is_owned()}). */
    boolean isOwned() {
        return sync.isOwned();
    }

    /** The calling thread's recursion depth, 0 if it does not own the lock. */
    int recursionCount() {
        return sync.holdCount();
    }

    ConditionLock conditionLock() {
        return sync;
    }

    /**
     * As CPython's repr:
     * {@code <locked pythreading.threading.RLock object owner=IDENT count=2 at 0x…>}.
     *
     * @return the state, the class, the owner's ident, the depth and the identity hash
     */
    @Override
    public String toString() {
        java.lang.Thread owner = sync.owner();
        int count = owner == null ? 0 : sync.count();
        return "<" + (owner != null ? "locked" : "unlocked") + " " + getClass().getName()
                + " object owner=" + (owner == null ? 0 : owner.getId()) + " count=" + count
                + " at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
