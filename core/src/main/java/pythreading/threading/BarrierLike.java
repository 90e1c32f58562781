package pythreading.threading;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * The protocol of Python's {@code threading.Barrier}: a cyclic meeting point for a fixed
 * number of parties. {@link Barrier} implements it in one JVM and
 * {@code pythreading.zookeeper}'s barrier across JVMs, so a method written against
 * {@code BarrierLike} runs unchanged on either.
 */
public interface BarrierLike {

    /**
     * Waits until all parties have arrived, with the barrier's default timeout.
     *
     * <p>Python: {@code wait()}.
     *
     * @return this party's arrival index, 0 to {@code parties() - 1}
     * @throws BrokenBarrierError if the barrier is or becomes broken while waiting
     *     (abort, reset, a timeout, a failed action)
     * @throws UncheckedInterruptedException if interrupted while waiting (the barrier is
     *     then broken for the others)
     */
    int await();

    /**
     * As {@link #await()}, waiting at most {@code timeout} seconds; a timeout breaks the
     * barrier.
     *
     * <p>Python: {@code wait(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return this party's arrival index
     * @throws BrokenBarrierError if the barrier is or becomes broken, or the timeout
     *     expires
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    int await(double timeout);

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return this party's arrival index
     * @throws NullPointerException if {@code timeout} is null
     * @throws BrokenBarrierError if the barrier is or becomes broken, or the timeout
     *     expires
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default int await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }

    /**
     * Returns the barrier to its empty state; parties waiting now get
     * {@link BrokenBarrierError}.
     *
     * <p>Python: {@code reset()}.
     */
    void reset();

    /**
     * Breaks the barrier: parties waiting now and later get {@link BrokenBarrierError}
     * until {@link #reset()}.
     *
     * <p>Python: {@code abort()}.
     */
    void abort();

    /**
     * The number of parties needed to pass the barrier.
     *
     * <p>Python: {@code parties}.
     *
     * @return the parties
     */
    int parties();

    /**
     * The number of parties waiting now.
     *
     * <p>Python: {@code n_waiting}.
     *
     * @return how many wait
     */
    int nWaiting();

    /**
     * Whether the barrier is broken.
     *
     * <p>Python: {@code broken}.
     *
     * @return {@code true} if broken
     */
    boolean isBroken();
}
