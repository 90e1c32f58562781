package pythreading.threading;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.trace.Recorder;
import pythreading.internal.trace.TraceFiles;

/**
 * A timeline being recorded: every pythreading thread's life, every wait on a primitive
 * (with how it ended), every hold of a Lock, RLock, Semaphore or Condition's lock, every
 * queue put/get wait and every executor task, until {@link #close()} writes it to the
 * file. Started by {@link Threading#trace(Path)}; not in Python.
 *
 * <p>The file's name says its format: {@code .html} (or {@code .htm}) gives a
 * self-contained page, one lane per thread, waits hatched and holds solid; anything else
 * gives Chrome trace-event JSON, which <a href="https://ui.perfetto.dev">Perfetto</a> and
 * {@code chrome://tracing} open, with an arrow from each release, set, put or signal to
 * the wake-up it caused. Primitives are named by their class and a short id
 * ({@code Lock-1}), or by {@link #name(Object, String)}.
 *
 * <pre>{@code
 * try (Trace trace = Threading.trace(Path.of("run.html"))) {
 *     ... the program ...
 * }
 * }</pre>
 *
 * <p>One recording at a time. While it runs, the primitives record on their waiting,
 * acquiring and releasing paths (a lock and an allocation per event); when none runs,
 * the cost is one volatile read on those paths.
 */
public final class Trace implements AutoCloseable {

    /**
     * The system property that records a whole program: {@code -Dpythreading.trace=FILE}
     * (or {@code FILE,FILE}: the same trace in each file's format) starts recording when
     * pythreading is first used and writes the files when the JVM exits.
     */
    public static final String FILES_PROPERTY = Recorder.TRACE_PROPERTY;

    private final Path path;
    private final ReentrantLock closing = new ReentrantLock();
    /** Guarded by closing. */
    private boolean closed;

    Trace(Path path) {
        this.path = Objects.requireNonNull(path, "path");
        Recorder.start();
    }

    /**
     * The file {@link #close()} writes.
     *
     * @return the path given to {@link Threading#trace(Path)}
     */
    public Path path() {
        return path;
    }

    /**
     * Names a primitive in traces, in place of its class and short id.
     *
     * @param primitive a Lock, Condition, Queue, ThreadPoolExecutor...
     * @param name its name in the timeline
     * @param <T> the primitive's type
     * @return {@code primitive}, so that {@code Lock forks = Trace.name(new Lock(), "forks")} reads well
     * @throws NullPointerException if either is null
     */
    public static <T> T name(T primitive, String name) {
        Recorder.name(Objects.requireNonNull(primitive, "primitive"), Objects.requireNonNull(name, "name"));
        return primitive;
    }

    /**
     * Stops recording and writes the file. Does nothing the second time.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    @Override
    public void close() {
        closing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            TraceFiles.write(Recorder.stop(), path);
        } finally {
            closing.unlock();
        }
    }
}
