package pythreading.internal.trace;

/**
 * One thing the recorder saw, on one thread's track. Times are {@link System#nanoTime()}
 * values; a writer shifts them to the recording's start.
 */
public sealed interface TraceEvent permits TraceEvent.ThreadLife, TraceEvent.Span, TraceEvent.Signal {

    /** The Java thread id of the track this event is on. */
    long tid();

    /**
     * A pythreading thread's life, from its start to its end (or to the end of the
     * recording, if it was still alive: then {@code ended} is false).
     *
     * @param tid the Java thread id
     * @param name the thread's name
     * @param daemon whether it is a daemon
     * @param virtual whether it is a virtual thread
     * @param startNanos when it started
     * @param endNanos when it ended, or when the recording stopped
     * @param ended whether it ended within the recording
     */
    record ThreadLife(long tid, String name, boolean daemon, boolean virtual, long startNanos, long endNanos,
            boolean ended) implements TraceEvent {
    }

    /**
     * A stretch of time a thread spent on a primitive: waiting for it, holding it, or (for
     * an executor's task) queued or running.
     *
     * @param kind what the thread was doing
     * @param tid the Java thread id
     * @param threadName the thread's name when the span began
     * @param primitive the primitive's name ({@code Lock-1}, or the user's)
     * @param primitiveType the primitive's class ({@code Lock}, {@code Queue}...)
     * @param startNanos when it began
     * @param endNanos when it ended
     * @param outcome how it ended: for a wait {@code acquired}, {@code timed out},
     *     {@code interrupted}, {@code shut down}, {@code broken}; for a hold {@code released};
     *     for a task {@code done}, {@code failed}, {@code cancelled}
     * @param flowId the {@link Signal} that woke this wait, or 0
     */
    record Span(Kind kind, long tid, String threadName, String primitive, String primitiveType, long startNanos,
            long endNanos, String outcome, long flowId) implements TraceEvent {

        /** What a span is. */
        public enum Kind {
            /** Blocked in a call that had to wait. */
            WAIT,
            /** Holding a lock or a semaphore's permit, from acquire to release. */
            HOLD,
            /** An executor's task waiting in its queue (on the submitting thread's track). */
            TASK_QUEUED,
            /** An executor's task running (on the worker's track). */
            TASK_RUNNING
        }
    }

    /**
     * An instant at which a thread let others go on: a release, a set, a put, a signal.
     * A wait that ended because of it names its {@code flowId}.
     *
     * @param tid the Java thread id of the signalling thread
     * @param threadName the signalling thread's name
     * @param primitive the primitive's name
     * @param what the call: {@code release}, {@code set}, {@code put}, {@code signal}...
     * @param nanos when
     * @param flowId this signal's id, unique in the recording, never 0
     */
    record Signal(long tid, String threadName, String primitive, String what, long nanos, long flowId)
            implements TraceEvent {
    }
}
