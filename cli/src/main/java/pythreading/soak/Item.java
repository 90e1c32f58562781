package pythreading.soak;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An item handed through the soak's queues: unique (producer and sequence number), with
 * a random priority for the PriorityQueue, and flags that catch an item delivered twice
 * or delivered although its put failed.
 */
public final class Item {

    /** Put in a retired SimpleQueue to wake its blocked getters; never counted. */
    static final Item WAKE_UP = new Item(-1, -1, 0);

    final int producer;
    final long seq;
    final int priority;
    final AtomicBoolean taken = new AtomicBoolean();
    volatile boolean failedPut;

    Item(int producer, long seq, int priority) {
        this.producer = producer;
        this.seq = seq;
        this.priority = priority;
    }

    int priority() {
        return priority;
    }

    /** A 64-bit hash of the item's identity: sums of these tell which items went missing or came twice. */
    long hash() {
        long z = ((long) producer << 40) ^ seq;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return this == WAKE_UP ? "wake-up" : "item " + producer + "/" + seq;
    }
}
