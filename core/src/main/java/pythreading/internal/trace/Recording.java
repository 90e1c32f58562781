package pythreading.internal.trace;

import java.util.List;

/**
 * What the recorder saw between {@link Recorder#start()} and {@link Recorder#stop()}: the
 * events in the order they were recorded (not sorted by time).
 *
 * @param startNanos the {@link System#nanoTime()} at which recording started
 * @param endNanos the {@link System#nanoTime()} at which it stopped
 * @param startEpochMillis the wall-clock time at which it started
 * @param events the events
 */
public record Recording(long startNanos, long endNanos, long startEpochMillis, List<TraceEvent> events) {

    public Recording {
        events = List.copyOf(events);
    }
}
