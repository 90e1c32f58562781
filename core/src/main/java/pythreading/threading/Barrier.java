package pythreading.threading;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;
import pythreading.internal.trace.Recorder;

/**
 * Python's {@code threading.Barrier}: a fixed number of threads ({@code parties}) wait
 * for each other, then all go on together; then the barrier can be used again.
 *
 * <pre>{@code
 * Barrier barrier = new Barrier(3);
 * // in each of the three threads:
 * int index = barrier.await();   // 0 for the first to arrive, 2 for the last
 * }</pre>
 *
 * <p>The last thread to arrive runs the {@code action}, if there is one, before anyone
 * is released. The barrier breaks, and every waiting thread and every later
 * {@code await} throws {@link BrokenBarrierError}, when: a waiter's timeout expires;
 * {@link #abort()} is called; the action throws (its thread gets the action's exception);
 * a waiter is interrupted (it throws {@link UncheckedInterruptedException}). A broken
 * barrier stays broken until {@link #reset()}.
 *
 * <p>Differences from {@link java.util.concurrent.CyclicBarrier}: the index is the arrival
 * order, 0 first (CyclicBarrier counts down); threads arriving while the previous cycle
 * is still leaving wait for it to finish, so no thread overtakes a cycle.
 *
 * <p>Differences from CPython: an interrupted waiter breaks the barrier (as in
 * CyclicBarrier); a NaN timeout breaks it as a zero timeout would, where CPython spins for
 * ever.
 *
 * <p>Memory consistency effects: actions before {@code await} in each thread
 * happen-before the action, which happens-before the return of every {@code await} of
 * the same cycle.
 */
public class Barrier implements BarrierLike {

    /*
     * Overview (CPython's algorithm). State and count are guarded by lock.
     *   FILLING:   threads arrive and wait; the last one runs the action and moves to
     *   DRAINING:  the waiters of the finished cycle leave; newcomers wait in enter()
     *   RESETTING: reset() while threads waited: they leave with BrokenBarrierError
     *   BROKEN:    every wait fails until reset()
     * When the last thread of a DRAINING or RESETTING barrier leaves, it goes back to
     * FILLING and wakes the threads waiting to enter. An interrupt that arrives after the
     * cycle tripped belongs to whatever the thread does next: it returns its index with
     * its interrupt flag set, as CyclicBarrier does.
     */
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final int parties;
    private final Runnable action;
    /** The default timeout of {@link #await()}, in seconds, when hasTimeout. */
    private final double timeout;
    private final boolean hasTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    /** Guarded by lock. */
    private State state = State.FILLING;
    /** Threads inside await(). Guarded by lock. */
    private int count;

    /**
     * Creates a barrier for {@code parties} threads, without an action or a default
     * timeout.
     *
     * <p>Python: {@code threading.Barrier(parties)}.
     *
     * @param parties the number of threads that must arrive, one or more
     * @throws IllegalArgumentException {@code parties must be > 0}
     */
    public Barrier(int parties) {
        this(parties, null);
    }

    /**
     * Creates a barrier for {@code parties} threads; the last to arrive runs
     * {@code action} (if not null) before the others are released.
     *
     * <p>Python: {@code threading.Barrier(parties, action)}.
     *
     * @param parties the number of threads that must arrive, one or more
     * @param action run once per cycle by the last thread to arrive, or {@code null}
     * @throws IllegalArgumentException {@code parties must be > 0}
     */
    public Barrier(int parties, Runnable action) {
        this(parties, action, 0, false);
    }

    /**
     * Creates a barrier whose {@link #await()} waits at most {@code timeout} seconds. The
     * timeout is checked only when a thread has to wait, as in CPython.
     *
     * <p>Python: {@code threading.Barrier(parties, action=None, timeout=None)}.
     *
     * @param parties the number of threads that must arrive, one or more
     * @param action run once per cycle by the last thread to arrive, or {@code null}
     * @param timeout the default timeout of {@link #await()}, in seconds
     * @throws IllegalArgumentException {@code parties must be > 0}
     */
    public Barrier(int parties, Runnable action, double timeout) {
        this(parties, action, timeout, true);
    }

