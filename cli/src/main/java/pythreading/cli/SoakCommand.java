package pythreading.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import pythreading.soak.SoakEngine;
import pythreading.soak.SoakProgress;
import pythreading.soak.SoakReport;
import pythreading.soak.SoakResult;

/** {@code pythreading soak}: every primitive under random load, interrupts and shutdowns, then an invariant check. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Soaks every primitive: many threads make random blocking, timed and",
            "non-blocking calls on shared objects - Lock, RLock (nested), Condition",
            "(guarding a counter, on an RLock and on a Lock), Semaphore, BoundedSemaphore,",
            "Event, Barrier, Queue (unbounded and bounded), LifoQueue, PriorityQueue,",
            "SimpleQueue and a ThreadPoolExecutor - while one more thread interrupts them",
            "at random and another shuts queues (and now and then the pool) down and",
            "replaces them with fresh ones, so the run goes on.",
            "",
            "When the time is up the workers stop; those still waiting are woken the ways",
            "the primitives allow (an Event set, queues shut down, the Barrier reset...),",
            "never by interrupting them. Then the invariants are checked:",
            "  - every item put was got exactly once, or is still in its queue, or was",
            "    discarded by an immediate shutdown that counted it done; a FIFO queue",
            "    hands each producer's items out in order; a failed put put nothing;",
            "  - no lock was ever granted twice and none is left held (RLock back at",
            "    depth 0); no Semaphore lent more permits than it has, and each has all",
            "    of them back;",
            "  - each Condition's counter is produced minus consumed; each Barrier trip",
            "    let exactly its parties through; every future is done, and a cancelled",
            "    one never ran;",
            "  - an interrupted call threw UncheckedInterruptedException with the",
            "    interrupt flag set again; no call threw anything it should not;",
            "  - no thread is stuck: every worker returns within 10 s (else its stack",
            "    trace is printed).",
            "",
            "A progress line goes to standard error once a second (rewritten in place on",
            "a terminal, else one line every 5 s). The summary on standard output gives",
            "the operations per primitive (an operation: one random call, or a short",
            "sequence such as acquire-work-release), timeouts (timed calls that ran out",
            "of time), interrupted calls, refusals (Full, Empty, ShutDown, a broken",
            "barrier, a cancelled future...), the interrupts delivered, the shutdowns",
            "and the violations.",
            "",
            "Exit status: 0 when no violation was found, 1 otherwise."},
        footer = {"", "Examples:", "  pythreading soak                  30 s, the default thread count",
            "  pythreading soak --seconds 5 --threads 32 --seed 42"})
public final class SoakCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--seconds"}, paramLabel = "N", defaultValue = "30",
            description = "How long to run, in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = {"-t", "--threads"}, paramLabel = "T",
            description = "Worker threads (default: twice the cores plus 4, at least 8; here "
                    + "${sys:pythreading.soak.defaultThreads:-}).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the workers' random choices (default: a new one, printed in the summary). "
                    + "Thread scheduling still differs from run to run.")
    Long seed;

    @Option(names = "--virtual",
            description = "Run the workers on virtual threads (JDK 21 or later).")
    boolean virtual;

    static {
        System.setProperty("pythreading.soak.defaultThreads", Integer.toString(SoakEngine.defaultThreads()));
    }

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 86_400 * 365) {
            throw new ParameterException(spec.commandLine(), "--seconds must be a positive number, not " + seconds);
        }
        int workers = threads != null ? threads : SoakEngine.defaultThreads();
        if (workers < 1 || workers > 10_000) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 10000, not " + workers);
        }
        long runSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = Terminal.isTerminal();
        SoakEngine engine = new SoakEngine().onProgress(p -> progress(p, err, terminal));
        if (virtual) {
            try {
                engine.virtualThreads(true);
            } catch (UnsupportedOperationException e) {
                throw new ParameterException(spec.commandLine(), "--virtual: " + e.getMessage());
            }
        }
        SoakResult result = engine
                .run(Duration.ofNanos((long) (seconds * 1e9)), workers, runSeed);
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
        SoakReport.print(result, out);
        return result.passed() ? 0 : 1;
    }

    private static void progress(SoakProgress p, PrintWriter err, boolean terminal) {
        if (terminal) {
            err.print("\r" + SoakReport.progressLine(p) + "\033[K");
            err.flush();
        } else if (p.elapsed().toSeconds() % 5 == 0) {
            err.println(SoakReport.progressLine(p));
            err.flush();
        }
    }
}
