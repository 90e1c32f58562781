package pythreading.threading;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import pythreading.internal.Timeouts;

/**
 * The functions of Python's {@code threading} module.
 *
 * <pre>{@code
 * Threading.currentThread().getName();   // "MainThread" in main()
 * for (Thread t : Threading.enumerate()) { ... }
 * }</pre>
 *
 * <p>The JVM's main thread is reported as a {@link Thread} named {@code MainThread}, and
 * its Java thread is renamed {@code MainThread} when pythreading first needs it. A thread
 * that pythreading did not start (a pool's worker, say) gets a {@link Thread} of its own
 * the first time it calls {@link #currentThread()}: alive, a daemon, named after its Java
 * thread, listed by {@link #enumerate()} while it lives, and not joinable (CPython's
 * dummy threads).
 */
public final class Threading {

    /**
     * The largest timeout accepted by the timed calls, in seconds: 9223372036.0. A larger
     * one is refused with {@code timestamp out of range for platform time_t}.
     *
     * <p>Python: {@code threading.TIMEOUT_MAX}.
     */
    public static final double TIMEOUT_MAX = Timeouts.TIMEOUT_MAX;

    private static final Consumer<ExceptHookArgs> DEFAULT_EXCEPTHOOK = Threading::printException;
    private static volatile Consumer<ExceptHookArgs> excepthook = DEFAULT_EXCEPTHOOK;
    private static volatile long stackSize;

    private static final long MIN_STACK_SIZE = 32768;

    private Threading() {
    }

    /**
     * The calling thread's {@link Thread}: the one it was started as, the main thread, or
     * a dummy made now for a thread that pythreading did not start (the same one on every
     * call). Never blocks.
     *
     * <p>Python: {@code threading.current_thread()}.
     *
     * @return the calling thread's {@code Thread}, never {@code null}
     */
    public static Thread currentThread() {
        return ThreadRegistry.current();
    }

    /**
     * The main thread: the thread the JVM started the program in, named
     * {@code MainThread}.
     *
     * <p>Python: {@code threading.main_thread()}.
     *
     * @return the main thread's {@code Thread}
     */
    public static Thread mainThread() {
        return ThreadRegistry.MAIN;
    }

    /**
     * Every thread alive now: started and not yet ended, the main thread, and foreign
     * threads known through {@link #currentThread()}; in the order they became known.
     *
     * <p>Python: {@code threading.enumerate()}.
     *
     * @return a new list, which the caller may change
     */
    public static List<Thread> enumerate() {
        return ThreadRegistry.enumerate();
    }

    /**
     * The number of threads alive now: the size of {@link #enumerate()}.
     *
     * <p>Python: {@code threading.active_count()}.
     *
     * @return the number of live threads
     */
    public static int activeCount() {
        return enumerate().size();
    }

    /**
     * The calling thread's identifier: its Java thread id, never zero. It is the
     * {@link Thread#ident()} of {@link #currentThread()}.
     *
     * <p>Python: {@code threading.get_ident()}.
     *
     * @return the identifier
     */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+
    public static long getIdent() {
        return java.lang.Thread.currentThread().getId();
    }

    /**
     * The OS's id for the calling thread (on Linux, the kernel's TID; in a virtual thread,
     * that of the carrier thread running it now). Where the OS's id cannot be read, the
     * Java thread id stands in.
     *
     * <p>Python: {@code threading.get_native_id()}.
     *
     * @return the native id
     */
    public static long getNativeId() {
        long id = NativeThreadId.ofCurrentThread();
        if (java.lang.Thread.currentThread() == ThreadRegistry.MAIN.javaThread()) {
            ThreadRegistry.MAIN.recordNativeId(id); // only the main thread itself can tell
        }
        return id;
    }

    /**
     * The handler of exceptions that escape a thread's {@link Thread#run()}.
     *
     * <p>Python: {@code threading.excepthook}.
     *
     * @return the handler set by {@link #setExcepthook(Consumer)}, or the default
     */
    public static Consumer<ExceptHookArgs> excepthook() {
        return excepthook;
    }

    /**
     * Sets the handler of exceptions that escape a thread's {@link Thread#run()};
     * {@code null} restores the default, which prints {@code Exception in thread NAME:}
     * and the stack trace to standard error. An exception thrown by the handler is printed
     * to standard error ({@code Exception in threading.excepthook:}).
     *
     * <p>Python: {@code threading.excepthook = hook}.
     *
     * @param hook the new handler, or {@code null} for the default
     */
    public static void setExcepthook(Consumer<ExceptHookArgs> hook) {
        excepthook = hook == null ? DEFAULT_EXCEPTHOOK : hook;
    }

    /**
     * The stack size for threads started from now on, in bytes; 0: the JVM's default.
     *
     * <p>Python: {@code threading.stack_size()}.
     *
     * @return the current setting
     */
    public static long stackSize() {
        return stackSize;
    }

    /**
     * Sets the stack size, in bytes, for platform threads started from now on (0: the
     * JVM's default), and returns the previous setting. The JVM may treat it as a hint.
     *
     * <p>Python: {@code threading.stack_size(size)}.
     *
     * @param size the new stack size in bytes: 0, or 32768 or more
     * @return the previous setting
     * @throws IllegalArgumentException {@code size must be 0 or a positive value};
     *     {@code size not valid: N bytes} below 32768
     */
    public static long stackSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be 0 or a positive value");
        }
        if (size != 0 && size < MIN_STACK_SIZE) {
            throw new IllegalArgumentException("size not valid: " + size + " bytes");
        }
        long previous = stackSize;
        stackSize = size;
        return previous;
    }

    static long stackSizeSetting() {
        return stackSize;
    }

    /**
     * Starts recording a timeline of pythreading's threads, waits and holds; closing the
     * returned {@link Trace} stops it and writes {@code path}: an HTML page for a
     * {@code .html} name, Chrome trace-event JSON (Perfetto) otherwise. Any program can
     * also be recorded with {@code -Dpythreading.trace=FILE}, written at exit. Not in Python.
     *
     * @param path the file to write
     * @return the recording, to close
     * @throws NullPointerException if {@code path} is null
     * @throws IllegalStateException {@code a pythreading trace is already being recorded}
     */
    public static Trace trace(Path path) {
        return new Trace(path);
    }

    /** Hands an exception that escaped {@code thread}'s run() to the excepthook. */
    static void invokeExcepthook(Thread thread, Throwable e) {
        try {
            excepthook.accept(new ExceptHookArgs(e.getClass(), e, thread));
        } catch (Throwable hookFailure) {
            PrintStream err = System.err;
            err.print("Exception in threading.excepthook:" + System.lineSeparator() + stackTrace(hookFailure));
            err.flush();
        }
    }

    private static void printException(ExceptHookArgs args) {
        String who = args.thread() != null ? args.thread().getName() : Long.toString(getIdent());
        PrintStream err = System.err;
        if (err == null) {
            return;
        }
        err.print("Exception in thread " + who + ":" + System.lineSeparator() + stackTrace(args.excValue()));
        err.flush();
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            e.printStackTrace(writer);
        }
        return out.toString();
    }
}
