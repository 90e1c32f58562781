package pythreading.internal.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pythreading.internal.trace.TraceEvent.Signal;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.internal.trace.TraceEvent.ThreadLife;

/**
 * Writes a {@link Recording} as Chrome trace-event JSON, the format Perfetto
 * (ui.perfetto.dev) and chrome://tracing open: {@code {"traceEvents": [...],
 * "displayTimeUnit": "ms"}}, one process ({@code pid} 1, named {@code pythreading}) and
 * one track per thread ({@code tid} = the Java thread id).
 *
 * <p>What is written, every event with {@code ph}, {@code ts}, {@code pid}, {@code tid}
 * and {@code name}:
 * <ul>
 * <li>metadata ({@code ph:"M"}, {@code ts} 0): {@code process_name}, and per thread its
 *     {@code thread_name} and a {@code thread_sort_index} in order of first appearance;
 * <li>a complete event ({@code ph:"X"}) per thread life, {@code "thread NAME"} (cat
 *     {@code thread}), from its start to its end or to the end of the recording;
 * <li>a complete event per span, named by what the thread did and the primitive:
 *     {@code "wait Lock-1"}, {@code "hold Semaphore-2"},
 *     {@code "queued ThreadPoolExecutor-1"}, {@code "run ThreadPoolExecutor-1"}; cat
 *     {@code wait}, {@code hold} or {@code task}; args {@code {primitive, type, outcome}};
 * <li>per signal an instant event ({@code ph:"i"}, {@code s:"t"}), {@code "release Lock-1"};
 *     except that a signal which woke a wait is a slice of at most 1 µs instead (cat
 *     {@code signal}), because a flow can only start inside a slice;
 * <li>per wake-up an arrow, a flow (cat and name {@code wake}): its start ({@code ph:"s"})
 *     inside the signal's slice, its end ({@code ph:"f"}, {@code bp:"e"}, bound to the
 *     enclosing slice) one nanosecond before the end of the wait it ended. The id is the
 *     signal's {@code flowId}; a signal that woke several waits starts one arrow per wait,
 *     the second and later ones with fresh ids above every {@code flowId}.
 * </ul>
 *
 * <p>Slices on one thread's track must nest: Perfetto drops a slice that overlaps another
 * without nesting. The slices of each thread are placed in order of start (a thread's
 * life first, a wait inside a hold of the same interval, since an arrow binds to the
 * innermost slice), and one that would cross a slice already placed (a hold released out
 * of order, tasks queued side by side) is written as an async slice ({@code ph:"b"} and
 * {@code "e"}, args with the thread) instead, which Perfetto stacks on the process's
 * async tracks.
 *
 * <p>Times are microseconds since the recording's start, written with three decimals:
 * Perfetto rounds {@code ts * 1000} to the nearest nanosecond, so what nests in
 * nanoseconds here nests there. Strings are JSON-escaped, every character outside
 * printable ASCII as {@code \}{@code uXXXX}: the output is ASCII whatever the writer's
 * charset.
 *
 * <p>References: the Trace Event Format (Google, linked from Catapult's
 * {@code docs/trace-event-format.md}), and Perfetto's JSON importer
 * ({@code src/trace_processor/importers/json/}) for how flows bind to slices.
 */
public final class ChromeTrace {

    private static final int PID = 1;
    /** The longest slice a signal that woke a wait is drawn as. */
    private static final long SIGNAL_SLICE_NANOS = 1_000;

    // Of slices with the same interval on one track, the lower rank encloses the higher.
    private static final int LIFE = 0;
    private static final int RUNNING = 1;
    private static final int QUEUED = 2;
    private static final int HOLD = 3;
    private static final int WAIT = 4;
    private static final int SIGNAL = 5;

    private final Recording recording;
    private final List<Entry> entries = new ArrayList<>();
    /** The recording's signals by flowId, in recording order. */
    private final Map<Long, Signal> signals = new LinkedHashMap<>();
    private long maxFlowId;
    /** The waits each recorded signal ended, by the signal's flowId. */
    private final Map<Long, List<Span>> woken = new LinkedHashMap<>();
    /** Each thread's slices. */
    private final Map<Long, List<Slice>> slicesByTid = new LinkedHashMap<>();
    private final Map<Span, Slice> waitSlices = new IdentityHashMap<>();
    private final Map<Signal, Slice> signalSlices = new IdentityHashMap<>();
    private long nextAsyncId = 1;

