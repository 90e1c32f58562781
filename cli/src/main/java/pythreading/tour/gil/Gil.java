// Tutorial: the seed's first line, "Good Article on Threading: Python threads and the
// global interpreter lock" (Jesse Noller). CPU-bound threads in CPython take turns on one
// interpreter lock; on the JVM they run on every core at once.
package pythreading.tour.gil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import pythreading.bench.CPython;
import pythreading.bench.CpuWork;
import pythreading.threading.Thread;

/** The same CPU-bound work on 1 thread and on N threads (N = cores), on the JVM and on CPython. */
public class Gil {

    /** Steps of the JVM's run: about a second on one core. */
    static final long JAVA_STEPS = 800_000_000L;
    /** Steps of CPython's run: about a second there too (each step costs ~100x more). */
    static final long PYTHON_STEPS = 8_000_000L;

    static volatile long sink; // keeps the JIT from dropping the work

    /** The work: n steps of a 64-bit linear congruential generator (CPython's count() in gil.py). */
    static long count(long n) {
        return CpuWork.lcg(n, n);
    }

    /** Seconds to do {@code steps} of work split over {@code nthreads} pythreading threads. */
    static double timed(long steps, int nthreads) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < nthreads; i++) {
            threads.add(new Thread(() -> sink = count(steps / nthreads)));
        }
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        int n = Runtime.getRuntime().availableProcessors();
        System.out.printf("The same CPU-bound work, on 1 thread and then split over %d threads"
                + " (this machine has %d cores).%n%n", n, n);

        timed(JAVA_STEPS / 20, n); // warm up: let the JIT compile count()
        double java1 = timed(JAVA_STEPS, 1);
        double javaN = timed(JAVA_STEPS, n);

        System.out.printf("%-28s %15s %10s %10s %9s%n", "", "steps", "1 thread", n + " threads", "speed-up");
        row("pythreading, Java " + Runtime.version().feature(), JAVA_STEPS, java1, javaN);

        Optional<CPython.Interpreter> python = CPython.find();
        if (python.isPresent()) {
            double[] times = runCPython(python.get().executable(), PYTHON_STEPS, n);
            if (times != null) {
                row("threading, " + python.get().version().replace("Python ", "CPython "), PYTHON_STEPS, times[0], times[1]);
            }
        } else {
            System.out.println("(no python3 on the PATH: CPython's figures are left out)");
        }

        System.out.println();
        if (n > 1) {
            System.out.printf("On the JVM the threads run at once, so the speed-up approaches %d, the number of"
                    + " cores.%nCPython's threads take turns holding the global interpreter lock: their"
                    + " speed-up stays about 1.%n", n);
        } else {
            System.out.println("With one core, no threads can run at once: neither side speeds up here.");
        }
    }

    static void row(String who, long steps, double one, double many) {
        System.out.printf("%-28s %,15d %8.2f s %8.2f s %8.2fx%n", who, steps, one, many, one / many);
    }

    /** Runs gil.py; returns {1-thread seconds, N-thread seconds}, or null if it failed. */
    static double[] runCPython(String python, long steps, int nthreads) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pythreading-gil", ".py");
        try (InputStream in = Gil.class.getResourceAsStream("gil.py")) {
            Files.write(script, in.readAllBytes());
            Process p = new ProcessBuilder(python, script.toString(), Long.toString(steps), Integer.toString(nthreads))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                System.out.println("(CPython did not run the work: " + out + ")");
                return null;
            }
            String[] parts = out.split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
