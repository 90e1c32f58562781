package pythreading.benchrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import pythreading.bench.CPython;
import pythreading.bench.Row;
import pythreading.bench.Rows;

/**
 * Runs the benchmark report's rows: each row's JMH benchmark on pythreading and its twin
 * (on the running JDK, or on a newer one for the rows that need it), the CPU-bound
 * scaling benchmark, then CPython's side, and gathers the figures.
 */
public final class BenchEngine {

    /** Rows that CPython cannot do: it has no virtual threads. */
    private static final Set<String> NO_CPYTHON = Set.of("thread.virtual", "threads.1m");

    /** What the run reports as it goes. */
    public interface Listener {
        /** The run starts: {@code steps} JMH runs plus CPython's, about {@code seconds} in all. */
        void started(int steps, double seconds);

        /** A step starts. */
        void step(String what);

        /** A line to show the user (a row's figures, CPython's progress). */
        void line(String text);
    }

    private final BenchMode mode;
    private final Listener listener;
    private Optional<Jdk> newerJdk = Optional.empty();
    private Optional<CPython.Interpreter> python = Optional.empty();
    private boolean scaling = true;
    private final List<String> failures = new ArrayList<>();

    public BenchEngine(BenchMode mode, Listener listener) {
        this.mode = mode;
        this.listener = listener;
    }

    /**
     * The JDK for the rows the running one cannot run (virtual threads on 17): the one at
     * {@code javaHome}, or when null the newest one found under {@code /usr/lib/jvm}.
     *
     * @throws IllegalArgumentException if {@code javaHome} holds no JDK
     */
    public BenchEngine newerJdk(Path javaHome) {
        if (javaHome == null) {
            this.newerJdk = Jdk.findAtLeast(Rows.ALL.stream().mapToInt(Row::minJava).max().orElse(17));
        } else {
            this.newerJdk = Optional.of(Jdk.at(javaHome).orElseThrow(() -> new IllegalArgumentException(
                    "no JDK at " + javaHome + " (expected bin/java and a release file)")));
        }
        return this;
    }

    /** The CPython to run {@code primitives.py} on; empty leaves CPython's column empty. */
    public BenchEngine python(Optional<CPython.Interpreter> interpreter) {
        this.python = interpreter;
        return this;
    }

    /** Whether to run the CPU-bound scaling benchmark. */
    public BenchEngine scaling(boolean run) {
        this.scaling = run;
        return this;
    }

    /**
     * What a run wrote and found.
     *
     * @param files the report and the charts
     * @param missed the targets missed, one sentence each
     * @param failures what failed to run (a JMH run, CPython's script); empty after a clean run
     */
    public record Outcome(List<Path> files, List<String> missed, List<String> failures) {
    }

    /** Measures {@code rows}, then writes the report and the charts into {@code dir}. */
    public Outcome runAndWrite(List<Row> rows, Path dir, String command) throws IOException {
        BenchResults results = run(rows);
        List<Path> files = new ArrayList<>();
        files.add(Report.write(results, dir, command));
        files.addAll(Charts.write(results, dir));
        return new Outcome(files, Report.missed(results), List.copyOf(failures));
    }

    BenchResults run(List<Row> rows) {
        Jdk current = Jdk.current();
        List<String> notes = new ArrayList<>();
        int steps = rows.size() + (scaling ? 1 : 0) + (python.isPresent() ? 1 : 0);
        double seconds = 2 * rows.size() * mode.estimatedSeconds()
                + (scaling ? Rows.SCALING_THREADS.size() * mode.estimatedSeconds() : 0)
                + (python.isPresent() ? (mode == BenchMode.FULL ? 300 : mode == BenchMode.QUICK ? 80 : 5) : 0);
        listener.started(steps, seconds);

        List<RowResult> results = new ArrayList<>();
        for (Row row : rows) {
            results.add(measure(row, current, notes));
        }
        Map<Integer, Measurement> jvmScaling = new HashMap<>();
        if (scaling) {
            listener.step("CPU-bound scaling on " + Rows.SCALING_THREADS + " threads");
            try {
                List<String> counts = Rows.SCALING_THREADS.stream().map(String::valueOf).collect(Collectors.toList());
                JmhRun.byValues(Rows.SCALING_BENCHMARK, "threads", counts, mode, current)
                        .forEach((n, m) -> jvmScaling.put(Integer.parseInt(n), m));
                listener.line(String.format("%-26s %s", "cpu scaling", Rows.SCALING_THREADS.stream()
                        .map(n -> n + " thread" + (n == 1 ? "" : "s") + " " + Report.time(jvmScaling.get(n)))
                        .collect(Collectors.joining(", "))));
            } catch (Exception e) {
                fail("the CPU scaling benchmark", e, notes);
            }
        }
        Map<Integer, Measurement> pythonScaling = new HashMap<>();
        String pythonVersion = null;
        if (python.isPresent()) {
            pythonVersion = python.get().version();
            listener.step("CPython's side on " + pythonVersion);
            results = withCPython(rows, results, pythonScaling, notes);
        } else {
            notes.add("No CPython was found (python3.13, a pyenv 3.13, or python3): its column is empty.");
        }
        Scaling scalingResult = scaling || !pythonScaling.isEmpty()
                ? new Scaling(current, new TreeMap<>(jvmScaling), new TreeMap<>(pythonScaling)) : null;
        return new BenchResults(mode, LocalDate.now(), cpu(), Runtime.getRuntime().availableProcessors(), os(),
                pythonVersion, results, scalingResult, notes);
    }

