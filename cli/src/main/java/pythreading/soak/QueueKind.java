package pythreading.soak;

import java.util.Comparator;
import java.util.function.Supplier;
import pythreading.queue.LifoQueue;
import pythreading.queue.PriorityQueue;
import pythreading.queue.Queue;

/** The queues the soak runs: each kind makes fresh ones, as the shutter retires the old. */
enum QueueKind {
    QUEUE(() -> new QueueAdapter("Queue", new Queue<>(), true)),
    BOUNDED_QUEUE(() -> new QueueAdapter("Queue(maxsize=8)", new Queue<>(8), true)),
    LIFO_QUEUE(() -> new QueueAdapter("LifoQueue(maxsize=4)", new LifoQueue<>(4), false)),
    PRIORITY_QUEUE(() -> new QueueAdapter("PriorityQueue(maxsize=16)",
            new PriorityQueue<>(16, Comparator.comparingInt(Item::priority)), false)),
    SIMPLE_QUEUE(SimpleQueueAdapter::new);

    private final Supplier<SoakQueue> factory;

    QueueKind(Supplier<SoakQueue> factory) {
        this.factory = factory;
    }

    SoakQueue create() {
        return factory.get();
    }
}
