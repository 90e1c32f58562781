package pythreading.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HtmlTimeline}'s page in a real browser: headless Chromium (Debian's
 * {@code chromium} package, {@code /usr/bin/chromium}) loads it from a file, runs its
 * script and dumps the DOM; the test counts lanes and hold bars in that DOM, checks the
 * script's {@code data-ready} mark (set last, so any script error leaves it at 0), and
 * reads Chromium's log for console errors. Skipped when Chromium is not installed.
 */
@Timeout(60)
class HtmlTimelineBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CLASS = Pattern.compile("class=\"([a-z]+)\"");

    @TempDir
    Path dir;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "headless Chromium is not installed at " + CHROMIUM + " (apt-get install -y chromium): skipped");
    }

    @Test
    void theSemaphoreChapterLoadsWithALanePerThreadAndEveryHold() throws Exception {
        Recording recording = SyntheticRecordings.semaphoreChapter(10, 3);
        Loaded page = load(recording);
        assertThat(page.count("lane")).isEqualTo(10);
        assertThat(page.count("hold")).isEqualTo(SyntheticRecordings.holds(recording));
        assertThat(page.count("wait")).isEqualTo(7);
        page.assertScriptRanWithoutErrors();
    }

    @Test
    void theConditionHandOffLoads() throws Exception {
        Recording recording = SyntheticRecordings.conditionHandOff();
        Loaded page = load(recording);
        assertThat(page.count("lane")).isEqualTo(2);
        assertThat(page.count("hold")).isEqualTo(SyntheticRecordings.holds(recording));
        assertThat(page.count("wake")).isEqualTo(2 + 1); // and the legend's key
        page.assertScriptRanWithoutErrors();
    }

    /** What Chromium made of a page: the DOM after its script ran, and Chromium's log. */
    private static final class Loaded {
        final String dom;
        final String log;

        Loaded(String dom, String log) {
            this.dom = dom;
            this.log = log;
        }

        /** The elements whose class is exactly {@code cls}. */
        long count(String cls) {
            Matcher matcher = CLASS.matcher(dom);
            long count = 0;
            while (matcher.find()) {
                if (matcher.group(1).equals(cls)) {
                    count++;
                }
            }
            return count;
        }

        void assertScriptRanWithoutErrors() {
            assertThat(dom).as("the DOM after the script ran").containsPattern("<body[^>]* data-ready=\"1\"");
            List<String> errors = log.lines()
                    .filter(line -> line.contains("Uncaught") || line.contains("CONSOLE") && line.contains("rror"))
                    .collect(Collectors.toList());
            assertThat(errors).as("console errors in Chromium's log").isEmpty();
        }
    }

    private Loaded load(Recording recording) throws IOException, InterruptedException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, HtmlTimelineTests.html(recording, "browser test"), StandardCharsets.UTF_8);
        Path profile = Files.createDirectory(dir.resolve("profile"));
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString()));
        Process chromium = new ProcessBuilder(command).redirectOutput(dom.toFile()).redirectError(log.toFile())
                .start();
        try {
            boolean exited = chromium.waitFor(45, TimeUnit.SECONDS);
            assertThat(exited).as("Chromium exited within 45 s").isTrue();
            assertThat(chromium.exitValue()).as("Chromium's exit code; its log:%n%s", Files.readString(log))
                    .isZero();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        return new Loaded(Files.readString(dom), Files.readString(log));
    }
}