    private ChromeTrace(Recording recording) {
        this.recording = recording;
    }

    /**
     * Writes {@code recording} to {@code out} as Chrome trace-event JSON.
     *
     * @param recording what was recorded
     * @param out where to write; not closed
     * @throws IOException if {@code out} fails
     */
    public static void write(Recording recording, Writer out) throws IOException {
        ChromeTrace trace = new ChromeTrace(recording);
        trace.build();
        trace.entries.sort(Comparator.comparing((Entry e) -> !e.metadata)
                .thenComparingLong(e -> e.ts)
                .thenComparingInt(e -> e.phase)
                .thenComparingLong(e -> -e.dur));
        out.write("{\"traceEvents\":[");
        String separator = "\n";
        for (Entry entry : trace.entries) {
            out.write(separator);
            out.write(entry.json);
            separator = ",\n";
        }
        out.write("\n],\"displayTimeUnit\":\"ms\"}\n");
        out.flush();
    }

    // ------------------------------------------------------------------ events

    private void build() {
        metadata(Tracks.of(recording));
        collect();
        signals();
        for (List<Slice> slices : slicesByTid.values()) {
            place(slices);
            for (Slice slice : slices) {
                slice(slice);
            }
        }
        arrows();
    }

    /** The slices of lives and spans, the signals, and which waits each signal ended. */
    private void collect() {
        for (TraceEvent event : recording.events()) {
            if (event instanceof Signal) {
                Signal signal = (Signal) event;
                signals.put(signal.flowId(), signal);
                maxFlowId = Math.max(maxFlowId, signal.flowId());
            }
        }
        for (TraceEvent event : recording.events()) {
            if (event instanceof ThreadLife) {
                ThreadLife life = (ThreadLife) event;
                add(new Slice(life.tid(), life.startNanos(), Tracks.endOf(life, recording), LIFE,
                        "thread " + life.name(), "thread", args("daemon", life.daemon(), "virtual", life.virtual(),
                                "ended", life.ended())));
            } else if (event instanceof Span) {
                Span span = (Span) event;
                Slice slice = new Slice(span.tid(), span.startNanos(), span.endNanos(), rank(span.kind()),
                        verb(span.kind()) + " " + span.primitive(), category(span.kind()),
                        args("primitive", span.primitive(), "type", span.primitiveType(), "outcome", span.outcome()));
                add(slice);
                if (span.kind() == Span.Kind.WAIT) {
                    waitSlices.put(span, slice);
                    if (span.flowId() != 0 && signals.containsKey(span.flowId())) {
                        woken.computeIfAbsent(span.flowId(), id -> new ArrayList<>()).add(span);
                    }
                }
            }
        }
    }

    /**
     * A signal that woke a wait becomes a slice, ending before anything else happens on
     * its thread (so it crosses nothing) and at most 1 µs after it; the others instants.
     */
    private void signals() {
        Map<Long, long[]> boundaries = boundaries();
        for (Signal signal : signals.values()) {
            String name = signal.what() + " " + signal.primitive();
            Object[] args = args("primitive", signal.primitive(), "call", signal.what());
            if (woken.containsKey(signal.flowId())) {
                long room = nextAfter(boundaries.get(signal.tid()), signal.nanos()) - signal.nanos();
                Slice slice = new Slice(signal.tid(), signal.nanos(),
                        signal.nanos() + Math.min(SIGNAL_SLICE_NANOS, room), SIGNAL, name, "signal", args);
                add(slice);
                signalSlices.put(signal, slice);
            } else {
                entries.add(new Entry(false, relative(signal.nanos()), 'i', 0,
                        event("i", name, signal.tid(), signal.nanos()).text("cat", "signal").text("s", "t")
                                .raw("args", json(args)).end()));
            }
        }
    }

