package pythreading.internal.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import pythreading.internal.trace.TraceEvent.Signal;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.internal.trace.TraceEvent.ThreadLife;

/**
 * Recordings built by hand for the writers' tests, independent of the primitives' hooks:
 * a {@link Builder} with times in nanoseconds since the recording's start, and two
 * scenes the timeline must read well for (a semaphore chapter, a condition hand-off).
 */
final class SyntheticRecordings {

    /** An arbitrary {@link System#nanoTime()} origin: writers must subtract it. */
    static final long ORIGIN = 7_000_000_000_123L;
    static final long MS = 1_000_000;

    private SyntheticRecordings() {
    }

    /** Events in nanoseconds since the start; {@link #build} adds {@link #ORIGIN} to every time. */
    static final class Builder {
        private final List<TraceEvent> events = new ArrayList<>();
        private long nextFlowId = 1;

        Builder life(long tid, String name, long start, long end, boolean ended) {
            events.add(new ThreadLife(tid, name, false, false, ORIGIN + start, ORIGIN + end, ended));
            return this;
        }

        Builder span(Span.Kind kind, long tid, String thread, String primitive, long start, long end, String outcome,
                long flowId) {
            events.add(new Span(kind, tid, thread, primitive, typeOf(primitive), ORIGIN + start, ORIGIN + end, outcome,
                    flowId));
            return this;
        }

        Builder wait(long tid, String thread, String primitive, long start, long end, long flowId) {
            return span(Span.Kind.WAIT, tid, thread, primitive, start, end, "acquired", flowId);
        }

        Builder hold(long tid, String thread, String primitive, long start, long end) {
            return span(Span.Kind.HOLD, tid, thread, primitive, start, end, "released", 0);
        }

        /** Adds a signal and returns its flowId. */
        long signal(long tid, String primitive, String what, long at) {
            long id = nextFlowId++;
            events.add(new Signal(tid, "Thread-" + tid, primitive, what, ORIGIN + at, id));
            return id;
        }

        List<TraceEvent> events() {
            return events;
        }

        Recording build(long length) {
            return new Recording(ORIGIN, ORIGIN + length, 1_764_000_000_000L, events);
        }

        private static String typeOf(String primitive) {
            int dash = primitive.lastIndexOf('-');
            return dash > 0 ? primitive.substring(0, dash) : primitive;
        }
    }

    /**
     * The semaphore chapter: {@code threads} threads ({@code Thread-1}...) started 0.3 ms
     * apart, each acquiring {@code Semaphore-1} ({@code permits} permits), working a few
     * milliseconds and releasing it; a thread that finds no permit waits, FIFO, until a
     * release wakes it (that release is its wait's flow).
     */
    static Recording semaphoreChapter(int threads, int permits) {
        Builder b = new Builder();
        String semaphore = "Semaphore-1";
        long[] start = new long[threads];
        long[] work = new long[threads];
        for (int i = 0; i < threads; i++) {
            start[i] = 100_000 + i * 300_000L;
            work[i] = (4 + (i * 7) % 5) * MS + i * 13_579L;
        }
        // Event-driven: a permit is free, or the next release hands it to the oldest waiter.
        long[] acquired = new long[threads];
        long[] released = new long[threads];
        Deque<Integer> waiting = new ArrayDeque<>();
        List<Integer> holding = new ArrayList<>();
        int next = 0;
        int free = permits;
        long end = 0;
        while (next < threads || !holding.isEmpty()) {
            long nextRelease = Long.MAX_VALUE;
            int releaser = -1;
            for (int h : holding) {
                if (acquired[h] + work[h] < nextRelease) {
                    nextRelease = acquired[h] + work[h];
                    releaser = h;
                }
            }
            if (next < threads && start[next] < nextRelease) {
                int i = next++;
                b.life(20 + i, "Thread-" + (i + 1), start[i], 0, true);
                if (free > 0) {
                    free--;
                    acquired[i] = start[i] + 20_000;
                    holding.add(i);
                } else {
                    waiting.add(i);
                }
                continue;
            }
            holding.remove((Integer) releaser);
            released[releaser] = nextRelease;
            b.hold(20 + releaser, "Thread-" + (releaser + 1), semaphore, acquired[releaser], nextRelease);
            long flow = b.signal(20 + releaser, semaphore, "release", nextRelease);
            end = Math.max(end, nextRelease);
            if (waiting.isEmpty()) {
                free++;
            } else {
                int woken = waiting.poll();
                acquired[woken] = nextRelease + 40_000;
                b.wait(20 + woken, "Thread-" + (woken + 1), semaphore, start[woken] + 20_000, acquired[woken], flow);
                holding.add(woken);
            }
        }
        // The lives, now that their ends are known (a builder adds events; replace the placeholders).
        List<TraceEvent> events = b.events();
        for (int k = 0; k < events.size(); k++) {
            if (events.get(k) instanceof ThreadLife) {
                ThreadLife life = (ThreadLife) events.get(k);
                int i = (int) life.tid() - 20;
                events.set(k, new ThreadLife(life.tid(), life.name(), false, false, life.startNanos(),
                        ORIGIN + released[i] + 50_000, true));
            }
        }
        return b.build(end + 500_000);
    }

    /**
     * A two-thread condition hand-off: the consumer holds {@code RLock-1} and waits on
     * {@code Condition-1}; the producer takes the lock, notifies and releases; the
     * consumer wakes (notified), waits for the lock, takes it and releases it.
     */
    static Recording conditionHandOff() {
        Builder b = new Builder();
        b.life(11, "consumer", 50_000, 9 * MS, true);
        b.life(12, "producer", 150_000, 7 * MS, true);
        b.hold(11, "consumer", "RLock-1", 100_000, 200_000);
        b.signal(11, "RLock-1", "release", 200_000);
        b.hold(12, "producer", "RLock-1", 5 * MS, 5_250_000);
        long notify = b.signal(12, "Condition-1", "notify", 5_200_000);
        long release = b.signal(12, "RLock-1", "release", 5_250_000);
        b.span(Span.Kind.WAIT, 11, "consumer", "Condition-1", 200_000, 5_200_000 + 3_000, "notified", notify);
        b.wait(11, "consumer", "RLock-1", 5_203_000, 5_250_000 + 2_000, release);
        b.hold(11, "consumer", "RLock-1", 5_252_000, 5_600_000);
        b.signal(11, "RLock-1", "release", 5_600_000);
        return b.build(10 * MS);
    }

    /** How many holds the recording has. */
    static long holds(Recording recording) {
        return recording.events().stream()
                .filter(e -> e instanceof Span && ((Span) e).kind() == Span.Kind.HOLD)
                .count();
    }
}
