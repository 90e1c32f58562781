package pythreading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pythreading.futures.BrokenThreadPool;
import pythreading.futures.Future;
import pythreading.futures.Futures;
import pythreading.futures.MapResults;
import pythreading.futures.ReturnWhen;
import pythreading.futures.ThreadPoolExecutor;
import pythreading.futures.TimeoutError;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.LifoQueue;
import pythreading.queue.PriorityQueue;
import pythreading.queue.Queue;
import pythreading.queue.ShutDown;
import pythreading.queue.SimpleQueue;
import pythreading.threading.Acquirable;
import pythreading.threading.Barrier;
import pythreading.threading.BoundedSemaphore;
import pythreading.threading.BrokenBarrierError;
import pythreading.threading.Condition;
import pythreading.threading.Event;
import pythreading.threading.Local;
import pythreading.threading.Lock;
import pythreading.threading.RLock;
import pythreading.threading.Semaphore;
import pythreading.threading.Thread;
import pythreading.threading.Threading;
import pythreading.threading.Timer;

/**
 * The bad-input census (issue 8): every public method of {@code pythreading.threading},
 * {@code pythreading.queue} and {@code pythreading.futures} that takes input, called through
 * the public API with the values CPython 3.13 rejects, one row each: the exception's type,
 * CPython's exact message, and that the refused call changed nothing.
 *
 * <p>A row marked {@code [CPython]} was checked against {@code python3.13}; one marked
 * {@code [pythreading]} has no CPython counterpart (Java's {@code null}, {@code Duration},
 * {@code int} overflow, or a documented difference such as a NaN timeout that CPython spins
 * on) and asserts pythreading's documented behaviour. {@link #RETURNS} rows are the values
 * CPython accepts where one might expect a refusal ({@code signal(-1)}, {@code Thread(null)},
 * ...): they assert what the call returns instead.
 */
@Timeout(10)
class BadInputCensusTest {

    /** The number of rows in {@link #census()}: adding a row means updating it. */
    static final int EXPECTED_CASES = 411;

    // ------------------------------------------------------------------ the row format

    /** The "type" of a row whose call must return normally; its message is the result. */
    static final Class<?> RETURNS = Void.class;
    /** The message of a row whose void call returns normally. */
    static final String NOTHING = "(nothing)";
    /** A NullPointerException thrown by the JVM itself: its (helpful) message is not ours to pin. */
    static final String JVM_MESSAGE = "(the JVM's own message)";

    static final String CPYTHON = "[CPython]";
    static final String PYTHREADING = "[pythreading]";

    static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    static final Class<IllegalStateException> ISE = IllegalStateException.class;
    static final Class<NullPointerException> NPE = NullPointerException.class;

    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;
    static final double TIMEOUT_MAX = Threading.TIMEOUT_MAX;
    static final Duration HUGE = Duration.ofSeconds(Long.MAX_VALUE);

    // CPython 3.13's messages, each checked with python3.13.
    static final String NEGATIVE = "timeout value must be a non-negative number";
    static final String NON_BLOCKING = "can't specify a timeout for a non-blocking call";
    static final String NOT_A_NUMBER = "Invalid value NaN (not a number)";
    static final String OUT_OF_RANGE = "timestamp out of range for platform time_t";
    static final String SEMAPHORE_NON_BLOCKING = "can't specify timeout for non-blocking acquire";
    static final String QUEUE_NEGATIVE = "'timeout' must be a non-negative number";
    static final String AFTER_SHUTDOWN = "cannot schedule new futures after shutdown";
    static final String BROKEN_POOL = "A thread initializer failed, the thread pool is not usable anymore";

    /** A row's call: it sets up its own objects, registers post-conditions, then makes the bad call. */
    @FunctionalInterface
    interface Call {
        Object run(Fixture f) throws Exception;
    }

    /** What a row set up: the post-conditions to check after its call, and what to undo. */
    static final class Fixture {
        private final Map<String, BooleanSupplier> afters = new LinkedHashMap<>();
        private final Deque<Callable<?>> cleanups = new ArrayDeque<>();

        /** After the call (refused or not), {@code holds} must be true. */
        void after(String what, BooleanSupplier holds) {
            afters.put(what, holds);
        }

        /** Run when the row ends, newest first. */
        void cleanup(Runnable undo) {
            cleanups.push(() -> {
                undo.run();
                return null;
            });
        }
    }

    record Row(String origin, String description, Call call, Class<?> type, String message) {
        @Override
        public String toString() {
            String outcome = type == RETURNS ? "returns " + message
                    : type.getSimpleName() + (message == null ? " (no message)"
                            : message.equals(JVM_MESSAGE) ? "" : ": " + message);
            return origin + " " + description + " -> " + outcome;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    private static void cpython(String description, Call call, Class<?> type, String message) {
        ROWS.add(new Row(CPYTHON, description, call, type, message));
    }

    private static void pythreading(String description, Call call, Class<?> type, String message) {
        ROWS.add(new Row(PYTHREADING, description, call, type, message));
    }

    static synchronized List<Row> census() {
        if (ROWS.isEmpty()) {
            lockRows("Lock", Lock::new, l -> ((Lock) l).locked());
            lockRows("RLock", RLock::new, l -> ((RLock) l).locked());
            releaseRows();
            conditionRows();
            semaphoreRows();
            eventRows();
            barrierRows();
            threadRows();
            threadingRows();
            localRows();
            timerRows();
            queueRows("Queue", Queue::new);
            queueRows("LifoQueue", LifoQueue::new);
            queueRows("PriorityQueue", PriorityQueue::new);
            moreQueueRows();
            simpleQueueRows();
            executorRows();
            futureRows();
            futuresRows();
        }
        return ROWS;
    }

    static Stream<Row> rows() {
        return census().stream();
    }

    // --------------------------------------------------------------------- the tests

    // pythreading: issue 8's bad-input census, one row per bad call
    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInput(Row row) throws Exception {
        Fixture f = new Fixture();
        try {
            Object returned = null;
            Throwable thrown = null;
            try {
                returned = row.call().run(f);
            } catch (Throwable e) {
                thrown = e;
            }
            if (row.type() == RETURNS) {
                if (thrown != null) {
                    fail(row + ": expected the call to return, but it threw " + thrown, thrown);
                }
                assertThat(String.valueOf(returned)).as(row + ": what the call returned").isEqualTo(row.message());
            } else {
                if (thrown == null) {
                    fail(row + ": expected an exception, but the call returned " + returned);
                }
                assertThat(thrown).as(row + ": the exception's type").isExactlyInstanceOf(row.type());
                if (!JVM_MESSAGE.equals(row.message())) {
                    assertThat(thrown.getMessage()).as(row + ": the message").isEqualTo(row.message());
                }
            }
            f.afters.forEach((what, holds) -> assertThat(holds.getAsBoolean()).as(row + ": " + what).isTrue());
        } finally {
            while (!f.cleanups.isEmpty()) {
                f.cleanups.pop().call();
            }
        }
    }

    // pythreading: the count printed in the README's testing section
    @Test
    void countsTheCases() {
        List<Row> rows = census();
        System.out.println("bad-input census: " + rows.size() + " cases");
        Set<String> names = new HashSet<>();
        for (Row row : rows) {
            assertThat(names.add(row.origin() + row.description())).as("a unique description: " + row).isTrue();
        }
        assertThat(rows).hasSize(EXPECTED_CASES);
    }

    // ----------------------------------------------------------------------- helpers

    /** Runs {@code body} in a new pythreading thread named {@code name}; returns or throws as it did. */
    static Object inThread(String name, Callable<Object> body) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.start();
        t.join();
        return rethrow(failure.get(), result.get());
    }

    /** Runs {@code body} in a plain {@code java.lang.Thread} (a dummy thread to pythreading). */
    static Object inJavaThread(Callable<Object> body) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.lang.Thread t = new java.lang.Thread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        return rethrow(failure.get(), result.get());
    }