    /**
     * As {@link #Barrier(int, Runnable, double)}, with the default timeout as a
     * {@link Duration}.
     *
     * @param parties the number of threads that must arrive, one or more
     * @param action run once per cycle by the last thread to arrive, or {@code null}
     * @param timeout the default timeout of {@link #await()}
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException {@code parties must be > 0}
     */
    public Barrier(int parties, Runnable action, Duration timeout) {
        this(parties, action, Timeouts.seconds(timeout));
    }

    private Barrier(int parties, Runnable action, double timeout, boolean hasTimeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
        this.parties = parties;
        this.action = action;
        this.timeout = timeout;
        this.hasTimeout = hasTimeout;
    }

    /**
     * Waits until all parties have arrived, or for the barrier's default timeout if it
     * was given one (otherwise as long as necessary).
     *
     * <p>Python: {@code threading.Barrier.wait()} ({@code timeout=None}).
     *
     * @return the arrival index, 0 for the first thread, {@code parties() - 1} for the
     *     last
     * @throws BrokenBarrierError if the barrier is broken, or breaks, is reset or is
     *     aborted while waiting, or the timeout expires
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     if the barrier's timeout is beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting (the barrier is
     *     then broken for the others)
     * @throws RuntimeException whatever the action throws, in the thread that ran it (the
     *     barrier is then broken for the others)
     */
    @Override
    public int await() {
        return doAwait(hasTimeout, timeout);
    }

    /**
     * Waits until all parties have arrived, at most {@code timeout} seconds. A timeout
     * of zero or less (or NaN) does not wait: unless this thread is the last to arrive,
     * the barrier breaks at once.
     *
     * <p>Python: {@code threading.Barrier.wait(timeout)}.
     *
     * @param timeout the longest wait, in seconds
     * @return the arrival index, 0 for the first thread
     * @throws BrokenBarrierError as {@link #await()}; also when the timeout expires (the
     *     barrier is then broken)
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a timeout beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public int await(double timeout) {
        return doAwait(true, timeout);
    }

    /**
     * As {@link #await(double)}, with the timeout as a {@link Duration}.
     *
     * @param timeout the longest wait
     * @return the arrival index, 0 for the first thread
     * @throws NullPointerException if {@code timeout} is null
     * @throws BrokenBarrierError as {@link #await(double)}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a timeout beyond {@link Threading#TIMEOUT_MAX}
     * @throws UncheckedInterruptedException if interrupted while waiting
     */
    @Override
    public int await(Duration timeout) {
        return await(Timeouts.seconds(timeout));
    }

