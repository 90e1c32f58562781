package pythreading.threading;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;
import pythreading.internal.WaitFor;
import pythreading.internal.trace.Recorder;

/**
 * Python's {@code threading.Condition}: a lock, and a queue of threads waiting until
 * another thread signals them.
 *
 * <pre>{@code
 * Condition cv = new Condition();
 * // consumer                              // producer
 * try (var held = cv.enter()) {            try (var held = cv.enter()) {
 *     cv.awaitFor(() -> available());          makeAvailable();
 *     consume();                                cv.signal();
 * }                                        }
 * }</pre>
 *
 * <p>The lock is an {@link RLock} unless one is given; any {@link Acquirable} will do.
 * {@code await} releases the lock (an {@code RLock} completely, however deep the
 * recursion), waits, and takes it back before returning, in every case. {@code signal(n)}
 * wakes at most {@code n} of the threads waiting at that moment, longest waiting first;
 * a signal with nobody waiting is lost, as in Python. There are no spurious wake-ups.
 *
 * <p>"Holding the lock", which {@code await} and {@code signal} require, means what it
 * means in CPython: the owner for an {@code RLock}; for any other lock, that it cannot
 * be acquired right now (so for a plain {@link Lock}, locked by any thread).
 *
 * <p>Method names: {@code wait}, {@code wait_for}, {@code notify} and {@code notify_all}
 * are {@code await}, {@code awaitFor}, {@code signal} and {@code signalAll}, since
 * {@link Object} owns the others.
 *
 * <p>Memory consistency effects: actions before a {@code signal} happen-before the
 * actions after the {@code await} it wakes returns.
 *
 * <p>Timeouts are seconds as a {@code double}, each with a {@link Duration} twin; the
 * overloads without one wait as long as necessary (Python's {@code timeout=None}).
 *
 * <p>Differences from CPython: a waiter whose timeout expires at the moment it is
 * signalled counts the signal and returns {@code true}, so that no signal is lost; an
 * interrupted waiter takes the lock back and throws {@link UncheckedInterruptedException},
 * unless a signal reached it first, in which case it returns {@code true} with its
 * interrupt flag set; {@code awaitFor} with a NaN timeout returns the predicate's value
 * after one poll, where CPython spins for ever.
 */
public class Condition implements ConditionLike {

    /*
     * Overview. The waiters form a FIFO queue of nodes, each with a state that moves once
     * from WAITING to SIGNALLED (by signal) or to CANCELLED (by its own thread, on timeout
     * or interrupt). Whoever moves it first decides the outcome, so a signal is never
     * given to a waiter that has left, and a waiter that has left is never counted as
     * signalled. The queue has its own small lock, because with a plain Lock or any
     * other Acquirable "holding the lock" does not make the caller the only thread
     * touching the queue.
     */

    static final int WAITING = 0;
    static final int SIGNALLED = 1;
    static final int CANCELLED = 2;

    private static final class Waiter extends AtomicInteger {
        private static final long serialVersionUID = 1L;
        final java.lang.Thread thread = java.lang.Thread.currentThread();

        boolean signal() {
            return compareAndSet(WAITING, SIGNALLED);
        }

        boolean cancel() {
            return compareAndSet(WAITING, CANCELLED);
        }
    }

    private final Acquirable lock;
    private final ConditionLock conditionLock;
    private final ReentrantLock queueLock = new ReentrantLock();
    /** Threads in {@code await}, oldest first. Guarded by {@link #queueLock}. */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    /**
     * Creates a condition over a new {@link RLock}.
     *
     * <p>Python: {@code threading.Condition()}.
     */
    public Condition() {
        this(null);
    }

    /**
     * Creates a condition over {@code lock}; {@code null} means a new {@link RLock}, as
     * Python's {@code None}.
     *
     * <p>Python: {@code threading.Condition(lock=None)}.
     *
     * @param lock the lock to wait and signal under, or {@code null} for a new
     *     {@code RLock}
     */
    public Condition(Acquirable lock) {
        this.lock = lock == null ? new RLock() : lock;
        this.conditionLock = ConditionLock.of(this.lock);
    }

