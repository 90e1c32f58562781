package pythreading.tour.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.bench.CPython;

/** The {@code gil} chapter: its table, and that both sides do the same work. */
@Timeout(120)
class GilTests {

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end: " + String.join(" ", command) + "\n" + out);
        }
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    // pythreading: the chapter prints the JVM's row, CPython's when there is one, and says what they mean
    @Test
    void printsBothSidesWithTheirSpeedUps() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String out = run(java, "-cp", System.getProperty("java.class.path"), Gil.class.getName());
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(out).contains("split over " + cores + " threads");
        assertThat(out).containsPattern("pythreading, Java \\d+ +[\\d,]+ +\\d+\\.\\d\\d s +\\d+\\.\\d\\d s +\\d+\\.\\d\\dx");
        if (CPython.find().isPresent()) {
            assertThat(out).containsPattern("threading, CPython 3\\.\\d+\\.\\d+ +[\\d,]+ +\\d+\\.\\d\\d s +\\d+\\.\\d\\d s +\\d+\\.\\d\\dx");
        } else {
            assertThat(out).contains("no python3 on the PATH");
        }
        assertThat(out).contains(cores > 1 ? "global interpreter lock" : "With one core");
    }

    // pythreading: the JVM's count() computes exactly what gil.py's does (64-bit wrap-around)
    @Test
    void javaAndPythonDoTheSameWork() throws Exception {
        Optional<CPython.Interpreter> python = CPython.find();
        assumeTrue(python.isPresent(), "no CPython on this machine");
        String script = "MASK = 0xFFFFFFFFFFFFFFFF\n"
                + "x = 1000\n"
                + "for _ in range(1000):\n"
                + "    x = (x * 6364136223846793005 + 1442695040888963407) & MASK\n"
                + "print(x)\n";
        String out = run(python.get().executable(), "-c", script).trim();
        assertThat(out).isEqualTo(Long.toUnsignedString(Gil.count(1000)));
    }
}
