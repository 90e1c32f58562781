package pythreading.benchrun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The targets of a row (issue 5): at most {@code maxRatio} times the java.util.concurrent
 * time (for a ZooKeeper row, the raw Curator recipe's), and at least {@code minSpeedup}
 * times faster than CPython; either may be absent (NaN).
 */
record Target(double maxRatio, double minSpeedup) {

    static final Target NONE = new Target(Double.NaN, Double.NaN);

    /** The speed-up over CPython expected of two threads on CPU-bound work. */
    static final double SCALING_TWO_THREADS = 1.8;

    /** Faster than CPython on every row but platform thread start. */
    private static final double FASTER = 1.0;

    private static final Map<String, Target> BY_ROW = Map.ofEntries(
            Map.entry("lock.uncontended", new Target(1.1, 4)),
            Map.entry("lock.contended", new Target(1.2, FASTER)),
            Map.entry("rlock.reentrant", new Target(1.1, 4)),
            Map.entry("semaphore.uncontended", new Target(1.1, 30)),
            Map.entry("event.pingpong", new Target(1.2, 2)),
            Map.entry("condition.pingpong", new Target(1.2, FASTER)),
            Map.entry("queue.bounded.p1c1", new Target(1.0, 10)),
            Map.entry("queue.bounded.p2c2", new Target(1.0, 10)),
            Map.entry("queue.unbounded.p1c1", new Target(1.0, 10)),
            Map.entry("queue.unbounded.p2c2", new Target(1.0, 10)),
            Map.entry("queue.unbounded.p1c1.ltq", new Target(Double.NaN, 10)),
            Map.entry("queue.unbounded.p2c2.ltq", new Target(Double.NaN, 10)),
            Map.entry("thread.platform", new Target(1.2, Double.NaN)),
            Map.entry("thread.virtual", new Target(1.2, Double.NaN)),
            Map.entry("threads.100k", new Target(Double.NaN, 50)),
            Map.entry("threads.1m", new Target(1.5, Double.NaN)),
            Map.entry("timer.startcancel", new Target(Double.NaN, FASTER)),
            Map.entry("barrier.cycle", new Target(Double.NaN, FASTER)),
            Map.entry("pool.100k", new Target(1.5, 20)),
            // The ZooKeeper issue: pythreading's layer adds at most 1.5x over the raw Curator recipe.
            Map.entry("zookeeper.lock", new Target(1.5, Double.NaN)),
            Map.entry("zookeeper.queue", new Target(1.5, Double.NaN)));

    static Target of(String row) {
        return BY_ROW.getOrDefault(row, NONE);
    }

    /** Whether a ratio meets the target (true when there is no target or no figure). */
    boolean ratioMet(double ratio) {
        return Double.isNaN(maxRatio) || Double.isNaN(ratio) || ratio <= maxRatio;
    }

    /** Whether a speed-up meets the target (true when there is no target or no figure). */
    boolean speedupMet(double speedup) {
        return Double.isNaN(minSpeedup) || Double.isNaN(speedup) || speedup >= minSpeedup;
    }

    /** The target as the report prints it: {@code ≤ 1.1x j.u.c, ≥ 4x CPython}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!Double.isNaN(maxRatio)) {
            parts.add("≤ " + Report.number(maxRatio) + "x");
        }
        if (!Double.isNaN(minSpeedup)) {
            parts.add(minSpeedup == FASTER ? "faster than CPython" : "≥ " + Report.number(minSpeedup) + "x CPython");
        }
        return parts.isEmpty() ? "" : String.join(", ", parts);
    }
}
