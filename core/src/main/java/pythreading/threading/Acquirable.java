package pythreading.threading;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * Python's lock protocol: anything with {@code acquire()} and {@code release()}, usable in
 * a {@code with} statement. {@link Lock}, {@link RLock}, {@link Semaphore},
 * {@link BoundedSemaphore} and {@link Condition} implement it; code that only needs "a
 * lock" takes an {@code Acquirable}.
 *
 * <p>Python's {@code with lock:} is
 * <pre>{@code
 * try (var held = lock.enter()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The meaning of the timeout differs per class, as in CPython: for {@code Lock},
 * {@code RLock} and {@code Condition} a timeout of {@code -1} means forever and other
 * negative values are refused; for {@code Semaphore} a negative timeout is the same as
 * zero. Every blocking call that is interrupted throws
 * {@link UncheckedInterruptedException} and leaves nothing acquired.
 */
public interface Acquirable {

    /**
     * Acquires, blocking as long as necessary.
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire();

    /**
     * Acquires, blocking as long as necessary when {@code blocking} is true; otherwise
     * tries once without blocking.
     *
     * @return whether it was acquired
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire(boolean blocking);

    /**
     * Acquires, waiting at most {@code timeout} seconds.
     *
     * @return whether it was acquired
     * @throws IllegalArgumentException for a timeout the class refuses (with CPython's
     *     message)
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire(boolean blocking, double timeout);

    /**
     * As {@link #acquire(boolean, double)}, with the timeout as a {@link Duration}.
     */
    default boolean acquire(boolean blocking, Duration timeout) {
        return acquire(blocking, Timeouts.seconds(timeout));
    }

    /**
     * Releases.
     *
     * @throws IllegalStateException if the class does not allow this release (with
     *     CPython's message)
     */
    void release();

    /**
     * Acquires (as {@link #acquire()}) and returns a handle whose {@code close()}
     * releases: Python's {@code with}.
     *
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default Held enter() {
        acquire();
        return this::release;
    }

    /** A held {@link Acquirable}: closing it releases it. Close it once. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /** Releases what {@link Acquirable#enter()} acquired. */
        @Override
        void close();
    }
}
