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
     * <p>Python: {@code acquire()}.
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire();

    /**
     * Acquires, blocking as long as necessary when {@code blocking} is true; otherwise
     * tries once without blocking.
     *
     * <p>Python: {@code acquire(blocking)}.
     *
     * @param blocking whether to wait; {@code false}: try once
     * @return whether it was acquired
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire(boolean blocking);

    /**
     * Acquires, waiting at most {@code timeout} seconds. Which timeouts are allowed, and
     * what a negative one means, depends on the class (see above).
     *
     * <p>Python: {@code acquire(blocking, timeout)}.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait, in seconds
     * @return whether it was acquired; {@code false} when the timeout expired first
     * @throws IllegalArgumentException for a timeout the class refuses (with CPython's
     *     message)
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean acquire(boolean blocking, double timeout);

    /**
     * As {@link #acquire(boolean, double)}, with the timeout as a {@link Duration}.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait
     * @return whether it was acquired; {@code false} when the timeout expired first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException for a timeout the class refuses (with CPython's
     *     message)
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default boolean acquire(boolean blocking, Duration timeout) {
        return acquire(blocking, Timeouts.seconds(timeout));
    }

    /**
     * Releases. Never blocks.
     *
     * <p>Python: {@code release()}.
     *
     * @throws IllegalStateException if the class does not allow this release (with
     *     CPython's message)
     */
    void release();

    /**
     * Acquires (as {@link #acquire()}) and returns a handle whose {@code close()}
     * releases: Python's {@code with}.
     *
     * <p>Python: {@code __enter__()}; the handle's {@code close()} is {@code __exit__()}.
     *
     * @return the handle to close (once) to release
     * @throws UncheckedInterruptedException if interrupted while waiting (nothing is then
     *     acquired)
     */
    default Held enter() {
        acquire();
        return this::release;
    }

    /**
     * A held {@link Acquirable}: closing it releases it. Close it once. Made by
     * {@link Acquirable#enter()} for try-with-resources.
     */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /**
         * Releases what {@link Acquirable#enter()} acquired.
         *
         * @throws IllegalStateException as {@link Acquirable#release()}
         */
        @Override
        void close();
    }
}
