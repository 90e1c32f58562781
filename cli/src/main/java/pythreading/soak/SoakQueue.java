package pythreading.soak;

/**
 * The queue calls the soak makes, over {@code pythreading.queue}'s queues (one adapter
 * each); a test wraps it to check that the soak notices a queue that misbehaves.
 */
public interface SoakQueue {

    /** The summary's name for this kind of queue, e.g. {@code Queue(maxsize=8)}. */
    String kind();

    /** The bound; 0 when unbounded. */
    int maxsize();

    /** Whether it hands each producer's items out in the order they were put. */
    boolean fifo();

    /** Whether it has {@code taskDone}/{@code join} and {@code shutdown} (all but SimpleQueue). */
    boolean hasTasksAndShutdown();

    void put(Item item);

    void put(Item item, boolean block);

    void put(Item item, boolean block, double timeout);

    void putNowait(Item item);

    Item get();

    Item get(boolean block);

    Item get(boolean block, double timeout);

    Item getNowait();

    int qsize();

    void taskDone();

    void join();

    void shutdown(boolean immediate);
}