    /** A flow from each signal's slice to the end of each wait it ended. */
    private void arrows() {
        long nextFlowId = maxFlowId + 1;
        for (Map.Entry<Long, List<Span>> entry : woken.entrySet()) {
            Signal signal = signals.get(entry.getKey());
            Slice from = signalSlices.get(signal);
            boolean first = true;
            for (Span wait : entry.getValue()) {
                Slice to = waitSlices.get(wait);
                // Both ends must be slices on their threads' tracks, the wait long enough to
                // hold its arrow's end strictly inside.
                if (!from.onTrack || !to.onTrack || to.end - to.start < 2) {
                    continue;
                }
                long id = first ? signal.flowId() : nextFlowId++;
                first = false;
                long start = from.start + (from.end - from.start) / 2;
                entries.add(new Entry(false, relative(start), 's', 0,
                        event("s", "wake", signal.tid(), start).text("cat", "wake").number("id", id).end()));
                entries.add(new Entry(false, relative(to.end - 1), 'f', 0,
                        event("f", "wake", wait.tid(), to.end - 1).text("cat", "wake").number("id", id)
                                .text("bp", "e").end()));
            }
        }
    }

    private void metadata(List<Tracks.Track> tracks) {
        long processTid = tracks.isEmpty() ? 0 : tracks.get(0).tid();
        entries.add(new Entry(true, 0, 'M', 0, metadataEvent("process_name", processTid)
                .raw("args", json(args("name", "pythreading"))).end()));
        for (int i = 0; i < tracks.size(); i++) {
            Tracks.Track track = tracks.get(i);
            entries.add(new Entry(true, 0, 'M', 0, metadataEvent("thread_name", track.tid())
                    .raw("args", json(args("name", track.name()))).end()));
            entries.add(new Entry(true, 0, 'M', 0, metadataEvent("thread_sort_index", track.tid())
                    .raw("args", json(args("sort_index", i))).end()));
        }
    }

    /** Writes {@code slice}: a complete event on its thread's track, or else an async pair. */
    private void slice(Slice slice) {
        long ts = relative(slice.start);
        long dur = slice.end - slice.start;
        if (slice.onTrack) {
            entries.add(new Entry(false, ts, 'X', dur, event("X", slice.name, slice.tid, slice.start)
                    .micros("dur", dur).text("cat", slice.cat).raw("args", json(slice.args)).end()));
            return;
        }
        String id = "span-" + nextAsyncId++;
        Object[] args = Arrays.copyOf(slice.args, slice.args.length + 2);
        args[args.length - 2] = "thread_id";
        args[args.length - 1] = slice.tid;
        entries.add(new Entry(false, ts, 'b', dur, event("b", slice.name, slice.tid, slice.start)
                .text("cat", slice.cat).text("id", id).raw("args", json(args)).end()));
        entries.add(new Entry(false, ts + dur, 'e', 0, event("e", slice.name, slice.tid, slice.end)
                .text("cat", slice.cat).text("id", id).end()));
    }

    // ------------------------------------------------------------------ nesting

    /**
     * Marks the slices of one track that can be written on it: in order of start (then
     * longest first, then by rank), a slice goes on the track if it lies inside every
     * placed slice still open at its start; otherwise it would cross one.
     */
    private static void place(List<Slice> slices) {
        slices.sort(Comparator.comparingLong((Slice s) -> s.start)
                .thenComparingLong(s -> -s.end)
                .thenComparingInt(s -> s.rank));
        Deque<Long> openEnds = new ArrayDeque<>();
        for (Slice slice : slices) {
            while (!openEnds.isEmpty() && openEnds.peek() <= slice.start) {
                openEnds.pop();
            }
            if (openEnds.isEmpty() || slice.end <= openEnds.peek()) {
                slice.onTrack = true;
                openEnds.push(slice.end);
            }
        }
    }

    /**
     * Per thread, every time a slice starts or ends or the thread signals, sorted: a
     * signal's slice ends before the next of them.
     */
    private Map<Long, long[]> boundaries() {
        Map<Long, List<Long>> times = new HashMap<>();
        for (List<Slice> slices : slicesByTid.values()) {
            for (Slice slice : slices) {
                List<Long> list = times.computeIfAbsent(slice.tid, tid -> new ArrayList<>());
                list.add(slice.start);
                list.add(slice.end);
            }
        }
        for (Signal signal : signals.values()) {
            times.computeIfAbsent(signal.tid(), tid -> new ArrayList<>()).add(signal.nanos());
        }
        Map<Long, long[]> sorted = new HashMap<>();
        for (Map.Entry<Long, List<Long>> entry : times.entrySet()) {
            long[] array = entry.getValue().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(array);
            sorted.put(entry.getKey(), array);
        }
        return sorted;
    }

