package pythreading.threading;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;

/**
 * Python's {@code threading.Semaphore}: a counter that {@code acquire()} decrements,
 * blocking while it is zero, and {@code release()} increments.
 *
 * <pre>{@code
 * Semaphore pool = new Semaphore(3);   // at most three at a time
 * try (var slot = pool.enter()) {
 *     work();
 * }
 * }</pre>
 *
 * <p>{@code release()} may raise the counter above its initial value: a plain semaphore
 * has no upper bound (use {@link BoundedSemaphore} for one), and any thread may release.
 * Waiters are woken in no guaranteed order; a newcomer may take a released unit before
 * a woken waiter does.
 *
 * <p>Memory consistency effects: actions before a {@code release()} happen-before the
 * actions after an {@code acquire()} that takes what it released.
 *
 * <p>Differences from CPython: the counter is an {@code int} (a release past
 * {@link Integer#MAX_VALUE} throws {@link IllegalArgumentException}); a blocked
 * {@code acquire} can be interrupted and then throws
 * {@link UncheckedInterruptedException} with nothing taken; a NaN timeout is a poll
 * where CPython spins for ever.
 */
public class Semaphore implements SemaphoreLike {

    /** State: the counter, never negative. */
    static class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        Sync(int value) {
            setState(value);
        }

        final int value() {
            return getState();
        }

        @Override
        protected final int tryAcquireShared(int n) {
            for (;;) {
                int available = getState();
                int remaining = available - n;
                if (remaining < 0 || compareAndSetState(available, remaining)) {
                    return remaining;
                }
            }
        }

        @Override
        protected final boolean tryReleaseShared(int n) {
            for (;;) {
                int current = getState();
                checkBound(current, n);
                int next = current + n;
                if (next < current) {
                    throw new IllegalArgumentException("semaphore value overflow");
                }
                if (compareAndSetState(current, next)) {
                    return true;
                }
            }
        }

        /** Throws if releasing {@code n} more from {@code current} is not allowed. */
        void checkBound(int current, int n) {
        }
    }

    final Sync sync;

    /**
     * Creates a semaphore with the value 1.
     *
     * <p>Python: {@code threading.Semaphore()}.
     */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore with the given initial value.
     *
     * <p>Python: {@code threading.Semaphore(value=1)}.
     *
     * @param value the initial counter, zero or more
     * @throws IllegalArgumentException {@code semaphore initial value must be >= 0}
     */
    public Semaphore(int value) {
        this(checkValue(value), null);
    }

    Semaphore(int value, Sync sync) {
        this.sync = sync != null ? sync : new Sync(value);
    }

    static int checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        return value;
    }

    /**
     * Decrements the counter, blocking while it is zero.
     *
     * <p>Python: {@code threading.Semaphore.acquire()}.
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire() {
        if (sync.tryAcquireShared(1) < 0) {
            Object wait = Recorder.on() ? Recorder.waitBegins(this) : null;
            try {
                sync.acquireSharedInterruptibly(1);
            } catch (InterruptedException e) {
                throw Recorder.interrupted(wait, e);
            }
            Recorder.waitEnds(wait, true);
        }
        return held(true);
    }

    /** Records the hold (one permit) that an acquire began, if it did; returns {@code acquired}. */
    private boolean held(boolean acquired) {
        if (acquired && Recorder.on()) {
            Recorder.acquired(this);
        }
        return acquired;
    }

    /**
     * With {@code blocking} true, as {@link #acquire()}; otherwise decrements the counter
     * only if it is above zero now.
     *
     * <p>Python: {@code threading.Semaphore.acquire(blocking)}.
     *
     * @param blocking whether to wait; {@code false}: try once
     * @return whether the counter was decremented
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking) {
        return blocking ? acquire() : held(sync.tryAcquireShared(1) >= 0);
    }

    /**
     * Decrements the counter, waiting at most {@code timeout} seconds for it to be above
     * zero; a timeout of zero or less (or NaN) only tries once.
     *
     * <p>Python: {@code threading.Semaphore.acquire(blocking=True, timeout=None)}.
     *
     * @param blocking must be {@code true}: a non-blocking call takes no timeout
     * @param timeout the longest wait, in seconds
     * @return whether the counter was decremented
     * @throws IllegalArgumentException {@code can't specify timeout for non-blocking
     *     acquire} when {@code blocking} is false; {@code timestamp out of range for
     *     platform time_t} when it has to wait longer than {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        if (!blocking) {
            throw new IllegalArgumentException("can't specify timeout for non-blocking acquire");
        }
        if (sync.tryAcquireShared(1) >= 0) {
            return held(true);
        }
        long nanos = Timeouts.forWait(timeout);
        if (nanos == 0) {
            return false;
        }
        Object wait = Recorder.on() ? Recorder.waitBegins(this) : null;
        boolean acquired;
        try {
            acquired = sync.tryAcquireSharedNanos(1, nanos);
        } catch (InterruptedException e) {
            throw Recorder.interrupted(wait, e);
        }
        return held(Recorder.waitEnds(wait, acquired));
    }

    /**
     * Increments the counter by one, waking one waiting thread. Never blocks; any thread
     * may release.
     *
     * <p>Python: {@code threading.Semaphore.release()}.
     *
     * @throws IllegalArgumentException {@code semaphore value overflow} past
     *     {@link Integer#MAX_VALUE}; for a {@link BoundedSemaphore}, {@code Semaphore
     *     released too many times} above its initial value
     */
    @Override
    public void release() {
        release(1);
    }

    /**
     * Increments the counter by {@code n}, waking up to {@code n} waiting threads. Never
     * blocks; any thread may release.
     *
     * <p>Python: {@code threading.Semaphore.release(n=1)}.
     *
     * @param n how much to add, one or more
     * @throws IllegalArgumentException {@code n must be one or more}; {@code semaphore
     *     value overflow} past {@link Integer#MAX_VALUE} (the counter is then unchanged)
     */
    @Override
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more");
        }
        if (Recorder.on()) {
            // Recorded before the permits are back, so a hold never seems to overlap the next.
            for (int i = 0; i < n; i++) {
                Recorder.released(this);
            }
        }
        sync.releaseShared(n);
    }

    /** The counter now: how many {@code acquire()} calls would not block. */
    int value() {
        return sync.value();
    }

    /**
     * As CPython's repr: {@code <pythreading.threading.Semaphore at 0x…: value=3>}.
     *
     * @return the class, the identity hash and the counter
     */
    @Override
    public String toString() {
        return "<" + getClass().getName() + " at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ": value=" + valueText() + ">";
    }

    String valueText() {
        return Integer.toString(value());
    }
}
