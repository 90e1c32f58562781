package pythreading.soak;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import pythreading.threading.UncheckedInterruptedException;

/**
 * One soak thread: until the run stops, picks a primitive at random and makes one
 * random operation on it; counts interrupted calls and turns any other unexpected
 * exception into a violation. Its random choices come from its own seeded generator.
 */
final class Worker implements Runnable {

    /** The timed calls' timeouts, in seconds: zero (a poll), and a few short waits. */
    private static final double[] TIMEOUTS = {0.0, 0.0001, 0.0005, 0.001, 0.002, 0.005};

    final int index;
    final SplittableRandom random;
    private final Target[] targets;
    private final RunState state;
    private long nextSeq;

    /** The last sequence number this worker got from each producer, per queue generation (FIFO check). */
    private final Map<QueueGeneration, long[]> lastSeen = new HashMap<>();

    /** The Java thread running this worker, once it runs (for interrupts and stack traces). */
    volatile java.lang.Thread javaThread;

    Worker(int index, SplittableRandom random, Target[] targets, RunState state) {
        this.index = index;
        this.random = random;
        this.targets = targets;
        this.state = state;
    }

    @Override
    public void run() {
        javaThread = java.lang.Thread.currentThread();
        while (!state.stopping) {
            Target target = targets[random.nextInt(targets.length)];
            Counters counters = target.counters();
            counters.operations.increment();
            try {
                target.step(this);
            } catch (UncheckedInterruptedException e) {
                interrupted(counters, e);
            } catch (Throwable t) {
                state.violations.unexpected(counters.name, t);
            }
            // An interrupt that arrived while this worker did not wait is still pending:
            // half the time, carry it into the next call (which must throw if it waits).
            if (random.nextBoolean()) {
                java.lang.Thread.interrupted();
            }
        }
        java.lang.Thread.interrupted();
        lastSeen.clear();
    }

    /** Checks the interruption contract, counts the interrupted call and clears the flag. */
    private void interrupted(Counters counters, UncheckedInterruptedException e) {
        counters.interrupted.increment();
        if (!java.lang.Thread.currentThread().isInterrupted()) {
            state.violations.add(counters.name, "UncheckedInterruptedException without the interrupt flag set again");
        }
        if (!(e.getCause() instanceof InterruptedException)) {
            state.violations.add(counters.name, "UncheckedInterruptedException whose cause is " + e.getCause());
        }
        if (e.getSuppressed().length > 0) {
            state.violations.unexpected(counters.name, e);
        }
        java.lang.Thread.interrupted();
    }

    /** A timeout for a timed call, in seconds. */
    double timeout() {
        return TIMEOUTS[random.nextInt(TIMEOUTS.length)];
    }

    /** Does a little work while holding something: nothing, a short spin, or a yield. */
    void dawdle() {
        switch (random.nextInt(3)) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = random.nextInt(64); i > 0; i--) {
                    java.lang.Thread.onSpinWait();
                }
            }
            default -> java.lang.Thread.yield();
        }
    }

    /** A new item, unique in the run, carrying this worker as its producer. */
    Item newItem() {
        return new Item(index, nextSeq++, random.nextInt(8));
    }

    /**
     * Whether {@code item} comes after every item this worker got earlier from the same
     * producer in the same generation (what a FIFO queue promises); records it.
     */
    boolean inProducerOrder(QueueGeneration generation, Item item, int producers) {
        if (!lastSeen.containsKey(generation)) {
            lastSeen.keySet().removeIf(g -> g.retired);
            long[] fresh = new long[producers];
            java.util.Arrays.fill(fresh, -1);
            lastSeen.put(generation, fresh);
        }
        long[] last = lastSeen.get(generation);
        boolean ordered = item.seq > last[item.producer];
        last[item.producer] = Math.max(last[item.producer], item.seq);
        return ordered;
    }

    @Override
    public String toString() {
        return "worker " + index;
    }
}
