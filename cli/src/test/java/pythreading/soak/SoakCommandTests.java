package pythreading.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static pythreading.cli.CommandRun.execute;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.cli.CommandRun;

/** {@code pythreading soak}: its help, its summary's format and its exit code, and its refusals. */
@Timeout(60)
class SoakCommandTests {



    // pythreading: a short run prints the summary: the run, one row per primitive and a
    // total, then the totals line by line, and PASSED; the exit code is 0.
    @Test
    void summaryFormat() {
        CommandRun run = execute("soak", "--seconds", "2", "--threads", "8", "--seed", "7");

        assertThat(run.exitCode()).as(run.out()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("pythreading soak: 2\\.\\d s, 8 threads, seed 7 \\(Java .+, \\d+ cores\\)");
        assertThat(lines.get(1)).isEmpty();
        assertThat(lines.get(2)).matches("primitive +operations +timeouts +interrupted +refused");
        List<String> primitives = List.of("Lock", "RLock", "Condition", "Condition(Lock)", "Semaphore", "BoundedSemaphore", "Event",
                "Barrier", "Queue", "Queue(maxsize=8)", "LifoQueue(maxsize=4)", "PriorityQueue(maxsize=16)",
                "SimpleQueue", "ThreadPoolExecutor", "total");
        for (int i = 0; i < primitives.size(); i++) {
            String row = lines.get(3 + i);
            assertThat(row.split(" +")[0]).isEqualTo(primitives.get(i));
            assertThat(row).matches("\\S+ +[\\d,]+ +[\\d,]+ +[\\d,]+ +[\\d,]+");
        }
        int at = 3 + primitives.size();
        assertThat(lines.get(at)).isEmpty();
        assertThat(lines.subList(at + 1, lines.size())).satisfiesExactly(
                l -> assertThat(l).matches("seconds +2\\.\\d"),
                l -> assertThat(l).matches("threads +8"),
                l -> assertThat(l).matches("operations +[\\d,]+ \\([\\d,]+ per second\\)"),
                l -> assertThat(l).matches("interrupts delivered +[\\d,]+"),
                l -> assertThat(l).matches("interrupted calls +[\\d,]+"),
                l -> assertThat(l).matches("timeouts +[\\d,]+"),
                l -> assertThat(l).matches("shutdowns +[\\d,]+ \\(queues [\\d,]+, [\\d,]+ of them immediate; "
                        + "thread pools [\\d,]+\\)"),
                l -> assertThat(l).matches("queue items +put [\\d,]+: got [\\d,]+, left in a queue [\\d,]+, "
                        + "discarded by immediate shutdowns [\\d,]+"),
                l -> assertThat(l).matches("violations +0"),
                l -> assertThat(l).isEqualTo("PASSED: no violation"));
    }

    // pythreading: the summary lists the violations found and ends with FAILED.
    @Test
    void failedSummary() {
        SoakResult result = new SoakResult(java.time.Duration.ofSeconds(1), 8, false, 3,
                List.of(new PrimitiveStats("Lock", 10, 1, 2, 3)), 5, 1, 0, 0, 4, 3, 0, 0, 2,
                List.of("Lock: granted to worker 1 while worker 2 held it", "Queue: item 1/2 was got twice"));
        StringWriter out = new StringWriter();
        SoakReport.print(result, new PrintWriter(out));

        assertThat(out.toString()).contains(
                "violations             2\n"
                        + "  - Lock: granted to worker 1 while worker 2 held it\n"
                        + "  - Queue: item 1/2 was got twice\n"
                        + "FAILED: 2 violations\n");
    }

    // pythreading: --help explains the options, the invariants and the exit status.
    @Test
    void helpExplainsEverything() {
        CommandRun run = execute("soak", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--seconds=N", "--threads=T", "--seed=S", "default: 30",
                "twice the cores plus 4", "one more thread interrupts them", "exactly once",
                "no thread is stuck", "Exit status: 0 when no violation was found, 1 otherwise");
        assertThat(execute("--help").out()).contains("soak");
    }

    // pythreading: bad options are refused with a message and the usage exit code.
    @Test
    void badOptionsAreRefused() {
        CommandRun zero = execute("soak", "--seconds", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--seconds must be a positive number");

        CommandRun threads = execute("soak", "--threads", "0");
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be between 1 and 10000");
    }

    // pythreading: --virtual runs the workers on virtual threads on JDK 21+, and is refused before.
    @Test
    void virtualThreads() {
        CommandRun run = execute("soak", "--seconds", "1", "--threads", "8", "--virtual");

        if (Runtime.version().feature() >= 21) {
            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains(", 8 virtual threads, ").containsPattern("threads +8 \\(virtual\\)");
        } else {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--virtual: ");
        }
    }

    // pythreading: the progress line, as printed once a second.
    @Test
    void progressLine() {
        assertThat(SoakReport.progressLine(new SoakProgress(java.time.Duration.ofSeconds(12),
                java.time.Duration.ofSeconds(30), 1_234_567, 8_901, 0)))
                .isEqualTo("soak: 12/30 s, 1,234,567 operations, 8,901 interrupts, 0 violations");
    }
}
