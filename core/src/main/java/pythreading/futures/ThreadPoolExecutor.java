package pythreading.futures;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import pythreading.internal.KeepAlive;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;
import pythreading.queue.Empty;
import pythreading.queue.SimpleQueue;
import pythreading.threading.ExceptHookArgs;
import pythreading.threading.Semaphore;
import pythreading.threading.Thread;
import pythreading.threading.Threading;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Python's {@code concurrent.futures.ThreadPoolExecutor}: runs calls on a pool of at most
 * {@code maxWorkers} threads and hands back {@link Future}s.
 *
 * <pre>{@code
 * try (var pool = new ThreadPoolExecutor(4)) {          // with ThreadPoolExecutor(4) as pool:
 *     Future<String> page = pool.submit(() -> fetch(url));
 *     for (int length : pool.map(String::length, words)) { ... }
 * }                                                      // shutdown(wait=True)
 * }</pre>
 *
 * <p>Workers start lazily, one per {@code submit} while none is idle, up to
 * {@code maxWorkers}, and are reused once idle. They are pythreading {@link Thread}s
 * (listed by {@link Threading#enumerate()}) named {@code PREFIX_N}: the prefix given to
 * the builder, or {@code ThreadPoolExecutor-K} (K counting pools from 0), and N counting
 * the pool's workers from 0. An {@code initializer} runs once in each worker before it
 * takes work; if it throws, the pool is broken: queued calls fail with
 * {@link BrokenThreadPool}, and so does every later {@code submit}.
 *
 * <p>A program that ends without shutting a pool down still finishes the calls queued in
 * it, then exits, as in Python: workers are daemon threads, and the pool holds the JVM
 * open only while it has calls queued or running. An exception thrown by a call is kept
 * in its future; one thrown by a call given to {@link #execute(Runnable)}, which has no
 * future, goes to {@link Threading#excepthook()}.
 *
 * <p>Differences from CPython: workers are daemon threads ({@code isDaemon()} is true),
 * and the program's exit waits for the pool's work, not for its idle threads; a pool
 * that is no longer reachable lets its idle workers end, as CPython's does when it is
 * garbage-collected.
 */
public class ThreadPoolExecutor implements Executor, AutoCloseable {

    static final String SHUTDOWN_MESSAGE = "cannot schedule new futures after shutdown";
    static final String BROKEN_MESSAGE = "A thread initializer failed, the thread pool is not usable anymore";

    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    private static final Cleaner CLEANER = Cleaner.create();
    private static final System.Logger LOGGER = System.getLogger("pythreading.futures");

    /** A call and its future: CPython's {@code _WorkItem}. */
    private static final class WorkItem<T> extends Future<T> implements Runnable {
        private final Shared shared;
        private Callable<T> fn;

        WorkItem(Shared shared, Callable<T> fn) {
            this.shared = shared;
            this.fn = fn;
        }

        /** Finished or cancelled: one call fewer for the pool to hold the JVM open for. */
        @Override
        void completed() {
            shared.finished();
        }

        @Override
        public void run() {
            boolean traced = Recorder.on();
            if (!setRunningOrNotifyCancel()) {
                if (traced) {
                    Recorder.taskEnds(this, "cancelled");
                }
                return;
            }
            if (traced) {
                Recorder.taskStarts(this);
            }
            Callable<T> call = fn;
            fn = null;
            T result;
            try {
                result = call.call();
            } catch (Throwable e) {
                if (traced) {
                    Recorder.taskEnds(this, "failed");
                }
                setException(e);
                return;
            }
            if (traced) {
                Recorder.taskEnds(this, "done");
            }
            setResult(result);
        }
    }

    /**
     * What the workers share with the pool, without holding the pool itself (so that an
     * unreachable pool can be collected, and its workers told to end).
     */
    private static final class Shared {
        /** Work items, and null: a sentinel that tells a worker to look at shutdown. */
        final SimpleQueue<WorkItem<?>> workQueue = new SimpleQueue<>();
        /** Released by a worker each time it finds no work: CPython's _idle_semaphore. */
        final Semaphore idle = new Semaphore(0);
        /** Calls queued or running; the JVM is held open while it is above zero. */
        final AtomicInteger outstanding = new AtomicInteger();
        final ReentrantLock shutdownLock = new ReentrantLock();
        /** Guarded by shutdownLock (written), volatile for workers. */
        volatile boolean shutdown;
        /** The broken message, or null. Guarded by shutdownLock (written). */
        volatile String broken;

        Shared() {
            if (Recorder.on()) {
                // The pool's own machinery: its tasks are traced instead.
                Recorder.hide(workQueue);
                Recorder.hide(idle);
            }
        }

        void queued() {
            if (outstanding.getAndIncrement() == 0) {
                KeepAlive.hold();
            }
        }

        void finished() {
            if (outstanding.decrementAndGet() == 0) {
                KeepAlive.release();
            }
        }
    }

    private final int maxWorkers;
    private final String threadNamePrefix;
    private final Runnable initializer;
    private final boolean virtual;
    private final Shared shared = new Shared();
    /** Every worker started. Guarded by shared.shutdownLock. */
    private final List<Thread> threads = new ArrayList<>();

    /**
     * A pool of {@code min(32, processors + 4)} workers, Python's default.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor()}.
     */
    public ThreadPoolExecutor() {
        this(builder());
    }

    /**
     * A pool of at most {@code maxWorkers} workers.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor(max_workers)}.
     *
     * @param maxWorkers the largest number of workers, one or more
     * @throws IllegalArgumentException {@code max_workers must be greater than 0}
     */
    public ThreadPoolExecutor(int maxWorkers) {
        this(builder().maxWorkers(maxWorkers));
    }

    private ThreadPoolExecutor(Builder b) {
        this.maxWorkers = b.maxWorkers != null ? b.maxWorkers
                : Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        if (maxWorkers <= 0) {
            throw new IllegalArgumentException("max_workers must be greater than 0");
        }
        this.threadNamePrefix = b.threadNamePrefix != null && !b.threadNamePrefix.isEmpty()
                ? b.threadNamePrefix : "ThreadPoolExecutor-" + POOL_COUNTER.getAndIncrement();
        this.initializer = b.initializer;
        this.virtual = b.virtual;
        SimpleQueue<WorkItem<?>> queue = shared.workQueue;
        CLEANER.register(this, () -> queue.put(null)); // unreachable: wake the idle workers
    }

    /**
     * A builder for a pool with more options: prefix, initializer, virtual threads.
     * Python's keyword arguments of {@code ThreadPoolExecutor(...)}.
     *
     * @return a new builder, with every option at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Schedules {@code fn} and returns its future. Never blocks: the call waits in the
     * pool's queue for a worker, and a worker is started if none is idle and the pool is
     * not full.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.submit(fn)}.
     *
     * @param fn the call; its exceptions, checked ones included, are kept in the future
     * @param <T> the type of the call's result
     * @return the call's future, pending
     * @throws NullPointerException if {@code fn} is null
     * @throws BrokenThreadPool {@code A thread initializer failed, the thread pool is not
     *     usable anymore} if a worker's initializer failed
     * @throws IllegalStateException {@code cannot schedule new futures after shutdown}
     */
    public <T> Future<T> submit(Callable<T> fn) {
        if (fn == null) {
            throw new NullPointerException("fn");
        }
        WorkItem<T> item = new WorkItem<>(shared, fn);
        schedule(item);
        return item;
    }

    /**
     * Schedules {@code fn} and returns its future, whose result is {@code null}. Never
     * blocks, as {@link #submit(Callable)}.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.submit(fn)}.
     *
     * @param fn the call; its exceptions are kept in the future
     * @return the call's future, pending
     * @throws NullPointerException if {@code fn} is null
     * @throws BrokenThreadPool {@code A thread initializer failed, the thread pool is not
     *     usable anymore} if a worker's initializer failed
     * @throws IllegalStateException {@code cannot schedule new futures after shutdown}
     */
    public Future<Void> submit(Runnable fn) {
        if (fn == null) {
            throw new NullPointerException("fn");
        }
        return submit(() -> {
            fn.run();
            return null;
        });
    }

    /**
     * {@link Executor}'s contract: runs {@code command} on the pool; an exception it
     * throws goes to {@link Threading#excepthook()}. Never blocks. Not in Python.
     *
     * @param command what to run
     * @throws NullPointerException if {@code command} is null
     * @throws RejectedExecutionException {@code cannot schedule new futures after
     *     shutdown}, or the broken pool's message
     */
    @Override
    public void execute(Runnable command) {
        if (command == null) {
            throw new NullPointerException("command");
        }
        try {
            submit(() -> {
                try {
                    command.run();
                } catch (RuntimeException | Error e) {
                    invokeExcepthook(e);
                }
                return null;
            });
        } catch (IllegalStateException e) {
            throw new RejectedExecutionException(e.getMessage(), e);
        }
    }

    /** As a thread's uncaught exception: the hook, and if the hook fails, its failure on standard error. */
    private static void invokeExcepthook(Throwable e) {
        try {
            Threading.excepthook().accept(new ExceptHookArgs(e.getClass(), e, Threading.currentThread()));
        } catch (Throwable hookFailure) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                hookFailure.printStackTrace(out);
            }
            System.err.print("Exception in threading.excepthook:" + System.lineSeparator() + trace);
            System.err.flush();
        }
    }

    private void schedule(WorkItem<?> item) {
        shared.shutdownLock.lock();
        try {
            if (shared.broken != null) {
                throw new BrokenThreadPool(shared.broken);
            }
            if (shared.shutdown) {
                throw new IllegalStateException(SHUTDOWN_MESSAGE);
            }
            shared.queued();
            if (Recorder.on()) {
                Recorder.taskQueued(item, this);
            }
            shared.workQueue.put(item);
            adjustThreadCount();
        } finally {
            shared.shutdownLock.unlock();
        }
    }

    /** Starts a worker unless one is idle or the pool is full. Call only when holding shutdownLock. */
    private void adjustThreadCount() {
        if (shared.idle.acquire(false)) {
            return;
        }
        int n = threads.size();
        if (n < maxWorkers) {
            Thread.Builder builder = Thread.builder()
                    .name(threadNamePrefix + "_" + n)
                    .daemon(true)
                    .target(new Worker(new WeakReference<>(this), shared, initializer));
            if (virtual) {
                builder.virtual(true);
            }
            Thread t = builder.build();
            t.start();
            threads.add(t);
        }
    }

    /**
     * Calls {@code fn} on every input, all submitted now, and returns the results in
     * input order as the iteration reaches them. This call does not wait for any result;
     * the iteration waits for each as long as necessary. See {@link MapResults} for
     * failures and early closing.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.map(fn, iterable)}.
     *
     * @param fn the call, applied to each input
     * @param inputs the inputs, read to the end now
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, to iterate once (and close, to cancel what is left)
     * @throws NullPointerException if {@code fn} is null
     * @throws BrokenThreadPool {@code A thread initializer failed, the thread pool is not
     *     usable anymore} if a worker's initializer failed (the calls submitted already are
     *     cancelled)
     * @throws IllegalStateException {@code cannot schedule new futures after shutdown}
     */
    public <T, R> MapResults<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs) {
        return map(fn, inputs, false, 0);
    }

    /**
     * As {@link #map(Function, Iterable)}; a result not ready {@code timeout} seconds
     * after this call makes the iteration throw {@link TimeoutError}.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.map(fn, iterable,
     * timeout=None)}.
     *
     * @param fn the call, applied to each input
     * @param inputs the inputs, read to the end now
     * @param timeout the time, in seconds from this call, within which every result must
     *     be ready (zero or less: the results not ready when reached time out)
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, to iterate once (and close, to cancel what is left)
     * @throws NullPointerException if {@code fn} is null
     * @throws BrokenThreadPool {@code A thread initializer failed, the thread pool is not
     *     usable anymore} if a worker's initializer failed (the calls submitted already are
     *     cancelled)
     * @throws IllegalStateException {@code cannot schedule new futures after shutdown}
     */
    public <T, R> MapResults<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            double timeout) {
        return map(fn, inputs, true, timeout);
    }

    /**
     * As {@link #map(Function, Iterable, double)}, with the timeout as a {@link Duration}.
     *
     * @param fn the call, applied to each input
     * @param inputs the inputs, read to the end now
     * @param timeout the time from this call within which every result must be ready
     * @param <T> the type of the inputs
     * @param <R> the type of the results
     * @return the results, to iterate once (and close, to cancel what is left)
     * @throws NullPointerException if {@code fn} or {@code timeout} is null
     * @throws BrokenThreadPool as {@link #map(Function, Iterable, double)}
     * @throws IllegalStateException {@code cannot schedule new futures after shutdown}
     */
    public <T, R> MapResults<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            Duration timeout) {
        return map(fn, inputs, Timeouts.seconds(timeout));
    }

    private <T, R> MapResults<R> map(Function<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            boolean timed, double timeout) {
        if (fn == null) {
            throw new NullPointerException("fn");
        }
        long deadline = timed ? Timeouts.deadlineIn(timeout) : 0;
        List<Future<R>> futures = new ArrayList<>();
        try {
            for (T input : inputs) {
                futures.add(submit(() -> fn.apply(input)));
            }
        } catch (RuntimeException e) {
            futures.forEach(Future::cancel);
            throw e;
        }
        return new MapResults<>(futures, timed, timeout, deadline);
    }

    /**
     * As {@code shutdown(true, false)}: lets the queued calls run, and waits until every
     * worker has ended.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.shutdown()}.
     *
     * @throws IllegalStateException {@code cannot join current thread} when called from one
     *     of the pool's own workers
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the pool is shut down all the same)
     */
    public void shutdown() {
        shutdown(true, false);
    }

    /**
     * As {@code shutdown(wait, false)}: lets the queued calls run.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.shutdown(wait=True)}.
     *
     * @param wait whether to wait until every worker has ended
     * @throws IllegalStateException {@code cannot join current thread} when called with
     *     {@code wait} from one of the pool's own workers
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the pool is shut down all the same)
     */
    public void shutdown(boolean wait) {
        shutdown(wait, false);
    }

    /**
     * Refuses new calls from now on; the queued ones still run unless
     * {@code cancelFutures}, which cancels them. With {@code wait}, returns once every
     * worker has ended (as long as necessary: the running calls are not interrupted); the
     * shutdown itself never blocks. May be called again.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.shutdown(wait=True, *,
     * cancel_futures=False)}.
     *
     * @param wait whether to wait until every worker has ended
     * @param cancelFutures whether to cancel the calls queued and not yet started
     * @throws IllegalStateException {@code cannot join current thread} when called with
     *     {@code wait} from one of the pool's own workers
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the pool is shut down all the same)
     */
    public void shutdown(boolean wait, boolean cancelFutures) {
        List<Thread> workers;
        shared.shutdownLock.lock();
        try {
            shared.shutdown = true;
            if (cancelFutures) {
                drain(WorkItem::cancel);
            }
            shared.workQueue.put(null);
            workers = new ArrayList<>(threads);
        } finally {
            shared.shutdownLock.unlock();
        }
        if (wait) {
            for (Thread t : workers) {
                t.join();
            }
        }
    }

    /**
     * {@code shutdown(true)}: Python's {@code with} block's exit. Waits until every worker
     * has ended.
     *
     * <p>Python: {@code concurrent.futures.ThreadPoolExecutor.__exit__()}.
     *
     * @throws IllegalStateException {@code cannot join current thread} when called from one
     *     of the pool's own workers
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the pool is shut down all the same)
     */
    @Override
    public void close() {
        shutdown(true);
    }

    /**
     * The largest number of workers.
     *
     * <p>Python: {@code ThreadPoolExecutor._max_workers}.
     *
     * @return the bound given, or Python's default
     */
    public int maxWorkers() {
        return maxWorkers;
    }

    /** Takes every queued work item out and gives it to {@code action}. Call only when holding shutdownLock. */
    private void drain(java.util.function.Consumer<WorkItem<?>> action) {
        drain(shared, action);
    }

    private static void drain(Shared shared, java.util.function.Consumer<WorkItem<?>> action) {
        for (;;) {
            WorkItem<?> item;
            try {
                item = shared.workQueue.getNowait();
            } catch (Empty e) {
                return;
            }
            if (item != null) {
                action.accept(item);
            }
        }
    }

    /** An initializer failed: break the pool, failing what is queued. */
    private static void initializerFailed(Shared shared) {
        shared.shutdownLock.lock();
        try {
            shared.broken = BROKEN_MESSAGE;
            drain(shared, item -> {
                try {
                    item.setException(new BrokenThreadPool(BROKEN_MESSAGE));
                } catch (IllegalStateException cancelled) {
                    // cancelled while queued: it stays so, and the others still fail
                }
            });
        } finally {
            shared.shutdownLock.unlock();
        }
    }

    /** A worker's loop: CPython's {@code _worker}. It holds the pool only weakly. */
    private static final class Worker implements Runnable {
        private final WeakReference<ThreadPoolExecutor> pool;
        private final Shared shared;
        private final Runnable initializer;

        Worker(WeakReference<ThreadPoolExecutor> pool, Shared shared, Runnable initializer) {
            this.pool = pool;
            this.shared = shared;
            this.initializer = initializer;
        }

        @Override
        public void run() {
            if (initializer != null) {
                try {
                    initializer.run();
                } catch (Throwable e) {
                    LOGGER.log(System.Logger.Level.ERROR, "Exception in initializer:", e);
                    initializerFailed(shared);
                    return;
                }
            }
            for (;;) {
                WorkItem<?> item;
                try {
                    item = shared.workQueue.getNowait();
                } catch (Empty e) {
                    shared.idle.release();
                    item = takeIgnoringInterrupts();
                }
                if (item != null) {
                    java.lang.Thread.interrupted(); // an interrupt left by the last call is not this one's
                    item.run();
                    continue;
                }
                // a sentinel: the pool is shut down, or no longer reachable
                if (shared.shutdown || pool.get() == null) {
                    shared.shutdown = true;
                    shared.workQueue.put(null); // pass it on to the next worker
                    return;
                }
            }
        }

        /**
         * The next work item, waiting for one. An interrupt left over from a call, or aimed
         * at an idle worker, is not the worker's business: it is cleared, and it waits on.
         */
        private WorkItem<?> takeIgnoringInterrupts() {
            for (;;) {
                java.lang.Thread.interrupted();
                try {
                    return shared.workQueue.get();
                } catch (UncheckedInterruptedException e) {
                    // wait again
                }
            }
        }
    }

    /**
     * Builds a {@link ThreadPoolExecutor}. Made by {@link ThreadPoolExecutor#builder()};
     * each setter returns the builder.
     */
    public static final class Builder {
        private Integer maxWorkers;
        private String threadNamePrefix;
        private Runnable initializer;
        private boolean virtual;

        private Builder() {
        }

        /**
         * The largest number of workers; default {@code min(32, processors + 4)}. Checked
         * by {@link #build()}.
         *
         * <p>Python: the {@code max_workers} argument.
         *
         * @param maxWorkers the largest number of workers, one or more
         * @return this builder
         */
        public Builder maxWorkers(int maxWorkers) {
            this.maxWorkers = maxWorkers;
            return this;
        }

        /**
         * The workers' name prefix; default (also for {@code null} or empty)
         * {@code ThreadPoolExecutor-K}.
         *
         * <p>Python: the {@code thread_name_prefix} argument.
         *
         * @param threadNamePrefix the prefix; the workers are named {@code PREFIX_N}
         * @return this builder
         */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = threadNamePrefix;
            return this;
        }

        /**
         * Runs once in each worker before it takes work; if it throws, the pool is broken
         * (see {@link BrokenThreadPool}). None by default.
         *
         * <p>Python: the {@code initializer} argument (arguments: capture them).
         *
         * @param initializer what each worker runs first, or {@code null}
         * @return this builder
         */
        public Builder initializer(Runnable initializer) {
            this.initializer = initializer;
            return this;
        }

        /**
         * Whether the workers are virtual threads (Java 21 or later); platform threads by
         * default. Not in Python.
         *
         * @param virtual whether the workers are virtual threads
         * @return this builder
         * @throws UnsupportedOperationException on a JVM without virtual threads
         */
        public Builder virtual(boolean virtual) {
            if (virtual) {
                Thread.builder().virtual(true); // refuses it on an older JVM, with the message
            }
            this.virtual = virtual;
            return this;
        }

        /**
         * Makes the pool. It starts no worker until the first {@code submit}.
         *
         * @return the new pool
         * @throws IllegalArgumentException {@code max_workers must be greater than 0}
         */
        public ThreadPoolExecutor build() {
            return new ThreadPoolExecutor(this);
        }
    }
}
