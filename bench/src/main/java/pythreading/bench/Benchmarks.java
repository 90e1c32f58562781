package pythreading.bench;

/** What the benchmarks of this package share. */
final class Benchmarks {

    /** The {@code impl} value of the java.util.concurrent side of most benchmarks. */
    static final String JUC = "juc";

    /**
     * How long a benchmark thread waits for its partner before it looks whether the
     * measurement has stopped (the partner may have left): 10 ms, as in
     * {@link QueueHandoffBenchmark}.
     */
    static final long PARTNER_TIMEOUT_MILLIS = 10;
    /** {@link #PARTNER_TIMEOUT_MILLIS} in seconds, for pythreading's timed calls. */
    static final double PARTNER_TIMEOUT_SECONDS = PARTNER_TIMEOUT_MILLIS / 1000.0;

    private Benchmarks() {
    }

    /**
     * Whether {@code impl} names pythreading's side; {@code juc} names the other, and
     * anything else is refused, so that a typo in a parameter cannot measure the wrong side.
     */
    static boolean isPythreading(String impl) {
        return isPythreading(impl, JUC);
    }

    /** As {@link #isPythreading(String)}, with {@code other} naming the other side ({@code curator}, say). */
    static boolean isPythreading(String impl, String other) {
        if (impl.equals(Row.PYTHREADING)) {
            return true;
        }
        if (impl.equals(other)) {
            return false;
        }
        throw new IllegalArgumentException("unknown impl: " + impl + " (expected " + other + " or "
                + Row.PYTHREADING + ")");
    }
}
