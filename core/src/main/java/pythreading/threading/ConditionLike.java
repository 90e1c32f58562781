package pythreading.threading;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import pythreading.internal.Timeouts;

/**
 * The protocol of Python's {@code threading.Condition}: a lock ({@link Acquirable}) with
 * waits that give the lock up while they wait and take it back before they return.
 * {@link Condition} implements it in one JVM and {@code pythreading.zookeeper}'s
 * condition across JVMs, so a method written against {@code ConditionLike} runs
 * unchanged on either.
 *
 * <p>Every {@code await} and {@code signal} needs the lock held by the calling thread:
 * otherwise they throw {@link IllegalStateException} with CPython's message,
 * {@code cannot wait on un-acquired lock} or {@code cannot notify on un-acquired lock}.
 */
public interface ConditionLike extends Acquirable {

    /**
     * Releases the lock, waits until signalled, then takes the lock back.
     *
     * <p>Python: {@code wait()}.
     *
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting (the lock is
     *     held again when it is thrown)
     */
    boolean await();

    /**
     * As {@link #await()}, waiting at most {@code timeout} seconds (a negative timeout
     * does not wait).
     *
     * <p>Python: {@code wait(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return {@code false} if the timeout expired first
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean await(double timeout);

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return {@code false} if the timeout expired first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default boolean await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }

    /**
     * Waits until {@code predicate} is true, as long as necessary. The predicate is
     * evaluated with the lock held.
     *
     * <p>Python: {@code wait_for(predicate)}.
     *
     * @param predicate the condition to wait for
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean awaitFor(BooleanSupplier predicate);

    /**
     * Waits until {@code predicate} is true, at most {@code timeout} seconds in all.
     *
     * <p>Python: {@code wait_for(predicate, timeout)}.
     *
     * @param predicate the condition to wait for
     * @param timeout the longest wait, in seconds
     * @return the predicate's last value
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    boolean awaitFor(BooleanSupplier predicate, double timeout);

    /**
     * As {@link #awaitFor(BooleanSupplier, double)}, with the timeout as a
     * {@link Duration}.
     *
     * @param predicate the condition to wait for
     * @param timeout the longest wait
     * @return the predicate's last value
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    default boolean awaitFor(BooleanSupplier predicate, Duration timeout) {
        return awaitFor(predicate, Timeouts.seconds(timeout));
    }

    /**
     * Wakes one waiting thread, if any.
     *
     * <p>Python: {@code notify()}.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    void signal();

    /**
     * Wakes up to {@code n} waiting threads.
     *
     * <p>Python: {@code notify(n)}.
     *
     * @param n how many, at most
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    void signal(int n);

    /**
     * Wakes every waiting thread.
     *
     * <p>Python: {@code notify_all()}.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    void signalAll();
}
