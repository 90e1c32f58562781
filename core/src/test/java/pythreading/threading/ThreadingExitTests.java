package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors CPython's test_threading.ThreadJoinOnShutdown and the shutdown checks of
 * ThreadTests: what a program's exit waits for, each run in a JVM of its own.
 */
@Timeout(60)
class ThreadingExitTests {

    /** How long a child JVM may take before the test gives up on it. */
    private static final long CHILD_TIMEOUT_SECONDS = (long) (30 * TestSupport.FACTOR);

    @TempDir
    Path dir;

    /** The outcome of a child JVM. */
    record Result(int exitCode, String out, String err, double seconds) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** Runs {@code main} in a new JVM with this JVM's class path; kills it after CHILD_TIMEOUT_SECONDS. */
    private Result run(Class<?> main) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File out = dir.resolve(main.getSimpleName() + ".out").toFile();
        File err = dir.resolve(main.getSimpleName() + ".err").toFile();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                main.getName())
                .redirectOutput(out).redirectError(err);
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
        double seconds = TestSupport.secondsSince(t0);
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), seconds);
    }

    private static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void sleep(long millis) {
        try {
            java.lang.Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void assumeVirtualThreads() {
        assumeThat(Runtime.version().feature()).as("virtual threads need Java 21").isGreaterThanOrEqualTo(21);
    }

    // ---- child programs ----

    /** A daemon thread that would print after 10 s; main returns at once. */
    public static final class DaemonThreadMain {
        public static void main(String[] args) {
            CountDownLatch running = new CountDownLatch(1);
            Thread t = Thread.builder().daemon(true).target(() -> {
                running.countDown();
                sleep(10_000);
                println("daemon woke up");
            }).build();
            t.start();
            await(running);
            println("end of main");
        }
    }

    /** A non-daemon thread that prints after main has returned. */
    public static final class NonDaemonThreadMain {
        public static void main(String[] args) {
            new Thread(() -> {
                sleep(500);
                println("woke up");
            }).start();
            println("end of main");
        }
    }

    /** test_1_join_on_shutdown: a thread joins the main thread, then prints. */
    public static final class JoinMainOnShutdownMain {
        public static void main(String[] args) {
            Thread main = Threading.currentThread();
            new Thread(() -> {
                main.join();
                println("end of thread");
            }).start();
            sleep(100);
            println("end of main");
        }
    }

    /** test_thread_from_thread: a thread started by a thread keeps the program alive. */
    public static final class ThreadFromThreadMain {
        public static void main(String[] args) {
            new Thread(() -> {
                sleep(50);
                new Thread(() -> {
                    sleep(50);
                    println("OK");
                }).start();
            }).start();
        }
    }

    /** A non-daemon virtual thread that prints after main has returned. */
    public static final class NonDaemonVirtualMain {
        public static void main(String[] args) {
            Thread.builder().virtual(true).daemon(false).target(() -> {
                sleep(500);
                println("virtual woke up " + java.lang.Thread.currentThread().isDaemon());
            }).build().start();
            println("end of main");
        }
    }

    /** A daemon virtual thread that would print after 10 s. */
    public static final class DaemonVirtualMain {
        public static void main(String[] args) {
            CountDownLatch running = new CountDownLatch(1);
            Thread.builder().virtual(true).daemon(true).target(() -> {
                running.countDown();
                sleep(10_000);
                println("virtual daemon woke up");
            }).build().start();
            await(running);
            println("end of main");
        }
    }

    /** A thread whose run() throws; main joins it and returns. */
    public static final class FailingThreadMain {
        public static void main(String[] args) {
            Thread t = new Thread(() -> {
                throw new IllegalArgumentException("run failed");
            }, "failing");
            t.start();
            t.join();
            println("end of main " + t.isAlive());
        }
    }

    /** A non-daemon thread that fails after main has returned. */
    public static final class LateFailingThreadMain {
        public static void main(String[] args) {
            new Thread(() -> {
                sleep(200);
                throw new IllegalStateException("late failure");
            }, "late").start();
            println("end of main");
        }
    }

    // ---- tests ----

    @Test
    void testDaemonThreadDoesNotKeepJvmAlive() throws Exception {
        // test_threading.ThreadJoinOnShutdown.test_4_daemon_threads (daemon threads are not waited for)
        Result r = run(DaemonThreadMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("end of main");
        assertThat(r.seconds()).isLessThan(8.0);
    }

    @Test
    void testJoinNondaemonOnShutdown() throws Exception {
        // test_threading.ThreadTests.test_join_nondaemon_on_shutdown
        Result r = run(NonDaemonThreadMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("end of main", "woke up");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void testJoinOnShutdown() throws Exception {
        // test_threading.ThreadJoinOnShutdown.test_1_join_on_shutdown
        Result r = run(JoinMainOnShutdownMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("end of main", "end of thread");
    }

    @Test
    void testThreadFromThread() throws Exception {
        // test_threading.ThreadJoinOnShutdown.test_thread_from_thread
        Result r = run(ThreadFromThreadMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("OK");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void testNonDaemonVirtualThreadKeepsJvmAlive() throws Exception {
        // pythreading: a non-daemon virtual thread is waited for, though the JVM sees a daemon
        assumeVirtualThreads();
        Result r = run(NonDaemonVirtualMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("end of main", "virtual woke up true");
    }

    @Test
    void testDaemonVirtualThreadDoesNotKeepJvmAlive() throws Exception {
        // pythreading: a daemon virtual thread is not waited for
        assumeVirtualThreads();
        Result r = run(DaemonVirtualMain.class);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).containsExactly("end of main");
        assertThat(r.seconds()).isLessThan(8.0);
    }

    @Test
    void testExceptionInThreadKeepsExitCode() throws Exception {
        // test_threading.ThreadingExceptionTests.test_print_exception (exit status 0)
        Result r = run(FailingThreadMain.class);
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).containsExactly("end of main false");
        assertThat(r.err()).contains("Exception in thread failing:").contains("run failed");
    }

    @Test
    void testLateExceptionInThreadKeepsExitCode() throws Exception {
        // test_threading.ThreadingExceptionTests.test_print_exception (after main returned)
        Result r = run(LateFailingThreadMain.class);
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).containsExactly("end of main");
        assertThat(r.err()).contains("Exception in thread late:").contains("late failure");
    }
}
