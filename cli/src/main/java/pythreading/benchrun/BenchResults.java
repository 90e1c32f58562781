package pythreading.benchrun;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one {@code pythreading bench} run measured, and where.
 *
 * @param mode the run's budget
 * @param date the day of the run
 * @param cpu the processor's model name
 * @param cores the processors the JVM sees
 * @param os the operating system
 * @param python CPython's version ({@code Python 3.13.0}), or null when none was run
 * @param rows the rows, in report order
 * @param scaling the CPU-bound scaling benchmark, or null when it was not run
 * @param notes what the reader should know about this run (a skipped side, a failure)
 */
record BenchResults(BenchMode mode, LocalDate date, String cpu, int cores, String os, String python,
        List<RowResult> rows, Scaling scaling, List<String> notes) {
}
