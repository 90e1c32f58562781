package pythreading.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static pythreading.internal.trace.SyntheticRecordings.MS;
import static pythreading.internal.trace.SyntheticRecordings.ORIGIN;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.internal.trace.SyntheticRecordings.Builder;
import pythreading.internal.trace.TraceEvent.Signal;
import pythreading.internal.trace.TraceEvent.Span;

/** {@link ChromeTrace}: the JSON Perfetto and chrome://tracing load, checked with a strict parser. */
@Timeout(10)
class ChromeTraceTests {

    @Test
    void writesTraceEventsAndDisplayTimeUnit() {
        Map<String, Object> root = root(SyntheticRecordings.semaphoreChapter(10, 3));
        assertThat(root).containsOnlyKeys("traceEvents", "displayTimeUnit");
        assertThat(root.get("displayTimeUnit")).isEqualTo("ms");
        assertThat(root.get("traceEvents")).isInstanceOf(List.class);
    }

    @Test
    void everyEventHasPhTsPidTidAndName() {
        for (Recording recording : recordings()) {
            for (Map<String, Object> event : events(recording)) {
                assertThat(event).containsKeys("ph", "ts", "pid", "tid", "name");
                assertThat(event.get("pid")).isEqualTo(BigDecimal.ONE);
                assertThat(event.get("ts")).isInstanceOf(BigDecimal.class);
                assertThat(event.get("name")).isInstanceOf(String.class);
                if (event.get("ph").equals("M")) {
                    assertThat((BigDecimal) event.get("ts")).isEqualByComparingTo("0");
                }
            }
        }
    }

    @Test
    void oneThreadNamePerThreadFromItsLifeOrItsSpans() {
        Builder b = new Builder();
        b.life(5, "worker", 0, 3 * MS, true);
        b.hold(5, "renamed later", "Lock-1", MS, 2 * MS);
        b.hold(1, "MainThread", "Lock-1", 0, MS / 2);
        b.signal(99, "Event-1", "set", 2 * MS);
        List<Map<String, Object>> events = events(b.build(4 * MS));

        Map<Object, List<String>> names = events.stream().filter(e -> e.get("name").equals("thread_name"))
                .collect(Collectors.groupingBy(e -> e.get("tid"),
                        Collectors.mapping(e -> (String) args(e).get("name"), Collectors.toList())));
        assertThat(names).containsOnly(
                Map.entry(new BigDecimal(1), List.of("MainThread")),
                Map.entry(new BigDecimal(5), List.of("worker")),
                Map.entry(new BigDecimal(99), List.of("Thread-99"))); // seen only signalling: named by its signal
        assertThat(events.stream().filter(e -> e.get("name").equals("process_name")))
                .singleElement().satisfies(e -> assertThat(args(e).get("name")).isEqualTo("pythreading"));
        // sorted in order of first appearance: main (0), worker (0, higher tid), the signaller
        assertThat(events.stream().filter(e -> e.get("name").equals("thread_sort_index"))
                .map(e -> List.of(e.get("tid"), args(e).get("sort_index"))))
                .containsExactly(List.of(new BigDecimal(1), new BigDecimal(0)),
                        List.of(new BigDecimal(5), new BigDecimal(1)),
                        List.of(new BigDecimal(99), new BigDecimal(2)));
    }

    @Test
    void spansAreCompleteEventsWithTheirTimes() {
        Recording recording = SyntheticRecordings.conditionHandOff();
        List<Map<String, Object>> complete = phase(events(recording), "X");
        for (TraceEvent event : recording.events()) {
            if (!(event instanceof Span)) {
                continue;
            }
            Span span = (Span) event;
            String verb = Map.of(Span.Kind.WAIT, "wait", Span.Kind.HOLD, "hold").get(span.kind());
            assertThat(complete).filteredOn(e -> e.get("name").equals(verb + " " + span.primitive())
                            && tid(e) == span.tid() && micros(e.get("ts")).equals(micros(span.startNanos() - ORIGIN)))
                    .singleElement().satisfies(e -> {
                        assertThat((BigDecimal) e.get("dur"))
                                .isEqualByComparingTo(micros(span.endNanos() - span.startNanos()));
                        assertThat(e.get("cat")).isEqualTo(verb);
                        assertThat(args(e)).containsExactly(Map.entry("primitive", span.primitive()),
                                Map.entry("type", span.primitiveType()), Map.entry("outcome", span.outcome()));
                    });
        }
        // ts and dur are microseconds to the nanosecond: the wait of 5.003 ms from 0.2 ms
        assertThat(complete).filteredOn(e -> e.get("name").equals("wait Condition-1")).singleElement()
                .satisfies(e -> {
                    assertThat((BigDecimal) e.get("ts")).isEqualByComparingTo("200.000");
                    assertThat((BigDecimal) e.get("dur")).isEqualByComparingTo("5003.000");
                });
    }

