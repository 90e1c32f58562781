package pythreading.benchrun;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The CPU-bound scaling benchmark: the time of a fixed amount of work split over 1, 2, 4
 * threads, on pythreading and on CPython (each with its own amount: a CPython step costs
 * about a hundred JVM steps). Either map may be empty.
 */
record Scaling(Jdk jdk, SortedMap<Integer, Measurement> pythreading, SortedMap<Integer, Measurement> cpython) {

    Scaling {
        pythreading = new TreeMap<>(pythreading);
        cpython = new TreeMap<>(cpython);
    }

    /** Speed-up on {@code threads} threads: the 1-thread time over that time. NaN if unknown. */
    static double speedup(Map<Integer, Measurement> times, int threads) {
        Measurement one = times.get(1);
        Measurement many = times.get(threads);
        return one == null || many == null ? Double.NaN : one.nsPerOp() / many.nsPerOp();
    }
}