    private RowResult measure(Row row, Jdk current, List<String> notes) {
        Jdk jdk = current.feature() >= row.minJava() ? current
                : newerJdk.filter(j -> j.feature() >= row.minJava()).orElse(null);
        if (jdk == null) {
            String note = "needs Java " + row.minJava() + "+; no such JDK was found (--jdk HOME names one)";
            notes.add(row.operation() + ": " + note + ".");
            listener.line(String.format("%-26s skipped: %s", row.id(), note));
            return new RowResult(row, null, null, null, null, note);
        }
        listener.step(row.id() + (jdk == current ? "" : " on " + jdk.description()));
        try {
            Map<String, Measurement> m = JmhRun.row(row, mode, jdk);
            Measurement ours = m.get(Row.PYTHREADING);
            Measurement twin = m.get(row.twinImpl());
            RowResult result = new RowResult(row, jdk, ours, twin, null, null);
            listener.line(String.format("%-26s pythreading %10s   %-28s %10s   ratio %s", row.id(),
                    Report.time(ours), row.twin(), Report.time(twin), Report.times(result.ratio())));
            return result;
        } catch (Exception e) {
            fail(row.id(), e, notes);
            return new RowResult(row, jdk, null, null, null, "failed: " + e.getMessage());
        }
    }

    private List<RowResult> withCPython(List<Row> rows, List<RowResult> results, Map<Integer, Measurement> scalingOut,
            List<String> notes) {
        List<String> args = new ArrayList<>(mode.cpythonArgs);
        if (mode != BenchMode.SMOKE && rows.size() < Rows.ALL.size()) {
            Stream<String> ids = rows.stream().map(Row::id).filter(id -> !NO_CPYTHON.contains(id));
            if (scaling) {
                ids = Stream.concat(ids, Rows.SCALING_THREADS.stream().map(n -> "cpu.threads." + n));
            }
            String only = ids.collect(Collectors.joining(","));
            if (only.isEmpty()) {
                return results;
            }
            args.add("--only");
            args.add(only);
        }
        try {
            CPythonRun.Output out = CPythonRun.run(python.get().executable(), args,
                    mode == BenchMode.FULL ? 30 : 15, line -> listener.line("  cpython: " + line));
            out.failures().forEach((id, message) -> notes.add("CPython's " + id + " failed: " + message));
            out.notes().forEach((id, note) -> notes.add("CPython's " + id + ": " + note + "."));
            Map<String, Measurement> byId = new LinkedHashMap<>(out.rows());
            byId.forEach((id, m) -> {
                if (id.startsWith("cpu.threads.")) {
                    scalingOut.put(Integer.parseInt(id.substring("cpu.threads.".length())), m);
                }
            });
            List<RowResult> merged = new ArrayList<>();
            for (RowResult r : results) {
                merged.add(r.withCPython(byId.get(r.row().id())));
            }
            return merged;
        } catch (IOException | RuntimeException e) {
            fail("CPython's benchmarks", e, notes);
            return results;
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            fail("CPython's benchmarks", e, notes);
            return results;
        }
    }

    private void fail(String what, Exception e, List<String> notes) {
        String message = what + " failed: " + firstLine(e);
        failures.add(message);
        notes.add(message);
        listener.line(message);
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return root.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static String cpu() {
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                Optional<String> model = lines.filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
                if (model.isPresent()) {
                    return model.get();
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // fall through to the JVM's word
            }
        }
        return System.getProperty("os.arch");
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
