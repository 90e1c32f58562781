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

    /**
     * Creates an empty queue.
     *
     * <p>Python: {@code queue.SimpleQueue()}.
     */
    public SimpleQueue() {
        engine.traced = this;
    }

    /**
     * Puts {@code item} in the queue; never blocks, never fails.
     *
     * <p>Python: {@code queue.SimpleQueue.put(item)}.
     *
     * @param item the item, {@code null} included
     */
    public void put(E item) {
        engine.put(item, true, false, 0);
    }

    /**
     * As {@link #put(Object)}: {@code block} and {@code timeout} are ignored, as in Python.
     *
     * <p>Python: {@code queue.SimpleQueue.put(item, block=True, timeout=None)}.
     *
     * @param item the item, {@code null} included
     * @param block ignored
     * @param timeout ignored, even when negative or NaN
     */
    public void put(E item, boolean block, double timeout) {
        put(item);
    }

    /**
     * As {@link #put(Object)}: {@code block} and {@code timeout} are ignored, as in Python.
     *
     * @param item the item, {@code null} included
     * @param block ignored
     * @param timeout ignored (it may be null)
     */
    public void put(E item, boolean block, Duration timeout) {
        put(item);
    }

    /**
     * As {@link #put(Object)}.
     *
     * <p>Python: {@code queue.SimpleQueue.put_nowait(item)}.
     *
     * @param item the item, {@code null} included
     */
    public void putNowait(E item) {
        put(item);
    }

    /**
     * Removes and returns the next item, waiting as long as necessary while the queue is
     * empty.
     *
     * <p>Python: {@code queue.SimpleQueue.get()}.
     *
     * @return the item
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
     * <p>Python: {@code queue.SimpleQueue.get(block)}.
     *
     * @param block whether to wait for an item
     * @return the item
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public E get(boolean block) {
        return engine.get(block, false, 0);
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout} seconds
     * ({@code block} false: not at all, whatever the timeout). A timeout of zero does not
     * wait.
     *
     * <p>Python: {@code queue.SimpleQueue.get(block=True, timeout=None)}.
     *
     * @param block whether to wait for an item
     * @param timeout the longest wait, in seconds
     * @return the item
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

    /**
     * As {@link #get(boolean, double)}, with the timeout as a {@link Duration}.
     *
     * @param block whether to wait for an item
     * @param timeout the longest wait
     * @return the item
     * @throws NullPointerException if {@code timeout} is null
     * @throws Empty if no item came within the timeout
     * @throws IllegalArgumentException as {@link #get(boolean, double)}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public E get(boolean block, Duration timeout) {
        return get(block, Timeouts.seconds(timeout));
    }

    /**
     * Takes an item only if one is there now. Never blocks.
     *
     * <p>Python: {@code queue.SimpleQueue.get_nowait()}.
     *
     * @return the item
     * @throws Empty if the queue is empty
     */
    public E getNowait() {
        return engine.get(false, false, 0);
    }

    /**
     * The number of items now (other threads may change it at once).
     *
     * <p>Python: {@code queue.SimpleQueue.qsize()}.
     *
     * @return the number of items queued
     */
    public int qsize() {
        return engine.qsize();
    }

    /**
     * Whether the queue is empty now (other threads may change it at once).
     *
     * <p>Python: {@code queue.SimpleQueue.empty()}.
     *
     * @return {@code true} if no item is queued
     */
    public boolean empty() {
        return engine.qsize() == 0;
    }

    /**
     * A repr in CPython's style: {@code <pythreading.queue.SimpleQueue object at 0x…:
     * qsize=2>} (Python's own shows no size).
     *
     * @return the class, the identity hash and the size
     */
    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ": qsize=" + qsize() + ">";
    }
}
