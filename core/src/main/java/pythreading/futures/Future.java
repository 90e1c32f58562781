package pythreading.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.function.Consumer;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;

/**
 * Python's {@code concurrent.futures.Future}: the result of a call that an executor runs
 * asynchronously, and a {@link java.util.concurrent.Future}.
 *
 * <pre>{@code
 * Future<Integer> f = pool.submit(() -> 6 * 7);
 * f.addDoneCallback(done -> System.out.println("done: " + done));
 * int answer = f.result();          // waits; throws the call's own exception if it failed
 * }</pre>
 *
 * <p>A future is pending, then running, then finished (with a result or an exception);
 * or, while still pending, cancelled. {@link #cancel()} fails once the call is running:
 * no call is ever interrupted. Done-callbacks run exactly once, in the order they were
 * added, in the thread that finishes or cancels the future, or at once in the caller's
 * thread if the future is already done; a callback's exception is logged (logger
 * {@code pythreading.futures}) and does not reach the others.
 *
 * <p>{@link #result()} throws the call's own exception: unchecked ones as they are,
 * checked ones wrapped in a {@link CompletionException}; a cancelled future throws
 * {@link CancellationException}, an expired timeout {@link TimeoutError}. The
 * {@code java.util.concurrent.Future} methods ({@code get}, ...) keep Java's contract
 * ({@code ExecutionException}, {@code java.util.concurrent.TimeoutException}, checked
 * {@code InterruptedException}).
 *
 * <p>Timeouts are seconds as a {@code double}, each with a {@link Duration} twin; the
 * overloads without one wait as long as necessary (Python's {@code timeout=None}).
 *
 * <p>Memory consistency effects: the actions of the call happen-before the return of
 * {@code result()}, {@code exception()} or {@code get()}, and the run of done-callbacks.
 *
 * <p>Differences from CPython: a cancelled future is done for {@link Futures#await} and
 * {@link Futures#asCompleted} at once (CPython's stay invisible to them until a worker
 * reaches them, and for ever after {@code shutdown(cancel_futures=True)}); a blocked
 * {@code result()} or {@code exception()} can be interrupted and then throws
 * {@link pythreading.threading.UncheckedInterruptedException}.
 *
 * @param <T> the type of the result
 */
public class Future<T> implements java.util.concurrent.Future<T> {

    static final int PENDING = 0;
    static final int RUNNING = 1;
    /** Transient: the result is being written. Counts as running. */
    static final int COMPLETING = 2;
    static final int CANCELLED = 3;
    static final int FINISHED = 4;

    private static final System.Logger LOGGER = System.getLogger("pythreading.futures");

    /**
     * The future's state, in the AQS state: it only moves forward, PENDING to RUNNING to
     * COMPLETING to FINISHED, or PENDING to CANCELLED. Waiting for the result is waiting
     * for a state of CANCELLED or more.
     */
    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        int state() {
            return getState();
        }

        boolean move(int from, int to) {
            return compareAndSetState(from, to);
        }

        void finish() {
            setState(FINISHED);
            releaseShared(0);
        }

        void cancelled() {
            releaseShared(0);
        }

