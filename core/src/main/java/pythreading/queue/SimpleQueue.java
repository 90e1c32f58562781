package pythreading.queue;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * Python's {@code queue.SimpleQueue}: an unbounded first-in, first-out queue without task
 * tracking or shutdown. {@code put} never blocks.
 *
 * <pre>{@code
 * SimpleQueue<String> q = new SimpleQueue<>();
 * q.put("x");
 * String x = q.get();
 * }</pre>
 *
 * <p>{@code put} is safe to call from any thread at any time, even while the same thread
 * is inside another {@code put} (CPython's reentrancy promise): its lock is reentrant and
 * it calls no code of the caller's. {@code null} is an item like any other.
 *
 * <p>Differences from CPython: a blocked {@code get} can be interrupted and then throws
 * {@link pythreading.threading.UncheckedInterruptedException}.
 *
 * @param <E> the type of the items
 */
public class SimpleQueue<E> {

    /** An unbounded FIFO queue that is never shut down and whose task count nobody reads. */
    private final LinkedQueueEngine<E> engine = new LinkedQueueEngine<>();

    /** Creates an empty queue. */
    public SimpleQueue() {
    }

    /** Puts {@code item} in the queue; never blocks. */
    public void put(E item) {
        engine.put(item, true, false, 0);
    }

    /** As {@link #put(Object)}: {@code block} and {@code timeout} are ignored, as in Python. */
    public void put(E item, boolean block, double timeout) {
        put(item);
    }

    /** As {@link #put(Object)}. */
    public void putNowait(E item) {
        put(item);
    }

    /**
     * Removes and returns the next item, waiting while the queue is empty.
     *
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public E get() {
        return engine.get(true, false, 0);
    }

    /**
     * With {@code block} true, as {@link #get()}; otherwise takes an item only if one is
     * there now.
     *
     * @throws Empty if {@code block} is false and the queue is empty
     */
    public E get(boolean block) {
        return engine.get(block, false, 0);
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout} seconds
     * ({@code block} false: not at all, whatever the timeout).
     *
     * @throws Empty if no item came within the timeout
     * @throws IllegalArgumentException ({@code block} true, even when an item is there)
     *     {@code Invalid value NaN (not a number)}; {@code timestamp out of range for
     *     platform time_t} beyond {@link pythreading.threading.Threading#TIMEOUT_MAX};
     *     {@code 'timeout' must be a non-negative number}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public E get(boolean block, double timeout) {
        if (block) {
            Timeouts.checkSimpleQueueTimeout(timeout);
        }
        return engine.get(block, true, timeout);
    }

    /** As {@link #get(boolean, double)}, with the timeout as a {@link Duration}. */
    public E get(boolean block, Duration timeout) {
        return get(block, Timeouts.seconds(timeout));
    }

    /**
     * Takes an item only if one is there now.
     *
     * @throws Empty if the queue is empty
     */
    public E getNowait() {
        return engine.get(false, false, 0);
    }

    /** The number of items now. */
    public int qsize() {
        return engine.qsize();
    }

    /** Whether the queue is empty now. */
    public boolean empty() {
        return engine.qsize() == 0;
    }

    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ": qsize=" + qsize() + ">";
    }
}
