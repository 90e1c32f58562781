package pythreading.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;

/**
 * Python's {@code threading.Event}: a flag that threads can wait for. {@code set()}
 * raises it and wakes every waiting thread; {@code clear()} lowers it.
 *
 * <pre>{@code
 * Event ready = new Event();
 * // worker                     // coordinator
 * ready.await();                 prepare();
 * go();                          ready.set();
 * }</pre>
 *
 * <p>A thread woken by {@code set()} returns {@code true} even if {@code clear()} ran
 * before it got to run again (CPython gh-57711).
 *
 * <p>Memory consistency effects: actions before {@code set()} happen-before the actions
 * after an {@code await} that returns {@code true} because of it.
 *
 * <p>Differences from CPython: a blocked {@code await} can be interrupted and then throws
 * {@link UncheckedInterruptedException}.
 */
public class Event implements EventLike {

    /*
     * State: (generation << 1) | flag. The generation counts the set() calls that raised
     * the flag. A waiter remembers the generation it saw while the flag was down and is
     * released once the flag is up or the generation has moved on, so a set() followed at
     * once by a clear() still releases everyone who was waiting (gh-57711).
     */
    private static final class Sync extends AbstractQueuedLongSynchronizer {
        private static final long serialVersionUID = 1L;

        boolean isSet() {
            return (getState() & 1) != 0;
        }

        /** The generation to wait past, or -1 if the flag is up. */
        long generationToWaitPast() {
            long s = getState();
            return (s & 1) != 0 ? -1 : s >>> 1;
        }

        @Override
        protected long tryAcquireShared(long generation) {
            long s = getState();
            return ((s & 1) != 0 || (s >>> 1) != generation) ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(long ignored) {
            for (;;) {
                long s = getState();
                if ((s & 1) != 0) {
                    return false; // already set: nobody can be waiting for this generation
                }
                long next = (((s >>> 1) + 1) << 1) | 1;
                if (compareAndSetState(s, next)) {
                    return true;
                }
            }
        }

        void clear() {
            for (;;) {
                long s = getState();
                if ((s & 1) == 0 || compareAndSetState(s, s & ~1L)) {
                    return;
                }
            }
        }
    }

    private final Sync sync = new Sync();

    /**
     * Creates an event whose flag is down.
     *
     * <p>Python: {@code threading.Event()}.
     */
    public Event() {
    }

    /**
     * Whether the flag is up. Never blocks.
     *
     * <p>Python: {@code threading.Event.is_set()}.
     *
     * @return {@code true} if the flag is up
     */
    @Override
    public boolean isSet() {
        return sync.isSet();
    }

    /**
     * Raises the flag and wakes every thread waiting for it. Never blocks; does nothing if
     * the flag is up already.
     *
     * <p>Python: {@code threading.Event.set()}.
     */
    @Override
    public void set() {
        sync.releaseShared(0);
        if (Recorder.on()) {
            Recorder.signalled(this, "set");
        }
    }

    /**
     * Lowers the flag; {@code await} then blocks until the next {@link #set()}. Never
     * blocks.
     *
     * <p>Python: {@code threading.Event.clear()}.
     */
    @Override
    public void clear() {
        sync.clear();
    }

    /**
     * Waits until the flag is up, as long as necessary; returns at once if it is.
     *
     * <p>Python: {@code threading.Event.wait()} ({@code timeout=None}).
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean await() {
        long generation = sync.generationToWaitPast();
        if (generation < 0) {
            return true;
        }
        Object wait = Recorder.on() ? Recorder.waitBegins(this) : null;
        try {
            sync.acquireSharedInterruptibly(generation);
        } catch (InterruptedException e) {
            throw Recorder.interrupted(wait, e);
        }
        return Recorder.waitEnds(wait, true);
    }

    /**
     * Waits until the flag is up, at most {@code timeout} seconds; a timeout of zero or
     * less (or NaN) does not wait.
     *
     * <p>Python: {@code threading.Event.wait(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return {@code true} if the flag was up or was raised while waiting; {@code false}
     *     if the timeout expired first
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean await(double timeout) {
        long generation = sync.generationToWaitPast();
        if (generation < 0) {
            return true;
        }
        long nanos = Timeouts.forWait(timeout);
        if (nanos == 0) {
            return false;
        }
        Object wait = Recorder.on() ? Recorder.waitBegins(this) : null;
        try {
            return Recorder.waitEnds(wait, sync.tryAcquireSharedNanos(generation, nanos));
        } catch (InterruptedException e) {
            throw Recorder.interrupted(wait, e);
        }
    }

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return {@code true} if the flag was up or was raised while waiting; {@code false}
     *     if the timeout expired first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }

    /**
     * As CPython's repr: {@code <pythreading.threading.Event at 0x…: unset>}.
     *
     * @return the class, the identity hash and {@code set} or {@code unset}
     */
    @Override
    public String toString() {
        return "<" + getClass().getName() + " at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ": "
                + (isSet() ? "set" : "unset") + ">";
    }
}
