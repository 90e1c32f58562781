package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeout validation of every timed call against CPython 3.13: each row of the table was
 * run on CPython first; the call, and what it returns or raises with the exact message.
 */
@Timeout(10)
class TimeoutValidationTests {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TM = Threading.TIMEOUT_MAX;

    private static final String NON_BLOCKING_LOCK = "can't specify a timeout for a non-blocking call";
    private static final String NON_BLOCKING_SEMAPHORE = "can't specify timeout for non-blocking acquire";
    private static final String NEGATIVE = "timeout value must be a non-negative number";
    private static final String NOT_A_NUMBER = "Invalid value NaN (not a number)";
    private static final String OVERFLOW = "timestamp out of range for platform time_t";
    private static final String UNACQUIRED = "cannot wait on un-acquired lock";

    /** What a call must do: return {@code value}, or throw {@code type} with {@code message}. */
    static final class Outcome {
        final Object value;
        final Class<? extends Throwable> type;
        final String message;

        private Outcome(Object value, Class<? extends Throwable> type, String message) {
            this.value = value;
            this.type = type;
            this.message = message;
        }

        @Override
        public String toString() {
            return type == null ? "-> " + value : "!! " + type.getSimpleName() + (message == null ? "" : ": " + message);
        }
    }

    /** One row: the Python expression probed, the Java call, the outcome. */
    static final class Row {
        final String python;
        final Supplier<Object> call;
        final Outcome expected;

        Row(String python, Supplier<Object> call, Outcome expected) {
            this.python = python;
            this.call = call;
            this.expected = expected;
        }

        @Override
        public String toString() {
            return python + " " + expected;
        }
    }

    private static Outcome returns(Object value) {
        return new Outcome(value, null, null);
    }

    private static Outcome raises(Class<? extends Throwable> type, String message) {
        return new Outcome(null, type, message);
    }

    private static Outcome valueError(String message) {
        return raises(IllegalArgumentException.class, message);
    }

    private static Outcome runtimeError(String message) {
        return raises(IllegalStateException.class, message);
    }

    private static final Outcome BROKEN = raises(BrokenBarrierError.class, null);

    // ---------------------------------------------------------------------------------
    // States the rows start from

    private static Lock heldLock() {
        Lock lock = new Lock();
        lock.acquire();
        return lock;
    }

    /** An RLock owned by another thread (which has ended without releasing it). */
    private static RLock rlockOfAnotherThread() {
        RLock lock = new RLock();
        java.lang.Thread other = new java.lang.Thread(lock::acquire, "owner");
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return lock;
    }

    private static Event setEvent() {
        Event event = new Event();
        event.set();
        return event;
    }

    /** Calls {@code await} on a condition held by the calling thread, then releases it. */
    private static Object heldConditionAwait(Acquirable lock, java.util.function.Function<Condition, Object> call) {
        Condition cond = new Condition(lock);
        cond.acquire();
        try {
            return call.apply(cond);
        } finally {
            cond.release();
        }
    }

    private static Thread finishedThread() {
        Thread t = Thread.builder().target(() -> { }).daemon(true).build();
        t.start();
        t.join();
        return t;
    }

    /** Joins a thread that is alive (blocked on an event) with {@code timeout}; returns isAlive(). */
    private static Object joinLiveThread(double timeout) {
        Event stop = new Event();
        Thread t = Thread.builder().target(stop::await).daemon(true).build();
        t.start();
        try {
            t.join(timeout);
            return t.isAlive();
        } finally {
            stop.set();
            t.join();
        }
    }

    private static Object joinFinishedThread(double timeout) {
        Thread t = finishedThread();
        t.join(timeout);
        return t.isAlive();
    }

    /** Whether the barrier is broken after an {@code await(timeout)} that raised BrokenBarrierError. */
    private static Object brokenAfter(Barrier barrier, double timeout) {
        try {
            return "returned " + barrier.await(timeout);
        } catch (BrokenBarrierError e) {
            return barrier.isBroken();
        }
    }

    // ---------------------------------------------------------------------------------
    // The matrix

