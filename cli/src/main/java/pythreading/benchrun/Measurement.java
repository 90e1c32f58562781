package pythreading.benchrun;

/**
 * One side of a row: nanoseconds per operation and the error around it.
 *
 * @param nsPerOp nanoseconds per operation
 * @param errorNs the half-width of the error interval, in nanoseconds (JMH's 99.9%
 *        confidence interval; for CPython what {@code primitives.py} reports); NaN if unknown
 */
record Measurement(double nsPerOp, double errorNs) {

    /** The error as a fraction of the score, or NaN. */
    double relativeError() {
        return errorNs / nsPerOp;
    }
}
