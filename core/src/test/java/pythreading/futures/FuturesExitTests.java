package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors CPython's test_shutdown.ExecutorShutdownTest.test_interpreter_shutdown and
 * test_hang_gh83386 for the thread pool: what a program's exit waits for, each run in a
 * JVM of its own.
 */
@Timeout(60)
class FuturesExitTests {

    /** How long a child JVM may take before the test gives up on it. */
    private static final long CHILD_TIMEOUT_SECONDS = (long) (30 * FuturesTestSupport.FACTOR);

    @TempDir
    Path dir;

    /** The outcome of a child JVM. */
    record Result(int exitCode, String out, String err, double seconds) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs {@code main} in a new JVM with this JVM's class path; kills it after CHILD_TIMEOUT_SECONDS. */
    private Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File out = dir.resolve(main.getSimpleName() + ".out").toFile();
        File err = dir.resolve(main.getSimpleName() + ".err").toFile();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not exit within " + CHILD_TIMEOUT_SECONDS
                        + " s; output: " + Files.readString(out.toPath()) + Files.readString(err.toPath()));
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        double seconds = FuturesTestSupport.secondsSince(t0);
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), seconds);
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static ThreadPoolExecutor pool(String[] args, int maxWorkers) {
        return ThreadPoolExecutor.builder().maxWorkers(maxWorkers)
                .virtual(args.length > 0 && args[0].equals("virtual")).build();
    }

    // ---- child programs ----

    /**
     * A pool never shut down with three queued jobs; each job starts once main() has
     * returned, so only the pool's work can keep the JVM alive.
     */
    public static final class QueuedWorkMain {
        public static void main(String[] args) {
            java.lang.Thread main = java.lang.Thread.currentThread();
            ThreadPoolExecutor pool = pool(args, 1);
            for (int i = 0; i < 3; i++) {
                int n = i;
                pool.submit(() -> {
                    main.join(); // after main() has returned
                    println("job " + n);
                    return null;
                });
            }
            println("main exits");
        }
    }

    /** As QueuedWorkMain, but shut down with wait=false (test_hang_gh83386). */
    public static final class ShutdownNoWaitMain {
        public static void main(String[] args) {
            java.lang.Thread main = java.lang.Thread.currentThread();
            ThreadPoolExecutor pool = pool(args, 3);
            pool.submit(() -> {
                main.join();
                println("apple");
                return null;
            });
            pool.shutdown(false);
            println("main exits");
        }
    }

    /** A pool that has done its work and sits idle, never shut down. */
    public static final class IdlePoolMain {
        public static void main(String[] args) {
            ThreadPoolExecutor pool = pool(args, 4);
            for (int i = 0; i < 4; i++) {
                pool.submit(() -> 1).result();
            }
            println("main exits");
        }
    }

    // ---- tests ----

    @Test
    void testInterpreterShutdown() throws Exception {
        // test_shutdown.ExecutorShutdownTest.test_interpreter_shutdown
        Result r = run(QueuedWorkMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("main exits", "job 0", "job 1", "job 2");
    }

    @Test
    void testHangGh83386() throws Exception {
        // test_shutdown.ExecutorShutdownTest.test_hang_gh83386
        Result r = run(ShutdownNoWaitMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("main exits", "apple");
    }

    @Test
    void testIdlePoolDoesNotKeepJvmAlive() throws Exception {
        // pythreading: idle workers do not hold the JVM open (CPython's exit wakes and joins them)
        Result r = run(IdlePoolMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("main exits");
        assertThat(r.seconds()).isLessThan(15.0 * FuturesTestSupport.FACTOR);
    }

    @Test
    void testInterpreterShutdownVirtual() throws Exception {
        // pythreading: the same with virtual workers (JDK 21+), which the JVM never waits for by itself
        assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
        Result r = run(QueuedWorkMain.class, "virtual");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("main exits", "job 0", "job 1", "job 2");
    }

    @Test
    void testIdleVirtualPoolDoesNotKeepJvmAlive() throws Exception {
        // pythreading: an idle pool of virtual workers does not hold the JVM open (JDK 21+)
        assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
        Result r = run(IdlePoolMain.class, "virtual");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("main exits");
        assertThat(r.seconds()).isLessThan(15.0 * FuturesTestSupport.FACTOR);
    }
}