    private static Object rethrow(Throwable failure, Object result) throws Exception {
        if (failure instanceof Exception) {
            throw (Exception) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        return result;
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** A started thread that lives until the row ends. */
    static Thread aliveThread(Fixture f) {
        Event gate = new Event();
        Thread t = Thread.builder().target(() -> gate.await()).daemon(true).build();
        t.start();
        f.cleanup(() -> {
            gate.set();
            t.join();
        });
        return t;
    }

    /** A thread that has run and ended. */
    static Thread endedThread() {
        Thread t = Thread.builder().target(() -> { }).daemon(false).build();
        t.start();
        t.join();
        return t;
    }

    /** Has another thread take {@code lock} and hold it until the row ends. */
    static void holdElsewhere(Fixture f, Acquirable lock) {
        Event held = new Event();
        Event gate = new Event();
        Thread t = new Thread(() -> {
            lock.acquire();
            try {
                held.set();
                gate.await();
            } finally {
                lock.release();
            }
        });
        t.start();
        held.await();
        f.cleanup(() -> {
            gate.set();
            t.join();
        });
    }

    /** A dummy thread (a plain Java thread's {@code currentThread()}), alive until the row ends. */
    static Thread dummyThread(Fixture f) {
        AtomicReference<Thread> dummy = new AtomicReference<>();
        Event ready = new Event();
        Event gate = new Event();
        java.lang.Thread t = new java.lang.Thread(() -> {
            dummy.set(Threading.currentThread());
            ready.set();
            gate.await();
        });
        t.start();
        ready.await();
        f.cleanup(() -> {
            gate.set();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        return dummy.get();
    }

    /** A pool of one worker, busy until the row ends: what it is given next stays pending. */
    static ThreadPoolExecutor busyPool(Fixture f) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
        Event gate = new Event();
        pool.submit(() -> {
            gate.await();
            return null;
        });
        f.cleanup(() -> {
            gate.set();
            pool.shutdown();
        });
        return pool;
    }

    static Future<Integer> pendingFuture(Fixture f) {
        return busyPool(f).submit(() -> 7);
    }

    static Future<Integer> doneFuture(Fixture f) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
        f.cleanup(pool::shutdown);
        Future<Integer> done = pool.submit(() -> 5);
        done.result();
        return done;
    }

    static ThreadPoolExecutor shutPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
        pool.shutdown();
        return pool;
    }

    /** A pool whose initializer failed: BrokenThreadPool from now on. */
    static ThreadPoolExecutor brokenPool(Fixture f) {
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1)
                .initializer(() -> {
                    throw new IllegalStateException("census: this initializer fails on purpose");
                }).build();
        f.cleanup(() -> pool.shutdown());
        Throwable first = pool.submit(() -> 1).exception();
        assertThat(first).isInstanceOf(BrokenThreadPool.class);
        return pool;
    }

    static boolean semaphoreValue(Semaphore s, String value) {
        return s.toString().endsWith(": value=" + value + ">");
    }

    static boolean conditionWaiters(Condition c, int n) {
        return c.toString().endsWith(", " + n + ")>");
    }

