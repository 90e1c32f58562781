package pythreading.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static pythreading.cli.CommandRun.execute;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pythreading.cli.CommandRun;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * {@code pythreading cluster}: worker JVMs (children of the test JVM) run the producer and
 * consumer over ZooKeeper, and the summary adds up; bad options are refused.
 */
class ClusterCommandTests {

    @BeforeAll
    static void quietZooKeeper() {
        Logs.quietZooKeeper("ERROR"); // the test's own server and client, too
    }

    // pythreading: one embedded server, 2 worker JVMs, 20 items: each item consumed once,
    // counted once, nothing lost; the workers' lines are relayed; exit 0.
    @Test
    @Timeout(60)
    void producerAndConsumersAcrossJvms() {
        CommandRun run = execute("cluster", "--workers", "2", "--items", "20", "--work-ms", "0", "--timeout", "50");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("worker-1 passed the barrier 'start'", "worker-2 passed the barrier 'start'")
                .contains("worker-1 put item-20 : ")
                .containsPattern("worker-[12] got item-20 \\(count \\d+\\)")
                .contains("worker-1 every item is done: shutting the queue down")
                .contains("worker-2 the queue is shut down: the consumer exits")
                .contains("worker-1 done: consumed ", "worker-2 done: consumed ");
        List<String> summary = summary(run.out());
        assertThat(summary).contains(
                "  ZooKeeper      one server in this JVM",
                "  workers        2 JVMs: worker-1 exit 0, worker-2 exit 0",
                "  produced       20 of 20 items, by worker-1",
                "  duplicates     0",
                "  lost           0",
                "  final count    20 (raised under the distributed lock 'counter'; no count seen twice)",
                "  result         OK: every item was consumed exactly once and counted once");
        assertThat(summary).anySatisfy(line -> assertThat(line).matches("  consumed       20: worker-1 \\d+, worker-2 \\d+"));
    }

    // pythreading: a 3-server ensemble whose leader is killed after a third of the items:
    // a new leader is elected, the workers carry on, and nothing is lost.
    @Test
    @Timeout(90)
    void leaderKilledMidRunLosesNothing() {
        CommandRun run = execute("cluster", "--ensemble", "3", "--kill-leader", "--workers", "2", "--items", "24",
                "--timeout", "80");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("coordinator: 8 of 24 items consumed: KILLED the leader, server \\d")
                .containsPattern("coordinator: server \\d is the new leader");
        List<String> summary = summary(run.out());
        assertThat(summary).contains("  produced       24 of 24 items, by worker-1", "  duplicates     0",
                "  lost           0",
                "  final count    24 (raised under the distributed lock 'counter'; no count seen twice)",
                "  result         OK: every item was consumed exactly once and counted once, though the leader "
                        + "died mid-run: nothing was lost");
        assertThat(summary).anySatisfy(line -> assertThat(line)
                .matches("  leader killed  server \\d \\(.+\\) at [\\d.]+ s, after 8 of 24 items; server \\d led from [\\d.]+ s"));
    }

    // pythreading: --connect uses a running ensemble (here a server of the test's own),
    // keeps to its namespace, and deletes it at the end.
    @Test
    @Timeout(60)
    void connectToARunningEnsemble() throws Exception {
        try (ZooKeeperManager zk = ZooKeeperManager.embedded();
                CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100))) {
            CommandRun run = execute("cluster", "--connect", zk.connectString(), "--namespace", "cluster-test",
                    "--workers", "2", "--items", "10", "--work-ms", "0", "--timeout", "50");

            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).contains("using the ZooKeeper ensemble at " + zk.connectString(),
                    "deleted the namespace /cluster-test", "  produced       10 of 10 items, by worker-1");
            client.start();
            assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.checkExists().forPath("/cluster-test")).isNull();
        }
    }

    // pythreading: past --timeout the workers are stopped, the summary says what was done,
    // and the exit code is 1.
    @Test
    @Timeout(60)
    void timeLimit() {
        CommandRun run = execute("cluster", "--workers", "1", "--items", "50", "--work-ms", "1000", "--timeout", "4");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        List<String> summary = summary(run.out());
        assertThat(summary).anySatisfy(line -> assertThat(line)
                .matches("  stopped        timed out after 4 s, with \\d+ of 50 items consumed"));
        assertThat(summary).anySatisfy(line -> assertThat(line).startsWith("  result         FAILED: timed out"));
    }

    // pythreading: options that cannot work are refused before anything starts (exit 2).
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--kill-leader                         | --kill-leader needs --ensemble 3",
        "--workers 0                           | --workers must be between 1 and 16, not 0",
        "--items 0                             | --items must be between 1 and 100000, not 0",
        "--ensemble 2                          | --ensemble must be 1 or 3, not 2",
        "--connect localhost:2181 --kill-leader | --kill-leader kills a server this command started",
        "--connect localhost:2181 --ensemble 3 | --connect uses your ensemble",
        "--connect localhost                   | --connect must be HOST:PORT[,HOST:PORT...], not 'localhost'",
        "--timeout 0                           | --timeout must be a positive number of seconds",
        "--namespace a/b                       | --namespace must be a znode name",
        "--zk-log LOUD                         | --zk-log must be OFF, ERROR, WARN, INFO, DEBUG or TRACE"})
    @Timeout(10)
    void refusesBadOptions(String options, String message) {
        String[] args = ("cluster " + options.trim()).split(" +");

        CommandRun run = execute(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }

    // pythreading: every option has its help line.
    @Test
    @Timeout(10)
    void help() {
        CommandRun run = execute("cluster", "--help");

        assertThat(run.exitCode()).isZero();
        for (String option : List.of("--workers", "--items", "--ensemble", "--kill-leader", "--connect", "--namespace",
                "--work-ms", "--timeout", "--no-lock", "--zk-log")) {
            assertThat(run.out()).contains(option);
        }
    }

    private static List<String> summary(String out) {
        List<String> lines = out.lines().toList();
        int at = lines.lastIndexOf("summary");
        assertThat(at).as(out).isNotNegative();
        return lines.subList(at + 1, lines.size());
    }
}
