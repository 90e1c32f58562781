package pythreading.soak;

import pythreading.queue.SimpleQueue;

/** A {@link SimpleQueue} as a {@link SoakQueue}: no bound, no tasks, no shutdown. */
final class SimpleQueueAdapter implements SoakQueue {

    private final SimpleQueue<Item> queue = new SimpleQueue<>();

    @Override
    public String kind() {
        return "SimpleQueue";
    }

    @Override
    public int maxsize() {
        return 0;
    }

    @Override
    public boolean fifo() {
        return true;
    }

    @Override
    public boolean hasTasksAndShutdown() {
        return false;
    }

    @Override
    public void put(Item item) {
        queue.put(item);
    }

    @Override
    public void put(Item item, boolean block) {
        queue.put(item, block, 0);
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
        throw new UnsupportedOperationException("SimpleQueue has no taskDone");
    }

    @Override
    public void join() {
        throw new UnsupportedOperationException("SimpleQueue has no join");
    }

    @Override
    public void shutdown(boolean immediate) {
        throw new UnsupportedOperationException("SimpleQueue has no shutdown");
    }
}
