package pythreading.queue;

import java.util.Comparator;

/**
 * Python's {@code queue.PriorityQueue}: a {@link Queue} that hands out the smallest item
 * first, in natural order or by a {@link Comparator}.
 *
 * <pre>{@code
 * PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
 * }</pre>
 *
 * <p>Items of equal priority come out in the order they were put (Python does not
 * promise this). Without a comparator, items must be {@link Comparable}: {@code put}
 * refuses others with a {@link ClassCastException} and {@code null} with a
 * {@link NullPointerException}, before anything changes (CPython adds the item before
 * failing to compare it). A comparator that throws leaves the queue unchanged too.
 *
 * @param <E> the type of the items
 */
public class PriorityQueue<E> extends Queue<E> {

    /**
     * Creates an unbounded priority queue in natural order.
     *
     * <p>Python: {@code queue.PriorityQueue()}.
     */
    public PriorityQueue() {
        this(0, null);
    }

    /**
     * Creates a priority queue in natural order holding at most {@code maxsize} items; 0
     * or less: unbounded.
     *
     * <p>Python: {@code queue.PriorityQueue(maxsize=0)}.
     *
     * @param maxsize the largest number of items, or 0 or less for no limit
     */
    public PriorityQueue(int maxsize) {
        this(maxsize, null);
    }

    /**
     * Creates an unbounded priority queue ordered by {@code comparator} ({@code null}:
     * natural order). Not in Python, which orders by {@code <} only.
     *
     * @param comparator the order, or {@code null} for natural order
     */
    public PriorityQueue(Comparator<? super E> comparator) {
        this(0, comparator);
    }

    /**
     * Creates a priority queue ordered by {@code comparator} ({@code null}: natural order)
     * holding at most {@code maxsize} items; 0 or less: unbounded.
     *
     * <p>Python: {@code queue.PriorityQueue(maxsize=0)}, with a comparator.
     *
     * @param maxsize the largest number of items, or 0 or less for no limit
     * @param comparator the order, or {@code null} for natural order
     */
    public PriorityQueue(int maxsize, Comparator<? super E> comparator) {
        super(maxsize, new LockedQueueEngine<>(maxsize, new HeapStorage<>(comparator)));
    }
}
