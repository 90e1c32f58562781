package pythreading.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One run, three pools: {@link ThreadPoolBenchmark} on pythreading and on
 * {@code java.util.concurrent}, then {@code threadpool_100k.py} on CPython's
 * {@code concurrent.futures} when a CPython is found; prints the times and the ratios.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar pythreading.bench.ThreadPoolComparison [forks]
 * </pre>
 */
public final class ThreadPoolComparison {

    private ThreadPoolComparison() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ThreadPoolBenchmark.class.getName())
                .forks(forks)
                .build()).run();
        double juc = Double.NaN;
        double pythreading = Double.NaN;
        for (RunResult r : results) {
            double ms = r.getPrimaryResult().getScore();
            if (r.getParams().getParam("impl").equals("juc")) {
                juc = ms;
            } else {
                pythreading = ms;
            }
        }
        System.out.printf("%n100,000 trivial calls on 2 workers, submitted then waited for (ms per batch):%n");
        System.out.printf("  pythreading ThreadPoolExecutor(2)        %10.1f%n", pythreading);
        System.out.printf("  java.util.concurrent fixed pool of 2     %10.1f   pythreading / j.u.c = %.2f%n",
                juc, pythreading / juc);
        Optional<CPython.Interpreter> python = CPython.find();
        if (python.isEmpty()) {
            System.out.println("  (no CPython found: its column is left out)");
            return;
        }
        double cpythonMs = runCPython(python.get().executable()) * 1000;
        System.out.printf("  %-40s %10.1f   CPython / pythreading = %.1f%n",
                python.get().version() + " ThreadPoolExecutor(2)", cpythonMs, cpythonMs / pythreading);
    }

    /** Seconds per 100k tasks on CPython (median of its runs). */
    private static double runCPython(String python) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pythreading-threadpool", ".py");
        try (InputStream in = ThreadPoolComparison.class.getResourceAsStream("threadpool_100k.py")) {
            Files.write(script, in.readAllBytes());
            Process p = new ProcessBuilder(python, script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("CPython's run failed:\n" + out);
            }
            Matcher m = Pattern.compile(": ([0-9.]+) s per").matcher(out);
            if (!m.find()) {
                throw new IOException("unexpected output from CPython:\n" + out);
            }
            return Double.parseDouble(m.group(1));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
