package pythreading.benchrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes {@code benchmarks.md}: one table of every row, the scaling table, the charts and the run's conditions. */
final class Report {

    static final String FILE = "benchmarks.md";

    private Report() {
    }

    static Path write(BenchResults results, Path dir, String command) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Files.writeString(file, markdown(results, command), StandardCharsets.UTF_8);
        return file;
    }

    static String markdown(BenchResults r, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("pythreading beside its `java.util.concurrent` twin and CPython, measured side by side in one run of\n`")
                .append(command).append("` on ").append(r.date()).append(": ").append(r.cpu()).append(", ")
                .append(r.cores()).append(" cores, ").append(r.os()).append("; ").append(jdks(r))
                .append("; ").append(r.python() != null ? r.python() : "no CPython").append(".\n");
        md.append("JMH: ").append(r.mode().describeJmh()).append(" per side. CPython: `primitives.py`")
                .append(r.mode() == BenchMode.FULL ? " (median of 5 runs of about 1 s)" : " (quick: median of 3 short runs)")
                .append(".\n\n");
        md.append("Each figure is the time of one operation: lower is better. **Ratio** is pythreading's time over")
                .append(" `java.util.concurrent`'s (below 1: pythreading is faster); **speed-up** is CPython's time over")
                .append(" pythreading's. **JMH error** is the 99.9% confidence half-width as a share of the score")
                .append(" (pythreading / j.u.c). **Target** is issue 5's: ✓ met, ✗ missed.\n\n");
        md.append("| operation | pythreading | j.u.c | CPython | ratio to j.u.c | speed-up over CPython | JMH error | JDK | CPU | target |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        String cpu = r.cpu() + " ×" + r.cores();
        for (RowResult row : r.rows()) {
            if (!row.row().isZooKeeper()) {
                tableRow(md, row, cpu);
            }
        }
        md.append("\n![pythreading's time over java.util.concurrent's, and its speed-up over CPython](")
                .append(Charts.RATIOS).append(")\n");
        zooKeeper(md, r, cpu);
        if (r.scaling() != null) {
            scaling(md, r.scaling());
        }
        List<String> missed = missed(r);
        md.append("\n## Targets missed in this run\n\n");
        if (missed.isEmpty()) {
            md.append("None.\n");
        } else {
            missed.forEach(m -> md.append("- ").append(m).append('\n'));
            md.append("\nThe README's Benchmarks section says why, as far as we know.\n");
        }
        if (!r.notes().isEmpty()) {
            md.append("\n## Notes on this run\n\n");
            r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Reproduce\n\n```\n./pythreading bench --full     # this file and the charts, about 20 minutes on 2 cores\n")
                .append("./pythreading bench            # quick: a few minutes\n")
                .append("./pythreading bench --full --only zookeeper   # the ZooKeeper rows alone\n")
                .append("./pythreading bench --help\n```\n");
        return md.toString();
    }

    private static void tableRow(StringBuilder md, RowResult row, String cpu) {
        md.append("| ").append(row.row().operation())
                .append(" | ").append(time(row.pythreading()))
                .append(" | ").append(time(row.twin())).append(row.twin() != null ? "<br>" : " ")
                .append("<sub>").append(row.row().twin()).append("</sub>")
                .append(" | ").append(time(row.cpython()))
                .append(" | ").append(times(row.ratio()))
                .append(" | ").append(times(row.speedup()))
                .append(" | ").append(errors(row))
                .append(" | ").append(row.jdk() != null ? row.jdk().description() : "—")
                .append(" | ").append(cpu)
                .append(" | ").append(verdict(row))
                .append(" |\n");
    }

    /** The distributed rows: pythreading.zookeeper beside the raw Curator recipe and CPython's SyncManager. */
    private static void zooKeeper(StringBuilder md, BenchResults r, String cpu) {
        List<RowResult> rows = new ArrayList<>();
        for (RowResult row : r.rows()) {
            if (row.row().isZooKeeper()) {
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## Across processes: pythreading.zookeeper beside the raw Curator recipe\n\n");
        md.append("One thread, one operation after the other, on a ZooKeeper server started in the benchmark's JVM")
                .append(" (one per trial, on loopback, its transaction log not forced to disk, so that the figures are")
                .append(" the recipes' round trips rather than the disk's). **Curator** is the raw recipe, on a client")
                .append(" of its own with the same settings; **CPython** is a `multiprocessing.managers.SyncManager`")
                .append(" on loopback, its proxies used from the main process (one round trip per call, to one")
                .append(" manager process: no failover, nothing shared across machines). **Ratio** is pythreading's")
                .append(" time over Curator's; **speed-up** is CPython's time over pythreading's. **Target** is the")
                .append(" ZooKeeper issue's: pythreading's layer adds at most 1.5x over the raw recipe.\n\n");
        md.append("| operation | pythreading | Curator | CPython SyncManager | ratio to Curator | speed-up over CPython")
                .append(" | JMH error | JDK | CPU | target |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---|---|\n");
        rows.forEach(row -> tableRow(md, row, cpu));
        md.append("\nOperations per second (1 / time):\n\n");
        for (RowResult row : rows) {
            md.append("- ").append(row.row().operation()).append(": pythreading ").append(rate(row.pythreading()))
                    .append(", Curator ").append(rate(row.twin())).append(", CPython ").append(rate(row.cpython()))
                    .append('\n');
        }
    }

    /** Operations per second: {@code 2,150/s}; a dash when not measured. */
    static String rate(Measurement m) {
        return m == null ? "—" : String.format(Locale.ROOT, "%,.0f/s", 1e9 / m.nsPerOp());
    }

    private static void scaling(StringBuilder md, Scaling s) {
        md.append("\n## CPU-bound work on 1 to ").append(s.pythreading().isEmpty() ? s.cpython().lastKey() : s.pythreading().lastKey())
                .append(" threads: the GIL question\n\n");
        md.append("The same number of steps of a 64-bit LCG, split evenly over the threads, started then joined")
                .append(" (CPython does a hundredth of the JVM's steps: each costs about a hundred times more).")
                .append(" Speed-up is the 1-thread time over the N-thread time; the target is ≥ ")
                .append(number(Target.SCALING_TWO_THREADS)).append("x on 2 threads for pythreading.\n\n");
        md.append("| threads | pythreading | speed-up | CPython | speed-up |\n|---:|---:|---:|---:|---:|\n");
        Set<Integer> counts = new LinkedHashSet<>(s.pythreading().keySet());
        counts.addAll(s.cpython().keySet());
        for (int n : counts) {
            md.append("| ").append(n)
                    .append(" | ").append(time(s.pythreading().get(n)))
                    .append(" | ").append(times(Scaling.speedup(s.pythreading(), n)))
                    .append(" | ").append(time(s.cpython().get(n)))
                    .append(" | ").append(times(Scaling.speedup(s.cpython(), n)))
                    .append(" |\n");
        }
        md.append("\n![speed-up on N threads, pythreading and CPython](").append(Charts.SCALING).append(")\n");
    }

    /** The misses, one sentence each. */
    static List<String> missed(BenchResults r) {
        List<String> missed = new ArrayList<>();
        for (RowResult row : r.rows()) {
            Target t = row.target();
            if (!t.ratioMet(row.ratio())) {
                missed.add(row.row().operation() + ": " + times(row.ratio()) + " the time of " + row.row().twin()
                        + " (target ≤ " + number(t.maxRatio()) + "x)");
            }
            if (!t.speedupMet(row.speedup())) {
                missed.add(row.row().operation() + ": " + times(row.speedup()) + " CPython's speed (target ≥ "
                        + number(t.minSpeedup()) + "x)");
            }
        }
        if (r.scaling() != null) {
            double two = Scaling.speedup(r.scaling().pythreading(), 2);
            if (!Double.isNaN(two) && two < Target.SCALING_TWO_THREADS) {
                missed.add("CPU-bound work on 2 threads: speed-up " + times(two) + " (target ≥ "
                        + number(Target.SCALING_TWO_THREADS) + "x)");
            }
        }
        return missed;
    }

    private static String verdict(RowResult row) {
        Target t = row.target();
        String target = t.describe();
        if (target.isEmpty()) {
            return "";
        }
        if (row.pythreading() == null) {
            return target;
        }
        boolean met = t.ratioMet(row.ratio()) && t.speedupMet(row.speedup());
        return (met ? "✓ " : "✗ ") + target;
    }

    private static String errors(RowResult row) {
        if (row.pythreading() == null || row.twin() == null) {
            return "";
        }
        return percent(row.pythreading().relativeError()) + " / " + percent(row.twin().relativeError());
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "?" : String.format(Locale.ROOT, "±%.0f%%", 100 * fraction);
    }

    /** A time with a unit that keeps 3 significant digits: {@code 61.2 ns}, {@code 1.30 µs}, {@code 819 ms}. */
    static String time(Measurement m) {
        return m == null ? "—" : time(m.nsPerOp());
    }

    static String time(double ns) {
        if (Double.isNaN(ns)) {
            return "—";
        }
        String[] units = {"ns", "µs", "ms", "s"};
        double value = ns;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return number(value) + " " + units[unit];
    }

    /** {@code 1.03x}, {@code 35x}; a dash for NaN. */
    static String times(double ratio) {
        return Double.isNaN(ratio) ? "—" : number(ratio) + "x";
    }

    /** Three significant digits, no exponent: 0.956, 1.03, 12.4, 819, 12300. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        String s = String.format(Locale.ROOT, format, value);
        if (s.contains(".") && magnitude >= 1) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    private static String jdks(BenchResults r) {
        Set<String> names = new LinkedHashSet<>();
        for (RowResult row : r.rows()) {
            if (row.jdk() != null) {
                names.add(row.jdk().description());
            }
        }
        return names.isEmpty() ? "no JDK" : String.join(" and ", names) + " (column JDK)";
    }
}
