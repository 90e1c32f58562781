package pythreading.threading;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * The protocol of Python's {@code threading.Event}: a flag that threads can wait for.
 * {@link Event} implements it in one JVM and {@code pythreading.zookeeper}'s event across
 * JVMs, so a method written against {@code EventLike} runs unchanged on either.
 *
 * <p>A thread woken by {@link #set()} returns {@code true} from {@code await} even if
 * {@link #clear()} ran before it got to run again (CPython gh-57711).
 */
public interface EventLike {

    /**
     * Whether the flag is up.
     *
     * <p>Python: {@code is_set()}.
     *
     * @return {@code true} if the flag is up
     */
    boolean isSet();

    /**
     * Raises the flag and wakes every waiting thread. Threads that call {@code await}
     * after it return at once, until {@link #clear()}.
     *
     * <p>Python: {@code set()}.
     */
    void set();

    /**
     * Lowers the flag.
     *
     * <p>Python: {@code clear()}.
     */
    void clear();

    /**
     * Waits until the flag is up, as long as necessary; returns at once if it is.
     *
     * <p>Python: {@code wait()}.
     *
     * @return {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean await();

    /**
     * Waits until the flag is up, at most {@code timeout} seconds; a timeout of zero or
     * less (or NaN) does not wait.
     *
     * <p>Python: {@code wait(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return {@code true} if the flag was up or was raised while waiting; {@code false}
     *     if the timeout expired first
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean await(double timeout);

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return {@code true} if the flag was up or was raised while waiting
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException for a wait beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default boolean await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }
}
