package pythreading.benchrun;

import pythreading.bench.Row;

/**
 * A row's figures: pythreading and its java.util.concurrent twin from one JMH run on
 * {@code jdk}, CPython's from {@code primitives.py}. A side that was not measured is null,
 * and {@code note} says why.
 */
record RowResult(Row row, Jdk jdk, Measurement pythreading, Measurement twin, Measurement cpython, String note) {

    /** pythreading's time over the twin's: below 1 is faster. NaN when a side is missing. */
    double ratio() {
        return pythreading == null || twin == null ? Double.NaN : pythreading.nsPerOp() / twin.nsPerOp();
    }

    /** CPython's time over pythreading's: how many times faster pythreading is. NaN when a side is missing. */
    double speedup() {
        return pythreading == null || cpython == null ? Double.NaN : cpython.nsPerOp() / pythreading.nsPerOp();
    }

    Target target() {
        return Target.of(row.id());
    }

    RowResult withCPython(Measurement measurement) {
        return new RowResult(row, jdk, pythreading, twin, measurement, note);
    }
}
