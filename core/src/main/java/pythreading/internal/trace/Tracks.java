package pythreading.internal.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pythreading.internal.trace.TraceEvent.Signal;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.internal.trace.TraceEvent.ThreadLife;

/**
 * The threads of a {@link Recording}, one track each, in order of first appearance:
 * what {@link ChromeTrace} and {@link HtmlTimeline} both draw their lanes from.
 *
 * <p>A track's name is its thread's name as the recorder saw it start (its
 * {@link ThreadLife}); a thread that was not started by pythreading (the main thread, a
 * pool worker of another library) is named by its earliest span, and one seen only
 * signalling by the name it had then.
 */
final class Tracks {

    /**
     * One thread's track.
     *
     * @param tid the Java thread id
     * @param name the name to show
     * @param firstNanos when the thread first appears in the recording
     */
    record Track(long tid, String name, long firstNanos) {
    }

    private Tracks() {
    }

    /** The recording's tracks, by first appearance (then by thread id). */
    static List<Track> of(Recording recording) {
        Map<Long, Long> first = new HashMap<>();
        Map<Long, String> lifeNames = new HashMap<>();
        Map<Long, Span> earliestSpans = new HashMap<>();
        Map<Long, String> signallers = new HashMap<>();
        for (TraceEvent event : recording.events()) {
            first.merge(event.tid(), startOf(event), Math::min);
            if (event instanceof ThreadLife) {
                lifeNames.putIfAbsent(event.tid(), ((ThreadLife) event).name());
            } else if (event instanceof Span) {
                Span span = (Span) event;
                earliestSpans.merge(span.tid(), span, (a, b) -> b.startNanos() < a.startNanos() ? b : a);
            } else if (event instanceof Signal) {
                signallers.putIfAbsent(event.tid(), ((Signal) event).threadName());
            }
        }
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<Long, Long> entry : first.entrySet()) {
            long tid = entry.getKey();
            String name = lifeNames.get(tid);
            if (name == null) {
                Span span = earliestSpans.get(tid);
                name = span != null ? span.threadName() : signallers.getOrDefault(tid, "thread " + tid);
            }
            tracks.add(new Track(tid, name, entry.getValue()));
        }
        tracks.sort(Comparator.comparingLong(Track::firstNanos).thenComparingLong(Track::tid));
        return tracks;
    }

    /** When {@code event} begins. */
    static long startOf(TraceEvent event) {
        if (event instanceof ThreadLife) {
            return ((ThreadLife) event).startNanos();
        }
        if (event instanceof Span) {
            return ((Span) event).startNanos();
        }
        return ((Signal) event).nanos();
    }

    /**
     * When {@code event} ends: a signal when it happened, a thread still alive when the
     * recording stopped.
     */
    static long endOf(TraceEvent event, Recording recording) {
        if (event instanceof ThreadLife) {
            ThreadLife life = (ThreadLife) event;
            return life.ended() ? life.endNanos() : Math.max(life.endNanos(), recording.endNanos());
        }
        if (event instanceof Span) {
            return ((Span) event).endNanos();
        }
        return ((Signal) event).nanos();
    }
}
