package pythreading.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static pythreading.cli.CommandRun.execute;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import pythreading.cli.CommandRun;
import pythreading.cli.Main;

/** {@code pythreading tour}: listing the chapters, refusing unknown ones, and running one. */
@Timeout(60)
class TourCommandTests {

    /** The chapters of TOUR.md's table, in order. */
    private static final List<String> CHAPTERS = List.of("create", "naming", "daemon", "enumerate", "subclass",
            "timer", "event", "lock", "rlock", "with", "condition", "queue", "semaphore", "pool", "local", "gil");

    /** What one in-process run of the command printed, and its exit code. */


    // pythreading: --list names every chapter, in order, each with its summary.
    @Test
    void listNamesEveryChapter() {
        CommandRun result = execute("tour", "--list");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        List<String> names = lines.stream().map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).containsSubsequence(CHAPTERS);
        assertThat(names).containsExactlyElementsOf(Chapters.all().stream().map(Chapter::name).toList());
        for (Chapter chapter : Chapters.all()) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(chapter.name()).endsWith(chapter.summary()));
        }
    }

    // pythreading: an unknown chapter is a usage error (exit code 2) that lists the valid names.
    @Test
    void unknownChapterExitsWithTwoAndListsTheChapters() {
        CommandRun result = execute("tour", "nosuchchapter");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nosuchchapter");
        for (String name : CHAPTERS) {
            assertThat(result.err()).contains(name);
        }
        assertThat(result.out()).doesNotContain("==");
    }

    // pythreading: "tour daemon" prints the chapter's header, then each example's header and output.
    // (In a JVM of its own: the examples write straight to the standard output they inherit.)
    @Test
    void runsOneChapterWithItsHeaders() throws Exception {
        String out = runInItsOwnJvm("tour", "daemon");
        List<String> lines = out.lines().toList();
        Chapter daemon = Chapters.named("daemon").orElseThrow();
        assertThat(lines).containsSubsequence(
                "== daemon: " + daemon.summary() + " ==",
                "-- 03: " + daemon.examples().get(0).title() + " (Daemon) --",
                "(non-daemon) Exiting",
                "-- 03b: " + daemon.examples().get(1).title() + " (Join) --",
                "(daemon   ) Exiting",
                "-- 03c: " + daemon.examples().get(2).title() + " (JoinTimeout) --",
                "d.isAlive() True");
        for (Example example : daemon.examples()) {
            assertThat(lines).contains("-- " + example.id() + ": " + example.title()
                    + " (" + example.mainClass().getSimpleName() + ") --");
        }
        assertThat(out).doesNotContain("!!").doesNotContain("== create");
    }

    // pythreading: "tour semaphore --timeline" writes the page and the JSON, prints both
    // paths, and the recording never shows more than 3 of the 10 threads in the pool
    @Test
    void timelineOfTheSemaphoreChapter(@TempDir Path dir) throws Exception {
        String out = runInItsOwnJvm("tour", "semaphore", "--timeline", "--timeline-dir", dir.toString());
        Path html = dir.toAbsolutePath().resolve("semaphore.html");
        Path json = dir.toAbsolutePath().resolve("semaphore.json");
        assertThat(out).contains("pythreading: trace written to " + html, "pythreading: trace written to " + json);
        assertThat(Files.readString(html)).contains("thread_9");
        Matcher hold = Pattern.compile("\"name\":\"hold (Semaphore-\\d+)\",[^}]*\"ts\":([0-9.]+),\"dur\":([0-9.]+)")
                .matcher(Files.readString(json));
        List<double[]> edges = new ArrayList<>();
        while (hold.find()) {
            double ts = Double.parseDouble(hold.group(2));
            edges.add(new double[] {ts, 1});
            edges.add(new double[] {ts + Double.parseDouble(hold.group(3)), -1});
        }
        assertThat(edges).as("one hold per thread").hasSize(20);
        edges.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        int holders = 0;
        int most = 0;
        for (double[] e : edges) {
            holders += (int) e[1];
            most = Math.max(most, holders);
        }
        assertThat(most).as("holders at any moment").isBetween(1, 3);
    }

    /**
     * Runs {@code pythreading ARGS} in a JVM of its own (the examples write straight to the
     * standard output they inherit) and returns its output, once it has exited with 0.
     */
    private static String runInItsOwnJvm(String... args) throws Exception {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(45, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("pythreading " + String.join(" ", args) + " did not end within 45 s");
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
