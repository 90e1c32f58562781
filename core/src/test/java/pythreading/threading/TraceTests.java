package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Threading#trace(Path)} and {@code -Dpythreading.trace}: what a user does to see a run. */
@Timeout(60)
class TraceTests {

    private static void contend(Lock lock) {
        Bunch.start(() -> {
            for (int i = 0; i < 5; i++) {
                try (var held = lock.enter()) {
                    java.lang.Thread.yield();
                }
            }
        }, 3).close();
    }

    // pythreading: trace(Path) records until closed, then writes Chrome trace JSON
    @Test
    void writesChromeTraceJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.json");
        Lock lock = Trace.name(new Lock(), "the lock");
        try (Trace trace = Threading.trace(file)) {
            assertThat(trace.path()).isEqualTo(file);
            contend(lock);
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"traceEvents\"").contains("hold the lock");
        assertThat(json).contains("\"ph\":\"X\"");
    }

    // pythreading: a .html name gives the self-contained page; close() twice writes once
    @Test
    void writesHtmlPage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.html");
        Semaphore pool = new Semaphore(2);
        Trace trace = Threading.trace(file);
        Bunch.start(() -> {
            try (var held = pool.enter()) {
                java.lang.Thread.yield();
            }
        }, 4).close();
        trace.close();
        long size = Files.size(file);
        trace.close();
        assertThat(Files.size(file)).isEqualTo(size);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).contains("<svg").contains("Semaphore-").doesNotContain("http://", "https://");
    }

    // pythreading: one recording at a time; a bad path fails at close with the reason
    @Test
    void refusals(@TempDir Path dir) throws Exception {
        try (Trace trace = Threading.trace(dir.resolve("a.json"))) {
            assertThatThrownBy(() -> Threading.trace(dir.resolve("b.json"))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("a pythreading trace is already being recorded");
        }
        assertThatThrownBy(() -> Threading.trace(null)).isInstanceOf(NullPointerException.class);
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Trace trace = Threading.trace(notADirectory.resolve("c.json"));
        assertThatThrownBy(trace::close).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot write the trace to");
    }

    // pythreading: -Dpythreading.trace=FILE,FILE records a whole program and writes at exit
    @Test
    void systemPropertyRecordsAWholeProgram(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("prog.html");
        Path json = dir.resolve("prog.json");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + Trace.FILES_PROPERTY + "=" + html + "," + json, Program.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("pythreading: trace written to " + html, "pythreading: trace written to " + json);
        assertThat(Files.readString(html)).contains("Thread-1");
        assertThat(Files.readString(json)).contains("Thread-1");
    }

    /** The program the system-property test records. */
    static final class Program {
        public static void main(String[] args) {
            Event go = new Event();
            Thread t = new Thread(go::await);
            t.start();
            go.set();
            t.join();
        }
    }
}
