package pythreading.internal.trace;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Interrupts;
import pythreading.internal.trace.TraceEvent.Span;

/**
 * Records what pythreading's threads do with its primitives: thread lives, waits (with
 * their outcome), holds, signals and executor tasks, for a timeline (Chrome trace JSON,
 * an HTML page) and for JFR.
 *
 * <p>Off by default. Every hook in the primitives is guarded by {@link #on()}, one
 * volatile read, and only on paths where the recorder has something to say (a wait, an
 * acquire, a release); when it is off nothing else runs. When on, the hooks allocate and
 * take a lock: recording is for seeing, not for measuring.
 *
 * <p>Two sinks: memory (between {@link #start()} and {@link #stop()}, for a file) and JFR
 * ({@link #enableJfr()}: events committed as they happen, kept when a JFR recording
 * enables them). Either turns the hooks on.
 */
public final class Recorder {

    /** A wait's outcome: it got what it waited for. */
    public static final String ACQUIRED = "acquired";
    /** A condition wait's outcome: it was signalled. */
    public static final String SIGNALLED = "signalled";
    /** A wait's outcome: its timeout expired. */
    public static final String TIMED_OUT = "timed out";
    /** A wait's outcome: the thread was interrupted. */
    public static final String INTERRUPTED = "interrupted";
    /** A wait's outcome: the queue was shut down. */
    public static final String SHUT_DOWN = "shut down";
    /** A barrier wait's outcome: the cycle tripped. */
    public static final String PASSED = "passed";
    /** A wait's outcome: the barrier broke. */
    public static final String BROKEN = "broken";

    /** Whether any sink is on. Guards every hook. */
    private static volatile boolean on;
    /** Memory recording: events, or null when not recording. */
    private static volatile ConcurrentLinkedQueue<TraceEvent> events;
    private static volatile boolean jfr;

    private static final ReentrantLock LOCK = new ReentrantLock();
    /** Guarded by LOCK: recording state. */
    private static long startNanos;
    private static long startEpochMillis;
    private static final Map<Long, TraceEvent.ThreadLife> LIVES = new HashMap<>();
    private static final Map<Object, Deque<Hold>> HOLDS = new IdentityHashMap<>();
    private static final Map<Object, TraceEvent.Signal> LAST_SIGNAL = new IdentityHashMap<>();
    private static final Map<Object, Task> TASKS = new IdentityHashMap<>();
    /** Names outlive a recording (a primitive keeps its name), but not their primitive. */
    private static final Map<Object, String> NAMES = new WeakHashMap<>();
    private static final Map<String, Integer> NEXT_ID = new HashMap<>();
    /** Primitives that are pythreading's own machinery (a pool's work queue): never recorded. */
    private static final Map<Object, Boolean> HIDDEN = new WeakHashMap<>();

    private static final AtomicLong FLOW_IDS = new AtomicLong();

    /** The system property naming the files a whole program's trace is written to at exit. */
    public static final String TRACE_PROPERTY = "pythreading.trace";
    /** The system property that sends the recorder's events to JFR from the start. */
    public static final String JFR_PROPERTY = "pythreading.jfr";

    static {
        if (Boolean.getBoolean(JFR_PROPERTY)) {
            enableJfr();
        }
        String files = System.getProperty(TRACE_PROPERTY, "").trim();
        if (!files.isEmpty()) {
            recordUntilExit(files);
        }
    }

    private Recorder() {
    }

    /**
     * {@code -Dpythreading.trace=FILE[,FILE...]}: records from now until the JVM exits,
     * then writes each file (its name says its format).
     */
    private static void recordUntilExit(String files) {
        start();
        Thread writer = new Thread(() -> {
            Recording recording = stop();
            for (String file : files.split(",")) {
                Path path = Paths.get(file.trim());
                try {
                    TraceFiles.write(recording, path);
                    System.err.println("pythreading: trace written to " + path);
                } catch (UncheckedIOException e) {
                    System.err.println("pythreading: " + e.getMessage());
                }
            }
        }, "pythreading-trace-writer");
        Runtime.getRuntime().addShutdownHook(writer);
    }

    /** Whether the hooks should record. */
    public static boolean on() {
        return on;
    }

    // ------------------------------------------------------------------ sinks

