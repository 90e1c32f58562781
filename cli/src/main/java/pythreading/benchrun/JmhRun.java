package pythreading.benchrun;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import pythreading.bench.Row;

/**
 * Runs one JMH benchmark of the bench module, quietly, in forked JVMs of a given JDK,
 * and turns its scores into nanoseconds per operation.
 */
final class JmhRun {

    private JmhRun() {
    }

    /**
     * Runs {@code row}'s benchmark for the pythreading side and its twin.
     *
     * @return the measurement per {@code impl} value
     */
    static Map<String, Measurement> row(Row row, BenchMode mode, Jdk jdk) throws RunnerException {
        ChainedOptionsBuilder options = options(row.includePattern(), mode, jdk)
                .param("impl", Row.PYTHREADING, row.twinImpl());
        row.params().forEach((name, value) -> options.param(name, value));
        return byParam(new Runner(options.build()).run(), "impl", row.score());
    }

    /** Runs {@code benchmark} (relative to the bench package) once per value of {@code param}. */
    static Map<String, Measurement> byValues(String benchmark, String param, List<String> values, BenchMode mode, Jdk jdk)
            throws RunnerException {
        ChainedOptionsBuilder options = options(Row.includePattern(benchmark), mode, jdk).param(param, values.toArray(new String[0]));
        return byParam(new Runner(options.build()).run(), param, Row.Score.AVERAGE_TIME);
    }

    private static ChainedOptionsBuilder options(String include, BenchMode mode, Jdk jdk) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(mode.forks)
                .warmupIterations(mode.warmupIterations)
                .measurementIterations(mode.measurementIterations)
                .measurementTime(TimeValue.milliseconds(mode.measurementMillis))
                .jvm(jdk.java().toString())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (jdk.feature() >= 24) {
            // JMH reads fields through sun.misc.Unsafe, which JDK 24+ warns about on every fork.
            options.jvmArgsAppend("--sun-misc-unsafe-memory-access=allow");
        }
        if (mode.warmupIterations > 0) {
            options.warmupTime(TimeValue.milliseconds(mode.warmupMillis));
        }
        return options;
    }

    private static Map<String, Measurement> byParam(Collection<RunResult> results, String param, Row.Score score) {
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        for (RunResult result : results) {
            measurements.put(result.getParams().getParam(param), nanosPerOp(result.getPrimaryResult(), score));
        }
        return measurements;
    }

    /** Converts a JMH score ({@code ns/op}, {@code ms/op}, {@code ops/us}...) to nanoseconds per operation. */
    static Measurement nanosPerOp(Result<?> result, Row.Score score) {
        String unit = result.getScoreUnit();
        double value = result.getScore();
        double error = result.getScoreError();
        int slash = unit.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("unexpected JMH score unit: " + unit);
        }
        String head = unit.substring(0, slash);
        String tail = unit.substring(slash + 1);
        if (tail.equals("op")) {
            double factor = nanos(head);
            return new Measurement(value * factor, error * factor);
        }
        if (!head.equals("ops")) {
            throw new IllegalArgumentException("unexpected JMH score unit: " + unit);
        }
        // Throughput: ops per time unit. A put/get group counts each item twice.
        double opsPerUnit = score == Row.Score.HANDOFF_THROUGHPUT ? value / 2 : value;
        double ns = nanos(tail) / opsPerUnit;
        return new Measurement(ns, ns * (error / value));
    }

    private static double nanos(String unit) {
        switch (unit) {
            case "ns":
                return 1;
            case "us":
                return TimeUnit.MICROSECONDS.toNanos(1);
            case "ms":
                return TimeUnit.MILLISECONDS.toNanos(1);
            case "s":
                return TimeUnit.SECONDS.toNanos(1);
            case "min":
                return TimeUnit.MINUTES.toNanos(1);
            default:
                throw new IllegalArgumentException("unexpected JMH time unit: " + unit);
        }
    }
}
