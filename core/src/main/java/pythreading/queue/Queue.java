package pythreading.queue;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * Python's {@code queue.Queue}: a first-in, first-out queue for handing items between
 * threads, bounded or not, with task tracking and shutdown.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(10);   // at most 10 items; 0 or less: unbounded
 * // producer                       // consumer
 * q.put("job");                      String job = q.get();
 *                                    handle(job);
 * q.join();                          q.taskDone();
 * }</pre>
 *
 * <p>{@code put} blocks while a bounded queue is full, {@code get} while the queue is
 * empty; their non-blocking forms throw {@link Full} and {@link Empty}, and so do their
 * timed forms when the timeout expires. {@code null} is an item like any other.
 *
 * <p>Task tracking: every item put counts as an unfinished task until a
 * {@link #taskDone()} marks it done; {@link #join()} waits until none is left.
 *
 * <p>Shutdown (Python 3.13): after {@link #shutdown()}, {@code put} throws
 * {@link ShutDown}, and {@code get} hands out the items still queued, then throws
 * {@code ShutDown}. After {@code shutdown(true)} the queue is emptied at once (each
 * discarded item counting as a finished task) and {@code get} throws at once. Threads
 * blocked in {@code put} or {@code get} wake up and re-check.
 *
 * <p>Memory consistency effects: actions before a {@code put} happen-before the actions
 * after the {@code get} that receives the item, and actions before a {@code taskDone}
 * happen-before the return of a {@code join} that it releases.
 *
 * <p>Timeouts are seconds as a {@code double}, each with a {@link Duration} twin; the
 * overloads without one wait as long as necessary (Python's {@code timeout=None}).
 *
 * <p>Differences from CPython: {@code maxsize} is fixed at construction; a blocked call
 * can be interrupted and then throws
 * {@link pythreading.threading.UncheckedInterruptedException}, with nothing put or taken;
 * a NaN timeout is a poll.
 *
 * @param <E> the type of the items
 */
public class Queue<E> implements QueueLike<E> {

    private final int maxsize;
    private final QueueEngine<E> engine;

    /**
     * Creates an unbounded queue.
     *
     * <p>Python: {@code queue.Queue()}.
     */
    public Queue() {
        this(0);
    }

    /**
     * Creates a queue holding at most {@code maxsize} items; 0 or less: unbounded.
     *
     * <p>Python: {@code queue.Queue(maxsize=0)}.
     *
     * @param maxsize the largest number of items, or 0 or less for no limit
     */
    public Queue(int maxsize) {
        this(maxsize, maxsize > 0
                ? new LockedQueueEngine<>(maxsize, new FifoStorage<>())
                : new LinkedQueueEngine<>());
    }

    Queue(int maxsize, QueueEngine<E> engine) {
        this.maxsize = maxsize;
        this.engine = engine;
        engine.traced = this;
    }

    /**
     * Puts {@code item} in the queue, waiting as long as necessary while a bounded queue
     * is full.
     *
     * <p>Python: {@code queue.Queue.put(item)}.
     *
     * @param item the item, {@code null} included
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    @Override
    public void put(E item) {
        engine.put(item, true, false, 0);
    }

    /**
     * With {@code block} true, as {@link #put(Object)}; otherwise puts only if there is
     * room now.
     *
     * <p>Python: {@code queue.Queue.put(item, block)}.
     *
     * @param item the item, {@code null} included
     * @param block whether to wait for room
     * @throws Full if {@code block} is false and the queue is full
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    @Override
    public void put(E item, boolean block) {
        engine.put(item, block, false, 0);
    }

    /**
     * Puts {@code item}, waiting at most {@code timeout} seconds for room ({@code block}
     * false: not at all, and the timeout is ignored). An unbounded queue ignores both. A
     * timeout of zero does not wait.
     *
     * <p>Python: {@code queue.Queue.put(item, block=True, timeout=None)}.
     *
     * @param item the item, {@code null} included
     * @param block whether to wait for room
     * @param timeout the longest wait, in seconds
     * @throws Full if there is no room within the timeout
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number} (a
     *     bounded queue, {@code block} true), even when there is room; {@code timestamp
     *     out of range for platform time_t} for a wait beyond
     *     {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    @Override
    public void put(E item, boolean block, double timeout) {
        engine.put(item, block, true, timeout);
    }

    /**
     * As {@link #put(Object, boolean, double)}, with the timeout as a {@link Duration}.
     *
     * @param item the item, {@code null} included
     * @param block whether to wait for room
     * @param timeout the longest wait
     * @throws NullPointerException if {@code timeout} is null
     * @throws Full if there is no room within the timeout
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws IllegalArgumentException as {@link #put(Object, boolean, double)}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is put)
     */
    @Override
    public void put(E item, boolean block, Duration timeout) {
        put(item, block, Timeouts.seconds(timeout));
    }

    /**
     * Puts {@code item} only if there is room now: {@code put(item, false)}. Never
     * blocks.
     *
     * <p>Python: {@code queue.Queue.put_nowait(item)}.
     *
     * @param item the item, {@code null} included
     * @throws Full if the queue is full
     * @throws ShutDown if the queue is shut down
     */
    @Override
    public void putNowait(E item) {
        engine.put(item, false, false, 0);
    }

    /**
     * Removes and returns the next item, waiting as long as necessary while the queue is
     * empty.
     *
     * <p>Python: {@code queue.Queue.get()}.
     *
     * @return the item
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    @Override
    public E get() {
        return engine.get(true, false, 0);
    }

    /**
     * With {@code block} true, as {@link #get()}; otherwise takes an item only if one is
     * there now.
     *
     * <p>Python: {@code queue.Queue.get(block)}.
     *
     * @param block whether to wait for an item
     * @return the item
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    @Override
    public E get(boolean block) {
        return engine.get(block, false, 0);
    }

    /**
     * Removes and returns the next item, waiting at most {@code timeout} seconds
     * ({@code block} false: not at all, and the timeout is ignored). A timeout of zero
     * does not wait.
     *
     * <p>Python: {@code queue.Queue.get(block=True, timeout=None)}.
     *
     * @param block whether to wait for an item
     * @param timeout the longest wait, in seconds
     * @return the item
     * @throws Empty if no item came within the timeout
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number}
     *     ({@code block} true), even when an item is there; {@code timestamp out of range
     *     for platform time_t} for a wait beyond
     *     {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    @Override
    public E get(boolean block, double timeout) {
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
     * @throws ShutDown if the queue is shut down and empty, before or while waiting
     * @throws IllegalArgumentException as {@link #get(boolean, double)}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is taken)
     */
    @Override
    public E get(boolean block, Duration timeout) {
        return get(block, Timeouts.seconds(timeout));
    }

    /**
     * Takes an item only if one is there now: {@code get(false)}. Never blocks.
     *
     * <p>Python: {@code queue.Queue.get_nowait()}.
     *
     * @return the item
     * @throws Empty if the queue is empty
     * @throws ShutDown if the queue is shut down and empty
     */
    @Override
    public E getNowait() {
        return engine.get(false, false, 0);
    }

    /**
     * The number of items now (other threads may change it at once).
     *
     * <p>Python: {@code queue.Queue.qsize()}.
     *
     * @return the number of items queued
     */
    @Override
    public int qsize() {
        return engine.qsize();
    }

    /**
     * Whether the queue is empty now (other threads may change it at once).
     *
     * <p>Python: {@code queue.Queue.empty()}.
     *
     * @return {@code true} if no item is queued
     */
    @Override
    public boolean empty() {
        return engine.qsize() == 0;
    }

    /**
     * Whether a bounded queue is full now; always false for an unbounded one.
     *
     * <p>Python: {@code queue.Queue.full()}.
     *
     * @return {@code true} if a {@code put} would have to wait
     */
    @Override
    public boolean full() {
        return maxsize > 0 && engine.qsize() >= maxsize;
    }

    /**
     * The bound given at construction; 0 or less means unbounded.
     *
     * <p>Python: {@code queue.Queue.maxsize}.
     *
     * @return the largest number of items, as given
     */
    @Override
    public int maxsize() {
        return maxsize;
    }

    /**
     * Marks one task done: a consumer calls it once for each item it got, when it has
     * finished with it. When no unfinished task is left, every {@link #join()} returns.
     * Never blocks.
     *
     * <p>Python: {@code queue.Queue.task_done()}.
     *
     * @throws IllegalArgumentException {@code task_done() called too many times}
     */
    @Override
    public void taskDone() {
        engine.tasks.taskDone();
    }

    /**
     * Waits until every item put has been marked done by {@link #taskDone()} (or discarded
     * by an immediate shutdown), as long as necessary; returns at once if none is left.
     * Never throws {@link ShutDown}.
     *
     * <p>Python: {@code queue.Queue.join()}.
     *
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public void join() {
        engine.tasks.join();
    }

    /**
     * As {@code shutdown(false)}: {@code get} still hands out the items queued.
     *
     * <p>Python: {@code queue.Queue.shutdown()}.
     */
    @Override
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: {@code put} throws {@link ShutDown} from now on, and
     * {@code get} once the queue is empty; with {@code immediate}, the items still queued
     * are discarded (each counting as done for {@link #join()}). Wakes every blocked
     * {@code put}, {@code get} and (immediate) {@code join}. May be called again. Never
     * blocks.
     *
     * <p>Python: {@code queue.Queue.shutdown(immediate=False)}.
     *
     * @param immediate whether to discard the items still queued
     */
    @Override
    public void shutdown(boolean immediate) {
        engine.shutdown(immediate);
    }

    /**
     * Whether the queue has been shut down.
     *
     * <p>Python: {@code queue.Queue.is_shutdown}.
     *
     * @return {@code true} once {@link #shutdown(boolean)} has been called
     */
    @Override
    public boolean isShutdown() {
        return engine.isShutdown();
    }

    /** The number of items put and not yet marked done (Python's {@code unfinished_tasks}). */
    long unfinishedTasks() {
        return engine.tasks.unfinished();
    }

    /**
     * A repr in CPython's style: {@code <pythreading.queue.Queue object at 0x…: qsize=2/10>}
     * (Python's own shows no state).
     *
     * @return the class, the identity hash, the size and bound, and whether it is shut down
     */
    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x" + Integer.toHexString(System.identityHashCode(this))
                + ": qsize=" + qsize() + (maxsize > 0 ? "/" + maxsize : "") + (isShutdown() ? ", shut down" : "") + ">";
    }
}
