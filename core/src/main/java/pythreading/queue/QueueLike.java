package pythreading.queue;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * The protocol of Python's {@code queue.Queue}: a FIFO queue with optional bound, task
 * tracking ({@code taskDone}/{@code join}) and 3.13's {@code shutdown}. {@link Queue}
 * (and its subclasses) implement it in one JVM and {@code pythreading.zookeeper}'s queue
 * across JVMs, so a method written against {@code QueueLike} runs unchanged on either.
 *
 * @param <E> the type of the items
 */
public interface QueueLike<E> {

    /**
     * Puts {@code item}, waiting as long as necessary while a bounded queue is full.
     *
     * <p>Python: {@code put(item)}.
     *
     * @param item the item
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    void put(E item);

    /**
     * With {@code block} true, as {@link #put(Object)}; otherwise puts only if there is
     * room now.
     *
     * <p>Python: {@code put(item, block)}.
     *
     * @param item the item
     * @param block whether to wait for room
     * @throws Full if {@code block} is false and the queue is full
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    void put(E item, boolean block);

    /**
     * Puts {@code item}, waiting at most {@code timeout} seconds for room.
     *
     * <p>Python: {@code put(item, block, timeout)}.
     *
     * @param item the item
     * @param block whether to wait for room
     * @param timeout the longest wait, in seconds
     * @throws Full if there is no room within the timeout
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    void put(E item, boolean block, double timeout);

    /**
     * As {@link #put(Object, boolean, double)}, with the timeout as a {@link Duration}.
     *
     * @param item the item
     * @param block whether to wait for room
     * @param timeout the longest wait
     * @throws NullPointerException if {@code timeout} is null
     * @throws Full if there is no room within the timeout
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    default void put(E item, boolean block, Duration timeout) {
        put(item, block, Timeouts.seconds(timeout));
    }

    /**
     * Puts {@code item} only if there is room now: {@code put(item, false)}.
     *
     * <p>Python: {@code put_nowait(item)}.
     *
     * @param item the item
     * @throws Full if the queue is full
     * @throws ShutDown if the queue is shut down
     */
    default void putNowait(E item) {
        put(item, false);
    }

    /**
     * Removes and returns the next item, waiting as long as necessary.
     *
     * <p>Python: {@code get()}.
     *
     * @return the item
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    E get();

    /**
     * With {@code block} true, as {@link #get()}; otherwise takes an item only if one is
     * there now.
     *
     * <p>Python: {@code get(block)}.
     *
     * @param block whether to wait for an item
     * @return the item
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    E get(boolean block);

    /**
     * Removes and returns the next item, waiting at most {@code timeout} seconds.
     *
     * <p>Python: {@code get(block, timeout)}.
     *
     * @param block whether to wait for an item
     * @param timeout the longest wait, in seconds
     * @return the item
     * @throws Empty if no item came within the timeout
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    E get(boolean block, double timeout);

    /**
     * As {@link #get(boolean, double)}, with the timeout as a {@link Duration}.
     *
     * @param block whether to wait for an item
     * @param timeout the longest wait
     * @return the item
     * @throws NullPointerException if {@code timeout} is null
     * @throws Empty if no item came within the timeout
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    default E get(boolean block, Duration timeout) {
        return get(block, Timeouts.seconds(timeout));
    }

    /**
     * Takes an item only if one is there now: {@code get(false)}.
     *
     * <p>Python: {@code get_nowait()}.
     *
     * @return the item
     * @throws Empty if the queue is empty
     * @throws ShutDown if the queue is shut down and empty
     */
    default E getNowait() {
        return get(false);
    }

    /**
     * The approximate number of items.
     *
     * <p>Python: {@code qsize()}.
     *
     * @return the number of items
     */
    int qsize();

    /**
     * Whether the queue is empty (approximately).
     *
     * <p>Python: {@code empty()}.
     *
     * @return {@code true} if empty
     */
    boolean empty();

    /**
     * Whether the queue is full (approximately); never for an unbounded queue.
     *
     * <p>Python: {@code full()}.
     *
     * @return {@code true} if full
     */
    boolean full();

    /**
     * The bound given at creation; 0 or less: unbounded.
     *
     * <p>Python: {@code maxsize}.
     *
     * @return the bound
     */
    int maxsize();

    /**
     * Says that a task taken from the queue is finished; {@link #join()} returns once
     * every item put has been marked so.
     *
     * <p>Python: {@code task_done()}.
     *
     * @throws IllegalArgumentException {@code task_done() called too many times}
     */
    void taskDone();

    /**
     * Waits until every item put has been taken and marked done with
     * {@link #taskDone()}.
     *
     * <p>Python: {@code join()}.
     *
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    void join();

    /**
     * Shuts the queue down, leaving the items in it for {@code get}:
     * {@code shutdown(false)}.
     *
     * <p>Python: {@code shutdown()}.
     */
    void shutdown();

    /**
     * Shuts the queue down: later puts throw {@link ShutDown}, and gets do once the queue
     * is empty; blocked callers are woken. With {@code immediate}, the items left are
     * dropped (each counted as done) and gets throw at once.
     *
     * <p>Python: {@code shutdown(immediate)}.
     *
     * @param immediate whether to drop the items left
     */
    void shutdown(boolean immediate);

    /**
     * Whether the queue has been shut down.
     *
     * <p>Python: {@code is_shutdown}.
     *
     * @return {@code true} once shut down
     */
    boolean isShutdown();
}
