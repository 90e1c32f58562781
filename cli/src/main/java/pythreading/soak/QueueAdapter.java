package pythreading.soak;

import pythreading.queue.Queue;

/** A {@link Queue}, {@code LifoQueue} or {@code PriorityQueue} as a {@link SoakQueue}. */
final class QueueAdapter implements SoakQueue {

    private final String kind;
    private final Queue<Item> queue;
    private final boolean fifo;

    QueueAdapter(String kind, Queue<Item> queue, boolean fifo) {
        this.kind = kind;
        this.queue = queue;
        this.fifo = fifo;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int maxsize() {
        return Math.max(0, queue.maxsize());
    }

    @Override
    public boolean fifo() {
        return fifo;
    }

    @Override
    public boolean hasTasksAndShutdown() {
        return true;
    }

    @Override
    public void put(Item item) {
        queue.put(item);
    }

    @Override
    public void put(Item item, boolean block) {
        queue.put(item, block);
    }

    @Override
    public void put(Item item, boolean block, double timeout) {
        queue.put(item, block, timeout);
    }

    @Override
    public void putNowait(Item item) {
        queue.putNowait(item);
    }

    @Override
    public Item get() {
        return queue.get();
    }

    @Override
    public Item get(boolean block) {
        return queue.get(block);
    }

    @Override
    public Item get(boolean block, double timeout) {
        return queue.get(block, timeout);
    }

    @Override
    public Item getNowait() {
        return queue.getNowait();
    }

    @Override
    public int qsize() {
        return queue.qsize();
    }

    @Override
    public void taskDone() {
        queue.taskDone();
    }

    @Override
    public void join() {
        queue.join();
    }

    @Override
    public void shutdown(boolean immediate) {
        queue.shutdown(immediate);
    }
}