    @Test
    void tasksAreNamedQueuedAndRun() {
        Builder b = new Builder();
        b.span(Span.Kind.TASK_QUEUED, 1, "MainThread", "ThreadPoolExecutor-1", 0, 1_500, "started", 0);
        b.span(Span.Kind.TASK_RUNNING, 7, "ThreadPoolExecutor-1_0", "ThreadPoolExecutor-1", 1_500, 9_999, "done", 0);
        List<Map<String, Object>> complete = phase(events(b.build(MS)), "X");
        assertThat(complete).extracting(e -> e.get("name"), e -> e.get("cat"), e -> micros(e.get("dur")))
                .containsExactly(
                        tuple("queued ThreadPoolExecutor-1", "task", "1.500"),
                        tuple("run ThreadPoolExecutor-1", "task", "8.499"));
    }

    @Test
    void threadLivesSpanTheirThreadsAndAnUnendedOneRunsToTheEnd() {
        Builder b = new Builder();
        b.life(3, "done", MS, 2 * MS, true);
        b.life(4, "alive", MS, MS, false);
        List<Map<String, Object>> complete = phase(events(b.build(10 * MS)), "X");
        assertThat(complete).extracting(e -> e.get("name"), e -> micros(e.get("ts")), e -> micros(e.get("dur")))
                .containsExactlyInAnyOrder(
                        tuple("thread done", "1000.000", "1000.000"),
                        tuple("thread alive", "1000.000", "9000.000"));
        assertThat(complete).allSatisfy(e -> assertThat(e.get("cat")).isEqualTo("thread"));
    }

    @Test
    void wakeUpArrowsGoFromTheSignalToTheEndOfTheWait() {
        Recording recording = SyntheticRecordings.semaphoreChapter(10, 3);
        List<Map<String, Object>> events = events(recording);
        Map<Long, Signal> signals = new HashMap<>();
        List<Span> woken = new ArrayList<>();
        for (TraceEvent event : recording.events()) {
            if (event instanceof Signal) {
                signals.put(((Signal) event).flowId(), (Signal) event);
            } else if (event instanceof Span && ((Span) event).flowId() != 0) {
                woken.add((Span) event);
            }
        }
        assertThat(woken).hasSize(7);
        List<Map<String, Object>> starts = phase(events, "s");
        List<Map<String, Object>> ends = phase(events, "f");
        assertThat(starts).hasSize(woken.size());
        assertThat(ends).hasSize(woken.size());
        List<Map<String, Object>> complete = phase(events, "X");
        for (Span wait : woken) {
            Signal signal = signals.get(wait.flowId());
            Map<String, Object> start = byId(starts, wait.flowId());
            Map<String, Object> end = byId(ends, wait.flowId());
            assertThat(start).containsEntry("cat", "wake").containsEntry("name", "wake");
            assertThat(end).containsEntry("cat", "wake").containsEntry("name", "wake").containsEntry("bp", "e");
            // the start lies in the signal's own slice, at most 1 µs long, on the signaller's track
            assertThat(tid(start)).isEqualTo(signal.tid());
            assertThat(complete).filteredOn(e -> tid(e) == signal.tid() && e.get("name").equals("release Semaphore-1")
                            && micros(e.get("ts")).equals(micros(signal.nanos() - ORIGIN)))
                    .singleElement().satisfies(slice -> {
                        assertThat((BigDecimal) slice.get("dur")).isLessThanOrEqualTo(BigDecimal.ONE);
                        assertThat(within(start, slice)).isTrue();
                    });
            // the end lies in the wait's slice, on the waiter's track
            assertThat(tid(end)).isEqualTo(wait.tid());
            assertThat(complete).filteredOn(e -> tid(e) == wait.tid() && e.get("name").equals("wait Semaphore-1")
                            && micros(e.get("ts")).equals(micros(wait.startNanos() - ORIGIN)))
                    .singleElement().satisfies(slice -> assertThat(within(end, slice)).isTrue());
        }
    }

