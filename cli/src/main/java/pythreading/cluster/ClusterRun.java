package pythreading.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The coordinator of {@code pythreading cluster}: starts the ZooKeeper servers (or uses
 * a real ensemble), starts the worker JVMs ({@link ClusterWorker}), relays their lines,
 * kills the ensemble's leader mid-run when asked, and sums up what the workers did.
 *
 * <p>Nothing outlives a run: the workers are destroyed and the servers closed in a
 * {@code finally} (and by a shutdown hook on Ctrl-C), a worker exits by itself when the
 * coordinator's end closes its standard input, and the whole run has a time limit.
 */
public final class ClusterRun {

    /**
     * What to run.
     *
     * @param workers the number of worker JVMs
     * @param items the items worker 1 puts
     * @param ensembleSize 1 (one embedded server) or 3 (a TestingCluster); ignored with
     *     {@code connect}
     * @param killLeader whether to kill the ensemble's leader after a third of the items
     * @param connect a real ensemble's connect string, or null to start servers here
     * @param namespace the run's namespace
     * @param workMillis the pretended work per item
     * @param timeout the time limit of the whole run
     * @param noLock whether the workers raise the counter without the lock
     * @param zkLog the log level of ZooKeeper and Curator, in every JVM
     */
    public record Settings(int workers, int items, int ensembleSize, boolean killLeader, String connect,
            String namespace, long workMillis, Duration timeout, boolean noLock, String zkLog) {
    }

    /** What happened to the leader. */
    private record Kill(Ensemble.Server server, double at, int afterItems, Ensemble.Server newLeader,
            double ledFrom) {
    }

    private final Settings settings;
    private final PrintWriter out;
    private final long started = System.nanoTime();
    private final Tally tally = new Tally();
    private final List<Process> processes = new ArrayList<>();
    /** The workers that had to be destroyed (after a failure or the time limit). */
    private final Set<Process> stopped = ConcurrentHashMap.newKeySet();
    private volatile Ensemble ensemble;
    private final AtomicBoolean serversClosed = new AtomicBoolean();
    /** The run's directory: the shared count. */
    private volatile Path dir;
    private final List<java.lang.Thread> relays = new ArrayList<>();
    private volatile Kill kill;
    private volatile String killFailure;