    /**
     * Starts recording in memory.
     *
     * @throws IllegalStateException if a recording is already running
     */
    public static void start() {
        LOCK.lock();
        try {
            if (events != null) {
                throw new IllegalStateException("a pythreading trace is already being recorded");
            }
            startNanos = System.nanoTime();
            startEpochMillis = System.currentTimeMillis();
            events = new ConcurrentLinkedQueue<>();
            on = true;
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Stops the memory recording and returns it.
     *
     * @return what was recorded
     * @throws IllegalStateException if none is running
     */
    public static Recording stop() {
        LOCK.lock();
        try {
            ConcurrentLinkedQueue<TraceEvent> recorded = events;
            if (recorded == null) {
                throw new IllegalStateException("no pythreading trace is being recorded");
            }
            long end = System.nanoTime();
            events = null;
            on = jfr;
            List<TraceEvent> all = new ArrayList<>(recorded);
            for (TraceEvent.ThreadLife life : LIVES.values()) {
                all.add(new TraceEvent.ThreadLife(life.tid(), life.name(), life.daemon(), life.virtual(),
                        life.startNanos(), end, false));
            }
            for (Map.Entry<Object, Deque<Hold>> entry : HOLDS.entrySet()) {
                for (Hold hold : entry.getValue()) {
                    all.add(new Span(Span.Kind.HOLD, hold.tid(), hold.threadName(), nameLocked(entry.getKey()),
                            typeOf(entry.getKey()), hold.start(), end, "still held", 0));
                }
            }
            LIVES.clear();
            HOLDS.clear();
            LAST_SIGNAL.clear();
            TASKS.clear();
            return new Recording(startNanos, end, startEpochMillis, all);
        } finally {
            LOCK.unlock();
        }
    }

    /** Whether a memory recording is running. */
    public static boolean recording() {
        return events != null;
    }

    /** Sends every event to JFR from now on (a JFR recording keeps those it enables). */
    public static void enableJfr() {
        LOCK.lock();
        try {
            jfr = true;
            on = true;
        } finally {
            LOCK.unlock();
        }
    }

    // ------------------------------------------------------------------ names

    /**
     * Names a primitive in traces.
     *
     * @param primitive the primitive
     * @param name its name
     */
    public static void name(Object primitive, String name) {
        LOCK.lock();
        try {
            NAMES.put(primitive, name);
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Leaves a primitive out of every trace: one that is pythreading's own machinery.
     *
     * @param primitive the primitive
     */
    public static void hide(Object primitive) {
        LOCK.lock();
        try {
            HIDDEN.put(primitive, Boolean.TRUE);
        } finally {
            LOCK.unlock();
        }
    }

    private static boolean hidden(Object primitive) {
        LOCK.lock();
        try {
            return HIDDEN.containsKey(primitive);
        } finally {
            LOCK.unlock();
        }
    }

    /** The primitive's name: the user's, or its class and a short id ({@code Lock-1}). */
    public static String nameOf(Object primitive) {
        LOCK.lock();
        try {
            return nameLocked(primitive);
        } finally {
            LOCK.unlock();
        }
    }

    /** {@link #nameOf}, for a caller that holds LOCK. */
    private static String nameLocked(Object primitive) {
        return NAMES.computeIfAbsent(primitive, p -> {
            String type = typeOf(p);
            int id = NEXT_ID.merge(type, 1, Integer::sum);
            return type + "-" + id;
        });
    }

    private static String typeOf(Object primitive) {
        return primitive.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ threads

    /**
     * The current thread (a pythreading thread) has started.
     *
     * @param name its name
     * @param daemon whether it is a daemon
     * @param virtual whether it is virtual
     */
    public static void threadStarted(String name, boolean daemon, boolean virtual) {
        long now = System.nanoTime();
        long tid = Thread.currentThread().getId();
        LOCK.lock();
        try {
            if (events != null) {
                LIVES.put(tid, new TraceEvent.ThreadLife(tid, name, daemon, virtual, now, now, false));
            }
        } finally {
            LOCK.unlock();
        }
        if (jfr) {
            JfrEvents.threadStarted(name, daemon, virtual);
        }
    }

    /** The current thread (a pythreading thread) ends. */
    public static void threadEnded() {
        long now = System.nanoTime();
        long tid = Thread.currentThread().getId();
        LOCK.lock();
        try {
            TraceEvent.ThreadLife life = LIVES.remove(tid);
            if (life != null && events != null) {
                events.add(new TraceEvent.ThreadLife(tid, life.name(), life.daemon(), life.virtual(),
                        life.startNanos(), now, true));
            }
        } finally {
            LOCK.unlock();
        }
        if (jfr) {
            JfrEvents.threadEnded(Thread.currentThread().getName());
        }
    }

    // ------------------------------------------------------------------ waits

    /**
     * The current thread must wait for {@code primitive}.
     *
     * @param primitive what it waits for
     * @return the token to give {@link #waitEnds}, or null if the primitive is hidden
     */
    public static Object waitBegins(Object primitive) {
        long now = System.nanoTime();
        return waitBegins(primitive, now);
    }

    /**
     * As {@link #waitBegins(Object)}, for a wait that could be woken from
     * {@code wakeableFromNanos} on, before it began: a Condition's waiter is queued before
     * it lets go of the lock, and the signal may come before its wait is recorded.
     *
     * @param primitive what it waits for
     * @param wakeableFromNanos the {@link System#nanoTime()} from which a signal counts
     * @return the token to give {@link #waitEnds}, or null if the primitive is hidden
     */
    public static Object waitBegins(Object primitive, long wakeableFromNanos) {
        if (hidden(primitive)) {
            return null;
        }
        return new Wait(primitive, System.nanoTime(), wakeableFromNanos, jfr ? JfrEvents.waitBegins() : null);
    }

    /**
     * The wait {@code token} began is over.
     *
     * @param token from {@link #waitBegins} (null: a wait that is not recorded)
     * @param outcome {@code acquired}, {@code timed out}, {@code interrupted},
     *     {@code shut down}, {@code broken}...
     */
    public static void waitEnds(Object token, String outcome) {
        if (token == null) {
            return;
        }
        Wait wait = (Wait) token;
        long now = System.nanoTime();
        Thread current = Thread.currentThread();
        long flow = 0;
        String name;
        LOCK.lock();
        try {
            name = nameLocked(wait.primitive());
            TraceEvent.Signal signal = LAST_SIGNAL.get(wait.primitive());
            if (signal != null && signal.nanos() >= wait.wakeableFrom() && signal.tid() != current.getId()) {
                flow = signal.flowId();
            }
            if (events != null) {
                events.add(new Span(Span.Kind.WAIT, current.getId(), current.getName(), name, typeOf(wait.primitive()),
                        wait.start(), now, outcome, flow));
            }
        } finally {
            LOCK.unlock();
        }
        if (wait.jfrEvent() != null) {
            JfrEvents.waitEnds(wait.jfrEvent(), name, typeOf(wait.primitive()), outcome);
        }
    }

    /**
     * Ends a wait that began with {@code token} (null: not recorded) by success or timeout.
     *
     * @param token from {@link #waitBegins}, or null
     * @param acquired whether the wait got what it waited for
     * @return {@code acquired}
     */
    public static boolean waitEnds(Object token, boolean acquired) {
        if (token != null) {
            waitEnds(token, acquired ? ACQUIRED : TIMED_OUT);
        }
        return acquired;
    }

    /**
     * Ends a wait that began with {@code token} (null: not recorded) by an interrupt.
     *
     * @param token from {@link #waitBegins}, or null
     * @param e the interrupt
     * @return the exception to throw, as {@link Interrupts#rethrow} makes it
     */
    public static RuntimeException interrupted(Object token, InterruptedException e) {
        if (token != null) {
            waitEnds(token, INTERRUPTED);
        }
        return Interrupts.rethrow(e);
    }

    // ------------------------------------------------------------------ holds and signals

    /**
     * The current thread holds {@code primitive} (a lock, or one permit of a semaphore).
     *
     * @param primitive what it holds
     */
    public static void acquired(Object primitive) {
        long now = System.nanoTime();
        Thread current = Thread.currentThread();
        LOCK.lock();
        try {
            if (HIDDEN.containsKey(primitive)) {
                return;
            }
            HOLDS.computeIfAbsent(primitive, p -> new ArrayDeque<>())
                    .add(new Hold(current.getId(), current.getName(), now, jfr ? JfrEvents.holdBegins() : null));
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * {@code primitive} is released by the current thread: the hold it ends is the
     * current thread's oldest on it, or else (a Lock may be released by any thread, a
     * semaphore's permit by anyone) the oldest of all. The release is also a signal.
     *
     * @param primitive what is released
     */
    public static void released(Object primitive) {
        long now = System.nanoTime();
        Thread current = Thread.currentThread();
        String name;
        Hold ended = null;
        LOCK.lock();
        try {
            if (HIDDEN.containsKey(primitive)) {
                return;
            }
            name = nameLocked(primitive);
            Deque<Hold> holds = HOLDS.get(primitive);
            if (holds != null) {
                for (Iterator<Hold> it = holds.iterator(); it.hasNext(); ) {
                    Hold hold = it.next();
                    if (hold.tid() == current.getId()) {
                        ended = hold;
                        it.remove();
                        break;
                    }
                }
                if (ended == null) {
                    ended = holds.poll();
                }
                if (holds.isEmpty()) {
                    HOLDS.remove(primitive);
                }
            }
            if (ended != null && events != null) {
                events.add(new Span(Span.Kind.HOLD, ended.tid(), ended.threadName(), name, typeOf(primitive),
                        ended.start(), now, "released", 0));
            }
            signal(primitive, name, "release", now, current.getId());
        } finally {
            LOCK.unlock();
        }
        if (ended != null && ended.jfrEvent() != null) {
            JfrEvents.holdEnds(ended.jfrEvent(), name, typeOf(primitive), ended.threadName());
        }
    }

    /**
     * The current thread lets waiters of {@code primitive} go on: a set, a put, a signal.
     *
     * @param primitive the primitive
     * @param what the call
     */
    public static void signalled(Object primitive, String what) {
        long now = System.nanoTime();
        LOCK.lock();
        try {
            if (!HIDDEN.containsKey(primitive)) {
                signal(primitive, nameLocked(primitive), what, now, Thread.currentThread().getId());
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Guarded by LOCK. */
    private static void signal(Object primitive, String name, String what, long now, long tid) {
        TraceEvent.Signal signal = new TraceEvent.Signal(tid, Thread.currentThread().getName(), name, what, now,
                FLOW_IDS.incrementAndGet());
        LAST_SIGNAL.put(primitive, signal);
        if (events != null) {
            events.add(signal);
        }
    }

    // ------------------------------------------------------------------ executor tasks

    /**
     * {@code task} was queued on {@code executor} by the current thread.
     *
     * @param task the task (its identity)
     * @param executor the executor
     */
    public static void taskQueued(Object task, Object executor) {
        long now = System.nanoTime();
        Thread current = Thread.currentThread();
        LOCK.lock();
        try {
            TASKS.put(task, new Task(nameLocked(executor), current.getId(), current.getName(), now, typeOf(executor)));
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * A worker (the current thread) starts running {@code task}.
     *
     * @param task the task
     */
    public static void taskStarts(Object task) {
        long now = System.nanoTime();
        LOCK.lock();
        try {
            Task queued = TASKS.get(task);
            if (queued != null) {
                queued.runStart = now;
                if (events != null) {
                    events.add(new Span(Span.Kind.TASK_QUEUED, queued.tid, queued.threadName, queued.executor,
                            queued.executorType, queued.queued, now, "started", 0));
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * A task is over: done, failed or cancelled. On the worker's track when it ran.
     *
     * @param task the task
     * @param outcome {@code done}, {@code failed} or {@code cancelled}
     */
    public static void taskEnds(Object task, String outcome) {
        long now = System.nanoTime();
        Thread current = Thread.currentThread();
        LOCK.lock();
        try {
            Task queued = TASKS.remove(task);
            if (queued != null && events != null) {
                if (queued.runStart != 0) {
                    events.add(new Span(Span.Kind.TASK_RUNNING, current.getId(), current.getName(), queued.executor,
                            queued.executorType, queued.runStart, now, outcome, 0));
                } else {
                    events.add(new Span(Span.Kind.TASK_QUEUED, queued.tid, queued.threadName, queued.executor,
                            queued.executorType, queued.queued, now, outcome, 0));
                }
            }
        } finally {
            LOCK.unlock();
        }
    }

    // ------------------------------------------------------------------ internals

    /** A wait under way: what for, since when, and from when a signal counts as its wake-up. */
    private record Wait(Object primitive, long start, long wakeableFrom, Object jfrEvent) {
    }

    /** A hold under way. */
    private record Hold(long tid, String threadName, long start, Object jfrEvent) {
    }

    /** A task queued, maybe running. Guarded by LOCK. */
    private static final class Task {
        final String executor;
        final long tid;
        final String threadName;
        final long queued;
        final String executorType;
        long runStart;

        Task(String executor, long tid, String threadName, long queued, String executorType) {
            this.executor = executor;
            this.tid = tid;
            this.threadName = threadName;
            this.queued = queued;
            this.executorType = executorType;
        }
    }
}