    /** A timeout as a row's description shows it. */
    static String fmt(double d) {
        if (d == 2 * TIMEOUT_MAX) {
            return "2 * TIMEOUT_MAX";
        }
        if (d == 1e100) {
            return "1e100";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static String run(Runnable call) {
        call.run();
        return NOTHING;
    }

    // ---------------------------------------------------------------- Lock and RLock

    private static void lockRows(String name, Supplier<Acquirable> make, Predicate<Acquirable> locked) {
        class Rows {
            void refused(String origin, String call, double timeout, boolean blocking, Class<?> type, String message) {
                ROWS.add(new Row(origin, name + ".acquire(" + blocking + ", " + call + ")", f -> {
                    Acquirable lock = make.get();
                    f.after("the lock is still free", () -> !locked.test(lock));
                    return lock.acquire(blocking, timeout);
                }, type, message));
            }

            void refusedDuration(String origin, String call, Duration timeout, boolean blocking,
                    Class<?> type, String message) {
                ROWS.add(new Row(origin, name + ".acquire(" + blocking + ", " + call + ")", f -> {
                    Acquirable lock = make.get();
                    f.after("the lock is still free", () -> !locked.test(lock));
                    return lock.acquire(blocking, timeout);
                }, type, message));
            }
        }
        Rows r = new Rows();
        r.refused(CPYTHON, "-2", -2, true, IAE, NEGATIVE);
        r.refused(CPYTHON, "-0.5", -0.5, true, IAE, NEGATIVE);
        r.refused(CPYTHON, "-1.000001", -1.000001, true, IAE, NEGATIVE);
        r.refused(CPYTHON, "-Infinity", -INF, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "NaN", NAN, true, IAE, NOT_A_NUMBER);
        r.refused(CPYTHON, "Infinity", INF, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "TIMEOUT_MAX + 1", TIMEOUT_MAX + 1, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "2 * TIMEOUT_MAX", 2 * TIMEOUT_MAX, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "1e100", 1e100, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "Double.MAX_VALUE", Double.MAX_VALUE, true, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "0", 0, false, IAE, NON_BLOCKING);
        r.refused(CPYTHON, "1", 1, false, IAE, NON_BLOCKING);
        r.refused(CPYTHON, "-2", -2, false, IAE, NON_BLOCKING);
        r.refused(CPYTHON, "NaN", NAN, false, IAE, NOT_A_NUMBER);
        r.refused(CPYTHON, "Infinity", INF, false, IAE, OUT_OF_RANGE);
        r.refused(CPYTHON, "1e100", 1e100, false, IAE, OUT_OF_RANGE);
        r.refusedDuration(CPYTHON, "Duration.ZERO", Duration.ZERO, false, IAE, NON_BLOCKING);
        r.refusedDuration(CPYTHON, "Duration of Long.MAX_VALUE s", HUGE, true, IAE, OUT_OF_RANGE);
        // The Duration twin has no "-1 means forever" (README, deliberate differences).
        r.refusedDuration(PYTHREADING, "Duration of -1 s", Duration.ofSeconds(-1), true, IAE, NEGATIVE);
        r.refusedDuration(PYTHREADING, "Duration of -1 s", Duration.ofSeconds(-1), false, IAE, NON_BLOCKING);
        r.refusedDuration(PYTHREADING, "null Duration", null, true, NPE, "timeout");
        cpython(name + ".acquire(false, 1) while held: refused before trying", f -> {
            Acquirable lock = make.get();
            lock.acquire();
            f.after("the lock is still held", () -> locked.test(lock));
            f.cleanup(lock::release);
            return lock.acquire(false, 1);
        }, IAE, NON_BLOCKING);
        cpython(name + ".acquire(true, NaN) while held by another thread", f -> {
            Acquirable lock = make.get();
            holdElsewhere(f, lock);
            f.after("the lock is still held", () -> locked.test(lock));
            return lock.acquire(true, NAN);
        }, IAE, NOT_A_NUMBER);
        cpython(name + ".acquire(false, -1): -1 is the default, accepted", f -> {
            Acquirable lock = make.get();
            f.cleanup(lock::release);
            return lock.acquire(false, -1);
        }, RETURNS, "true");
        cpython(name + ".acquire(true, TIMEOUT_MAX) of a free lock: the largest timeout", f -> {
            Acquirable lock = make.get();
            f.cleanup(lock::release);
            return lock.acquire(true, TIMEOUT_MAX);
        }, RETURNS, "true");
    }

    private static void releaseRows() {
        cpython("Lock.release() of an unlocked lock", f -> {
            Lock lock = new Lock();
            f.after("the lock is still free", () -> !lock.locked());
            return run(lock::release);
        }, ISE, "release unlocked lock");
        cpython("Lock.release() once too often", f -> {
            Lock lock = new Lock();
            lock.acquire();
            lock.release();
            f.after("the lock is still free", () -> !lock.locked());
            return run(lock::release);
        }, ISE, "release unlocked lock");
        cpython("Lock.enter() closed twice (a with block exited twice)", f -> {
            Lock lock = new Lock();
            Acquirable.Held held = lock.enter();
            held.close();
            return run(held::close);
        }, ISE, "release unlocked lock");
        cpython("RLock.release() of an unowned lock", f -> {
            RLock lock = new RLock();
            f.after("the lock is still free", () -> !lock.locked());
            return run(lock::release);
        }, ISE, "cannot release un-acquired lock");
        cpython("RLock.release() once more than acquired", f -> {
            RLock lock = new RLock();
            lock.acquire();
            lock.acquire();
            lock.release();
            lock.release();
            f.after("the lock is still free", () -> !lock.locked());
            return run(lock::release);
        }, ISE, "cannot release un-acquired lock");
        cpython("RLock.release() by a thread that does not own it", f -> {
            RLock lock = new RLock();
            holdElsewhere(f, lock);
            f.after("the owner still holds it", () -> lock.locked() && !lock.acquire(false));
            return run(lock::release);
        }, ISE, "cannot release un-acquired lock");
    }

    // -------------------------------------------------------------------- Condition

    private static void conditionRows() {
        String unownedWait = "cannot wait on un-acquired lock";
        String unownedNotify = "cannot notify on un-acquired lock";
        cpython("Condition.await() without the lock", f -> new Condition().await(), ISE, unownedWait);
        cpython("Condition.await(1) without the lock", f -> new Condition().await(1), ISE, unownedWait);
        cpython("Condition.await(-1) without the lock", f -> new Condition().await(-1), ISE, unownedWait);
        cpython("Condition.await(1e100) without the lock", f -> new Condition().await(1e100), ISE, unownedWait);
        cpython("Condition.await(Duration of 1 s) without the lock",
                f -> new Condition().await(Duration.ofSeconds(1)), ISE, unownedWait);
        cpython("Condition.awaitFor(false) without the lock",
                f -> new Condition().awaitFor(() -> false), ISE, unownedWait);
        cpython("Condition.awaitFor(false, 1) without the lock",
                f -> new Condition().awaitFor(() -> false, 1), ISE, unownedWait);
        cpython("Condition.awaitFor(true) without the lock: the predicate is enough",
                f -> new Condition().awaitFor(() -> true), RETURNS, "true");
        cpython("Condition.awaitFor(true, 1) without the lock: the predicate is enough",
                f -> new Condition().awaitFor(() -> true, 1), RETURNS, "true");
        cpython("Condition.signal() without the lock", f -> run(() -> new Condition().signal()), ISE, unownedNotify);
        cpython("Condition.signal(-1) without the lock: ownership is checked first",
                f -> run(() -> new Condition().signal(-1)), ISE, unownedNotify);
        cpython("Condition.signal(0) without the lock", f -> run(() -> new Condition().signal(0)), ISE, unownedNotify);
        cpython("Condition.signalAll() without the lock",
                f -> run(() -> new Condition().signalAll()), ISE, unownedNotify);
        cpython("Condition(RLock).signal() while another thread holds the RLock", f -> {
            Condition cond = new Condition(new RLock());
            holdElsewhere(f, cond);
            return run(cond::signal);
        }, ISE, unownedNotify);
        cpython("Condition(RLock).await(1) while another thread holds the RLock", f -> {
            Condition cond = new Condition(new RLock());
            holdElsewhere(f, cond);
            return cond.await(1);
        }, ISE, unownedWait);
        cpython("Condition.release() without the lock (default RLock)",
                f -> run(() -> new Condition().release()), ISE, "cannot release un-acquired lock");
        cpython("Condition(Lock).release() of an unlocked Lock",
                f -> run(() -> new Condition(new Lock()).release()), ISE, "release unlocked lock");
        cpython("Condition(Lock).signal() while another thread holds the Lock: \"owned\" means locked", f -> {
            Condition cond = new Condition(new Lock());
            holdElsewhere(f, cond);
            return run(cond::signal);
        }, RETURNS, NOTHING);
        cpython("Condition.acquire(true, -2) is the lock's", f -> {
            Condition cond = new Condition();
            f.after("the lock is still free", () -> cond.acquire(false));
            return cond.acquire(true, -2);
        }, IAE, NEGATIVE);
        cpython("Condition.acquire(false, 1) is the lock's", f -> {
            Condition cond = new Condition(new Lock());
            f.after("the lock is still free", () -> cond.acquire(false));
            return cond.acquire(false, 1);
        }, IAE, NON_BLOCKING);
        cpython("Condition.acquire(true, NaN) is the lock's",
                f -> new Condition().acquire(true, NAN), IAE, NOT_A_NUMBER);
        cpython("new Condition(null): a new RLock, as Python's None",
                f -> new Condition(null).acquire(), RETURNS, "true");
        for (int n : new int[] {-1, 0, Integer.MIN_VALUE}) {
            cpython("Condition.signal(" + n + ") with the lock held and a waiter: a no-op", f -> {
                Condition cond = new Condition();
                Event started = new Event();
                Thread waiter = new Thread(() -> {
                    try (var held = cond.enter()) {
                        started.set();
                        cond.await();
                    }
                });
                waiter.start();
                started.await();
                waitUntil("the waiter waits", () -> conditionWaiters(cond, 1));
                cond.acquire();
                f.after("the waiter still waits", () -> conditionWaiters(cond, 1));
                f.cleanup(() -> {
                    cond.signalAll();
                    cond.release();
                    waiter.join();
                });
                return run(() -> cond.signal(n));
            }, RETURNS, NOTHING);
        }
        for (double timeout : new double[] {-1, -INF, NAN}) {
            cpython("Condition.await(" + fmt(timeout) + ") with the lock: a poll", f -> {
                Condition cond = new Condition();
                cond.acquire();
                f.after("the lock is held again", () -> cond.toString().contains("<locked"));
                f.cleanup(cond::release);
                return cond.await(timeout);
            }, RETURNS, "false");
        }
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Condition.await(" + fmt(timeout) + ") with the lock", f -> {
                Condition cond = new Condition();
                cond.acquire();
                f.after("the lock is still held, once", () -> cond.toString().contains("count=1"));
                f.after("no waiter is left behind", () -> conditionWaiters(cond, 0));
                f.cleanup(cond::release);
                return cond.await(timeout);
            }, IAE, OUT_OF_RANGE);
        }
        cpython("Condition.awaitFor(false, 1e100) with the lock", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.after("no waiter is left behind", () -> conditionWaiters(cond, 0));
            f.cleanup(cond::release);
            return cond.awaitFor(() -> false, 1e100);
        }, IAE, OUT_OF_RANGE);
        cpython("Condition.awaitFor(false, -1) with the lock: a poll", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.awaitFor(() -> false, -1);
        }, RETURNS, "false");
        pythreading("Condition.awaitFor(false, NaN) with the lock: a poll (CPython spins for ever)", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.awaitFor(() -> false, NAN);
        }, RETURNS, "false");
        pythreading("Condition.await(null Duration) with the lock", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.await((Duration) null);
        }, NPE, "timeout");
        pythreading("Condition.awaitFor(false, null Duration) with the lock", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.awaitFor(() -> false, (Duration) null);
        }, NPE, "timeout");
        pythreading("Condition.awaitFor(null predicate)", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.awaitFor(null);
        }, NPE, JVM_MESSAGE);
        pythreading("Condition.awaitFor(null predicate, 1)", f -> {
            Condition cond = new Condition();
            cond.acquire();
            f.cleanup(cond::release);
            return cond.awaitFor(null, 1);
        }, NPE, JVM_MESSAGE);
    }

    // ----------------------------------------------------- Semaphore, BoundedSemaphore

    private static void semaphoreRows() {
        String initial = "semaphore initial value must be >= 0";
        String n = "n must be one or more";
        String tooMany = "Semaphore released too many times";
        cpython("new Semaphore(-1)", f -> new Semaphore(-1), IAE, initial);
        cpython("new Semaphore(Integer.MIN_VALUE)", f -> new Semaphore(Integer.MIN_VALUE), IAE, initial);
        cpython("new BoundedSemaphore(-1)", f -> new BoundedSemaphore(-1), IAE, initial);
        cpython("new Semaphore(0): zero is a value", f -> new Semaphore(0).acquire(false), RETURNS, "false");
        for (double timeout : new double[] {0, 1, -1, NAN, INF, 1e100}) {
            cpython("Semaphore.acquire(false, " + fmt(timeout) + ")", f -> {
                Semaphore s = new Semaphore(1);
                f.after("the value is unchanged", () -> semaphoreValue(s, "1"));
                return s.acquire(false, timeout);
            }, IAE, SEMAPHORE_NON_BLOCKING);
        }
        cpython("BoundedSemaphore.acquire(false, 1)", f -> {
            BoundedSemaphore s = new BoundedSemaphore(1);
            f.after("the value is unchanged", () -> semaphoreValue(s, "1/1"));
            return s.acquire(false, 1);
        }, IAE, SEMAPHORE_NON_BLOCKING);
        cpython("Semaphore.acquire(false, Duration.ZERO)", f -> {
            Semaphore s = new Semaphore(1);
            f.after("the value is unchanged", () -> semaphoreValue(s, "1"));
            return s.acquire(false, Duration.ZERO);
        }, IAE, SEMAPHORE_NON_BLOCKING);
        pythreading("Semaphore.acquire(true, null Duration)", f -> {
            Semaphore s = new Semaphore(1);
            f.after("the value is unchanged", () -> semaphoreValue(s, "1"));
            return s.acquire(true, (Duration) null);
        }, NPE, "timeout");
        for (double timeout : new double[] {-1, -INF}) {
            cpython("Semaphore(0).acquire(true, " + fmt(timeout) + "): a poll", f -> {
                Semaphore s = new Semaphore(0);
                f.after("the value is unchanged", () -> semaphoreValue(s, "0"));
                return s.acquire(true, timeout);
            }, RETURNS, "false");
        }
        pythreading("Semaphore(0).acquire(true, NaN): a poll (CPython spins for ever)", f -> {
            Semaphore s = new Semaphore(0);
            return s.acquire(true, NAN);
        }, RETURNS, "false");
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Semaphore(0).acquire(true, " + fmt(timeout) + ")", f -> {
                Semaphore s = new Semaphore(0);
                f.after("the value is unchanged", () -> semaphoreValue(s, "0"));
                return s.acquire(true, timeout);
            }, IAE, OUT_OF_RANGE);
        }
        cpython("Semaphore(0).acquire(true, Duration of Long.MAX_VALUE s)",
                f -> new Semaphore(0).acquire(true, HUGE), IAE, OUT_OF_RANGE);
        cpython("Semaphore(1).acquire(true, 1e100): no wait, no check",
                f -> new Semaphore(1).acquire(true, 1e100), RETURNS, "true");
        for (int k : new int[] {0, -1, Integer.MIN_VALUE}) {
            cpython("Semaphore.release(" + k + ")", f -> {
                Semaphore s = new Semaphore(1);
                f.after("the value is unchanged", () -> semaphoreValue(s, "1"));
                return run(() -> s.release(k));
            }, IAE, n);
        }
        cpython("BoundedSemaphore.release(0)", f -> {
            BoundedSemaphore s = new BoundedSemaphore(1);
            s.acquire();
            f.after("the value is unchanged", () -> semaphoreValue(s, "0/1"));
            return run(() -> s.release(0));
        }, IAE, n);
        cpython("BoundedSemaphore.release(-1)", f -> run(() -> new BoundedSemaphore(1).release(-1)), IAE, n);
        cpython("BoundedSemaphore(1).release() without an acquire", f -> {
            BoundedSemaphore s = new BoundedSemaphore(1);
            f.after("the value is unchanged", () -> semaphoreValue(s, "1/1"));
            return run(s::release);
        }, IAE, tooMany);
        cpython("BoundedSemaphore(2).release(2) after one acquire", f -> {
            BoundedSemaphore s = new BoundedSemaphore(2);
            s.acquire();
            f.after("the value is unchanged", () -> semaphoreValue(s, "1/2"));
            return run(() -> s.release(2));
        }, IAE, tooMany);
        cpython("BoundedSemaphore(Integer.MAX_VALUE).release()", f -> {
            BoundedSemaphore s = new BoundedSemaphore(Integer.MAX_VALUE);
            f.after("the value is unchanged", () -> semaphoreValue(s, Integer.MAX_VALUE + "/" + Integer.MAX_VALUE));
            return run(s::release);
        }, IAE, tooMany);
        // Python's int has no upper bound; Java's does.
        pythreading("Semaphore(Integer.MAX_VALUE).release(): int overflow", f -> {
            Semaphore s = new Semaphore(Integer.MAX_VALUE);
            f.after("the value is unchanged", () -> semaphoreValue(s, Integer.toString(Integer.MAX_VALUE)));
            return run(s::release);
        }, IAE, "semaphore value overflow");
        pythreading("Semaphore(1).release(Integer.MAX_VALUE): int overflow", f -> {
            Semaphore s = new Semaphore(1);
            f.after("the value is unchanged", () -> semaphoreValue(s, "1"));
            return run(() -> s.release(Integer.MAX_VALUE));
        }, IAE, "semaphore value overflow");
        cpython("Semaphore.release() without an acquire: no upper bound", f -> {
            Semaphore s = new Semaphore(1);
            s.release();
            return s.toString().endsWith("value=2>");
        }, RETURNS, "true");
    }

    // ------------------------------------------------------------------------ Event

    private static void eventRows() {
        for (double timeout : new double[] {-1, -INF, NAN}) {
            cpython("Event.await(" + fmt(timeout) + ") unset: a poll",
                    f -> new Event().await(timeout), RETURNS, "false");
        }
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Event.await(" + fmt(timeout) + ") unset", f -> {
                Event e = new Event();
                f.after("the event is still unset", () -> !e.isSet());
                return e.await(timeout);
            }, IAE, OUT_OF_RANGE);
        }
        for (double timeout : new double[] {INF, 1e100}) {
            cpython("Event.await(" + fmt(timeout) + ") set: no wait, no check", f -> {
                Event e = new Event();
                e.set();
                return e.await(timeout);
            }, RETURNS, "true");
        }
        cpython("Event.await(Duration of Long.MAX_VALUE s) unset", f -> new Event().await(HUGE), IAE, OUT_OF_RANGE);
        cpython("Event.await(Duration of -1 s) unset: a poll",
                f -> new Event().await(Duration.ofSeconds(-1)), RETURNS, "false");
        pythreading("Event.await(null Duration)", f -> new Event().await((Duration) null), NPE, "timeout");
    }

    // ---------------------------------------------------------------------- Barrier

    private static void barrierRows() {
        String parties = "parties must be > 0";
        cpython("new Barrier(0)", f -> new Barrier(0), IAE, parties);
        cpython("new Barrier(-1)", f -> new Barrier(-1), IAE, parties);
        cpython("new Barrier(Integer.MIN_VALUE)", f -> new Barrier(Integer.MIN_VALUE), IAE, parties);
        cpython("new Barrier(0, action)", f -> new Barrier(0, () -> { }), IAE, parties);
        cpython("new Barrier(0, null, 1)", f -> new Barrier(0, null, 1), IAE, parties);
        cpython("new Barrier(1, null): no action, as Python's None", f -> new Barrier(1, null).await(), RETURNS, "0");
        for (double timeout : new double[] {-1, NAN, 1e100, INF}) {
            cpython("Barrier(1).await(" + fmt(timeout) + "): the last arrival does not wait",
                    f -> new Barrier(1).await(timeout), RETURNS, "0");
        }
        for (double timeout : new double[] {-1, 0, -INF}) {
            cpython("Barrier(2).await(" + fmt(timeout) + "): breaks it", f -> {
                Barrier b = new Barrier(2);
                f.after("the barrier is broken", b::isBroken);
                return b.await(timeout);
            }, BrokenBarrierError.class, null);
        }
        pythreading("Barrier(2).await(NaN): breaks it (CPython spins for ever)", f -> {
            Barrier b = new Barrier(2);
            f.after("the barrier is broken", b::isBroken);
            return b.await(NAN);
        }, BrokenBarrierError.class, null);
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Barrier(2).await(" + fmt(timeout) + ")", f -> {
                Barrier b = new Barrier(2);
                f.after("the barrier is not broken", () -> !b.isBroken());
                f.after("nobody waits", () -> b.nWaiting() == 0);
                return b.await(timeout);
            }, IAE, OUT_OF_RANGE);
        }
        cpython("Barrier(2).await(Duration of -1 s): breaks it", f -> {
            Barrier b = new Barrier(2);
            f.after("the barrier is broken", b::isBroken);
            return b.await(Duration.ofSeconds(-1));
        }, BrokenBarrierError.class, null);
        pythreading("Barrier(2).await(null Duration)", f -> {
            Barrier b = new Barrier(2);
            f.after("nobody waits", () -> b.nWaiting() == 0);
            f.after("the barrier is not broken", () -> !b.isBroken());
            return b.await((Duration) null);
        }, NPE, "timeout");
        cpython("Barrier(2, null, -1).await(): the default timeout breaks it", f -> {
            Barrier b = new Barrier(2, null, -1);
            f.after("the barrier is broken", b::isBroken);
            return b.await();
        }, BrokenBarrierError.class, null);
        cpython("Barrier(2, null, 1e100).await()", f -> {
            Barrier b = new Barrier(2, null, 1e100);
            f.after("the barrier is not broken", () -> !b.isBroken());
            return b.await();
        }, IAE, OUT_OF_RANGE);
        pythreading("new Barrier(2, null, null Duration)", f -> new Barrier(2, null, (Duration) null), NPE, "timeout");
        cpython("Barrier(2, null, Duration of -1 s).await(): the default timeout breaks it", f -> {
            Barrier b = new Barrier(2, null, Duration.ofSeconds(-1));
            f.after("the barrier is broken", b::isBroken);
            return b.await();
        }, BrokenBarrierError.class, null);
        pythreading("Barrier(2, null, NaN).await(): breaks it (CPython spins for ever)", f -> {
            Barrier b = new Barrier(2, null, NAN);
            f.after("the barrier is broken", b::isBroken);
            return b.await();
        }, BrokenBarrierError.class, null);
        cpython("await() on an aborted barrier", f -> {
            Barrier b = new Barrier(2);
            b.abort();
            return b.await();
        }, BrokenBarrierError.class, null);
    }

    // ----------------------------------------------------------------------- Thread

    private static void threadRows() {
        String beforeStart = "cannot join thread before it is started";
        String once = "threads can only be started once";
        String active = "cannot set daemon status of active thread";
        String current = "cannot join current thread";
        String dummy = "cannot join a dummy thread";
        cpython("Thread.join() before start()", f -> run(() -> new Thread().join()), ISE, beforeStart);
        cpython("Thread.join(1) before start()", f -> run(() -> new Thread().join(1)), ISE, beforeStart);
        cpython("Thread.join(NaN) before start(): checked first", f -> run(() -> new Thread().join(NAN)),
                ISE, beforeStart);
        cpython("Thread.join(Duration of 1 s) before start()",
                f -> run(() -> new Thread().join(Duration.ofSeconds(1))), ISE, beforeStart);
        pythreading("Thread.join(null Duration)", f -> run(() -> endedThread().join((Duration) null)), NPE, "timeout");
        cpython("Thread.start() twice, while it runs", f -> {
            Thread t = aliveThread(f);
            return run(t::start);
        }, ISE, once);
        cpython("Thread.start() after it ended", f -> run(() -> endedThread().start()), ISE, once);
        cpython("Thread.setDaemon(true) after start()", f -> {
            Thread t = Thread.builder().target(() -> { }).daemon(false).build();
            t.start();
            f.after("it is still not a daemon", () -> !t.isDaemon());
            f.cleanup(t::join);
            return run(() -> t.setDaemon(true));
        }, ISE, active);
        cpython("Thread.setDaemon(true) after it ended", f -> {
            Thread t = endedThread();
            f.after("it is still not a daemon", () -> !t.isDaemon());
            return run(() -> t.setDaemon(true));
        }, ISE, active);
        cpython("Thread.join(NaN) of an ended thread", f -> run(() -> endedThread().join(NAN)), IAE, NOT_A_NUMBER);
        cpython("Thread.join(Infinity) of an ended thread", f -> run(() -> endedThread().join(INF)), IAE, OUT_OF_RANGE);
        cpython("Thread.join(1e100) of an ended thread", f -> run(() -> endedThread().join(1e100)), IAE, OUT_OF_RANGE);
        cpython("Thread.join(-1) of an ended thread", f -> run(() -> endedThread().join(-1)), RETURNS, NOTHING);
        cpython("Thread.join(-Infinity) of an ended thread",
                f -> run(() -> endedThread().join(-INF)), RETURNS, NOTHING);
        cpython("Thread.join(NaN) of a live thread", f -> {
            Thread t = aliveThread(f);
            f.after("it is still alive", t::isAlive);
            return run(() -> t.join(NAN));
        }, IAE, NOT_A_NUMBER);
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Thread.join(" + fmt(timeout) + ") of a live thread", f -> {
                Thread t = aliveThread(f);
                f.after("it is still alive", t::isAlive);
                return run(() -> t.join(timeout));
            }, IAE, OUT_OF_RANGE);
        }
        cpython("Thread.join(Duration of Long.MAX_VALUE s) of a live thread",
                f -> run(() -> aliveThread(f).join(HUGE)), IAE, OUT_OF_RANGE);
        for (double timeout : new double[] {-1, -INF}) {
            cpython("Thread.join(" + fmt(timeout) + ") of a live thread: a poll", f -> {
                Thread t = aliveThread(f);
                f.after("it is still alive", t::isAlive);
                return run(() -> t.join(timeout));
            }, RETURNS, NOTHING);
        }
        cpython("Thread.join(Duration of -1 s) of a live thread: a poll", f -> {
            Thread t = aliveThread(f);
            f.after("it is still alive", t::isAlive);
            return run(() -> t.join(Duration.ofSeconds(-1)));
        }, RETURNS, NOTHING);
        cpython("currentThread().join()",
                f -> inThread("census-joiner", () -> run(() -> Threading.currentThread().join())), ISE, current);
        cpython("currentThread().join(1)",
                f -> inThread("census-joiner", () -> run(() -> Threading.currentThread().join(1))), ISE, current);
        cpython("currentThread().join(NaN): checked first",
                f -> inThread("census-joiner", () -> run(() -> Threading.currentThread().join(NAN))), ISE, current);
        cpython("mainThread().setDaemon(true)", f -> {
            Thread main = Threading.mainThread();
            f.after("the main thread is still not a daemon", () -> !main.isDaemon());
            return run(() -> main.setDaemon(true));
        }, ISE, active);
        cpython("mainThread().start()", f -> run(() -> Threading.mainThread().start()), ISE, once);
        cpython("a dummy thread joining itself",
                f -> inJavaThread(() -> run(() -> Threading.currentThread().join())), ISE, dummy);
        cpython("a dummy thread joining itself with join(1)",
                f -> inJavaThread(() -> run(() -> Threading.currentThread().join(1))), ISE, dummy);
        cpython("another thread joining a dummy thread", f -> {
            Thread d = dummyThread(f);
            return run(d::join);
        }, ISE, dummy);
        cpython("a dummy thread's setDaemon(false)", f -> {
            Thread d = dummyThread(f);
            f.after("it is still a daemon", d::isDaemon);
            return run(() -> d.setDaemon(false));
        }, ISE, active);
        cpython("a dummy thread's start()", f -> run(() -> dummyThread(f).start()), ISE, once);
        cpython("new Thread(null): no target, as Python's target=None", f -> {
            Thread t = new Thread(null);
            t.start();
            t.join();
            return t.isAlive();
        }, RETURNS, "false");
        cpython("new Thread(null).run(): does nothing", f -> run(() -> new Thread(null).run()), RETURNS, NOTHING);
        cpython("new Thread(null, null): a default name, as Python's name=None",
                f -> new Thread(null, null).getName().matches("Thread-\\d+"), RETURNS, "true");
        cpython("new Thread(target, \"\"): an empty name is replaced, as in Python",
                f -> new Thread(() -> { }, "").getName().matches("Thread-\\d+"), RETURNS, "true");
        cpython("Thread.builder() with null target and name",
                f -> Thread.builder().target(null).name(null).build().getName().matches("Thread-\\d+"),
                RETURNS, "true");
        // Python's setter calls str(None) and names it "None"; Java refuses null.
        pythreading("Thread.setName(null)", f -> {
            Thread t = new Thread(null, "census");
            f.after("the name is unchanged", () -> t.getName().equals("census"));
            return run(() -> t.setName(null));
        }, NPE, "name");
        if (Runtime.version().feature() >= 21) {
            pythreading("Thread.builder().virtual(true) on Java 21+", f -> {
                Thread t = Thread.builder().virtual(true).target(() -> { }).build();
                t.start();
                t.join();
                return t.nativeId();
            }, RETURNS, "null");
        } else {
            pythreading("Thread.builder().virtual(true) before Java 21",
                    f -> Thread.builder().virtual(true), UnsupportedOperationException.class,
                    "virtual threads need Java 21 or later; this JVM is Java " + Runtime.version());
        }
    }

    // ------------------------------------------------------------ Threading.stackSize

    private static void threadingRows() {
        String negative = "size must be 0 or a positive value";
        for (long size : new long[] {-1, -32768, Long.MIN_VALUE}) {
            cpython("Threading.stackSize(" + size + ")", f -> {
                long before = Threading.stackSize();
                f.after("the setting is unchanged", () -> Threading.stackSize() == before);
                return Threading.stackSize(size);
            }, IAE, negative);
        }
        for (long size : new long[] {1, 1000, 32767}) {
            cpython("Threading.stackSize(" + size + ")", f -> {
                long before = Threading.stackSize();
                f.after("the setting is unchanged", () -> Threading.stackSize() == before);
                return Threading.stackSize(size);
            }, IAE, "size not valid: " + size + " bytes");
        }
    }

    // ------------------------------------------------------------------------ Local

    private static void localRows() {
        String missing = "'Local' object has no attribute 'value' in thread census-local";
        // Python's AttributeError: '_thread._local' object has no attribute 'x'.
        pythreading("Local.get() of a value never set",
                f -> inThread("census-local", () -> new Local<String>().get()), ISE, missing);
        pythreading("Local.get() after remove()", f -> inThread("census-local", () -> {
            Local<String> local = new Local<>();
            local.set("x");
            local.remove();
            return local.get();
        }), ISE, missing);
        pythreading("Local.get() of a value set only in another thread", f -> {
            Local<String> local = new Local<>();
            local.set("mine");
            return inThread("census-local", local::get);
        }, ISE, missing);
        pythreading("Local.withInitial(null)", f -> Local.withInitial(null), NPE, "initializer");
        cpython("Local.set(null): None is a value", f -> {
            Local<String> local = new Local<>();
            local.set(null);
            return local.isSet() + " " + local.get();
        }, RETURNS, "true null");
    }

    // ------------------------------------------------------------------------ Timer

    private static void timerRows() {
        // CPython builds these timers and fails in the timer's thread; pythreading refuses
        // them at once (README, deliberate differences).
        for (double interval : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            pythreading("new Timer(" + fmt(interval) + ", function)",
                    f -> new Timer(interval, () -> { }), IAE, OUT_OF_RANGE);
        }
        pythreading("new Timer(Duration of Long.MAX_VALUE s, function)",
                f -> new Timer(HUGE, () -> { }), IAE, OUT_OF_RANGE);
        pythreading("new Timer(1, null)", f -> new Timer(1, null), NPE, "function");
        pythreading("new Timer(null Duration, function)", f -> new Timer((Duration) null, () -> { }), NPE, "timeout");
        cpython("new Timer(-1, function): fires at once", f -> {
            Event fired = new Event();
            Timer t = new Timer(-1, fired::set);
            t.start();
            t.join();
            return fired.isSet();
        }, RETURNS, "true");
        cpython("new Timer(NaN, function): fires at once", f -> {
            Event fired = new Event();
            Timer t = new Timer(NAN, fired::set);
            t.start();
            t.join();
            return t.interval() + " " + fired.isSet();
        }, RETURNS, "NaN true");
    }

    // ------------------------------------------------------------------------ queues

    private static void queueRows(String name, IntFunction<Queue<Integer>> make) {
        class Rows {
            /** A queue of {@code maxsize} holding {@code items} items 1, 2, ... */
            Queue<Integer> queue(int maxsize, int items) {
                Queue<Integer> q = make.apply(maxsize);
                for (int i = 1; i <= items; i++) {
                    q.put(i);
                }
                return q;
            }

            void put(String origin, String state, int maxsize, int items, boolean block, double timeout,
                    Class<?> type, String message) {
                int expectedSize = type == RETURNS ? items + 1 : items;
                ROWS.add(new Row(origin, name + "(" + maxsize + ").put(x, " + block + ", " + fmt(timeout) + ") "
                        + state, f -> {
                    Queue<Integer> q = queue(maxsize, items);
                    f.after("qsize is " + expectedSize, () -> q.qsize() == expectedSize);
                    return run(() -> q.put(9, block, timeout));
                }, type, message));
            }

            void get(String origin, String state, int items, boolean block, double timeout,
                    Class<?> type, String message) {
                int expectedSize = type == RETURNS ? items - 1 : items;
                ROWS.add(new Row(origin, name + ".get(" + block + ", " + fmt(timeout) + ") " + state, f -> {
                    Queue<Integer> q = queue(0, items);
                    f.after("qsize is " + expectedSize, () -> q.qsize() == expectedSize);
                    return q.get(block, timeout);
                }, type, message));
            }
        }
        Rows r = new Rows();
        String room = "with room";
        String full = "when full";
        String unbounded = "unbounded:";
        r.put(CPYTHON, room, 2, 1, true, -1, IAE, QUEUE_NEGATIVE);
        r.put(CPYTHON, full, 1, 1, true, -1, IAE, QUEUE_NEGATIVE);
        r.put(CPYTHON, full, 1, 1, true, -INF, IAE, QUEUE_NEGATIVE);
        r.put(CPYTHON, full, 1, 1, true, INF, IAE, OUT_OF_RANGE);
        r.put(CPYTHON, full, 1, 1, true, 1e100, IAE, OUT_OF_RANGE);
        r.put(PYTHREADING, full + ": a poll (CPython spins for ever)", 1, 1, true, NAN, Full.class, null);
        r.put(CPYTHON, full + ": timeout ignored", 1, 1, false, -1, Full.class, null);
        r.put(CPYTHON, room + ": timeout ignored", 2, 1, false, -1, RETURNS, NOTHING);
        r.put(CPYTHON, unbounded + " timeout ignored", 0, 0, true, -1, RETURNS, NOTHING);
        r.put(CPYTHON, room + ": no wait, no check", 2, 1, true, 1e100, RETURNS, NOTHING);
        String one = "with an item";
        String empty = "when empty";
        r.get(CPYTHON, one, 1, true, -1, IAE, QUEUE_NEGATIVE);
        r.get(CPYTHON, empty, 0, true, -1, IAE, QUEUE_NEGATIVE);
        r.get(CPYTHON, empty, 0, true, -INF, IAE, QUEUE_NEGATIVE);
        r.get(CPYTHON, empty, 0, true, INF, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, empty, 0, true, 1e100, IAE, OUT_OF_RANGE);
        r.get(PYTHREADING, empty + ": a poll (CPython spins for ever)", 0, true, NAN, Empty.class, null);
        r.get(CPYTHON, empty + ": timeout ignored", 0, false, -1, Empty.class, null);
        r.get(CPYTHON, one + ": timeout ignored", 1, false, -1, RETURNS, "1");
        r.get(CPYTHON, one + ": no wait, no check", 1, true, 1e100, RETURNS, "1");
        cpython(name + "(2).put(x, true, Duration of -1 s)", f -> {
            Queue<Integer> q = make.apply(2);
            f.after("the queue is still empty", q::empty);
            return run(() -> q.put(1, true, Duration.ofSeconds(-1)));
        }, IAE, QUEUE_NEGATIVE);
        cpython(name + ".get(true, Duration of -1 s) with an item", f -> {
            Queue<Integer> q = make.apply(0);
            q.put(1);
            f.after("the item is still there", () -> q.qsize() == 1);
            return q.get(true, Duration.ofSeconds(-1));
        }, IAE, QUEUE_NEGATIVE);
        pythreading(name + ".put(x, true, null Duration)", f -> {
            Queue<Integer> q = make.apply(2);
            f.after("the queue is still empty", q::empty);
            return run(() -> q.put(1, true, (Duration) null));
        }, NPE, "timeout");
        pythreading(name + ".get(true, null Duration)", f -> {
            Queue<Integer> q = make.apply(0);
            q.put(1);
            f.after("the item is still there", () -> q.qsize() == 1);
            return q.get(true, (Duration) null);
        }, NPE, "timeout");
        cpython(name + ".taskDone() with no task", f -> run(() -> make.apply(0).taskDone()),
                IAE, "task_done() called too many times");
        cpython(name + ".taskDone() once too often", f -> {
            Queue<Integer> q = make.apply(0);
            q.put(1);
            q.put(2);
            q.get();
            q.get();
            q.taskDone();
            q.taskDone();
            f.after("join() returns: no task is left", () -> {
                q.join();
                return true;
            });
            return run(q::taskDone);
        }, IAE, "task_done() called too many times");
        cpython(name + "(1).put(x, true, -1) after shutdown(): ShutDown is checked first", f -> {
            Queue<Integer> q = make.apply(1);
            q.shutdown();
            return run(() -> q.put(1, true, -1));
        }, ShutDown.class, null);
        cpython(name + ".get(true, -1) after shutdown(), empty", f -> {
            Queue<Integer> q = make.apply(0);
            q.shutdown();
            return q.get(true, -1);
        }, ShutDown.class, null);
        cpython(name + ".get(true, -1) after shutdown(), with an item", f -> {
            Queue<Integer> q = make.apply(0);
            q.put(1);
            q.shutdown();
            f.after("the item is still there", () -> q.qsize() == 1);
            return q.get(true, -1);
        }, IAE, QUEUE_NEGATIVE);
    }

    private static void moreQueueRows() {
        cpython("new Queue(-5): unbounded", f -> {
            Queue<Integer> q = new Queue<>(-5);
            q.put(1);
            q.put(2);
            return q.maxsize() + " " + q.full() + " " + q.qsize();
        }, RETURNS, "-5 false 2");
        cpython("Queue.putNowait(x) when full", f -> {
            Queue<Integer> q = new Queue<>(1);
            q.put(1);
            f.after("qsize is 1", () -> q.qsize() == 1);
            return run(() -> q.putNowait(2));
        }, Full.class, null);
        cpython("Queue.getNowait() when empty", f -> new Queue<Integer>().getNowait(), Empty.class, null);
        cpython("Queue.putNowait(x) after shutdown(), with room", f -> {
            Queue<Integer> q = new Queue<>();
            q.shutdown();
            f.after("the queue is still empty", q::empty);
            return run(() -> q.putNowait(1));
        }, ShutDown.class, null);
        cpython("Queue.put(null): None is an item", f -> {
            Queue<Object> q = new Queue<>();
            q.put(null);
            return q.get();
        }, RETURNS, "null");
        // CPython accepts a first None and fails on the comparison; pythreading refuses
        // what natural order cannot compare before changing anything (README).
        pythreading("PriorityQueue.put(null) in natural order", f -> {
            PriorityQueue<Integer> q = new PriorityQueue<>();
            q.put(1);
            f.after("qsize is 1", () -> q.qsize() == 1);
            return run(() -> q.put(null));
        }, NPE, "a PriorityQueue without a Comparator cannot order null items");
        pythreading("PriorityQueue.put(an Object) in natural order", f -> {
            PriorityQueue<Object> q = new PriorityQueue<>();
            q.put(1);
            f.after("qsize is 1", () -> q.qsize() == 1);
            return run(() -> q.put(new Object()));
        }, ClassCastException.class,
                "a PriorityQueue without a Comparator needs Comparable items; java.lang.Object is not Comparable");
        pythreading("new PriorityQueue(null comparator): natural order", f -> {
            PriorityQueue<Integer> q = new PriorityQueue<>(0, null);
            q.put(2);
            q.put(1);
            return q.get();
        }, RETURNS, "1");
    }

    private static void simpleQueueRows() {
        class Rows {
            void get(String origin, String state, int items, boolean block, double timeout,
                    Class<?> type, String message) {
                int expectedSize = type == RETURNS ? items - 1 : items;
                ROWS.add(new Row(origin, "SimpleQueue.get(" + block + ", " + fmt(timeout) + ") " + state, f -> {
                    SimpleQueue<Integer> q = new SimpleQueue<>();
                    for (int i = 1; i <= items; i++) {
                        q.put(i);
                    }
                    f.after("qsize is " + expectedSize, () -> q.qsize() == expectedSize);
                    return q.get(block, timeout);
                }, type, message));
            }
        }
        Rows r = new Rows();
        String one = "with an item";
        String empty = "when empty";
        r.get(CPYTHON, one, 1, true, -1, IAE, QUEUE_NEGATIVE);
        r.get(CPYTHON, empty, 0, true, -1, IAE, QUEUE_NEGATIVE);
        // The C SimpleQueue converts the timeout first, whatever the queue holds.
        r.get(CPYTHON, empty, 0, true, -INF, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, one, 1, true, NAN, IAE, NOT_A_NUMBER);
        r.get(CPYTHON, empty, 0, true, NAN, IAE, NOT_A_NUMBER);
        r.get(CPYTHON, one, 1, true, INF, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, empty, 0, true, INF, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, one, 1, true, 1e100, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, empty, 0, true, 1e100, IAE, OUT_OF_RANGE);
        r.get(CPYTHON, empty + ": timeout ignored", 0, false, -1, Empty.class, null);
        r.get(CPYTHON, empty + ": NaN ignored", 0, false, NAN, Empty.class, null);
        r.get(CPYTHON, one + ": timeout ignored", 1, false, -1, RETURNS, "1");
        cpython("SimpleQueue.get(true, Duration of -1 s) with an item", f -> {
            SimpleQueue<Integer> q = new SimpleQueue<>();
            q.put(1);
            f.after("the item is still there", () -> q.qsize() == 1);
            return q.get(true, Duration.ofSeconds(-1));
        }, IAE, QUEUE_NEGATIVE);
        pythreading("SimpleQueue.get(true, null Duration)", f -> {
            SimpleQueue<Integer> q = new SimpleQueue<>();
            q.put(1);
            f.after("the item is still there", () -> q.qsize() == 1);
            return q.get(true, (Duration) null);
        }, NPE, "timeout");
        cpython("SimpleQueue.put(x, true, -1): block and timeout ignored", f -> {
            SimpleQueue<Integer> q = new SimpleQueue<>();
            q.put(1, true, -1);
            q.put(2, false, NAN);
            return q.qsize();
        }, RETURNS, "2");
        cpython("SimpleQueue.put(x, true, Duration of -1 s or null): ignored", f -> {
            SimpleQueue<Integer> q = new SimpleQueue<>();
            q.put(1, true, Duration.ofSeconds(-1));
            q.put(2, false, (Duration) null);
            return q.qsize();
        }, RETURNS, "2");
        cpython("SimpleQueue.getNowait() when empty", f -> new SimpleQueue<Integer>().getNowait(), Empty.class, null);
    }

    // ------------------------------------------------------------ ThreadPoolExecutor

    private static void executorRows() {
        String maxWorkers = "max_workers must be greater than 0";
        cpython("new ThreadPoolExecutor(0)", f -> new ThreadPoolExecutor(0), IAE, maxWorkers);
        cpython("new ThreadPoolExecutor(-1)", f -> new ThreadPoolExecutor(-1), IAE, maxWorkers);
        cpython("new ThreadPoolExecutor(Integer.MIN_VALUE)",
                f -> new ThreadPoolExecutor(Integer.MIN_VALUE), IAE, maxWorkers);
        cpython("ThreadPoolExecutor.builder().maxWorkers(0).build()",
                f -> ThreadPoolExecutor.builder().maxWorkers(0).build(), IAE, maxWorkers);
        cpython("ThreadPoolExecutor.builder() with null initializer and prefix: Python's defaults", f -> {
            ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1)
                    .initializer(null).threadNamePrefix(null).build();
            f.cleanup(pool::shutdown);
            return pool.submit(() -> Threading.currentThread().getName()).result()
                    .matches("ThreadPoolExecutor-\\d+_0");
        }, RETURNS, "true");
        pythreading("submit(null Callable)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return pool.submit((Callable<Object>) null);
        }, NPE, "fn");
        pythreading("submit(null Runnable)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return pool.submit((Runnable) null);
        }, NPE, "fn");
        pythreading("execute(null)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return run(() -> pool.execute(null));
        }, NPE, "command");
        pythreading("map(null function, inputs)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return pool.map(null, List.of(1));
        }, NPE, "fn");
        pythreading("map(function, null inputs)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return pool.map(x -> x, null);
        }, NPE, JVM_MESSAGE);
        pythreading("map(function, inputs, null Duration)", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            return pool.map(x -> x, List.of(1), (Duration) null);
        }, NPE, "timeout");
        cpython("submit(Callable) after shutdown()", f -> shutPool().submit(() -> 1), ISE, AFTER_SHUTDOWN);
        cpython("submit(Runnable) after shutdown()", f -> shutPool().submit(() -> { }), ISE, AFTER_SHUTDOWN);
        cpython("map(function, inputs) after shutdown()", f -> shutPool().map(x -> x, List.of(1)), ISE, AFTER_SHUTDOWN);
        cpython("map(function, no inputs) after shutdown(): nothing to submit", f -> {
            MapResults<Object> results = shutPool().map(x -> x, List.of());
            return results.iterator().hasNext();
        }, RETURNS, "false");
        // Java's Executor contract: RejectedExecutionException, with CPython's message.
        pythreading("execute(command) after shutdown()", f -> run(() -> shutPool().execute(() -> { })),
                RejectedExecutionException.class, AFTER_SHUTDOWN);
        cpython("shutdown() twice", f -> run(() -> shutPool().shutdown()), RETURNS, NOTHING);
        cpython("submit(Callable) to a broken pool", f -> brokenPool(f).submit(() -> 1),
                BrokenThreadPool.class, BROKEN_POOL);
        cpython("map(function, inputs) on a broken pool", f -> brokenPool(f).map(x -> x, List.of(1)),
                BrokenThreadPool.class, BROKEN_POOL);
        cpython("submit(Callable) to a broken pool after shutdown(): broken is checked first", f -> {
            ThreadPoolExecutor pool = brokenPool(f);
            pool.shutdown();
            return pool.submit(() -> 1);
        }, BrokenThreadPool.class, BROKEN_POOL);
        pythreading("execute(command) on a broken pool", f -> run(() -> brokenPool(f).execute(() -> { })),
                RejectedExecutionException.class, BROKEN_POOL);
        for (double timeout : new double[] {-1, -INF, 0, NAN}) {
            cpython("map(function, inputs, " + fmt(timeout) + ") with a call pending", f -> {
                MapResults<Integer> results = busyPool(f).map(x -> x, List.of(1, 2), timeout);
                Iterator<Integer> it = results.iterator();
                f.after("the iteration has ended", () -> !it.hasNext());
                return it.next();
            }, TimeoutError.class, null);
        }
        for (double timeout : new double[] {INF, 1e100}) {
            cpython("map(function, inputs, " + fmt(timeout) + ") with a call pending", f -> {
                MapResults<Integer> results = busyPool(f).map(x -> x, List.of(1, 2), timeout);
                Iterator<Integer> it = results.iterator();
                f.after("the iteration has ended", () -> !it.hasNext());
                return it.next();
            }, IAE, OUT_OF_RANGE);
        }
        cpython("map(function, inputs, 1e100) with every call done: no wait, no check", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            MapResults<Integer> results = pool.map(x -> x * 2, List.of(1, 2), 1e100);
            pool.submit(() -> 0).result(); // one worker, in order: both calls are done now
            List<Integer> out = new ArrayList<>();
            results.forEach(out::add);
            return out;
        }, RETURNS, "[2, 4]");
        pythreading("map() results iterated twice", f -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
            f.cleanup(pool::shutdown);
            MapResults<Integer> results = pool.map(x -> x, List.of(1));
            results.iterator();
            return results.iterator();
        }, ISE, "map() results can be iterated once");
    }

    // ----------------------------------------------------------------------- Future

    private static void futureRows() {
        for (double timeout : new double[] {-1, -INF, 0, NAN}) {
            cpython("Future.result(" + fmt(timeout) + ") of a pending future", f -> {
                Future<Integer> fut = pendingFuture(f);
                f.after("the future is still pending", () -> !fut.done());
                return fut.result(timeout);
            }, TimeoutError.class, null);
            cpython("Future.exception(" + fmt(timeout) + ") of a pending future",
                    f -> pendingFuture(f).exception(timeout), TimeoutError.class, null);
        }
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Future.result(" + fmt(timeout) + ") of a pending future", f -> {
                Future<Integer> fut = pendingFuture(f);
                f.after("the future is still pending", () -> !fut.done());
                return fut.result(timeout);
            }, IAE, OUT_OF_RANGE);
            cpython("Future.exception(" + fmt(timeout) + ") of a pending future",
                    f -> pendingFuture(f).exception(timeout), IAE, OUT_OF_RANGE);
        }
        cpython("Future.result(Duration of Long.MAX_VALUE s) of a pending future",
                f -> pendingFuture(f).result(HUGE), IAE, OUT_OF_RANGE);
        cpython("Future.result(Duration of -1 s) of a pending future",
                f -> pendingFuture(f).result(Duration.ofSeconds(-1)), TimeoutError.class, null);
        for (double timeout : new double[] {-1, NAN, INF, 1e100}) {
            cpython("Future.result(" + fmt(timeout) + ") of a done future: no wait, no check",
                    f -> doneFuture(f).result(timeout), RETURNS, "5");
        }
        cpython("Future.exception(1e100) of a done future: no wait, no check",
                f -> doneFuture(f).exception(1e100), RETURNS, "null");
        pythreading("Future.result(null Duration)", f -> pendingFuture(f).result((Duration) null), NPE, "timeout");
        pythreading("Future.exception(null Duration)",
                f -> pendingFuture(f).exception((Duration) null), NPE, "timeout");
        // Python logs the failing call of None; Java refuses the null callback.
        pythreading("Future.addDoneCallback(null)", f -> run(() -> pendingFuture(f).addDoneCallback(null)),
                NPE, "fn");
        // java.util.concurrent.Future's own contract.
        pythreading("Future.get(-1, SECONDS) of a pending future (java.util.concurrent)",
                f -> pendingFuture(f).get(-1, TimeUnit.SECONDS), TimeoutException.class, null);
        pythreading("Future.get(1, null unit) of a pending future (java.util.concurrent)",
                f -> pendingFuture(f).get(1, null), NPE, JVM_MESSAGE);
    }

    // --------------------------------------------------- Futures.await, asCompleted

    private static void futuresRows() {
        for (double timeout : new double[] {-1, -INF, 0, NAN}) {
            cpython("Futures.await([pending], " + fmt(timeout) + "): returns at once", f -> {
                Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(pendingFuture(f)), timeout);
                return r.done().size() + " done, " + r.notDone().size() + " not done";
            }, RETURNS, "0 done, 1 not done");
        }
        for (double timeout : new double[] {INF, 1e100, 2 * TIMEOUT_MAX}) {
            cpython("Futures.await([pending], " + fmt(timeout) + ")",
                    f -> Futures.await(List.of(pendingFuture(f)), timeout), IAE, OUT_OF_RANGE);
        }
        cpython("Futures.await([pending], 1e100, FIRST_COMPLETED)",
                f -> Futures.await(List.of(pendingFuture(f)), 1e100, ReturnWhen.FIRST_COMPLETED), IAE, OUT_OF_RANGE);
        cpython("Futures.await([done], 1e100): no wait, no check", f -> {
            Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(doneFuture(f)), 1e100);
            return r.done().size() + " done, " + r.notDone().size() + " not done";
        }, RETURNS, "1 done, 0 not done");
        cpython("Futures.await([pending], Duration of -1 s): returns at once", f -> {
            Futures.DoneAndNotDone<Future<Integer>> r =
                    Futures.await(List.of(pendingFuture(f)), Duration.ofSeconds(-1));
            return r.notDone().size();
        }, RETURNS, "1");
        // Python's ValueError("Invalid return condition: None") has a Java twin in the
        // enum type; null is the only bad value left.
        pythreading("Futures.await([pending], 1, null ReturnWhen)",
                f -> Futures.await(List.of(pendingFuture(f)), 1, null), NPE, "returnWhen");
        pythreading("Futures.await([pending], null ReturnWhen)",
                f -> Futures.await(List.of(pendingFuture(f)), (ReturnWhen) null), NPE, "returnWhen");
        pythreading("Futures.await([pending], null Duration)",
                f -> Futures.await(List.of(pendingFuture(f)), (Duration) null), NPE, "timeout");
        pythreading("Futures.await([pending], null Duration, ALL_COMPLETED)",
                f -> Futures.await(List.of(pendingFuture(f)), (Duration) null, ReturnWhen.ALL_COMPLETED), NPE,
                "timeout");
        pythreading("Futures.await([pending], Duration of 1 s, null ReturnWhen)",
                f -> Futures.await(List.of(pendingFuture(f)), Duration.ofSeconds(1), null), NPE, "returnWhen");
        pythreading("Futures.await(null)", f -> Futures.await(null), NPE, JVM_MESSAGE);
        for (double timeout : new double[] {-1, -INF, 0}) {
            cpython("Futures.asCompleted([pending], " + fmt(timeout) + ").next()",
                    f -> Futures.asCompleted(List.of(pendingFuture(f)), timeout).iterator().next(),
                    TimeoutError.class, "1 (of 1) futures unfinished");
        }
        pythreading("Futures.asCompleted([pending], NaN).next() (CPython spins for ever)",
                f -> Futures.asCompleted(List.of(pendingFuture(f)), NAN).iterator().next(),
                TimeoutError.class, "1 (of 1) futures unfinished");
        cpython("Futures.asCompleted([done, pending], -1): the done one, then the timeout", f -> {
            Iterator<Future<Integer>> it =
                    Futures.asCompleted(List.of(doneFuture(f), pendingFuture(f)), -1).iterator();
            it.next();
            return it.next();
        }, TimeoutError.class, "1 (of 2) futures unfinished");
        for (double timeout : new double[] {INF, 1e100}) {
            cpython("Futures.asCompleted([pending], " + fmt(timeout) + ").next()",
                    f -> Futures.asCompleted(List.of(pendingFuture(f)), timeout).iterator().next(),
                    IAE, OUT_OF_RANGE);
        }
        cpython("Futures.asCompleted([done], 1e100): no wait, no check", f -> {
            Future<Integer> done = doneFuture(f);
            return Futures.asCompleted(List.of(done), 1e100).iterator().next() == done;
        }, RETURNS, "true");
        pythreading("Futures.asCompleted([pending], null Duration)",
                f -> Futures.asCompleted(List.of(pendingFuture(f)), (Duration) null), NPE, "timeout");
        pythreading("Futures.asCompleted(null)", f -> Futures.asCompleted(null), NPE, JVM_MESSAGE);
        pythreading("Futures.asCompleted(fs) iterated twice", f -> {
            Iterable<Future<Integer>> it = Futures.asCompleted(List.of(doneFuture(f)));
            it.iterator();
            return it.iterator();
        }, ISE, "asCompleted() can be iterated once");
    }
}