    /**
     * A run with these settings, writing to {@code out}.
     *
     * @param settings what to run
     * @param out where the lines and the summary go
     */
    public ClusterRun(Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the demo.
     *
     * @return 0 when every item was produced once and consumed once and the count is
     *     right (across the leader's death, with {@code killLeader}); 1 otherwise
     */
    public int run() {
        Logs.quietZooKeeper(settings.zkLog());
        java.lang.Thread killer = null;
        java.lang.Thread hook = new java.lang.Thread(this::interrupted, "cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        String ending;
        try {
            ensemble = startServers();
            Ensemble servers = ensemble;
            Path dir = Files.createTempDirectory("pythreading-cluster-");
            this.dir = dir;
            Path counter = dir.resolve("counter");
            Counter.create(counter);
            say("namespace /" + settings.namespace() + ", the shared count in " + counter);
            startWorkers(ensemble.connectString(), counter);
            if (settings.killLeader()) {
                killer = new java.lang.Thread(() -> killLeaderMidRun(servers), "leader-killer");
                killer.setDaemon(true);
                killer.start();
            }
            ending = awaitWorkers();
            if (killer != null && ending == null) {
                killer.join(5000); // the workers are done: let it see the new leader it waits for
            }
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            ending = "interrupted";
        } catch (RuntimeException | IOException | LinkageError e) {
            ending = "the run failed: " + e;
            say(ending);
        } finally {
            if (killer != null) {
                killer.interrupt();
            }
            destroyWorkers();
            awaitRelays();
        }
        int finalCount = -1;
        List<String> exits = new ArrayList<>();
        try {
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                exits.add("worker-" + (i + 1) + " " + (stopped.contains(p) ? "stopped" : "exit " + p.exitValue()));
            }
            if (dir != null) {
                finalCount = Counter.count(dir.resolve("counter"));
            }
        } catch (RuntimeException e) {
            say("cannot read the count: " + e.getMessage());
        } finally {
            if (ensemble != null) {
                if (settings.connect() != null) {
                    try {
                        ensemble.deleteNamespace(settings.namespace());
                        say("deleted the namespace /" + settings.namespace());
                    } catch (RuntimeException e) {
                        say(e.getMessage());
                    }
                } else {
                    say("stopping ZooKeeper");
                    Logs.muteServers(settings.zkLog());
                }
                closeServers();
            }
            deleteQuietly(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        return summary(ending, exits, finalCount);
    }

    private Ensemble startServers() {
        if (settings.connect() != null) {
            Ensemble ensemble = Ensemble.external(settings.connect());
            say("using " + ensemble.describe());
            return ensemble;
        }
        say(settings.ensembleSize() == 1 ? "starting one ZooKeeper server"
                : "starting a " + settings.ensembleSize() + "-server ZooKeeper ensemble");
        Ensemble ensemble = settings.ensembleSize() == 1 ? Ensemble.embedded()
                : Ensemble.inThisJvm(settings.ensembleSize());
        say("ZooKeeper: " + ensemble.describe());
        for (Ensemble.Server server : ensemble.servers()) {
            say("  " + server);
        }
        return ensemble;
    }

    private void startWorkers(String connectString, Path counter) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        say("starting " + settings.workers() + " worker JVM" + (settings.workers() == 1 ? "" : "s")
                + ": worker-1 produces " + settings.items() + " items into the queue 'items' (maxsize "
                + ClusterWorker.QUEUE_SIZE + "), every worker consumes"
                + (settings.noLock() ? " (WITHOUT the lock around the count)" : ""));
        double seconds = settings.timeout().toMillis() / 1000.0;
        for (int id = 1; id <= settings.workers(); id++) {
            WorkerOptions options = new WorkerOptions(connectString, settings.namespace(), id, settings.workers(),
                    settings.items(), counter, settings.workMillis(), seconds, settings.noLock(), settings.zkLog());
            List<String> command = new ArrayList<>(List.of(java,
                    // small, quick-starting JVMs: the work is waiting on ZooKeeper
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-Xss512k",
                    "-cp", System.getProperty("java.class.path"), ClusterWorker.class.getName()));
            command.addAll(options.toArgs());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            synchronized (processes) {
                processes.add(process);
            }
            int worker = id;
            java.lang.Thread relay = new java.lang.Thread(() -> relay(worker, process), "relay-worker-" + id);
            relay.setDaemon(true);
            relay.start();
            relays.add(relay);
        }
    }

    private void relay(int worker, Process process) {
        String me = "worker-" + worker + " ";
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                tally.line(line);
                say(line.startsWith(me) ? line : me + "| " + line);
            }
        } catch (IOException e) {
            // the worker was destroyed
        }
    }

    /** Waits for every worker to exit; null when all exited with 0, else what went wrong. */
    private String awaitWorkers() {
        long deadline = started + settings.timeout().toNanos();
        for (;;) {
            boolean running = false;
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                if (p.isAlive()) {
                    running = true;
                } else if (p.exitValue() != 0) {
                    String why = "worker-" + (i + 1) + " exited with " + p.exitValue();
                    say(why + ": stopping the others");
                    return why;
                }
            }
            if (!running) {
                return null;
            }
            if (System.nanoTime() - deadline >= 0) {
                String why = "timed out after " + settings.timeout().toSeconds() + " s, with " + tally.consumed()
                        + " of " + settings.items() + " items consumed";
                say(why + ": stopping the workers");
                return why;
            }
            try {
                java.lang.Thread.sleep(50);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    private void killLeaderMidRun(Ensemble ensemble) {
        int at = Math.max(1, settings.items() / 3);
        try {
            long wait = started + settings.timeout().toNanos() - System.nanoTime();
            if (!tally.awaitConsumed(at, wait)) {
                return;
            }
            double when = seconds();
            Logs.muteServers(settings.zkLog());
            Ensemble.Server leader = ensemble.killLeader();
            say("coordinator: " + at + " of " + settings.items() + " items consumed: KILLED the leader, "
                    + leader.toString().replace(", leader)", ")"));
            long killedAt = System.nanoTime();
            Optional<Ensemble.Server> next = ensemble.awaitLeader(Duration.ofSeconds(30));
            if (next.isEmpty()) {
                killFailure = "no new leader within 30 s of killing server " + leader.id();
                say("coordinator: " + killFailure);
                return;
            }
            say(String.format("coordinator: server %d is the new leader, %.2f s after the kill; the servers: %s",
                    next.get().id(), (System.nanoTime() - killedAt) / 1e9, ensemble.servers()));
            kill = new Kill(leader, when, at, next.get(), seconds());
        } catch (InterruptedException e) {
            // the run is over
        } catch (RuntimeException e) {
            killFailure = "could not kill the leader: " + e.getMessage();
            say("coordinator: " + killFailure);
        }
    }

    /** On Ctrl-C (a shutdown hook): nothing may outlive the run. */
    private void interrupted() {
        destroyWorkers();
        closeServers();
        deleteQuietly(dir);
    }

    private void closeServers() {
        Ensemble servers = ensemble;
        if (servers != null && serversClosed.compareAndSet(false, true)) {
            servers.close();
        }
    }

    private void awaitRelays() {
        for (java.lang.Thread relay : relays) {
            try {
                relay.join(5000);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void destroyWorkers() {
        List<Process> running;
        synchronized (processes) {
            running = List.copyOf(processes);
        }
        for (Process p : running) {
            if (p.isAlive()) {
                stopped.add(p);
                p.destroy();
            }
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                java.lang.Thread.currentThread().interrupt();
            }
        }
    }

    private int summary(String ending, List<String> exits, int finalCount) {
        Tally.Snapshot t = tally.snapshot();
        int items = settings.items();
        boolean countRight = finalCount == t.consumed();
        boolean killOk = !settings.killLeader() || (kill != null && killFailure == null);
        boolean ok = ending == null && t.complete(items) && countRight && killOk;
        out.println();
        out.println("summary");
        row("ZooKeeper", settings.connect() != null ? "the ensemble at " + settings.connect()
                : settings.ensembleSize() == 1 ? "one server in this JVM"
                : "a " + settings.ensembleSize() + "-server ensemble in this JVM");
        row("workers", settings.workers() + (settings.workers() == 1 ? " JVM" : " JVMs") + (exits.isEmpty() ? "" : ": " + String.join(", ", exits)));
        StringJoiner producers = new StringJoiner(", ");
        t.producers().stream().sorted().forEach(w -> producers.add("worker-" + w));
        row("produced", t.produced() + " of " + items + " items" + (t.produced() > 0 ? ", by " + producers : ""));
        StringJoiner per = new StringJoiner(", ");
        for (int w = 1; w <= settings.workers(); w++) {
            per.add("worker-" + w + " " + t.consumedBy().getOrDefault(w, 0));
        }
        row("consumed", t.consumed() + ": " + per);
        row("duplicates", Integer.toString(t.duplicates()));
        row("lost", t.lost().size() + (t.lost().isEmpty() ? "" : " " + abbreviate(t.lost())
                + (ending != null ? " (put, not got before the run stopped)" : "")));
        if (!t.unknown().isEmpty()) {
            row("never put", t.unknown().size() + " " + abbreviate(t.unknown()));
        }
        String count = finalCount < 0 ? "unknown" : Integer.toString(finalCount);
        row("final count", count + (settings.noLock() ? " (raised WITHOUT the lock" : " (raised under the distributed lock '"
                + ClusterWorker.LOCK + "'") + (t.repeatedCounts() == 0 ? "; no count seen twice)"
                : "; " + t.repeatedCounts() + " counts seen twice: increments lost)"));
        if (settings.killLeader()) {
            Kill k = kill;
            row("leader killed", k == null ? (killFailure != null ? killFailure : "no: the run ended first")
                    : String.format("server %d (%s) at %.2f s, after %d of %d items; server %d led from %.2f s",
                            k.server().id(), k.server().address(), k.at(), k.afterItems(), items,
                            k.newLeader().id(), k.ledFrom()));
        }
        if (ending != null) {
            row("stopped", ending);
        }
        row("result", ok ? "OK: every item was consumed exactly once and counted once"
                + (settings.killLeader() ? ", though the leader died mid-run: nothing was lost" : "")
                : "FAILED" + reasons(t, countRight, killOk, ending));
        row("time", String.format("%.1f s", seconds()));
        out.flush();
        return ok ? 0 : 1;
    }

    private String reasons(Tally.Snapshot t, boolean countRight, boolean killOk, String ending) {
        List<String> why = new ArrayList<>();
        if (ending != null) {
            why.add(ending);
            if (t.consumed() == 0) {
                return ": " + ending;
            }
        }
        if (!t.itemsAddUp(settings.items())) {
            why.add("the items do not add up");
        }
        if (!t.countsAddUp() || !countRight) {
            why.add("the count is not the number of items consumed: increments were lost");
        }
        if (!killOk) {
            why.add("the leader was not killed and replaced");
        }
        return ": " + String.join("; ", why);
    }

    private static String abbreviate(List<String> items) {
        return items.size() <= 10 ? items.toString() : items.subList(0, 10) + "...";
    }

    private void row(String name, String value) {
        out.printf("  %-14s %s%n", name, value);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void say(String line) {
        synchronized (out) {
            out.printf("[%6.2fs] %s%n", seconds(), line);
            out.flush();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