    /** The first of the sorted {@code times} after {@code t}, or {@link Long#MAX_VALUE}. */
    private static long nextAfter(long[] times, long t) {
        int i = Arrays.binarySearch(times, t);
        i = i < 0 ? -i - 1 : i;
        while (i < times.length && times[i] <= t) {
            i++;
        }
        return i < times.length ? times[i] : Long.MAX_VALUE;
    }

    // ------------------------------------------------------------------ names

    private static String verb(Span.Kind kind) {
        switch (kind) {
            case WAIT:
                return "wait";
            case HOLD:
                return "hold";
            case TASK_QUEUED:
                return "queued";
            default:
                return "run";
        }
    }

    private static String category(Span.Kind kind) {
        return kind == Span.Kind.WAIT ? "wait" : kind == Span.Kind.HOLD ? "hold" : "task";
    }

    private static int rank(Span.Kind kind) {
        switch (kind) {
            case WAIT:
                return WAIT;
            case HOLD:
                return HOLD;
            case TASK_QUEUED:
                return QUEUED;
            default:
                return RUNNING;
        }
    }

    // ------------------------------------------------------------------ JSON

    private long relative(long nanos) {
        return nanos - recording.startNanos();
    }

    private Json event(String ph, String name, long tid, long nanos) {
        return new Json().text("ph", ph).text("name", name).number("pid", PID).number("tid", tid)
                .micros("ts", relative(nanos));
    }

    private static Json metadataEvent(String name, long tid) {
        return new Json().text("ph", "M").text("name", name).number("pid", PID).number("tid", tid).number("ts", 0);
    }

    /** Alternating keys and values, for {@link #json}. */
    private static Object[] args(Object... keysAndValues) {
        return keysAndValues;
    }

    /** A JSON object of {@code key, value} pairs: strings quoted, numbers and booleans as they are. */
    private static String json(Object... keysAndValues) {
        Json json = new Json();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof Number || value instanceof Boolean) {
                json.raw((String) keysAndValues[i], value.toString());
            } else {
                json.text((String) keysAndValues[i], String.valueOf(value));
            }
        }
        return json.end();
    }

    /** {@code nanos} as microseconds with three decimals. */
    static String micros(long nanos) {
        long abs = Math.abs(nanos);
        long fraction = abs % 1000;
        return (nanos < 0 ? "-" : "") + abs / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }

    /** Appends {@code s} as a JSON string, ASCII only. */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** One JSON object, written field by field. */
    private static final class Json {
        private final StringBuilder text = new StringBuilder("{");

        Json text(String key, String value) {
            key(key);
            quote(text, value);
            return this;
        }

        Json number(String key, long value) {
            key(key);
            text.append(value);
            return this;
        }

        Json micros(String key, long nanos) {
            key(key);
            text.append(ChromeTrace.micros(nanos));
            return this;
        }

        Json raw(String key, String json) {
            key(key);
            text.append(json);
            return this;
        }

        String end() {
            return text.append('}').toString();
        }

        private void key(String key) {
            if (text.length() > 1) {
                text.append(',');
            }
            quote(text, key);
            text.append(':');
        }
    }

    /** A slice one thread's track may hold. */
    private static final class Slice {
        final long tid;
        final long start;
        final long end;
        final int rank;
        final String name;
        final String cat;
        final Object[] args;
        /** Set by {@link #place}: written on the track, not as an async slice. */
        boolean onTrack;

        Slice(long tid, long start, long end, int rank, String name, String cat, Object[] args) {
            this.tid = tid;
            this.start = start;
            this.end = end;
            this.rank = rank;
            this.name = name;
            this.cat = cat;
            this.args = args;
        }
    }

    /** One event, with what it is sorted by: metadata first, then by time, phase and longest first. */
    private static final class Entry {
        final boolean metadata;
        final long ts;
        final int phase;
        final long dur;
        final String json;

        Entry(boolean metadata, long ts, char ph, long dur, String json) {
            this.metadata = metadata;
            this.ts = ts;
            this.phase = "MXbisfe".indexOf(ph);
            this.dur = dur;
            this.json = json;
        }
    }

    private void add(Slice slice) {
        slicesByTid.computeIfAbsent(slice.tid, tid -> new ArrayList<>()).add(slice);
    }
}
