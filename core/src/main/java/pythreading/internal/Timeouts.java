package pythreading.internal;

import java.time.Duration;

/**
 * The one timeout discipline of pythreading: Python's float seconds are validated with
 * CPython's messages, converted once to nanoseconds (rounding up, as CPython's
 * {@code _PyTime_ROUND_TIMEOUT} does), and waited for against {@link System#nanoTime()}.
 *
 * <p>CPython treats bad and negative timeouts differently per class (see
 * {@code PYTHON-SEMANTICS.md}, table 1.1); each rule has its own method here, named after
 * the calls that use it.
 */
public final class Timeouts {

    /** {@code threading.TIMEOUT_MAX} on 64-bit Linux: the largest timeout, in seconds. */
    public static final double TIMEOUT_MAX = (double) (Long.MAX_VALUE / 1_000_000_000L);

    /** A timeout in nanoseconds meaning "wait forever". */
    public static final long FOREVER = Long.MIN_VALUE;

    static final String NAN = "Invalid value NaN (not a number)";
    static final String OUT_OF_RANGE = "timestamp out of range for platform time_t";

    private Timeouts() {
    }

    /**
     * {@code Lock.acquire} and {@code RLock.acquire}: {@code -1} means forever, any other
     * negative value is refused, and a non-blocking call takes no timeout.
     *
     * @param blocking the call's {@code blocking}
     * @param timeout the call's timeout, in seconds
     * @return nanoseconds to wait ({@code 0}: one try) or {@link #FOREVER}
     */
    public static long forLockAcquire(boolean blocking, double timeout) {
        checkConvertible(timeout);
        if (!blocking && timeout != -1) {
            throw new IllegalArgumentException("can't specify a timeout for a non-blocking call");
        }
        if (timeout < 0 && timeout != -1) {
            throw new IllegalArgumentException("timeout value must be a non-negative number");
        }
        if (!blocking) {
            return 0;
        }
        return timeout == -1 ? FOREVER : toNanos(timeout);
    }

    /**
     * {@code Condition.wait}, {@code Event.wait}, {@code Semaphore.acquire},
     * {@code Barrier.wait}: zero, negative and NaN values poll once (CPython's
     * {@code Condition.wait} tests {@code timeout > 0}); values above
     * {@link #TIMEOUT_MAX} are refused. Checked only when the call has to wait, as in
     * CPython.
     *
     * @param timeout the call's timeout, in seconds
     * @return nanoseconds to wait, {@code 0} for a poll
     */
    public static long forWait(double timeout) {
        if (!(timeout > 0)) {
            return 0;
        }
        if (timeout > TIMEOUT_MAX) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return toNanos(timeout);
    }

    /**
     * {@code Thread.join}: negative values are zero, NaN and values beyond
     * {@link #TIMEOUT_MAX} are refused.
     *
     * @param timeout the call's timeout, in seconds
     * @return nanoseconds to wait, {@code 0} for a poll
     */
    public static long forJoin(double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException(NAN);
        }
        if (timeout <= 0) {
            return 0;
        }
        if (timeout > TIMEOUT_MAX) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        return toNanos(timeout);
    }

    /**
     * {@code Queue.put} and {@code Queue.get} with a timeout: a negative timeout is refused
     * (even when the call would not wait). The wait itself then goes through
     * {@link #forWait(double)}.
     *
     * @param timeout the call's timeout, in seconds
     */
    public static void checkQueueTimeout(double timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("'timeout' must be a non-negative number");
        }
    }

    /**
     * {@code SimpleQueue.get} with a timeout (CPython's C {@code _queue}): the timeout is
     * converted before anything else, so NaN and values out of range (infinities
     * included) are refused even when an item is there, then negative values.
     *
     * @param timeout the call's timeout, in seconds
     */
    public static void checkSimpleQueueTimeout(double timeout) {
        checkConvertible(timeout);
        checkQueueTimeout(timeout);
    }

    /**
     * The seconds of a {@link Duration}, for the {@code Duration} twin of a timed call.
     *
     * @param timeout the call's timeout
     * @return it in seconds
     */
    public static double seconds(Duration timeout) {
        if (timeout == null) {
            throw new NullPointerException("timeout");
        }
        return timeout.getSeconds() + timeout.getNano() / 1e9;
    }

    /**
     * The deadline {@code seconds} from now, for a timeout whose validation waits until
     * a call must actually wait: zero, negative and NaN mean now, and values beyond
     * {@link #TIMEOUT_MAX} saturate (the wait itself then refuses them).
     *
     * @param seconds the timeout, in seconds
     * @return the deadline, on the {@link System#nanoTime()} scale
     */
    public static long deadlineIn(double seconds) {
        long now = System.nanoTime();
        if (!(seconds > 0)) {
            return now;
        }
        return now + (seconds >= TIMEOUT_MAX ? Long.MAX_VALUE / 2 : toNanos(seconds));
    }

    /**
     * The deadline of a wait of {@code nanos} starting now.
     *
     * @param nanos the wait, in nanoseconds
     * @return the deadline, on the {@link System#nanoTime()} scale
     */
    public static long deadline(long nanos) {
        return System.nanoTime() + nanos;
    }

    /**
     * Nanoseconds left before {@code deadline}; zero or less when it has passed.
     *
     * @param deadline a deadline, on the {@link System#nanoTime()} scale
     * @return the nanoseconds left
     */
    public static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static void checkConvertible(double timeout) {
        if (Double.isNaN(timeout)) {
            throw new IllegalArgumentException(NAN);
        }
        if (!(Math.abs(timeout) <= TIMEOUT_MAX)) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
    }

    /** Seconds in [0, TIMEOUT_MAX] to nanoseconds, rounding up; fits in a long. */
    private static long toNanos(double seconds) {
        return (long) Math.ceil(seconds * 1e9);
    }
}
