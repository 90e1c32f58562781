package pythreading.soak;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One queue of a kind, from its creation until the shutter retires it and it is settled:
 * how many items went in and came out (with sums of their hashes, so that a lost item
 * and a duplicate cannot cancel out), and who is still using it.
 */
final class QueueGeneration {

    final SoakQueue queue;

    /** Workers inside a call on this queue; the queue is settled once it is retired and this is 0. */
    final AtomicInteger users = new AtomicInteger();

    /** Set when the queue is retired: workers no longer start calls on it. */
    volatile boolean retired;

    /** Whether it was retired by an immediate shutdown (which discards what is left). */
    volatile boolean immediate;

    final LongAdder puts = new LongAdder();
    final LongAdder putHashes = new LongAdder();
    final LongAdder gets = new LongAdder();
    final LongAdder getHashes = new LongAdder();

    QueueGeneration(SoakQueue queue) {
        this.queue = queue;
    }
}
