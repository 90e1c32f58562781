package pythreading.bench;

import java.util.Map;

/**
 * One line of the benchmark report: an operation measured on pythreading, on its
 * {@code java.util.concurrent} twin (both by the same JMH benchmark, told apart by its
 * {@code impl} parameter) and on CPython (by {@code primitives.py}, under the same id).
 * A {@linkplain #isZooKeeper() ZooKeeper row} measures a {@code pythreading.zookeeper}
 * primitive beside the raw Curator recipe ({@code impl} {@value #CURATOR}) and CPython's
 * {@code multiprocessing} {@code SyncManager}.
 *
 * @param id the row's name, shared with {@code primitives.py} ({@code lock.uncontended})
 * @param operation what one operation is, for the report
 * @param benchmark the JMH benchmark, relative to this package ({@code LockBenchmark.uncontended};
 *        a group benchmark is named by its group)
 * @param params the benchmark's other parameters, fixed for this row
 * @param twinImpl the {@code impl} value of the java.util.concurrent side ({@value #CURATOR}
 *        for a ZooKeeper row)
 * @param twin the java.util.concurrent class or construct measured beside pythreading (the
 *        Curator recipe for a ZooKeeper row)
 * @param minJava the lowest Java feature version that can run the row (21 for virtual threads)
 * @param score how the JMH score converts to nanoseconds per operation
 */
public record Row(
        String id,
        String operation,
        String benchmark,
        Map<String, String> params,
        String twinImpl,
        String twin,
        int minJava,
        Score score) {

    /** The {@code impl} value of the pythreading side of every row. */
    public static final String PYTHREADING = "pythreading";

    /** The {@code impl} value of the raw Curator recipe, the twin of every ZooKeeper row. */
    public static final String CURATOR = "curator";

    /** How a JMH primary score becomes nanoseconds per operation. */
    public enum Score {
        /** {@code Mode.AverageTime}, in whatever time unit the benchmark declares. */
        AVERAGE_TIME,
        /**
         * {@code Mode.Throughput} of a put/get group: JMH sums the puts and the gets, so an
         * item delivered counts twice.
         */
        HANDOFF_THROUGHPUT
    }

    /**
     * Whether the row measures a distributed primitive on ZooKeeper beside a raw Curator
     * recipe (and CPython's {@code SyncManager}), rather than a local one beside
     * java.util.concurrent; the report gives these rows a table of their own.
     */
    public boolean isZooKeeper() {
        return twinImpl.equals(CURATOR);
    }

    /** The JMH include pattern that selects exactly this row's benchmark. */
    public String includePattern() {
        return includePattern(benchmark);
    }

    /** The JMH include pattern that selects exactly {@code benchmark}, named relative to this package. */
    public static String includePattern(String benchmark) {
        return "^" + (Row.class.getPackageName() + "." + benchmark).replace(".", "\\.") + "$";
    }
}