    /** @param timeout seconds, when {@code timed}; checked only if this thread must wait */
    private int doAwait(boolean timed, double timeout) {
        lock.lock();
        try {
            enter();
            int index = count++;
            try {
                if (index + 1 == parties) {
                    trip();
                } else {
                    waitForTrip(timed ? Timeouts.forWait(timeout) : Timeouts.FOREVER);
                }
                return index;
            } finally {
                count--;
                exit();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits while the previous cycle drains or resets. Call only when holding lock. */
    private void enter() {
        while (state == State.DRAINING || state == State.RESETTING) {
            try {
                changed.await();
            } catch (InterruptedException e) {
                throw Interrupts.rethrow(e);
            }
        }
        if (state == State.BROKEN) {
            throw new BrokenBarrierError();
        }
    }

    /** The last arrival: run the action, then release the cycle. Call only when holding lock. */
    private void trip() {
        try {
            if (action != null) {
                action.run();
            }
            state = State.DRAINING;
            changed.signalAll();
            if (Recorder.on()) {
                Recorder.signalled(this, "trip");
            }
        } catch (RuntimeException | Error e) {
            breakBarrier();
            throw e;
        }
    }

    /** Waits for the last arrival, traced when the recorder is on. Call only when holding lock. */
    private void waitForTrip(long nanos) {
        if (!Recorder.on()) {
            waitForTripUntraced(nanos);
            return;
        }
        Object wait = Recorder.waitBegins(this);
        String outcome = Recorder.BROKEN;
        try {
            waitForTripUntraced(nanos);
            outcome = Recorder.PASSED;
        } catch (UncheckedInterruptedException e) {
            outcome = Recorder.INTERRUPTED;
            throw e;
        } finally {
            Recorder.waitEnds(wait, outcome);
        }
    }

    private void waitForTripUntraced(long nanos) {
        long deadline = nanos == Timeouts.FOREVER ? 0 : Timeouts.deadline(nanos);
        boolean interrupted = false;
        try {
            while (state == State.FILLING) {
                if (nanos == Timeouts.FOREVER) {
                    changed.await();
                } else {
                    long remaining = Timeouts.remaining(deadline);
                    if (remaining <= 0) {
                        breakBarrier();
                        throw new BrokenBarrierError();
                    }
                    changed.awaitNanos(remaining);
                }
            }
        } catch (InterruptedException e) {
            if (state == State.FILLING) {
                breakBarrier();
                throw Interrupts.rethrow(e);
            }
            interrupted = true; // the cycle tripped first: the interrupt is not ours
        }
        if (interrupted) {
            java.lang.Thread.currentThread().interrupt();
        }
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierError();
        }
    }

    /** The last thread out of a finished or reset cycle reopens the barrier. */
    private void exit() {
        if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
            state = State.FILLING;
            changed.signalAll();
        }
    }

    private void breakBarrier() {
        state = State.BROKEN;
        changed.signalAll();
    }

    /**
     * Returns the barrier to its initial state. Threads waiting on it get
     * {@link BrokenBarrierError}. Also repairs a broken barrier. Never waits for the
     * parties.
     *
     * <p>Python: {@code threading.Barrier.reset()}.
     */
    @Override
    public void reset() {
        lock.lock();
        try {
            if (count > 0) {
                if (state == State.FILLING || state == State.BROKEN) {
                    state = State.RESETTING;
                }
            } else {
                state = State.FILLING;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Breaks the barrier: every waiting thread, and every later {@code await} until
     * {@link #reset()}, throws {@link BrokenBarrierError}. Never waits for the parties.
     *
     * <p>Python: {@code threading.Barrier.abort()}.
     */
    @Override
    public void abort() {
        lock.lock();
        try {
            breakBarrier();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The number of threads needed to pass the barrier.
     *
     * <p>Python: {@code threading.Barrier.parties}.
     *
     * @return the {@code parties} given to the constructor
     */
    @Override
    public int parties() {
        return parties;
    }

    /**
     * The number of threads waiting in the current cycle.
     *
     * <p>Python: {@code threading.Barrier.n_waiting}.
     *
     * @return how many threads wait now; 0 while a finished or reset cycle is leaving,
     *     and while the barrier is broken
     */
    @Override
    public int nWaiting() {
        lock.lock();
        try {
            return state == State.FILLING ? count : 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the barrier is broken.
     *
     * <p>Python: {@code threading.Barrier.broken}.
     *
     * @return {@code true} from the break until {@link #reset()}
     */
    @Override
    public boolean isBroken() {
        lock.lock();
        try {
            return state == State.BROKEN;
        } finally {
            lock.unlock();
        }
    }

    /**
     * As CPython's repr: {@code <pythreading.threading.Barrier at 0x…: waiters=1/3>}.
     *
     * @return the class, the identity hash, and {@code broken} or the waiters
     */
    @Override
    public String toString() {
        String prefix = "<" + getClass().getName() + " at 0x"
                + Integer.toHexString(System.identityHashCode(this));
        if (isBroken()) {
            return prefix + ": broken>";
        }
        return prefix + ": waiters=" + nWaiting() + "/" + parties + ">";
    }
}
