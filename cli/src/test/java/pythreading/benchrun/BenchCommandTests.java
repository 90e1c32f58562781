package pythreading.benchrun;

import static org.assertj.core.api.Assertions.assertThat;
import static pythreading.cli.CommandRun.execute;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.cli.CommandRun;
import pythreading.bench.Rows;

/** {@code pythreading bench}: its help, its row list and its refusals (the runs themselves are CI's smoke). */
@Timeout(30)
class BenchCommandTests {



    // pythreading: --list names every row, with its twin and the Java it needs
    @Test
    void listsRows() {
        CommandRun run = execute("bench", "--list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(Rows.ALL.size());
        assertThat(run.out()).contains("lock.uncontended").contains("(beside Thread.ofVirtual(); Java 21+)")
                .contains("zookeeper.queue").contains("(beside SimpleDistributedQueue)");
    }

    // pythreading: the help names the modes and the report
    @Test
    void help() {
        CommandRun run = execute("bench", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--full", "--smoke", "--only", "--out", "--jdk", "benchmarks.md",
                "1 fork x 1 x 0.1 s, no warm-up");
    }

    // pythreading: an --only that matches nothing exits 2 and lists the rows
    @Test
    void unknownRow() {
        CommandRun run = execute("bench", "--only", "nothing-like-this");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--only nothing-like-this matches no row; the rows are: lock.uncontended, ");
    }

    // pythreading: --full with --smoke, a bad regex or a JDK that is not one exit 2
    @Test
    void refusals() {
        assertThat(execute("bench", "--full", "--smoke").err()).contains("--full and --smoke cannot go together");
        assertThat(execute("bench", "--only", "(").err()).contains("--only: not a regular expression: (");
        CommandRun badJdk = execute("bench", "--jdk", "/nonexistent", "--only", "lock");
        assertThat(badJdk.exitCode()).isEqualTo(2);
        assertThat(badJdk.err()).contains("--jdk: no JDK at /nonexistent");
    }
}
