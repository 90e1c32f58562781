package pythreading.threading;

import java.time.Duration;

/**
 * Python's {@code threading.Lock}: a primitive lock, locked or unlocked, owned by no
 * thread.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * try (var held = lock.enter()) {   // with lock:
 *     counter++;
 * }
 * }</pre>
 *
 * <p>It is not reentrant: a thread that acquires it twice blocks until another thread
 * releases it. Unlike {@link java.util.concurrent.locks.ReentrantLock}, any thread may
 * release it, not only the one that acquired it, as in Python. Waiters are not served in
 * a guaranteed order.
 *
 * <p>Memory consistency effects: actions before a {@code release()} happen-before the
 * actions after the {@code acquire()} that takes the lock next.
 *
 * <p>Differences from CPython: a blocked {@code acquire} can be interrupted (Java's
 * interruption); it then throws {@link UncheckedInterruptedException} without the lock.
 */
public final class Lock implements Acquirable {

    /** State 0: unlocked; 1: locked. No owner is recorded: any thread may release. */
    private static final class Sync extends ExclusiveSync implements ConditionLock {
        private static final long serialVersionUID = 1L;

        Sync(Lock lock) {
            super(lock);
        }

        @Override
        boolean beganHold() {
            return true;
        }

        @Override
        boolean releaseEndsHold() {
            return isLocked();
        }

        @Override
        protected boolean tryAcquire(int ignored) {
            return getState() == 0 && compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (!compareAndSetState(1, 0)) {
                throw new IllegalStateException("release unlocked lock");
            }
            return true;
        }

        boolean isLocked() {
            return getState() != 0;
        }

        // Condition support: CPython's fallbacks for a plain lock ("owned" = locked).

        @Override
        public boolean isOwned() {
            return isLocked();
        }

        @Override
        public int releaseSave() {
            tracedRelease();
            release(1);
            return 1;
        }

        @Override
        public void acquireRestore(int saved) {
            acquire(1); // ignores interrupts, and sets the flag again if there was one
            tracedRestore();
        }
    }

    private final Sync sync = new Sync(this);

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Acquires the lock, blocking until it is unlocked.
     *
     * <p>Python: {@code threading.Lock.acquire()}.
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire() {
        return sync.acquireBlocking();
    }

    /**
     * With {@code blocking} true, as {@link #acquire()}; otherwise takes the lock only if
     * it is unlocked now.
     *
     * <p>Python: {@code threading.Lock.acquire(blocking)}.
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
     * forever and {@code 0} tries once.
     *
     * <p>Python: {@code threading.Lock.acquire(blocking=True, timeout=-1)}.
     *
     * @param blocking whether to wait; {@code false} only with a timeout of {@code -1}
     * @param timeout the longest wait in seconds, or {@code -1} for no limit
     * @return whether the lock was acquired; {@code false} when the timeout expired first
     * @throws IllegalArgumentException {@code timeout value must be a non-negative number}
     *     for a negative timeout other than -1; {@code can't specify a timeout for a
     *     non-blocking call} when {@code blocking} is false and the timeout is not -1;
     *     {@code Invalid value NaN (not a number)}; {@code timestamp out of range for
     *     platform time_t} beyond {@link Threading#TIMEOUT_MAX}
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
     *     for a negative duration; {@code can't specify a timeout for a non-blocking call}
     *     when {@code blocking} is false; {@code timestamp out of range for platform
     *     time_t} beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, Duration timeout) {
        return sync.acquireWithin(blocking, timeout);
    }

    /**
     * Releases the lock, waking one waiting thread if there is one. Any thread may
     * release it.
     *
     * <p>Python: {@code threading.Lock.release()}.
     *
     * @throws IllegalStateException {@code release unlocked lock}
     */
    @Override
    public void release() {
        sync.releaseOne();
    }

    /**
     * Whether the lock is locked, by any thread. Never blocks.
     *
     * <p>Python: {@code threading.Lock.locked()}.
     *
     * @return {@code true} if locked
     */
    public boolean locked() {
        return sync.isLocked();
    }

    ConditionLock conditionLock() {
        return sync;
    }

    /**
     * As CPython's repr: {@code <unlocked pythreading.threading.Lock object at 0x…>}.
     *
     * @return the state, the class and the identity hash
     */
    @Override
    public String toString() {
        return "<" + (locked() ? "locked" : "unlocked") + " " + getClass().getName()
                + " object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
