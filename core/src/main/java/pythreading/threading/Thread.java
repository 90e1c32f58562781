package pythreading.threading;

import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import pythreading.internal.Interrupts;
import pythreading.internal.KeepAlive;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;

/**
 * Python's {@code threading.Thread}: an activity run in a separate thread of control,
 * given as a target or by overriding {@link #run()}.
 *
 * <pre>{@code
 * Thread t = new Thread(() -> System.out.println("worker"));
 * t.start();
 * t.join();
 *
 * Thread v = Thread.builder().name("fetcher").virtual(true).target(this::fetch).build();
 * }</pre>
 *
 * <p>Names: a thread without a name gets {@code Thread-N}, numbered from 1 in creation
 * order across the program (the numbers are shared with {@link Timer}). The name is also
 * the underlying {@link java.lang.Thread}'s, so stack dumps, JFR and logging frameworks
 * show it.
 *
 * <p>Daemon threads: a new thread is a daemon if the thread creating it is one (the main
 * thread is not; a thread that pythreading did not start is). The program ends when only
 * daemon threads are left. A non-daemon virtual thread keeps the program running too,
 * although the JVM treats every virtual thread as a daemon.
 *
 * <p>Exceptions: an exception escaping {@code run()} goes to
 * {@link Threading#excepthook()}; the thread then ends normally.
 *
 * <p>Memory consistency effects: actions before {@code start()} happen-before the
 * thread's {@code run()}; actions of the thread happen-before the return of a
 * {@code join()} that saw it end.
 *
 * <p>Differences from CPython: targets take no arguments (capture them in the lambda);
 * the default name has no {@code (target)} suffix, since a Java lambda has no name;
 * {@code ident()} is the Java thread id; a virtual thread's {@code nativeId()} is
 * {@code null}, having no OS thread of its own; a blocked {@code join} can be
 * interrupted and then throws {@link UncheckedInterruptedException}.
 */
public class Thread implements Runnable {

    static final int NEW = 0;
    static final int STARTED = 1;
    static final int RUNNING = 2;
    static final int STOPPED = 3;

    /**
     * The life of a thread: NEW, STARTED (start() called: registered, Java thread
     * starting), RUNNING (bootstrapped: native id recorded), STOPPED (run() over and
     * unregistered). It only moves forward, except back to NEW when the OS refuses a
     * thread. Waiters wait for "at least" a state.
     */
    private static final class Lifecycle extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        Lifecycle(int state) {
            setState(state);
        }

        int get() {
            return getState();
        }

        boolean start() {
            return compareAndSetState(NEW, STARTED);
        }

        void unstart() {
            setState(NEW);
        }