    static List<Row> cpythonRows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("threading.TIMEOUT_MAX", () -> Threading.TIMEOUT_MAX, returns(9223372036.0)));

        // Lock: -1 is forever, other negatives refused, no timeout when not blocking
        rows.add(new Row("Lock().acquire(False, 5)", () -> new Lock().acquire(false, 5), valueError(NON_BLOCKING_LOCK)));
        rows.add(new Row("Lock().acquire(False, -1)", () -> new Lock().acquire(false, -1), returns(true)));
        rows.add(new Row("Lock().acquire(False, 0)", () -> new Lock().acquire(false, 0), valueError(NON_BLOCKING_LOCK)));
        rows.add(new Row("Lock().acquire(False, -2)", () -> new Lock().acquire(false, -2), valueError(NON_BLOCKING_LOCK)));
        rows.add(new Row("Lock().acquire(False, nan)", () -> new Lock().acquire(false, NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("Lock().acquire(False, inf)", () -> new Lock().acquire(false, INF), valueError(OVERFLOW)));
        rows.add(new Row("Lock().acquire(True, -2)", () -> new Lock().acquire(true, -2), valueError(NEGATIVE)));
        rows.add(new Row("Lock().acquire(True, -0.5)", () -> new Lock().acquire(true, -0.5), valueError(NEGATIVE)));
        rows.add(new Row("Lock().acquire(True, -1)", () -> new Lock().acquire(true, -1), returns(true)));
        rows.add(new Row("Lock().acquire(True, 0)", () -> new Lock().acquire(true, 0), returns(true)));
        rows.add(new Row("Lock().acquire(True, nan)", () -> new Lock().acquire(true, NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("Lock().acquire(True, inf)", () -> new Lock().acquire(true, INF), valueError(OVERFLOW)));
        rows.add(new Row("Lock().acquire(True, -inf)", () -> new Lock().acquire(true, -INF), valueError(OVERFLOW)));
        rows.add(new Row("Lock().acquire(True, TIMEOUT_MAX)", () -> new Lock().acquire(true, TM), returns(true)));
        rows.add(new Row("Lock().acquire(True, TIMEOUT_MAX+1)", () -> new Lock().acquire(true, TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("Lock().acquire(True, 1e100)", () -> new Lock().acquire(true, 1e100), valueError(OVERFLOW)));
        rows.add(new Row("held Lock.acquire(True, 0)", () -> heldLock().acquire(true, 0), returns(false)));
        rows.add(new Row("held Lock.acquire(True, nan)", () -> heldLock().acquire(true, NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("held Lock.acquire(True, -2)", () -> heldLock().acquire(true, -2), valueError(NEGATIVE)));
        rows.add(new Row("held Lock.acquire(True, TIMEOUT_MAX+1)", () -> heldLock().acquire(true, TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("held Lock.acquire(False, 5)", () -> heldLock().acquire(false, 5), valueError(NON_BLOCKING_LOCK)));

        // RLock: the same rules
        rows.add(new Row("RLock().acquire(False, 5)", () -> new RLock().acquire(false, 5), valueError(NON_BLOCKING_LOCK)));
        rows.add(new Row("RLock().acquire(True, -2)", () -> new RLock().acquire(true, -2), valueError(NEGATIVE)));
        rows.add(new Row("RLock().acquire(True, nan)", () -> new RLock().acquire(true, NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("RLock().acquire(True, inf)", () -> new RLock().acquire(true, INF), valueError(OVERFLOW)));
        rows.add(new Row("RLock().acquire(True, TIMEOUT_MAX)", () -> new RLock().acquire(true, TM), returns(true)));
        rows.add(new Row("RLock().acquire(True, TIMEOUT_MAX+1)", () -> new RLock().acquire(true, TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("other's RLock.acquire(True, 0)", () -> rlockOfAnotherThread().acquire(true, 0), returns(false)));
        rows.add(new Row("other's RLock.acquire(False)", () -> rlockOfAnotherThread().acquire(false), returns(false)));

        // Condition.acquire is its lock's
        rows.add(new Row("Condition().acquire(False, 5)", () -> new Condition().acquire(false, 5), valueError(NON_BLOCKING_LOCK)));
        rows.add(new Row("Condition().acquire(True, -2)", () -> new Condition().acquire(true, -2), valueError(NEGATIVE)));
        rows.add(new Row("Condition(Semaphore(0)).acquire(True, -1)",
                () -> new Condition(new Semaphore(0)).acquire(true, -1), returns(false)));

        // Semaphore: negative is zero; checked only when it has to wait
        rows.add(new Row("Semaphore(0).acquire(True, -1)", () -> new Semaphore(0).acquire(true, -1), returns(false)));
        rows.add(new Row("Semaphore(0).acquire(True, 0)", () -> new Semaphore(0).acquire(true, 0), returns(false)));
        rows.add(new Row("Semaphore(0).acquire(True, -inf)", () -> new Semaphore(0).acquire(true, -INF), returns(false)));
        rows.add(new Row("Semaphore(0).acquire(True, inf)", () -> new Semaphore(0).acquire(true, INF), valueError(OVERFLOW)));
        rows.add(new Row("Semaphore(0).acquire(True, TIMEOUT_MAX+1)",
                () -> new Semaphore(0).acquire(true, TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("Semaphore(0).acquire(True, 1e100)", () -> new Semaphore(0).acquire(true, 1e100), valueError(OVERFLOW)));
        rows.add(new Row("Semaphore(1).acquire(True, inf)", () -> new Semaphore(1).acquire(true, INF), returns(true)));
        rows.add(new Row("Semaphore(1).acquire(True, nan)", () -> new Semaphore(1).acquire(true, NAN), returns(true)));
        rows.add(new Row("Semaphore(1).acquire(True, -5)", () -> new Semaphore(1).acquire(true, -5), returns(true)));
        rows.add(new Row("Semaphore(1).acquire(False)", () -> new Semaphore(1).acquire(false), returns(true)));
        rows.add(new Row("Semaphore(1).acquire(False, 5)", () -> new Semaphore(1).acquire(false, 5), valueError(NON_BLOCKING_SEMAPHORE)));
        rows.add(new Row("Semaphore(1).acquire(False, -1)", () -> new Semaphore(1).acquire(false, -1), valueError(NON_BLOCKING_SEMAPHORE)));
        rows.add(new Row("Semaphore(0).acquire(False, 5)", () -> new Semaphore(0).acquire(false, 5), valueError(NON_BLOCKING_SEMAPHORE)));
        rows.add(new Row("BoundedSemaphore(0).acquire(True, -1)", () -> new BoundedSemaphore(0).acquire(true, -1), returns(false)));
        rows.add(new Row("BoundedSemaphore(1).acquire(False, 5)",
                () -> new BoundedSemaphore(1).acquire(false, 5), valueError(NON_BLOCKING_SEMAPHORE)));
        rows.add(new Row("BoundedSemaphore(0).acquire(True, inf)",
                () -> new BoundedSemaphore(0).acquire(true, INF), valueError(OVERFLOW)));

        // Event: zero, negative and NaN poll; too large only when it has to wait
        rows.add(new Row("Event().wait(-1)", () -> new Event().await(-1), returns(false)));
        rows.add(new Row("Event().wait(0)", () -> new Event().await(0), returns(false)));
        rows.add(new Row("Event().wait(nan)", () -> new Event().await(NAN), returns(false)));
        rows.add(new Row("Event().wait(-inf)", () -> new Event().await(-INF), returns(false)));
        rows.add(new Row("Event().wait(inf)", () -> new Event().await(INF), valueError(OVERFLOW)));
        rows.add(new Row("Event().wait(TIMEOUT_MAX+1)", () -> new Event().await(TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("Event().wait(1e100)", () -> new Event().await(1e100), valueError(OVERFLOW)));
        rows.add(new Row("set Event.wait(inf)", () -> setEvent().await(INF), returns(true)));
        rows.add(new Row("set Event.wait(nan)", () -> setEvent().await(NAN), returns(true)));

        // Condition: the same as Event, once the lock is held
        rows.add(new Row("held Condition().wait(-1)", () -> heldConditionAwait(null, c -> c.await(-1)), returns(false)));
        rows.add(new Row("held Condition().wait(0)", () -> heldConditionAwait(null, c -> c.await(0)), returns(false)));
        rows.add(new Row("held Condition().wait(nan)", () -> heldConditionAwait(null, c -> c.await(NAN)), returns(false)));
        rows.add(new Row("held Condition().wait(-inf)", () -> heldConditionAwait(null, c -> c.await(-INF)), returns(false)));
        rows.add(new Row("held Condition().wait(inf)", () -> heldConditionAwait(null, c -> c.await(INF)), valueError(OVERFLOW)));
        rows.add(new Row("held Condition().wait(TIMEOUT_MAX+1)",
                () -> heldConditionAwait(null, c -> c.await(TM + 1)), valueError(OVERFLOW)));
        rows.add(new Row("held Condition(Lock()).wait(inf)",
                () -> heldConditionAwait(new Lock(), c -> c.await(INF)), valueError(OVERFLOW)));
        rows.add(new Row("held Condition(Lock()).wait(-1)",
                () -> heldConditionAwait(new Lock(), c -> c.await(-1)), returns(false)));
        rows.add(new Row("held Condition().wait_for(lambda: False, -1)",
                () -> heldConditionAwait(null, c -> c.awaitFor(() -> false, -1)), returns(false)));
        rows.add(new Row("held Condition().wait_for(lambda: False, inf)",
                () -> heldConditionAwait(null, c -> c.awaitFor(() -> false, INF)), valueError(OVERFLOW)));
        rows.add(new Row("held Condition().wait_for(lambda: True, inf)",
                () -> heldConditionAwait(null, c -> c.awaitFor(() -> true, INF)), returns(true)));
        rows.add(new Row("held Condition().wait_for(lambda: True, nan)",
                () -> heldConditionAwait(null, c -> c.awaitFor(() -> true, NAN)), returns(true)));

        // Condition not held: ownership is checked before the timeout
        rows.add(new Row("Condition().wait(0)", () -> new Condition().await(0), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition().wait(-1)", () -> new Condition().await(-1), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition().wait(nan)", () -> new Condition().await(NAN), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition().wait(inf)", () -> new Condition().await(INF), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition(Lock()).wait(inf)", () -> new Condition(new Lock()).await(INF), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition().wait_for(lambda: False, -1)",
                () -> new Condition().awaitFor(() -> false, -1), runtimeError(UNACQUIRED)));
        rows.add(new Row("Condition().wait_for(lambda: False, inf)",
                () -> new Condition().awaitFor(() -> false, INF), runtimeError(UNACQUIRED)));

        // Thread.join: negative is zero, NaN and too large refused, after the state checks
        rows.add(new Row("finished.join(nan)", () -> joinFinishedThread(NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("finished.join(inf)", () -> joinFinishedThread(INF), valueError(OVERFLOW)));
        rows.add(new Row("finished.join(TIMEOUT_MAX+1)", () -> joinFinishedThread(TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("finished.join(-1); is_alive()", () -> joinFinishedThread(-1), returns(false)));
        rows.add(new Row("live.join(nan)", () -> joinLiveThread(NAN), valueError(NOT_A_NUMBER)));
        rows.add(new Row("live.join(inf)", () -> joinLiveThread(INF), valueError(OVERFLOW)));
        rows.add(new Row("live.join(TIMEOUT_MAX+1)", () -> joinLiveThread(TM + 1), valueError(OVERFLOW)));
        rows.add(new Row("live.join(-1); is_alive()", () -> joinLiveThread(-1), returns(true)));
        rows.add(new Row("live.join(0); is_alive()", () -> joinLiveThread(0), returns(true)));
        rows.add(new Row("live.join(-inf); is_alive()", () -> joinLiveThread(-INF), returns(true)));
        rows.add(new Row("Thread().join(nan)", () -> {
            new Thread().join(NAN);
            return null;
        }, runtimeError("cannot join thread before it is started")));
        rows.add(new Row("Thread().join(inf)", () -> {
            new Thread().join(INF);
            return null;
        }, runtimeError("cannot join thread before it is started")));
        rows.add(new Row("current_thread().join(nan)", () -> {
            Threading.currentThread().join(NAN);
            return null;
        }, runtimeError("cannot join current thread")));

        // Barrier: zero and negative break it unless the caller is last; too large only when it waits
        rows.add(new Row("Barrier(1).wait(nan)", () -> new Barrier(1).await(NAN), returns(0)));
        rows.add(new Row("Barrier(1).wait(-1)", () -> new Barrier(1).await(-1), returns(0)));
        rows.add(new Row("Barrier(1).wait(0)", () -> new Barrier(1).await(0), returns(0)));
        rows.add(new Row("Barrier(1).wait(inf)", () -> new Barrier(1).await(INF), returns(0)));
        rows.add(new Row("Barrier(1, timeout=inf).wait()", () -> new Barrier(1, null, INF).await(), returns(0)));
        rows.add(new Row("Barrier(1, timeout=nan).wait()", () -> new Barrier(1, null, NAN).await(), returns(0)));
        rows.add(new Row("Barrier(2).wait(-1)", () -> new Barrier(2).await(-1), BROKEN));
        rows.add(new Row("Barrier(2).wait(0)", () -> new Barrier(2).await(0), BROKEN));
        rows.add(new Row("Barrier(2).wait(-1); broken", () -> brokenAfter(new Barrier(2), -1), returns(true)));
        rows.add(new Row("Barrier(2).wait(0); broken", () -> brokenAfter(new Barrier(2), 0), returns(true)));
        rows.add(new Row("Barrier(2, timeout=-1).wait()", () -> new Barrier(2, null, -1).await(), BROKEN));
        rows.add(new Row("Barrier(2, timeout=0).wait()", () -> new Barrier(2, null, 0).await(), BROKEN));
        rows.add(new Row("Barrier(2).wait(inf)", () -> new Barrier(2).await(INF), valueError(OVERFLOW)));
        rows.add(new Row("Barrier(2).wait(TIMEOUT_MAX+1)", () -> new Barrier(2).await(TM + 1), valueError(OVERFLOW)));
        return rows;
    }

    /**
     * Where CPython spins for ever (a NaN deadline never passes) or fails late, pythreading
     * answers at once. Each row says what CPython does.
     */
    static List<Row> deliberateDifferences() {
        List<Row> rows = new ArrayList<>();
        // CPython spins for ever
        rows.add(new Row("Semaphore(0).acquire(True, nan)", () -> new Semaphore(0).acquire(true, NAN), returns(false)));
        rows.add(new Row("BoundedSemaphore(0).acquire(True, nan)",
                () -> new BoundedSemaphore(0).acquire(true, NAN), returns(false)));
        // CPython spins for ever
        rows.add(new Row("Barrier(2).wait(nan)", () -> new Barrier(2).await(NAN), BROKEN));
        rows.add(new Row("Barrier(2).wait(nan); broken", () -> brokenAfter(new Barrier(2), NAN), returns(true)));
        rows.add(new Row("Barrier(2, timeout=nan).wait()", () -> new Barrier(2, null, NAN).await(), BROKEN));
        // CPython spins for ever
        rows.add(new Row("held Condition().wait_for(lambda: False, nan)",
                () -> heldConditionAwait(null, c -> c.awaitFor(() -> false, NAN)), returns(false)));
        // CPython accepts them and fails in the timer's thread (OverflowError); NaN fires at once
        // in both (TimerTests.testNanIntervalFiresAtOnce)
        rows.add(new Row("Timer(inf, f)", () -> new Timer(INF, () -> { }), valueError(OVERFLOW)));
        rows.add(new Row("Timer(TIMEOUT_MAX+1, f)", () -> new Timer(TM + 1, () -> { }), valueError(OVERFLOW)));
        return rows;
    }

    private static void check(Row row) {
        Object[] result = new Object[1];
        Throwable thrown = catchThrowable(() -> result[0] = row.call.get());
        if (row.expected.type == null) {
            assertThat(thrown).as(row.python + " throws").isNull();
            assertThat(result[0]).as(row.python).isEqualTo(row.expected.value);
        } else {
            assertThat(thrown).as(row.python).isExactlyInstanceOf(row.expected.type);
            assertThat(thrown.getMessage()).as(row.python + " message").isEqualTo(row.expected.message);
        }
    }

    // lock_tests.BaseLockTests.test_timeout, lock_tests.BaseSemaphoreTests.test_acquire_timeout,
    // lock_tests.EventTests.test_timeout, lock_tests.BarrierTests.test_default_timeout and
    // pythreading: the full matrix, every row probed on CPython 3.13
    @ParameterizedTest(name = "{0}")
    @MethodSource("cpythonRows")
    void timeoutAsInCPython(Row row) {
        check(row);
    }

    // pythreading: the deliberate differences where CPython never returns or fails late
    @ParameterizedTest(name = "{0}")
    @MethodSource("deliberateDifferences")
    void deliberateDifference(Row row) {
        check(row);
    }

    // pythreading: a refused Condition.wait timeout leaves the lock held at the same depth and no waiter queued
    @Test
    void refusedConditionTimeoutKeepsTheLock() {
        RLock lock = new RLock();
        Condition cond = new Condition(lock);
        lock.acquire();
        lock.acquire();
        try {
            assertThat(catchThrowable(() -> cond.await(INF))).isInstanceOf(IllegalArgumentException.class);
            assertThat(lock.recursionCount()).isEqualTo(2);
            assertThat(cond.waiterCount()).isZero();
        } finally {
            lock.release();
            lock.release();
        }
    }

    // pythreading: a refused Barrier.wait timeout neither breaks the barrier nor counts the caller
    @Test
    void refusedBarrierTimeoutLeavesItAsItWas() {
        Barrier barrier = new Barrier(2);
        assertThat(catchThrowable(() -> barrier.await(INF))).isInstanceOf(IllegalArgumentException.class);
        assertThat(barrier.isBroken()).isFalse();
        assertThat(barrier.nWaiting()).isZero();
    }

    // pythreading: a refused Lock timeout leaves the lock free
    @Test
    void refusedLockTimeoutTakesNothing() {
        Lock lock = new Lock();
        assertThat(catchThrowable(() -> lock.acquire(true, -2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(catchThrowable(() -> lock.acquire(false, 5))).isInstanceOf(IllegalArgumentException.class);
        assertThat(lock.locked()).isFalse();
        Semaphore sem = new Semaphore(1);
        assertThat(catchThrowable(() -> sem.acquire(false, 5))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sem.value()).isEqualTo(1);
    }
}
