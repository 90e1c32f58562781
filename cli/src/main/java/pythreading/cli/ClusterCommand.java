package pythreading.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import pythreading.cluster.ClusterRun;

/** {@code pythreading cluster}: the tutorial's producer and consumer across JVMs, on ZooKeeper. */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "The tutorial's producer and consumer across JVMs, on Apache ZooKeeper",
            "(pythreading.zookeeper): starts a ZooKeeper server in this JVM (or a 3-server",
            "ensemble, or uses yours with --connect) and N worker JVMs. The workers meet at",
            "a distributed Barrier, then worker-1 puts the items into a distributed Queue",
            "(maxsize 10) while every worker gets them; each item got raises a shared count",
            "(a file every worker reads and rewrites) under a distributed Lock, and is",
            "marked done with taskDone(). worker-1 join()s the queue and shuts it down,",
            "which ends every get() with ShutDown (Python 3.13); the workers meet at the",
            "Barrier again and exit.",
            "",
            "Each worker's lines are relayed, with the time since the start. The summary",
            "says what was produced, what each worker consumed, the duplicates, the items",
            "lost and the final count. With --ensemble 3 --kill-leader the leader of the",
            "ensemble is killed once a third of the items are consumed: the others elect a",
            "new one, the workers' sessions (15 s) carry over, and nothing is lost.",
            "",
            "Exit status: 0 when every item was consumed exactly once and the count is",
            "right, 1 otherwise (and after --timeout), 2 for bad options."},
        footer = {"", "Examples:",
            "  pythreading cluster                              one server, 3 workers",
            "  pythreading cluster --ensemble 3 --kill-leader   kill the leader mid-run",
            "  pythreading cluster --workers 5 --items 200",
            "  pythreading cluster --connect zk1:2181,zk2:2181,zk3:2181",
            "  pythreading cluster --no-lock                    see the count go wrong"})
public final class ClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "3",
            description = "Worker JVMs, 1 to 16; worker-1 produces, all consume (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = {"-n", "--items"}, paramLabel = "N", defaultValue = "60",
            description = "Items worker-1 puts into the queue, 1 to 100000 (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--ensemble", paramLabel = "1|3", defaultValue = "1",
            description = "ZooKeeper servers to start in this JVM: 1 (an embedded server) or 3 (an "
                    + "ensemble, Curator's TestingCluster) (default: ${DEFAULT-VALUE}).")
    int ensemble;

    @Option(names = "--kill-leader",
            description = "Kill the ensemble's leader once a third of the items are consumed (needs --ensemble 3).")
    boolean killLeader;

    @Option(names = "--connect", paramLabel = "HOST:PORT[,...]",
            description = "Use this running ensemble instead of starting servers; the run keeps to a namespace "
                    + "of its own and deletes it at the end.")
    String connect;

    @Option(names = "--namespace", paramLabel = "NAME",
            description = "The run's namespace, a root znode (default: pythreading-cluster-DATE-TIME-RANDOM).")
    String namespace;

    @Option(names = "--work-ms", paramLabel = "MS", defaultValue = "10",
            description = "Pretended work per item consumed, in milliseconds (default: ${DEFAULT-VALUE}).")
    long workMillis;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Time limit of the whole run: then the workers are stopped, the summary says what "
                    + "was done, and the exit status is 1 (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--no-lock",
            description = "Raise the count without the distributed lock, to see what the lock is for: "
                    + "some increments are lost (nearly always), and the run fails.")
    boolean noLock;

    @Option(names = "--zk-log", paramLabel = "LEVEL", defaultValue = "ERROR",
            description = "Log level of ZooKeeper and Curator, in every JVM: OFF, ERROR, WARN, INFO, DEBUG "
                    + "(default: ${DEFAULT-VALUE}). At ERROR, the errors the servers log about a leader "
                    + "killed on purpose, and as they stop at the end, are left out.")
    String zkLog;

    @Override
    public Integer call() {
        if (workers < 1 || workers > 16) {
            throw bad("--workers must be between 1 and 16, not " + workers);
        }
        if (items < 1 || items > 100_000) {
            throw bad("--items must be between 1 and 100000, not " + items);
        }
        if (ensemble != 1 && ensemble != 3) {
            throw bad("--ensemble must be 1 or 3, not " + ensemble);
        }
        if (killLeader && connect != null) {
            throw bad("--kill-leader kills a server this command started; it cannot be used with --connect");
        }
        if (killLeader && ensemble != 3) {
            throw bad("--kill-leader needs --ensemble 3: a single server has no leader to lose and survive");
        }
        if (connect != null && ensemble != 1) {
            throw bad("--connect uses your ensemble; --ensemble starts servers here: give one or the other");
        }
        if (connect != null && !connect.matches("[^\\s,/]+:\\d+(,[^\\s,/]+:\\d+)*")) {
            throw bad("--connect must be HOST:PORT[,HOST:PORT...], not '" + connect + "'");
        }
        if (workMillis < 0 || workMillis > 60_000) {
            throw bad("--work-ms must be between 0 and 60000, not " + workMillis);
        }
        if (!(timeout > 0) || timeout > 86_400) {
            throw bad("--timeout must be a positive number of seconds (at most 86400), not " + timeout);
        }
        if (!zkLog.toUpperCase().matches("OFF|ERROR|WARN|INFO|DEBUG|TRACE")) {
            throw bad("--zk-log must be OFF, ERROR, WARN, INFO, DEBUG or TRACE, not " + zkLog);
        }
        String ns = namespace != null ? namespace : defaultNamespace();
        if (!ns.matches("[A-Za-z0-9._-]+") || ns.equals(".") || ns.equals("..")) {
            throw bad("--namespace must be a znode name (letters, digits, '.', '_', '-'), not '" + ns + "'");
        }
        String level = zkLog.toUpperCase();
        ClusterRun.Settings settings = new ClusterRun.Settings(workers, items, ensemble, killLeader, connect, ns,
                workMillis, Duration.ofMillis((long) (timeout * 1000)), noLock, level);
        return new ClusterRun(settings, spec.commandLine().getOut()).run();
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String defaultNamespace() {
        return "pythreading-cluster-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }
}
