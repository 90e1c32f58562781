package pythreading.benchrun;

import java.util.List;

/**
 * How long each side is measured: JMH's forks and iterations, and the arguments that
 * give {@code primitives.py} a matching budget.
 */
public enum BenchMode {
    /** A few minutes on two cores: one fork, short iterations. */
    QUICK(1, 2, 500, 3, 500, List.of("--quick")),
    /** The figures of record: more forks and longer iterations. */
    FULL(2, 3, 1000, 5, 1000, List.of()),
    /** Catches breakage only: one fork, one short iteration, CPython on two rows. */
    SMOKE(1, 0, 0, 1, 100, List.of("--quick", "--only", "lock.uncontended,event.pingpong"));

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int measurementIterations;
    final int measurementMillis;
    final List<String> cpythonArgs;

    BenchMode(int forks, int warmupIterations, int warmupMillis, int measurementIterations,
            int measurementMillis, List<String> cpythonArgs) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
        this.cpythonArgs = cpythonArgs;
    }

    /** A guess at the seconds one JMH benchmark with one parameter set takes, for the progress bar. */
    double estimatedSeconds() {
        double jvmStart = 1.5;
        return forks * (jvmStart + (warmupIterations * warmupMillis + measurementIterations * measurementMillis) / 1000.0);
    }

    /** How the report describes this mode's JMH settings. */
    public String describeJmh() {
        String measurement = String.format("%d fork%s × %d × %s s", forks, forks == 1 ? "" : "s",
                measurementIterations, seconds(measurementMillis));
        return warmupIterations == 0 ? measurement + ", no warm-up"
                : measurement + String.format(" after %d × %s s of warm-up", warmupIterations, seconds(warmupMillis));
    }

    private static String seconds(int millis) {
        return millis % 1000 == 0 ? Integer.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