        @Override
        protected int tryAcquireShared(int ignored) {
            return getState() >= CANCELLED ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int ignored) {
            return true;
        }
    }

    /**
     * A done-callback or an internal waiter, in a stack that {@link #DONE} closes. A
     * waiter that stops waiting clears its action; cleared nodes at the top of the stack
     * are unlinked by the next {@code addListener}, so a caller polling with a timeout does
     * not pile them up.
     */
    static final class Listener {
        volatile Consumer<Object> action;
        Listener next; // set before the node is pushed, never after

        Listener(Consumer<Object> action) {
            this.action = action;
        }

        /** Stops this listener from being called. */
        void remove() {
            action = null;
        }
    }

    private static final Listener DONE = new Listener(null);
    private static final VarHandle LISTENERS;

    static {
        try {
            LISTENERS = MethodHandles.lookup().findVarHandle(Future.class, "listeners", Listener.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Sync sync = new Sync();
    /** The result, or the exception when failed; written before the state is FINISHED. */
    private Object outcome;
    private boolean failed;
    /** Listeners added before completion, newest first; DONE once they have run. */
    private volatile Listener listeners;

    /** A pending future; executors make them. */
    Future() {
    }

    /**
     * The state, never COMPLETING: a completion is two writes long, and whoever looks in
     * the middle waits for its end (as FutureTask's readers do), so that completion is
     * one atomic step for every observer.
     */
    private int stableState() {
        int s;
        while ((s = sync.state()) == COMPLETING) {
            java.lang.Thread.yield();
        }
        return s;
    }

    // ------------------------------------------------------------------ Python's API

    /**
     * Cancels the call if it has not started. A running or finished future cannot be
     * cancelled; a cancelled one stays so. Never blocks. Cancelling runs the
     * done-callbacks, in this thread.
     *
     * <p>Python: {@code concurrent.futures.Future.cancel()}.
     *
     * @return whether the future is cancelled now
     */
    public boolean cancel() {
        int s = stableState();
        if (s == CANCELLED) {
            return true;
        }
        if (s != PENDING || !sync.move(PENDING, CANCELLED)) {
            return stableState() == CANCELLED;
        }
        sync.cancelled();
        completed();
        fireListeners();
        return true;
    }

    /**
     * Whether the future was cancelled. Never blocks.
     *
     * <p>Python: {@code concurrent.futures.Future.cancelled()}.
     *
     * @return {@code true} if {@link #cancel()} cancelled it
     */
    public boolean cancelled() {
        return stableState() == CANCELLED;
    }

    /**
     * Whether the call is running now. Never blocks.
     *
     * <p>Python: {@code concurrent.futures.Future.running()}.
     *
     * @return {@code true} from the call's start until its result or exception is set
     */
    public boolean running() {
        return stableState() == RUNNING;
    }

    /**
     * Whether the future is finished or cancelled. Never blocks.
     *
     * <p>Python: {@code concurrent.futures.Future.done()}.
     *
     * @return {@code true} once it has a result or an exception, or was cancelled
     */
    public boolean done() {
        return stableState() >= CANCELLED;
    }

    /**
     * The call's result, waiting for it as long as necessary. Throws the call's own
     * exception if it failed.
     *
     * <p>Python: {@code concurrent.futures.Future.result()} ({@code timeout=None}).
     *
     * @return what the call returned
     * @throws RuntimeException the call's own unchecked exception (an {@link Error} is
     *     thrown as it is too)
     * @throws CancellationException if the future was cancelled
     * @throws CompletionException wrapping a checked exception of the call
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public T result() {
        awaitDone(Timeouts.FOREVER);
        return report();
    }

    /**
     * The call's result, waiting at most {@code timeout} seconds (zero or less: not at
     * all). Throws the call's own exception if it failed.
     *
     * <p>Python: {@code concurrent.futures.Future.result(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return what the call returned
     * @throws RuntimeException the call's own unchecked exception (an {@link Error} is
     *     thrown as it is too)
     * @throws TimeoutError if the future is not done within the timeout
     * @throws CancellationException if the future was cancelled
     * @throws CompletionException wrapping a checked exception of the call
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public T result(double timeout) {
        awaitDoneWithin(timeout);
        return report();
    }

    /**
     * As {@link #result(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return what the call returned
     * @throws NullPointerException if {@code timeout} is null
     * @throws RuntimeException the call's own unchecked exception (an {@link Error} is
     *     thrown as it is too)
     * @throws TimeoutError if the future is not done within the timeout
     * @throws CancellationException if the future was cancelled
     * @throws CompletionException wrapping a checked exception of the call
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public T result(Duration timeout) {
        return result(Timeouts.seconds(timeout));
    }

    /**
     * The exception the call threw, as thrown, or {@code null} if it returned; waits as
     * long as necessary.
     *
     * <p>Python: {@code concurrent.futures.Future.exception()} ({@code timeout=None}).
     *
     * @return the call's exception, or {@code null}
     * @throws CancellationException if the future was cancelled
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public Throwable exception() {
        awaitDone(Timeouts.FOREVER);
        return reportException();
    }

    /**
     * As {@link #exception()}, waiting at most {@code timeout} seconds (zero or less: not
     * at all).
     *
     * <p>Python: {@code concurrent.futures.Future.exception(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return the call's exception, or {@code null}
     * @throws TimeoutError if the future is not done within the timeout
     * @throws CancellationException if the future was cancelled
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public Throwable exception(double timeout) {
        awaitDoneWithin(timeout);
        return reportException();
    }

    /**
     * As {@link #exception(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return the call's exception, or {@code null}
     * @throws NullPointerException if {@code timeout} is null
     * @throws TimeoutError if the future is not done within the timeout
     * @throws CancellationException if the future was cancelled
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public Throwable exception(Duration timeout) {
        return exception(Timeouts.seconds(timeout));
    }

    /**
     * Calls {@code fn} with this future once it is done (finished or cancelled): at once,
     * in this thread, if it is done already; otherwise in the thread that finishes or
     * cancels it. Callbacks run in the order they were added; an exception thrown by one
     * is logged and the others still run. Never blocks, except to run {@code fn} at once.
     *
     * <p>Python: {@code concurrent.futures.Future.add_done_callback(fn)}.
     *
     * @param fn called with this future
     * @throws NullPointerException if {@code fn} is null
     */
    @SuppressWarnings("unchecked")
    public void addDoneCallback(Consumer<? super Future<T>> fn) {
        if (fn == null) {
            throw new NullPointerException("fn");
        }
        addListener(f -> ((Consumer<Object>) fn).accept(f));
    }

    /**
     * A {@link CompletableFuture} completed with this future's outcome: its result, its
     * exception, or cancellation. Cancelling the {@code CompletableFuture} does not cancel
     * this future. Never blocks. Not in Python.
     *
     * @return a new {@code CompletableFuture}, completed when this future is done
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> cf = new CompletableFuture<>();
        addDoneCallback(f -> {
            if (f.cancelled()) {
                cf.cancel(false);
            } else if (f.failed) {
                cf.completeExceptionally((Throwable) f.outcome);
            } else {
                cf.complete(f.resultNowUnchecked());
            }
        });
        return cf;
    }

    // ----------------------------------------------------- java.util.concurrent.Future

    /**
     * As {@link #cancel()}: a running call is never interrupted, whatever the argument.
     *
     * @param mayInterruptIfRunning ignored
     * @return whether the future is cancelled now
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel();
    }

    /**
     * As {@link #cancelled()}.
     *
     * @return {@code true} if the future was cancelled
     */
    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    /**
     * As {@link #done()}.
     *
     * @return {@code true} if the future is finished or cancelled
     */
    @Override
    public boolean isDone() {
        return done();
    }

    /**
     * Java's contract: waits as long as necessary; the call's exception comes wrapped in
     * an {@link ExecutionException}.
     *
     * @return what the call returned
     * @throws InterruptedException if interrupted while waiting
     * @throws ExecutionException wrapping the call's exception
     * @throws CancellationException if the future was cancelled
     */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        if (!done()) {
            sync.acquireSharedInterruptibly(0);
        }
        return reportJava();
    }

    /**
     * Java's contract, with {@link java.util.concurrent.TimeoutException}: waits at most
     * {@code timeout}.
     *
     * @param timeout the longest wait, in {@code unit}s
     * @param unit the unit of {@code timeout}
     * @return what the call returned
     * @throws InterruptedException if interrupted while waiting
     * @throws ExecutionException wrapping the call's exception
     * @throws java.util.concurrent.TimeoutException if the future is not done within the
     *     timeout
     * @throws CancellationException if the future was cancelled
     */
    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        if (!done() && !sync.tryAcquireSharedNanos(0, unit.toNanos(timeout))) {
            throw new java.util.concurrent.TimeoutException();
        }
        return reportJava();
    }

    // --------------------------------------------------------------- for executors

    /**
     * CPython's {@code set_running_or_notify_cancel()}: moves a pending future to running
     * and returns true, or returns false for a cancelled one (the call must not run).
     *
     * @throws IllegalStateException {@code Future in unexpected state} otherwise
     */
    boolean setRunningOrNotifyCancel() {
        if (sync.move(PENDING, RUNNING)) {
            return true;
        }
        if (stableState() == CANCELLED) {
            return false;
        }
        LOGGER.log(System.Logger.Level.ERROR, "Future " + Integer.toHexString(System.identityHashCode(this))
                + " in unexpected state: " + stateName());
        throw new IllegalStateException("Future in unexpected state");
    }

    /** Finishes the future with a result. */
    void setResult(T value) {
        complete(value, false);
    }

    /** Finishes the future with the call's exception. */
    void setException(Throwable exception) {
        complete(exception, true);
    }

    private void complete(Object value, boolean isFailure) {
        for (;;) {
            int s = sync.state();
            if (s >= COMPLETING) {
                stableState(); // another completion in progress: report its end
                throw new IllegalStateException(stateName() + ": " + this); // CPython's InvalidStateError
            }
            if (sync.move(s, COMPLETING)) {
                break;
            }
        }
        outcome = value;
        failed = isFailure;
        sync.finish(); // publishes outcome and failed
        completed();
        fireListeners();
    }

    /**
     * Called once, by the thread that finished or cancelled the future, before the
     * listeners run. Executors override it to do their bookkeeping without a listener.
     */
    void completed() {
    }

    /**
     * Adds a listener, run once when the future is done (at once if it is done already).
     *
     * @return a handle whose {@link Listener#remove()} stops it being called
     */
    Listener addListener(Consumer<Object> action) {
        Listener listener = new Listener(action);
        for (;;) {
            Listener head = listeners;
            if (head == DONE) {
                run(listener);
                return listener;
            }
            if (head != null && head.action == null) {
                LISTENERS.compareAndSet(this, head, head.next); // unlink a removed one
                continue;
            }
            listener.next = head;
            if (LISTENERS.compareAndSet(this, head, listener)) {
                return listener;
            }
        }
    }

    private void fireListeners() {
        Listener head = (Listener) LISTENERS.getAndSet(this, DONE);
        Listener inOrder = null;
        while (head != null) { // reverse: they run in the order they were added
            Listener next = head.next;
            head.next = inOrder;
            inOrder = head;
            head = next;
        }
        for (Listener l = inOrder; l != null; l = l.next) {
            run(l);
        }
    }

    private void run(Listener listener) {
        Consumer<Object> action = listener.action;
        if (action == null) {
            return; // removed
        }
        try {
            action.accept(this);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "exception calling callback for " + this, e);
        }
    }

    // ----------------------------------------------------------------- internals

    /** Whether done and finished by an exception (CPython's {@code f.exception() is not None}). */
    boolean failedNow() {
        return stableState() == FINISHED && failed;
    }

    /** Waits at most {@code timeout} seconds; throws {@link TimeoutError} if still not done. */
    private void awaitDoneWithin(double timeout) {
        if (!done()) {
            awaitDone(Timeouts.forWait(timeout));
            if (!done()) {
                throw new TimeoutError();
            }
        }
    }

    /** Waits {@link Timeouts#FOREVER}, or at most {@code nanos} (0: not at all). */
    private void awaitDone(long nanos) {
        if (done() || nanos == 0) {
            return;
        }
        try {
            if (nanos == Timeouts.FOREVER) {
                sync.acquireSharedInterruptibly(0);
            } else {
                sync.tryAcquireSharedNanos(0, nanos);
            }
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private T resultNowUnchecked() {
        return (T) outcome;
    }

    private T report() {
        if (stableState() == CANCELLED) {
            throw new CancellationException();
        }
        if (failed) {
            Throwable e = (Throwable) outcome;
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
            throw new CompletionException(e);
        }
        return resultNowUnchecked();
    }

    private Throwable reportException() {
        if (stableState() == CANCELLED) {
            throw new CancellationException();
        }
        return failed ? (Throwable) outcome : null;
    }

    private T reportJava() throws ExecutionException {
        if (stableState() == CANCELLED) {
            throw new CancellationException();
        }
        if (failed) {
            throw new ExecutionException((Throwable) outcome);
        }
        return resultNowUnchecked();
    }

    private String stateName() {
        switch (stableState()) {
            case PENDING:
                return "PENDING";
            case RUNNING:
            case COMPLETING:
                return "RUNNING";
            case CANCELLED:
                return "CANCELLED";
            default:
                return "FINISHED";
        }
    }

    /**
     * As CPython's repr: {@code <Future at 0x… state=pending>}, {@code state=finished
     * returned Integer>}, {@code state=finished raised IllegalStateException>}.
     *
     * @return the identity hash, the state and, when finished, the outcome's class
     */
    @Override
    public String toString() {
        String head = "<Future at 0x" + Integer.toHexString(System.identityHashCode(this)) + " state=";
        switch (stableState()) {
            case PENDING:
                return head + "pending>";
            case RUNNING:
            case COMPLETING:
                return head + "running>";
            case CANCELLED:
                return head + "cancelled>";
            default:
                return head + "finished " + (failed ? "raised " : "returned ")
                        + (outcome == null ? "null" : outcome.getClass().getSimpleName()) + ">";
        }
    }
}