    /**
     * The lock's {@code acquire()}.
     *
     * <p>Python: {@code threading.Condition.acquire()}.
     *
     * @return what the lock's {@code acquire()} returns: {@code true}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire() {
        return lock.acquire();
    }

    /**
     * The lock's {@code acquire(blocking)}.
     *
     * <p>Python: {@code threading.Condition.acquire(blocking)}.
     *
     * @param blocking whether to wait; {@code false}: try once
     * @return whether the lock was acquired
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking) {
        return lock.acquire(blocking);
    }

    /**
     * The lock's {@code acquire(blocking, timeout)}, with the lock's timeout rules (for
     * the default {@link RLock}: {@code -1} waits forever, other negative values are
     * refused).
     *
     * <p>Python: {@code threading.Condition.acquire(blocking, timeout)}.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait, in seconds
     * @return whether the lock was acquired; {@code false} when the timeout expired first
     * @throws IllegalArgumentException for a timeout the lock refuses, with its message
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        return lock.acquire(blocking, timeout);
    }

    /**
     * The lock's {@code acquire(blocking, timeout)} with a {@link Duration}.
     *
     * @param blocking whether to wait at all
     * @param timeout the longest wait
     * @return whether the lock was acquired; {@code false} when the timeout expired first
     * @throws IllegalArgumentException for a timeout the lock refuses, with its message
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean acquire(boolean blocking, Duration timeout) {
        return lock.acquire(blocking, timeout);
    }

    /**
     * The lock's {@code release()}.
     *
     * <p>Python: {@code threading.Condition.release()}.
     *
     * @throws IllegalStateException as the lock's {@code release()} (for the default
     *     {@link RLock}: {@code cannot release un-acquired lock})
     */
    @Override
    public void release() {
        lock.release();
    }

    /**
     * The lock's {@code enter()}: {@code try (var held = cv.enter())} is Python's
     * {@code with cv:}.
     *
     * @return the handle whose {@code close()} releases the lock
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public Held enter() {
        return lock.enter();
    }

    /**
     * Releases the lock, waits until signalled, and takes the lock back. Blocks as long
     * as necessary.
     *
     * <p>Python: {@code threading.Condition.wait()} ({@code timeout=None}).
     *
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting (the lock is
     *     held again when it is thrown)
     */
    @Override
    public boolean await() {
        return doAwait(Timeouts.FOREVER);
    }

