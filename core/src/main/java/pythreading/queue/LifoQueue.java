package pythreading.queue;

/**
 * Python's {@code queue.LifoQueue}: a {@link Queue} that hands out the most recently put
 * item first (a stack), with the same blocking, task tracking and shutdown.
 *
 * @param <E> the type of the items
 */
public class LifoQueue<E> extends Queue<E> {

    /**
     * Creates an unbounded LIFO queue.
     *
     * <p>Python: {@code queue.LifoQueue()}.
     */
    public LifoQueue() {
        this(0);
    }

    /**
     * Creates a LIFO queue holding at most {@code maxsize} items; 0 or less: unbounded.
     *
     * <p>Python: {@code queue.LifoQueue(maxsize=0)}.
     *
     * @param maxsize the largest number of items, or 0 or less for no limit
     */
    public LifoQueue(int maxsize) {
        super(maxsize, new LockedQueueEngine<>(maxsize, new StackStorage<>()));
    }
}