    @Test
    void aSignalThatWokeSeveralWaitsStartsOneArrowEach() {
        Builder b = new Builder();
        long set = b.signal(1, "Event-1", "set", 5 * MS);
        for (int tid = 2; tid <= 4; tid++) {
            b.span(Span.Kind.WAIT, tid, "Thread-" + tid, "Event-1", MS, 5 * MS + tid * 1_000, "set", set);
        }
        List<Map<String, Object>> events = events(b.build(6 * MS));
        List<Object> startIds = phase(events, "s").stream().map(e -> e.get("id")).collect(Collectors.toList());
        List<Object> endIds = phase(events, "f").stream().map(e -> e.get("id")).collect(Collectors.toList());
        assertThat(startIds).hasSize(3).doesNotHaveDuplicates().contains(new BigDecimal(set));
        assertThat(endIds).containsExactlyInAnyOrderElementsOf(startIds);
    }

    @Test
    void signalsThatWokeNoWaitAreThreadInstants() {
        Builder b = new Builder();
        b.signal(1, "Lock-1", "release", 1_234);
        List<Map<String, Object>> events = events(b.build(MS));
        assertThat(phase(events, "i")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("name", "release Lock-1").containsEntry("s", "t");
            assertThat((BigDecimal) e.get("ts")).isEqualByComparingTo("1.234");
            assertThat(args(e)).containsEntry("primitive", "Lock-1").containsEntry("call", "release");
        });
        assertThat(phase(events, "X")).isEmpty();
    }

    @Test
    void slicesThatWouldCrossAnotherOnTheirTrackAreAsync() {
        Builder b = new Builder();
        b.life(5, "Thread-1", 0, 10 * MS, true);
        b.hold(5, "Thread-1", "Lock-1", MS, 5 * MS);
        b.hold(5, "Thread-1", "Lock-2", 2 * MS, 7 * MS); // released out of order
        b.span(Span.Kind.TASK_QUEUED, 1, "MainThread", "ThreadPoolExecutor-1", MS, 4 * MS, "started", 0);
        b.span(Span.Kind.TASK_QUEUED, 1, "MainThread", "ThreadPoolExecutor-1", 2 * MS, 6 * MS, "started", 0);
        List<Map<String, Object>> events = events(b.build(10 * MS));

        assertThat(phase(events, "X")).extracting(e -> e.get("name"))
                .containsExactlyInAnyOrder("thread Thread-1", "hold Lock-1", "queued ThreadPoolExecutor-1");
        List<Map<String, Object>> begins = phase(events, "b");
        List<Map<String, Object>> asyncEnds = phase(events, "e");
        assertThat(begins).extracting(e -> e.get("name"), e -> micros(e.get("ts")))
                .containsExactlyInAnyOrder(tuple("hold Lock-2", "2000.000"),
                        tuple("queued ThreadPoolExecutor-1", "2000.000"));
        for (Map<String, Object> begin : begins) {
            assertThat(asyncEnds).filteredOn(e -> e.get("id").equals(begin.get("id"))).singleElement()
                    .satisfies(end -> {
                        assertThat(end.get("name")).isEqualTo(begin.get("name"));
                        assertThat(end.get("cat")).isEqualTo(begin.get("cat"));
                        assertThat(end.get("tid")).isEqualTo(begin.get("tid"));
                    });
        }
        assertThat(asyncEnds).extracting(e -> micros(e.get("ts"))).containsExactlyInAnyOrder("7000.000", "6000.000");
        assertThat(begins).allSatisfy(e -> assertThat(args(e)).containsKey("thread_id"));
    }

    @Test
    void completeEventsNestOnEveryTrack() {
        for (Recording recording : recordings()) {
            Map<Object, List<Map<String, Object>>> byTid = phase(events(recording), "X").stream()
                    .collect(Collectors.groupingBy(e -> e.get("tid")));
            for (List<Map<String, Object>> slices : byTid.values()) {
                for (Map<String, Object> a : slices) {
                    for (Map<String, Object> b : slices) {
                        BigDecimal aStart = (BigDecimal) a.get("ts");
                        BigDecimal aEnd = aStart.add((BigDecimal) a.get("dur"));
                        BigDecimal bStart = (BigDecimal) b.get("ts");
                        BigDecimal bEnd = bStart.add((BigDecimal) b.get("dur"));
                        boolean disjoint = aEnd.compareTo(bStart) <= 0 || bEnd.compareTo(aStart) <= 0;
                        boolean aInB = aStart.compareTo(bStart) >= 0 && aEnd.compareTo(bEnd) <= 0;
                        boolean bInA = bStart.compareTo(aStart) >= 0 && bEnd.compareTo(aEnd) <= 0;
                        assertThat(disjoint || aInB || bInA).as("%s and %s", a, b).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aSignalsSliceEndsBeforeTheThreadsNextSlice() {
        Builder b = new Builder();
        long release = b.signal(1, "Lock-1", "release", MS);
        b.hold(1, "MainThread", "Lock-2", MS + 300, 2 * MS);
        b.span(Span.Kind.WAIT, 2, "Thread-2", "Lock-1", 0, MS + 5_000, "acquired", release);
        List<Map<String, Object>> events = events(b.build(3 * MS));
        assertThat(phase(events, "X")).filteredOn(e -> e.get("name").equals("release Lock-1")).singleElement()
                .satisfies(e -> assertThat((BigDecimal) e.get("dur")).isEqualByComparingTo("0.300"));
        assertThat(phase(events, "s")).hasSize(1);
    }

    @Test
    void stringsAreEscapedAndTheOutputIsAscii() {
        String thread = "we\"ird\\name\nwith\ttab\u0001, \u00e9, \ud83d\ude00 and \u2028";
        String primitive = "Lock-\"1\" </script>";
        Builder b = new Builder();
        b.life(8, thread, 0, MS, true);
        b.hold(8, thread, primitive, 10, 20);
        String json = json(b.build(MS));
        assertThat(json.chars()).allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n');
        List<Map<String, Object>> events = events(json);
        assertThat(events).filteredOn(e -> e.get("name").equals("thread_name")).singleElement()
                .satisfies(e -> assertThat(args(e).get("name")).isEqualTo(thread));
        assertThat(phase(events, "X")).extracting(e -> e.get("name"))
                .containsExactlyInAnyOrder("thread " + thread, "hold " + primitive);
    }

    @Test
    void anEmptyRecordingIsValid() {
        List<Map<String, Object>> events = events(new Builder().build(MS));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.get("name")).isEqualTo("process_name"));
    }

    @Test
    void microsecondsHaveThreeDecimals() {
        assertThat(ChromeTrace.micros(0)).isEqualTo("0.000");
        assertThat(ChromeTrace.micros(1)).isEqualTo("0.001");
        assertThat(ChromeTrace.micros(12_345_678)).isEqualTo("12345.678");
        assertThat(ChromeTrace.micros(-1_050)).isEqualTo("-1.050");
    }

    // ------------------------------------------------------------------ helpers

    private static List<Recording> recordings() {
        Builder crossing = new Builder();
        crossing.hold(5, "Thread-1", "Lock-1", MS, 5 * MS);
        crossing.hold(5, "Thread-1", "Lock-2", 2 * MS, 7 * MS);
        long signal = crossing.signal(5, "Lock-1", "release", 5 * MS);
        crossing.wait(6, "Thread-2", "Lock-1", MS, 5 * MS + 10, signal);
        return List.of(SyntheticRecordings.semaphoreChapter(10, 3), SyntheticRecordings.conditionHandOff(),
                crossing.build(8 * MS), new Builder().build(MS));
    }

    static String json(Recording recording) {
        StringWriter out = new StringWriter();
        try {
            ChromeTrace.write(recording, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> root(Recording recording) {
        return (Map<String, Object>) MiniJson.parse(json(recording));
    }

    private static List<Map<String, Object>> events(Recording recording) {
        return events(json(recording));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String json) {
        return (List<Map<String, Object>>) ((Map<String, Object>) MiniJson.parse(json)).get("traceEvents");
    }

    private static List<Map<String, Object>> phase(List<Map<String, Object>> events, String ph) {
        return events.stream().filter(e -> e.get("ph").equals(ph)).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> event) {
        return (Map<String, Object>) event.get("args");
    }

    private static long tid(Map<String, Object> event) {
        return ((BigDecimal) event.get("tid")).longValueExact();
    }

    private static Map<String, Object> byId(List<Map<String, Object>> events, long id) {
        return events.stream().filter(e -> ((BigDecimal) e.get("id")).longValueExact() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no flow event with id " + id + " in " + events));
    }

    /** Whether the instant {@code event} lies in the complete event {@code slice}: from its start, before its end. */
    private static boolean within(Map<String, Object> event, Map<String, Object> slice) {
        BigDecimal ts = (BigDecimal) event.get("ts");
        BigDecimal start = (BigDecimal) slice.get("ts");
        BigDecimal end = start.add((BigDecimal) slice.get("dur"));
        return ts.compareTo(start) >= 0 && ts.compareTo(end) < 0;
    }

    /** Nanoseconds as the microseconds the writer prints. */
    private static String micros(long nanos) {
        return BigDecimal.valueOf(nanos).movePointLeft(3).setScale(3).toPlainString();
    }

    private static String micros(Object value) {
        return ((BigDecimal) value).setScale(3).toPlainString();
    }
}
