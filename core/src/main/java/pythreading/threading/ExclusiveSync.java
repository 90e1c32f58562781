package pythreading.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;

/**
 * The acquire rules that {@link Lock} and {@link RLock} share, over the subclass's
 * {@code tryAcquire}: CPython's timeout validation, a try before any wait (so a lock that
 * is free is taken even by an interrupted thread), then an interruptible wait.
 */
abstract class ExclusiveSync extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    final boolean acquireBlocking() {
        if (!tryAcquire(1)) {
            try {
                acquireInterruptibly(1);
            } catch (InterruptedException e) {
                throw Interrupts.rethrow(e);
            }
        }
        return true;
    }

    final boolean acquireOrTry(boolean blocking) {
        return blocking ? acquireBlocking() : tryAcquire(1);
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
            return true;
        }
        if (nanos == 0) {
            return false;
        }
        try {
            return tryAcquireNanos(1, nanos);
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        }
    }
}