    /**
     * Releases the lock, waits until signalled or until {@code timeout} seconds have
     * passed, and takes the lock back (with no time limit on that).
     *
     * <p>Python: {@code threading.Condition.wait(timeout)}.
     *
     * @param timeout the longest wait for a signal, in seconds
     * @return {@code true} if signalled, {@code false} if the timeout expired; a
     *     timeout of zero or less (or NaN) returns {@code false} at once
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting (the lock is
     *     held again when it is thrown)
     */
    @Override
    public boolean await(double timeout) {
        checkOwned();
        return doAwait(Timeouts.forWait(timeout));
    }

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait for a signal
     * @return {@code true} if signalled, {@code false} if the timeout expired
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting (the lock is
     *     held again when it is thrown)
     */
    @Override
    public boolean await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }

    /**
     * Waits until {@code predicate} is true. The predicate is evaluated with the lock
     * held, first before waiting at all; if it is true then, no lock is needed.
     * Otherwise it {@linkplain #await() awaits} a signal and evaluates it again, as long
     * as necessary.
     *
     * <p>Python: {@code threading.Condition.wait_for(predicate)}.
     *
     * @param predicate the condition to wait for
     * @return {@code true}
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean awaitFor(BooleanSupplier predicate) {
        return WaitFor.untimed(predicate, this::await);
    }

    /**
     * Waits until {@code predicate} is true or {@code timeout} seconds have passed, in
     * all; as {@link #awaitFor(BooleanSupplier)} otherwise. A timeout of zero or less (or
     * NaN) evaluates the predicate without waiting.
     *
     * <p>Python: {@code threading.Condition.wait_for(predicate, timeout)}.
     *
     * @param predicate the condition to wait for
     * @param timeout the longest wait in all, in seconds
     * @return the predicate's last value: {@code false} if the timeout expired first
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean awaitFor(BooleanSupplier predicate, double timeout) {
        return WaitFor.timed(predicate, timeout, this::checkOwned, this::doAwait);
    }

    /**
     * As {@link #awaitFor(BooleanSupplier, double)}, with a {@link Duration}.
     *
     * @param predicate the condition to wait for
     * @param timeout the longest wait in all
     * @return the predicate's last value: {@code false} if the timeout expired first
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalStateException {@code cannot wait on un-acquired lock}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public boolean awaitFor(BooleanSupplier predicate, Duration timeout) {
        return awaitFor(predicate, Timeouts.seconds(timeout));
    }

    /**
     * Wakes the longest-waiting thread, if any. Never blocks. The woken thread returns
     * from {@code await} once it has taken the lock back, so after this thread releases it.
     *
     * <p>Python: {@code threading.Condition.notify()}.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signal() {
        signal(1);
    }

    /**
     * Wakes at most {@code n} of the waiting threads, longest waiting first; nothing when
     * {@code n} is zero or less. Never blocks.
     *
     * <p>Python: {@code threading.Condition.notify(n=1)}.
     *
     * @param n the largest number of threads to wake
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signal(int n) {
        if (!conditionLock.isOwned()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        if (n <= 0) {
            return;
        }
        if (Recorder.on()) {
            Recorder.signalled(this, n == Integer.MAX_VALUE ? "signalAll" : "signal");
        }
        queueLock.lock();
        try {
            Waiter w;
            while (n > 0 && (w = waiters.pollFirst()) != null) {
                if (w.signal()) {
                    LockSupport.unpark(w.thread);
                    n--;
                }
            }
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Wakes every waiting thread. Never blocks.
     *
     * <p>Python: {@code threading.Condition.notify_all()}.
     *
     * @throws IllegalStateException {@code cannot notify on un-acquired lock}
     */
    @Override
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    private void checkOwned() {
        if (!conditionLock.isOwned()) {
            throw new IllegalStateException("cannot wait on un-acquired lock");
        }
    }

    /**
     * @param nanos how long to wait: {@link Timeouts#FOREVER}, or 0 for a poll
     * @return whether signalled
     */
    private boolean doAwait(long nanos) {
        checkOwned();
        if (nanos == 0) {
            return false; // a poll: nobody can have signalled a waiter that never queued
        }
        if (java.lang.Thread.interrupted()) {
            throw Interrupts.interrupted(); // the lock is still held, as on entry
        }
        Waiter w = new Waiter();
        long queued = Recorder.on() ? System.nanoTime() : 0; // a signal counts from here
        enqueue(w);
        int saved;
        try {
            saved = conditionLock.releaseSave();
        } catch (RuntimeException | Error e) {
            w.cancel();
            dequeue(w);
            throw e;
        }
        boolean interrupted = false;
        Object wait = Recorder.on() ? Recorder.waitBegins(this, queued) : null;
        try {
            long deadline = nanos == Timeouts.FOREVER ? 0 : Timeouts.deadline(nanos);
            while (w.get() == WAITING) {
                if (java.lang.Thread.interrupted()) {
                    interrupted = true;
                    if (w.cancel()) {
                        break;
                    }
                } else if (nanos == Timeouts.FOREVER) {
                    LockSupport.park(this);
                } else {
                    long remaining = Timeouts.remaining(deadline);
                    if (remaining <= 0) {
                        if (w.cancel()) {
                            break;
                        }
                    } else {
                        LockSupport.parkNanos(this, remaining);
                    }
                }
            }
            if (w.get() == CANCELLED) {
                dequeue(w);
            }
        } finally {
            if (wait != null) {
                // The wait for the signal ends here; taking the lock back begins a new hold.
                Recorder.waitEnds(wait, w.get() == SIGNALLED ? Recorder.SIGNALLED
                        : interrupted ? Recorder.INTERRUPTED : Recorder.TIMED_OUT);
            }
            conditionLock.acquireRestore(saved);
        }
        boolean signalled = w.get() == SIGNALLED;
        if (interrupted) {
            if (!signalled) {
                throw Interrupts.interrupted();
            }
            java.lang.Thread.currentThread().interrupt(); // the signal won; keep the interrupt
        }
        return signalled;
    }

    private void enqueue(Waiter w) {
        queueLock.lock();
        try {
            waiters.addLast(w);
        } finally {
            queueLock.unlock();
        }
    }

    private void dequeue(Waiter w) {
        queueLock.lock();
        try {
            waiters.remove(w);
        } finally {
            queueLock.unlock();
        }
    }

    /** The number of threads waiting now (an estimate, for monitoring and tests). */
    int waiterCount() {
        queueLock.lock();
        try {
            return waiters.size();
        } finally {
            queueLock.unlock();
        }
    }

    ConditionLock conditionLock() {
        return conditionLock;
    }

    /**
     * As CPython's repr: {@code <Condition(<lock>, waiters)>}.
     *
     * @return the lock's {@code toString()} and the number of waiting threads
     */
    @Override
    public String toString() {
        return "<Condition(" + lock + ", " + waiterCount() + ")>";
    }
}
