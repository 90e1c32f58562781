package pythreading.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import pythreading.bench.CPython;
import pythreading.bench.Row;
import pythreading.bench.Rows;
import pythreading.benchrun.BenchEngine;
import pythreading.benchrun.BenchMode;

/** {@code pythreading bench}: pythreading, java.util.concurrent and CPython, side by side, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures each pythreading primitive beside its java.util.concurrent twin (JMH, in",
            "forked JVMs) and beside CPython's threading, queue and concurrent.futures (the",
            "bench module's primitives.py, on python3.13 when there is one, else python3), then",
            "writes DIR/benchmarks.md (one table: time per operation on each side, the ratio to",
            "j.u.c, the speed-up over CPython, JMH's error, the JDK and the CPU, and whether",
            "issue 5's targets were met) and two PNG charts beside it.",
            "",
            "The zookeeper.* rows measure pythreading.zookeeper's lock and queue beside the raw",
            "Curator recipes (InterProcessMutex, SimpleDistributedQueue) on a ZooKeeper server",
            "started in the benchmark's JVM on loopback, and beside CPython's SyncManager; they",
            "have a table of their own, with the target of at most 1.5x the recipe's time.",
            "",
            "Rows that need virtual threads run on a JDK 21+ found under /usr/lib/jvm (or the",
            "one --jdk names) when this JVM is older.",
            "",
            "Exit status: 0 when everything ran (targets missed are reported, not failed),",
            "1 when a benchmark or CPython's script failed."},
        footer = {"", "Examples:",
            "  pythreading bench                   quick: a few minutes on 2 cores",
            "  pythreading bench --full            the figures of record: about 20 minutes",
            "  pythreading bench --only 'lock|queue.bounded' --no-cpython",
            "  pythreading bench --full --only zookeeper   the ZooKeeper rows: about 3 minutes",
            "  pythreading bench --smoke --out /tmp/bench   one short iteration of each: catches breakage"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "Full mode: ${sys:pythreading.bench.full}.")
    boolean full;

    @Option(names = "--smoke", description = "Smoke mode: ${sys:pythreading.bench.smoke}; CPython on two rows.")
    boolean smoke;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "Run only the rows whose id matches REGEX (a find, not a whole match); see --list.")
    String only;

    @Option(names = "--list", description = "List the rows and exit.")
    boolean list;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs",
            description = "Where to write benchmarks.md and the charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--jdk", paramLabel = "JAVA_HOME",
            description = "The JDK (21+) for the virtual-thread rows when this JVM is older "
                    + "(default: the newest under /usr/lib/jvm).")
    Path jdk;

    @Option(names = "--no-cpython", description = "Leave CPython's column empty.")
    boolean noCPython;

    @Option(names = "--no-scaling", description = "Skip the CPU-bound scaling benchmark.")
    boolean noScaling;

    static {
        System.setProperty("pythreading.bench.quick", describe(BenchMode.QUICK));
        System.setProperty("pythreading.bench.full", describe(BenchMode.FULL));
        System.setProperty("pythreading.bench.smoke", describe(BenchMode.SMOKE));
    }

    private static String describe(BenchMode mode) {
        return mode.describeJmh().replace("×", "x");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (full && smoke) {
            throw new ParameterException(spec.commandLine(), "--full and --smoke cannot go together");
        }
        List<Row> rows = selectRows();
        if (list) {
            for (Row row : Rows.ALL) {
                stdout.printf("%-26s %s (beside %s%s)%n", row.id(), row.operation(), row.twin(),
                        row.minJava() > 17 ? "; Java " + row.minJava() + "+" : "");
            }
            stdout.flush();
            return 0;
        }
        BenchMode mode = full ? BenchMode.FULL : smoke ? BenchMode.SMOKE : BenchMode.QUICK;
        BenchProgress progress = new BenchProgress(stdout, spec.commandLine().getErr(), Terminal.isTerminal());
        BenchEngine engine = new BenchEngine(mode, progress).scaling(!noScaling && only == null);
        try {
            engine.newerJdk(jdk);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jdk: " + e.getMessage());
        }
        Optional<CPython.Interpreter> python = noCPython ? Optional.empty() : CPython.find();
        engine.python(python);
        stdout.printf("pythreading bench, %s mode: %d rows%s; CPython: %s%n", mode.name().toLowerCase(),
                rows.size(), only == null && !noScaling ? " and the CPU scaling benchmark" : "",
                python.map(CPython.Interpreter::version).orElse(noCPython ? "left out" : "none found"));
        stdout.flush();
        BenchEngine.Outcome outcome;
        try {
            outcome = engine.runAndWrite(rows, out, commandLine(mode));
        } finally {
            progress.close();
        }
        stdout.println();
        for (Path file : outcome.files()) {
            stdout.println("wrote " + file);
        }
        if (!outcome.missed().isEmpty()) {
            stdout.println("targets missed:");
            outcome.missed().forEach(m -> stdout.println("  " + m));
        }
        if (!outcome.failures().isEmpty()) {
            stdout.println("failed:");
            outcome.failures().forEach(f -> stdout.println("  " + f));
        }
        stdout.flush();
        return outcome.failures().isEmpty() ? 0 : 1;
    }

    private List<Row> selectRows() {
        if (only == null) {
            return Rows.ALL;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(only);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--only: not a regular expression: " + only);
        }
        List<Row> rows = Rows.ALL.stream().filter(r -> pattern.matcher(r.id()).find()).collect(Collectors.toList());
        if (rows.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--only " + only + " matches no row; the rows are: "
                    + Rows.ALL.stream().map(Row::id).collect(Collectors.joining(", ")));
        }
        return rows;
    }

    private String commandLine(BenchMode mode) {
        return "./pythreading bench" + (mode == BenchMode.QUICK ? "" : " --" + mode.name().toLowerCase())
                + (only != null ? " --only '" + only + "'" : "");
    }
}
