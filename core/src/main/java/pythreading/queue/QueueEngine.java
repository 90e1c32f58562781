package pythreading.queue;

import java.util.concurrent.locks.Condition;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;
import pythreading.threading.UncheckedInterruptedException;

/**
 * The mechanics behind a {@link Queue}: storage, locks and waiting. {@link Queue} holds
 * the Python-facing API and one engine: an unbounded FIFO queue runs on
 * {@link LinkedQueueEngine} (two locks, as {@code LinkedBlockingQueue}); a bounded FIFO
 * queue, a LIFO and a priority queue on {@link LockedQueueEngine} (one lock over a
 * {@link Storage}, as {@code ArrayBlockingQueue}).
 *
 * <p>Every engine follows CPython's order of checks, which decides which exception a call
 * gets when several apply. {@code put}: shut down; then, on a bounded queue only:
 * non-blocking and full ({@link Full}); negative timeout (even with room); wait for room,
 * failing with {@link ShutDown} if shut down meanwhile. {@code get}: shut down and empty;
 * non-blocking and empty ({@link Empty}); negative timeout (even with items); wait for an
 * item, failing with {@link ShutDown} if shut down and still empty.
 */
abstract class QueueEngine<E> {

    final TaskTracker tasks;

    /** What traces name: the Queue or SimpleQueue this engine serves (set once, at its construction). */
    Object traced = this;

    /** @param putLock the lock held by every put while it counts its item (see {@link TaskTracker}) */
    QueueEngine(java.util.concurrent.locks.Lock putLock) {
        this.tasks = new TaskTracker(putLock);
    }

    /** @param timed whether {@code timeout} (seconds) applies; otherwise wait forever */
    abstract void put(E item, boolean block, boolean timed, double timeout);

    abstract E get(boolean block, boolean timed, double timeout);

    abstract int qsize();

    abstract boolean isShutdown();

    abstract void shutdown(boolean immediate);

    /** The call that waits: it decides what "ready" means and what expiry throws. */
    enum Side { PUT, GET }

    /** Whether a waiting {@code side} may go on. Call only when holding that side's lock. */
    abstract boolean ready(Side side);

    /** Whether a {@code side} woken from its wait must throw {@link ShutDown}. */
    abstract boolean mustStop(Side side);

    /**
     * Waits on {@code cond} until {@link #ready}, by CPython's rules, for a call that found
     * the queue not ready. Call only when holding the lock of {@code cond}.
     *
     * @throws Full or Empty (by {@code side}) for a non-blocking call or an expired timeout
     * @throws ShutDown if woken and {@link #mustStop}
     */
    final void await(Condition cond, Side side, boolean block, boolean timed, double timeout) {
        if (!block) {
            throw expired(side);
        }
        if (!Recorder.on()) {
            awaitUntraced(cond, side, timed, timeout);
            return;
        }
        Object wait = Recorder.waitBegins(traced);
        String outcome = Recorder.TIMED_OUT;
        try {
            awaitUntraced(cond, side, timed, timeout);
            outcome = Recorder.ACQUIRED;
        } catch (ShutDown e) {
            outcome = Recorder.SHUT_DOWN;
            throw e;
        } catch (UncheckedInterruptedException e) {
            outcome = Recorder.INTERRUPTED;
            throw e;
        } finally {
            Recorder.waitEnds(wait, outcome);
        }
    }

    private void awaitUntraced(Condition cond, Side side, boolean timed, double timeout) {
        try {
            if (!timed) {
                do {
                    cond.await();
                    if (mustStop(side)) {
                        throw new ShutDown();
                    }
                } while (!ready(side));
                return;
            }
            Timeouts.checkQueueTimeout(timeout);
            long deadline = Timeouts.deadline(Timeouts.forWait(timeout));
            do {
                long remaining = Timeouts.remaining(deadline);
                if (remaining <= 0) {
                    throw expired(side);
                }
                cond.awaitNanos(remaining);
                if (mustStop(side)) {
                    throw new ShutDown();
                }
            } while (!ready(side));
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        }
    }

    /** Records a put or a get (they let waiters of the other side go on) when the recorder is on. */
    final void traced(Side side) {
        if (Recorder.on()) {
            Recorder.signalled(traced, side == Side.PUT ? "put" : "get");
        }
    }

    private static RuntimeException expired(Side side) {
        return side == Side.PUT ? new Full() : new Empty();
    }
}
