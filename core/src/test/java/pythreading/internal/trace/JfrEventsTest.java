package pythreading.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JfrEvents}: a JFR round trip. A {@link jdk.jfr.Recording} runs while the events
 * are begun and ended through {@code JfrEvents}'s API (as {@link Recorder} does), is dumped
 * to a file, and the file is read back with {@link RecordingFile} (and printed with the
 * JDK's {@code jfr} tool, where there is one).
 */
@Timeout(60)
class JfrEventsTest {

    private static final List<String> NAMES =
            List.of("pythreading.Wait", "pythreading.Hold", "pythreading.ThreadStart", "pythreading.ThreadEnd");

    @TempDir
    Path dir;

    @Test
    void eventsRoundTrip() throws Exception {
        Path file = dir.resolve("pythreading.jfr");
        String me = Thread.currentThread().getName();
        long waitedNanos;
        Set<Long> threads;
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            for (String name : NAMES) {
                recording.enable(name);
            }
            recording.start();

            Object wait = JfrEvents.waitBegins();
            long begun = System.nanoTime();
            // the wait's length is what is tested: here a sleep is the behaviour
            Thread.sleep(20);
            waitedNanos = System.nanoTime() - begun;
            JfrEvents.waitEnds(wait, "Lock-1", "Lock", "timed out");

            Object hold = JfrEvents.holdBegins();
            JfrEvents.holdEnds(hold, "RLock-1", "RLock", me);

            // a hold ended by another thread (a Lock released by a thread that does not own it)
            Object lent = JfrEvents.holdBegins();
            Thread releaser = new Thread(() -> JfrEvents.holdEnds(lent, "Lock-2", "Lock", me), "releaser");
            releaser.start();
            releaser.join();
            threads = Set.of(Thread.currentThread().getId(), releaser.getId());

            JfrEvents.threadStarted("Thread-1 (worker)", true, false);
            JfrEvents.threadEnded("Thread-1 (worker)");

            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = ours(file, threads);
        assertThat(events).extracting(e -> e.getEventType().getName())
                .containsExactlyInAnyOrder("pythreading.Wait", "pythreading.Hold", "pythreading.Hold",
                        "pythreading.ThreadStart", "pythreading.ThreadEnd");

        RecordedEvent wait = only(events, "pythreading.Wait");
        assertThat(wait.getString("primitive")).isEqualTo("Lock-1");
        assertThat(wait.getString("type")).isEqualTo("Lock");
        assertThat(wait.getString("outcome")).isEqualTo("timed out");
        assertThat(wait.getThread().getJavaName()).isEqualTo(me);
        assertThat(wait.getStackTrace()).isNotNull();
        // begun before the first nanoTime, ended after the second; JFR's clock is not
        // nanoTime, so allow it a millisecond
        assertThat(wait.getDuration())
                .isGreaterThanOrEqualTo(Duration.ofNanos(waitedNanos).minusMillis(1))
                .isGreaterThanOrEqualTo(Duration.ofMillis(19));
        assertThat(wait.getEndTime()).isEqualTo(wait.getStartTime().plus(wait.getDuration()));

        List<RecordedEvent> holds = events.stream()
                .filter(e -> e.getEventType().getName().equals("pythreading.Hold"))
                .collect(Collectors.toList());
        RecordedEvent hold = holds.stream().filter(e -> e.getString("primitive").equals("RLock-1")).findFirst()
                .orElseThrow();
        assertThat(hold.getString("type")).isEqualTo("RLock");
        assertThat(hold.getString("holder")).isEqualTo(me);
        assertThat(hold.getThread().getJavaName()).isEqualTo(me);
        assertThat(hold.getStackTrace()).isNull();
        // JFR's thread is the one that ended the event; the holder field keeps who held it
        RecordedEvent lent = holds.stream().filter(e -> e.getString("primitive").equals("Lock-2")).findFirst()
                .orElseThrow();
        assertThat(lent.getString("holder")).isEqualTo(me);
        assertThat(lent.getThread().getJavaName()).isEqualTo("releaser");

        RecordedEvent started = only(events, "pythreading.ThreadStart");
        assertThat(started.getString("threadName")).isEqualTo("Thread-1 (worker)");
        assertThat(started.getBoolean("daemon")).isTrue();
        assertThat(started.getBoolean("virtual")).isFalse();
        assertThat(started.getDuration()).isEqualTo(Duration.ZERO);
        RecordedEvent ended = only(events, "pythreading.ThreadEnd");
        assertThat(ended.getString("threadName")).isEqualTo("Thread-1 (worker)");

        // the metadata: labels, the category
        EventType type = wait.getEventType();
        assertThat(type.getLabel()).isEqualTo("pythreading Wait");
        assertThat(type.getCategoryNames()).containsExactly("pythreading");
        assertThat(type.getDescription()).isNotBlank();
        assertThat(type.getField("primitive").getLabel()).isEqualTo("Primitive");
        assertThat(type.getField("outcome").getLabel()).isEqualTo("Outcome");
        assertThat(hold.getEventType().getField("holder").getLabel()).isEqualTo("Holder");
        assertThat(started.getEventType().getField("virtual").getLabel()).isEqualTo("Virtual");
        for (RecordedEvent event : events) {
            assertThat(event.getEventType().getCategoryNames()).containsExactly("pythreading");
        }

        // and the JDK's own reader shows the wait
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        assumeTrue(Files.isExecutable(jfr), "no jfr tool in " + jfr.getParent());
        Process print = new ProcessBuilder(jfr.toString(), "print", "--events", "pythreading.Wait", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(print.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(print.exitValue()).as(out).isZero();
        assertThat(out).contains("pythreading.Wait", "primitive = \"Lock-1\"", "outcome = \"timed out\"")
                .doesNotContain("pythreading.Hold");
    }

    // The defaults: a recording that says nothing of pythreading (the default configuration,
    // which a plain -XX:StartFlightRecording uses) keeps the events, waits with their stack
    @Test
    void defaultConfigurationKeepsThem() throws Exception {
        Path file = dir.resolve("default.jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            JfrEvents.waitEnds(JfrEvents.waitBegins(), "Event-1", "Event", "acquired");
            JfrEvents.holdEnds(JfrEvents.holdBegins(), "Semaphore-1", "Semaphore", "worker");
            JfrEvents.threadStarted("worker", false, true);
            JfrEvents.threadEnded("worker");
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = ours(file, Set.of(Thread.currentThread().getId()));
        assertThat(events).extracting(e -> e.getEventType().getName()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(only(events, "pythreading.Wait").getString("primitive")).isEqualTo("Event-1");
        assertThat(only(events, "pythreading.ThreadStart").getBoolean("virtual")).isTrue();
        // a hold of no time at all is kept (no threshold); only a wait has a stack trace
        for (RecordedEvent event : events) {
            boolean isWait = event.getEventType().getName().equals("pythreading.Wait");
            assertThat(event.getStackTrace() != null).as(event.getEventType().getName()).isEqualTo(isWait);
        }
    }

    /**
     * The file's pythreading events committed by {@code threads}: once some test has called
     * {@link Recorder#enableJfr()}, other tests' lingering threads send events too.
     */
    private static List<RecordedEvent> ours(Path file, Set<Long> threads) throws IOException {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("pythreading."))
                .filter(e -> e.getThread() != null && threads.contains(e.getThread().getJavaThreadId()))
                .collect(Collectors.toList());
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> named = events.stream().filter(e -> e.getEventType().getName().equals(name))
                .collect(Collectors.toList());
        assertThat(named).as(name).hasSize(1);
        return named.get(0);
    }
}