        @Override
        protected int tryAcquireShared(int atLeast) {
            return getState() >= atLeast ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int to) {
            setState(to);
            return true;
        }
    }

    private static final long UNKNOWN = -1;

    /** Cleared once run() has called it, as CPython deletes _target. */
    private Runnable target;
    private volatile String name;
    private volatile boolean daemon;
    private final boolean virtual;
    private final Lifecycle lifecycle;
    /** Set by start(), or at creation for the main and dummy threads. */
    private volatile java.lang.Thread javaThread;
    private volatile Long ident;
    private volatile long nativeId = UNKNOWN;
    /** Order of registration, for {@link Threading#enumerate()}. */
    volatile long registrationSerial;

    /**
     * Creates a thread that does nothing unless {@link #run()} is overridden. Its name is
     * {@code Thread-N}; it is a daemon if the creating thread is one.
     *
     * <p>Python: {@code threading.Thread()}.
     */
    public Thread() {
        this(null, null);
    }

    /**
     * Creates a thread that runs {@code target} ({@code null}: nothing). Its name is
     * {@code Thread-N}; it is a daemon if the creating thread is one.
     *
     * <p>Python: {@code threading.Thread(target=target)}.
     *
     * @param target what {@link #run()} calls, or {@code null}
     */
    public Thread(Runnable target) {
        this(target, null);
    }

    /**
     * Creates a thread that runs {@code target}, named {@code name} ({@code null} or empty:
     * {@code Thread-N}). It is a daemon if the creating thread is one.
     *
     * <p>Python: {@code threading.Thread(target=target, name=name)}.
     *
     * @param target what {@link #run()} calls, or {@code null}
     * @param name the thread's name, or {@code null}
     */
    public Thread(Runnable target, String name) {
        this(target, name, null, false);
    }

    private Thread(Runnable target, String name, Boolean daemon, boolean virtual) {
        this.target = target;
        this.name = name == null || name.isEmpty() ? ThreadRegistry.newName() : name;
        this.daemon = daemon != null ? daemon : ThreadRegistry.current().isDaemon();
        this.virtual = virtual;
        this.lifecycle = new Lifecycle(NEW);
    }

    /** The main thread or a dummy: already running on {@code javaThread}. */
    Thread(java.lang.Thread javaThread, String name, boolean daemon) {
        this.name = name;
        this.daemon = daemon;
        this.virtual = javaThread != null && VirtualThreads.isVirtual(javaThread);
        this.lifecycle = new Lifecycle(javaThread == null ? STOPPED : RUNNING);
        this.javaThread = javaThread;
        this.ident = javaThread == null ? null : idOf(javaThread);
    }

    /**
     * A builder for threads with more options: daemon, virtual. Python's keyword
     * arguments of {@code threading.Thread(...)}.
     *
     * @return a new builder, with every option at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the thread: its {@link #run()} runs in a new thread of control. The thread
     * is then alive (until it ends), has its {@link #ident()}, and is listed by
     * {@link Threading#enumerate()}. A platform thread's start returns once the new
     * thread runs, with its {@link #nativeId()}, as CPython's does; a virtual thread's
     * returns once the scheduler has it, as Java's does.
     *
     * <p>Python: {@code threading.Thread.start()}.
     *
     * @throws IllegalStateException {@code threads can only be started once};
     *     {@code can't start new thread} if the JVM or the OS refuses one
     */
    public void start() {
        if (!lifecycle.start()) {
            throw new IllegalStateException("threads can only be started once");
        }
        java.lang.Thread thread;
        try {
            if (virtual) {
                thread = VirtualThreads.unstarted(this::bootstrap);
                thread.setName(name);
            } else {
                thread = new java.lang.Thread(null, this::bootstrap, name, Threading.stackSizeSetting());
                thread.setDaemon(daemon);
            }
        } catch (RuntimeException | Error e) {
            lifecycle.unstart();
            throw e;
        }
        boolean keepsJvmAlive = virtual && !daemon;
        javaThread = thread;
        ident = idOf(thread);
        ThreadRegistry.register(this, thread);
        if (keepsJvmAlive) {
            KeepAlive.hold();
        }
        try {
            thread.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            ThreadRegistry.unregister(thread);
            if (keepsJvmAlive) {
                KeepAlive.release();
            }
            javaThread = null;
            ident = null;
            lifecycle.unstart();
            throw new IllegalStateException("can't start new thread", e);
        }
        // As CPython's start(), a platform thread's start returns once the thread runs: it
        // has recorded its native id and will run even if the program ends at once (a
        // daemon gets to begin). A virtual thread has no native id, and its hand-over to
        // the scheduler is all Java's start() does: waiting for it to run would make
        // starting many of them serial (a park and an unpark per thread).
        if (!virtual) {
            lifecycle.acquireShared(RUNNING);
        }
    }

    private void bootstrap() {
        ThreadRegistry.CURRENT.set(this);
        if (!virtual) {
            recordNativeId(NativeThreadId.ofCurrentThread());
        }
        lifecycle.releaseShared(RUNNING);
        boolean traced = Recorder.on();
        if (traced) {
            Recorder.threadStarted(name, daemon, virtual);
        }
        try {
            run();
        } catch (Throwable e) {
            Threading.invokeExcepthook(this, e);
        } finally {
            if (traced) {
                Recorder.threadEnded();
            }
            ThreadRegistry.unregister(java.lang.Thread.currentThread());
            lifecycle.releaseShared(STOPPED);
            if (virtual && !daemon) {
                KeepAlive.release();
            }
        }
    }

    /**
     * The thread's activity: calls the target given to the constructor, if any. Override
     * it in a subclass to give the thread something to do. Called by the new thread after
     * {@link #start()}; calling it directly runs it in the calling thread.
     *
     * <p>Python: {@code threading.Thread.run()}.
     */
    @Override
    public void run() {
        Runnable task = target;
        try {
            if (task != null) {
                task.run();
            }
        } finally {
            target = null; // drop the references, as CPython does
        }
    }

    /**
     * Waits until the thread ends, as long as necessary.
     *
     * <p>Python: {@code threading.Thread.join()} ({@code timeout=None}).
     *
     * @throws IllegalStateException {@code cannot join thread before it is started};
     *     {@code cannot join current thread}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    public void join() {
        checkJoinable();
        awaitStopped(Timeouts.FOREVER);
    }

    /**
     * Waits until the thread ends, at most {@code timeout} seconds (a negative timeout is
     * zero). Returns nothing either way, as in Python: {@link #isAlive()} tells whether the
     * thread ended.
     *
     * <p>Python: {@code threading.Thread.join(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @throws IllegalStateException {@code cannot join thread before it is started};
     *     {@code cannot join current thread}
     * @throws IllegalArgumentException {@code Invalid value NaN (not a number)};
     *     {@code timestamp out of range for platform time_t} beyond
     *     {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    public void join(double timeout) {
        checkJoinable();
        awaitStopped(Timeouts.forJoin(timeout));
    }

    /**
     * As {@link #join(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException {@code cannot join thread before it is started};
     *     {@code cannot join current thread}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    public void join(Duration timeout) {
        join(Timeouts.seconds(timeout));
    }

    void checkJoinable() {
        if (lifecycle.get() == NEW) {
            throw new IllegalStateException("cannot join thread before it is started");
        }
        if (this == ThreadRegistry.current()) {
            throw new IllegalStateException("cannot join current thread");
        }
    }

    /** Waits for STOPPED: {@link Timeouts#FOREVER}, or at most {@code nanos} (0: poll). */
    void awaitStopped(long nanos) {
        if (lifecycle.get() == STOPPED || nanos == 0) {
            return;
        }
        try {
            if (nanos == Timeouts.FOREVER) {
                lifecycle.acquireSharedInterruptibly(STOPPED);
            } else {
                lifecycle.tryAcquireSharedNanos(STOPPED, nanos);
            }
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        }
    }

    /**
     * Whether the thread is alive: started and not yet ended. Never blocks.
     *
     * <p>Python: {@code threading.Thread.is_alive()}.
     *
     * @return {@code true} from {@link #start()} until the thread's {@link #run()} (and
     *     the excepthook, if it failed) is over
     */
    public boolean isAlive() {
        int state = lifecycle.get();
        return state == STARTED || state == RUNNING;
    }

    /**
     * The thread's name.
     *
     * <p>Python: {@code threading.Thread.name}.
     *
     * @return the name, never {@code null}
     */
    public String getName() {
        return name;
    }

    /**
     * Renames the thread, and its Java thread. Allowed at any time, as in Python.
     *
     * <p>Python: {@code threading.Thread.name = name}.
     *
     * @param name the new name
     * @throws NullPointerException if {@code name} is null
     */
    public void setName(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        this.name = name;
        java.lang.Thread thread = javaThread;
        if (thread != null) {
            thread.setName(name);
        }
    }

    /**
     * Whether this is a daemon thread: one that does not keep the program running.
     *
     * <p>Python: {@code threading.Thread.daemon}.
     *
     * @return {@code true} for a daemon thread
     */
    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Makes this a daemon thread, or not; only before {@link #start()}.
     *
     * <p>Python: {@code threading.Thread.daemon = daemon}.
     *
     * @param daemon whether the thread is a daemon
     * @throws IllegalStateException {@code cannot set daemon status of active thread}
     */
    public void setDaemon(boolean daemon) {
        if (lifecycle.get() != NEW) {
            throw new IllegalStateException("cannot set daemon status of active thread");
        }
        this.daemon = daemon;
    }

    /**
     * The thread's identifier: its Java thread id, the value {@link Threading#getIdent()}
     * returns in it.
     *
     * <p>Python: {@code threading.Thread.ident}.
     *
     * @return the identifier, or {@code null} before the thread starts
     */
    public Long ident() {
        return ident;
    }

    /**
     * The OS's id for the thread (Linux: its TID), or {@code null} before it starts, for a
     * virtual thread, or when it cannot be known (the main thread, if pythreading was
     * first used in another thread).
     *
     * <p>Python: {@code threading.Thread.native_id}.
     *
     * @return the native id, or {@code null}
     */
    public Long nativeId() {
        if (lifecycle.get() == NEW || virtual) {
            return null;
        }
        long id = nativeId; // recorded before start() returned
        return id == UNKNOWN ? null : id;
    }

    void recordNativeId(long id) {
        nativeId = id;
    }

    java.lang.Thread javaThread() {
        return javaThread;
    }

    /** The main thread and dummies run on Java threads that pythreading did not start. */
    boolean isForeign() {
        return false;
    }

    boolean isVirtualThread() {
        return virtual;
    }

    String reprClassName() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName().substring(getClass().getName().lastIndexOf('.') + 1) : simple;
    }

    /**
     * As CPython's repr: {@code <Thread(Thread-1, started daemon 42)>}.
     *
     * @return the class, the name, the status ({@code initial}, {@code started} or
     *     {@code stopped}), whether it is a daemon, and the ident
     */
    @Override
    public String toString() {
        String status;
        switch (lifecycle.get()) {
            case NEW:
                status = "initial";
                break;
            case STOPPED:
                status = "stopped";
                break;
            default:
                status = isForeign() && !javaThread.isAlive() ? "stopped" : "started";
        }
        StringBuilder s = new StringBuilder("<").append(reprClassName()).append('(')
                .append(name).append(", ").append(status);
        if (daemon) {
            s.append(" daemon");
        }
        if (ident != null) {
            s.append(' ').append(ident);
        }
        return s.append(")>").toString();
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+
    private static long idOf(java.lang.Thread thread) {
        return thread.getId();
    }

    /**
     * Builds a {@link Thread} with the options of Python's constructor, and
     * {@code virtual}. Made by {@link Thread#builder()}; each setter returns the builder.
     */
    public static final class Builder {
        private Runnable target;
        private String name;
        private Boolean daemon;
        private boolean virtual;

        private Builder() {
        }

        /**
         * What the thread runs; nothing if not given.
         *
         * <p>Python: the {@code target} argument.
         *
         * @param target what {@link Thread#run()} calls, or {@code null}
         * @return this builder
         */
        public Builder target(Runnable target) {
            this.target = target;
            return this;
        }

        /**
         * The thread's name; {@code Thread-N} if not given (or {@code null} or empty).
         *
         * <p>Python: the {@code name} argument.
         *
         * @param name the name, or {@code null}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Whether it is a daemon thread; inherited from the creating thread (the one that
         * calls {@link #build()}) if not given.
         *
         * <p>Python: the {@code daemon} argument.
         *
         * @param daemon whether the thread is a daemon
         * @return this builder
         */
        public Builder daemon(boolean daemon) {
            this.daemon = daemon;
            return this;
        }

        /**
         * Whether it runs on a virtual thread (Java 21 or later); a platform thread if not
         * given. Not in Python.
         *
         * @param virtual whether the thread is virtual
         * @return this builder
         * @throws UnsupportedOperationException on a JVM without virtual threads
         */
        public Builder virtual(boolean virtual) {
            if (virtual && !VirtualThreads.supported()) {
                throw new UnsupportedOperationException(VirtualThreads.unsupportedMessage());
            }
            this.virtual = virtual;
            return this;
        }

        /**
         * Makes the thread. The builder can be used again.
         *
         * @return the new, unstarted thread
         */
        public Thread build() {
            return new Thread(target, name, daemon, virtual);
        }
    }
}
