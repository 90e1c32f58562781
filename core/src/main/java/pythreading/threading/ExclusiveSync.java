package pythreading.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;

/**
 * The acquire rules that {@link Lock} and {@link RLock} share, over the subclass's
 * {@code tryAcquire}: CPython's timeout validation, a try before any wait (so a lock that
 * is free is taken even by an interrupted thread), then an interruptible wait.
 */
abstract class ExclusiveSync extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    /** The Lock or RLock this synchronizer serves, as traces name it. */
    private final transient Object primitive;

    ExclusiveSync(Object primitive) {
        this.primitive = primitive;
    }

    /** Whether the acquire that just succeeded began a hold (RLock: the outermost level). */
    abstract boolean beganHold();

    /** Whether a release now would end a hold (RLock: the owner's last level). */
    abstract boolean releaseEndsHold();

    final boolean acquireBlocking() {
        if (!tryAcquire(1)) {
            Object wait = Recorder.on() ? Recorder.waitBegins(primitive) : null;
            try {
                acquireInterruptibly(1);
            } catch (InterruptedException e) {
                throw Recorder.interrupted(wait, e);
            }
            Recorder.waitEnds(wait, true);
        }
        return held(true);
    }

    final boolean acquireOrTry(boolean blocking) {
        return blocking ? acquireBlocking() : held(tryAcquire(1));
    }

    /** Records the hold that an acquire began, if it did; returns {@code acquired}. */
    final boolean held(boolean acquired) {
        if (acquired && Recorder.on() && beganHold()) {
            Recorder.acquired(primitive);
        }
        return acquired;
    }

    /**
     * Releases one level, recording the end of the hold first if it ends one: recorded
     * before the lock is free, a hold never seems to overlap the next holder's.
     */
    final void releaseOne() {
        if (Recorder.on() && releaseEndsHold()) {
            Recorder.released(primitive);
        }
        release(1);
    }

    /** Records that a Condition's wait is about to release the lock (its hold ends). */
    final void tracedRelease() {
        if (Recorder.on()) {
            Recorder.released(primitive);
        }
    }

    /** Records that a Condition's wait took the lock back (a new hold). */
    final void tracedRestore() {
        if (Recorder.on()) {
            Recorder.acquired(primitive);
        }
    }

    final boolean acquireWithin(boolean blocking, Duration timeout) {
        double seconds = Timeouts.seconds(timeout);
        if (seconds < 0) { // the double form's -1 (forever) has no Duration twin
            throw new IllegalArgumentException(blocking
                    ? "timeout value must be a non-negative number"
                    : "can't specify a timeout for a non-blocking call");
        }
        return acquireWithin(blocking, seconds);
    }

    final boolean acquireWithin(boolean blocking, double timeout) {
        long nanos = Timeouts.forLockAcquire(blocking, timeout);
        if (nanos == Timeouts.FOREVER) {
            return acquireBlocking();
        }
        if (tryAcquire(1)) {
            return held(true);
        }
        if (nanos == 0) {
            return false;
        }
        Object wait = Recorder.on() ? Recorder.waitBegins(primitive) : null;
        boolean acquired;
        try {
            acquired = tryAcquireNanos(1, nanos);
        } catch (InterruptedException e) {
            throw Recorder.interrupted(wait, e);
        }
        return held(Recorder.waitEnds(wait, acquired));
    }
}
