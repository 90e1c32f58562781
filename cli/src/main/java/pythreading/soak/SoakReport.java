package pythreading.soak;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link SoakResult} as the soak command's summary, and its progress lines. */
public final class SoakReport {

    private SoakReport() {
    }

    /** The summary: the run, a table of the primitives, the totals and the violations. */
    public static void print(SoakResult r, PrintWriter out) {
        out.print(format("pythreading soak: %.1f s, %d %sthreads, seed %d (Java %s, %d cores)%n%n",
                r.elapsed().toNanos() / 1e9, r.threads(), r.virtual() ? "virtual " : "", r.seed(), Runtime.version(),
                Runtime.getRuntime().availableProcessors()));
        String row = "%-26s %12s %10s %12s %10s%n";
        out.print(format(row, "primitive", "operations", "timeouts", "interrupted", "refused"));
        for (PrimitiveStats p : r.primitives()) {
            out.print(format(row, p.name(), n(p.operations()), n(p.timeouts()), n(p.interrupted()), n(p.refused())));
        }
        out.print(format(row, "total", n(r.operations()), n(r.timeouts()), n(r.interruptedCalls()),
                n(r.primitives().stream().mapToLong(PrimitiveStats::refused).sum())));
        out.println();
        String line = "%-22s %s%n";
        out.print(format(line, "seconds", format("%.1f", r.elapsed().toNanos() / 1e9)));
        out.print(format(line, "threads", r.threads() + (r.virtual() ? " (virtual)" : "")));
        out.print(format(line, "operations", n(r.operations()) + format(" (%,.0f per second)", r.operationsPerSecond())));
        out.print(format(line, "interrupts delivered", n(r.interruptsDelivered())));
        out.print(format(line, "interrupted calls", n(r.interruptedCalls())));
        out.print(format(line, "timeouts", n(r.timeouts())));
        out.print(format(line, "shutdowns", n(r.shutdowns()) + " (queues " + n(r.queueShutdowns()) + ", "
                + n(r.immediateShutdowns()) + " of them immediate; thread pools " + n(r.poolShutdowns()) + ")"));
        out.print(format(line, "queue items", "put " + n(r.itemsPut()) + ": got " + n(r.itemsGot())
                + ", left in a queue " + n(r.itemsLeft()) + ", discarded by immediate shutdowns "
                + n(r.itemsDiscarded())));
        out.print(format(line, "violations", n(r.violationCount())));
        for (String v : r.violations()) {
            out.println("  - " + v);
        }
        if (r.violationCount() > r.violations().size()) {
            out.println("  ... and " + n(r.violationCount() - r.violations().size()) + " more");
        }
        out.println(r.passed() ? "PASSED: no violation" : "FAILED: " + n(r.violationCount()) + " violation"
                + (r.violationCount() == 1 ? "" : "s"));
        out.flush();
    }

    /** One progress line, e.g. {@code soak: 12/30 s, 1,234,567 operations, 8,901 interrupts, 0 violations}. */
    public static String progressLine(SoakProgress p) {
        return format("soak: %d/%d s, %s operations, %s interrupts, %s violations",
                p.elapsed().toSeconds(), p.duration().toSeconds(), n(p.operations()), n(p.interrupts()),
                n(p.violations()));
    }

    private static String n(long value) {
        return format("%,d", value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
