package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.futures.FuturesTestSupport.await;
import static pythreading.futures.FuturesTestSupport.cancelledFuture;
import static pythreading.futures.FuturesTestSupport.exceptionFuture;
import static pythreading.futures.FuturesTestSupport.pendingFuture;
import static pythreading.futures.FuturesTestSupport.runningFuture;
import static pythreading.futures.FuturesTestSupport.successfulFuture;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Event;
import pythreading.threading.Threading;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Mirrors CPython's test_concurrent_futures.test_wait.ThreadPoolWaitTests: Futures.await,
 * Python's {@code concurrent.futures.wait}.
 */
@Timeout(10)
class WaitTests {

    private final Future<Integer> cancelledFuture = cancelledFuture();
    private final Future<Integer> exceptionFuture = exceptionFuture(new IOException());
    private final Future<Integer> successfulFuture = successfulFuture(42);

    private ThreadPoolExecutor executor;
    /** Released at the end of each test: calls that wait on it are "sleeping" until then. */
    private CountDownLatch release;

    @BeforeEach
    void setUp() {
        executor = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix("WaitTests").build();
        release = new CountDownLatch(1);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        executor.shutdown(true);
    }

    /** A call that does not finish before the test ends: CPython's time.sleep(1.5). */
    private Future<Integer> blocked() {
        return executor.submit(() -> {
            await(release);
            return 0;
        });
    }

    @SafeVarargs
    private static <F> Set<F> set(F... fs) {
        return new HashSet<>(List.of(fs));
    }

    @Test
    void test20369() {
        // test_wait.WaitTests.test_20369 (duplicates counted once)
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> future = executor.submit(() -> {
            await(go);
            return 1;
        });
        AtomicReference<Futures.DoneAndNotDone<Future<Integer>>> result = new AtomicReference<>();
        java.lang.Thread waiter = new java.lang.Thread(() -> result.set(Futures.await(List.of(future, future),
                ReturnWhen.ALL_COMPLETED)));
        waiter.start();
        FuturesTestSupport.waitUntilBlocked(waiter);
        go.countDown();
        FuturesTestSupport.waitUntil("await returns", () -> result.get() != null);
        assertThat(result.get().done()).isEqualTo(set(future));
        assertThat(result.get().notDone()).isEmpty();
    }

    @Test
    void testFirstCompleted() {
        // test_wait.WaitTests.test_first_completed (without CANCELLED_FUTURE, which is done here)
        Future<Integer> future1 = executor.submit(() -> 21 * 2);
        Future<Integer> future2 = blocked();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(future1, future2),
                ReturnWhen.FIRST_COMPLETED);
        assertThat(r.done()).isEqualTo(set(future1));
        assertThat(r.notDone()).isEqualTo(set(future2));
    }

    @Test
    void testFirstCompletedSomeAlreadyCompleted() {
        // test_wait.WaitTests.test_first_completed_some_already_completed
        Future<Integer> future1 = blocked();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(
                List.of(cancelledFuture, successfulFuture, future1), ReturnWhen.FIRST_COMPLETED);
        assertThat(r.done()).isEqualTo(set(cancelledFuture, successfulFuture));
        assertThat(r.notDone()).isEqualTo(set(future1));
    }

    @Test
    void testFirstException() {
        // test_wait.WaitTests.test_first_exception
        Future<Integer> future1 = executor.submit(() -> 2 * 21);
        Future<Integer> future2 = executor.submit(() -> {
            future1.result(); // so that future1 is done first
            throw new IllegalStateException("this is an exception");
        });
        Future<Integer> future3 = blocked();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(future1, future2, future3),
                ReturnWhen.FIRST_EXCEPTION);
        assertThat(r.done()).isEqualTo(set(future1, future2));
        assertThat(r.notDone()).isEqualTo(set(future3));
    }

    @Test
    void testFirstExceptionSomeAlreadyComplete() {
        // test_wait.WaitTests.test_first_exception_some_already_complete (CANCELLED_FUTURE is done here)
        Future<Integer> future1 = executor.submit(() -> 21 / 0);
        Future<Integer> future2 = blocked();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(
                List.of(successfulFuture, cancelledFuture, future1, future2), ReturnWhen.FIRST_EXCEPTION);
        assertThat(r.done()).isEqualTo(set(successfulFuture, cancelledFuture, future1));
        assertThat(r.notDone()).isEqualTo(set(future2));
    }

    @Test
    void testFirstExceptionOneAlreadyFailed() {
        // test_wait.WaitTests.test_first_exception_one_already_failed
        Future<Integer> future1 = blocked();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(exceptionFuture, future1),
                ReturnWhen.FIRST_EXCEPTION);
        assertThat(r.done()).isEqualTo(set(exceptionFuture));
        assertThat(r.notDone()).isEqualTo(set(future1));
    }

    @Test
    void testFirstExceptionWithoutFailureWaitsForAll() {
        // pythreading: FIRST_EXCEPTION with no failure returns when all are done, as ALL_COMPLETED
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> quick = executor.submit(() -> 1);
        Future<Integer> slow = executor.submit(() -> {
            quick.result();
            await(go);
            return 2;
        });
        AtomicReference<Futures.DoneAndNotDone<Future<Integer>>> result = new AtomicReference<>();
        java.lang.Thread waiter = new java.lang.Thread(() -> result.set(Futures.await(
                List.of(successfulFuture, cancelledFuture, quick, slow), ReturnWhen.FIRST_EXCEPTION)));
        waiter.start();
        FuturesTestSupport.waitUntil("quick is done", quick::done);
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(result.get()).isNull(); // still waiting for slow
        go.countDown();
        FuturesTestSupport.waitUntil("await returns", () -> result.get() != null);
        assertThat(result.get().done()).isEqualTo(set(successfulFuture, cancelledFuture, quick, slow));
        assertThat(result.get().notDone()).isEmpty();
    }

    @Test
    void testAllCompleted() {
        // test_wait.WaitTests.test_all_completed
        Future<Integer> future1 = executor.submit(() -> 2 / 0);
        Future<Integer> future2 = executor.submit(() -> 2 * 21);
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(
                List.of(successfulFuture, cancelledFuture, exceptionFuture, future1, future2),
                ReturnWhen.ALL_COMPLETED);
        assertThat(r.done()).isEqualTo(set(successfulFuture, cancelledFuture, exceptionFuture, future1, future2));
        assertThat(r.notDone()).isEmpty();
        // ALL_COMPLETED is the default
        assertThat(Futures.await(List.of(future1, future2)).done()).isEqualTo(set(future1, future2));
    }

    @Test
    void testTimeout() {
        // test_wait.WaitTests.test_timeout
        double shortTimeout = 0.1;
        Future<Integer> future = blocked();
        long t0 = System.nanoTime();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(
                List.of(cancelledFuture, exceptionFuture, successfulFuture, future), shortTimeout,
                ReturnWhen.ALL_COMPLETED);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), shortTimeout);
        assertThat(r.done()).isEqualTo(set(cancelledFuture, exceptionFuture, successfulFuture));
        assertThat(r.notDone()).isEqualTo(set(future));
        // the other overloads return normally too
        t0 = System.nanoTime();
        assertThat(Futures.await(List.of(future), Duration.ofMillis(100)).notDone()).isEqualTo(set(future));
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), shortTimeout);
        assertThat(Futures.await(List.of(future), shortTimeout).notDone()).isEqualTo(set(future));
        t0 = System.nanoTime();
        assertThat(Futures.await(List.of(future), Duration.ofMillis(100), ReturnWhen.FIRST_COMPLETED).notDone())
                .isEqualTo(set(future));
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), shortTimeout);
        assertThat(Futures.await(List.of(successfulFuture, future), Duration.ofSeconds(10), ReturnWhen.FIRST_COMPLETED)
                .done()).isEqualTo(set(successfulFuture));
    }

    @Test
    void testZeroNegativeNaNTimeoutPolls() {
        // pythreading: a zero, negative or NaN timeout does not wait
        Future<Integer> future = pendingFuture();
        for (double timeout : new double[] {0, -1, Double.NaN}) {
            Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(successfulFuture, future), timeout,
                    ReturnWhen.ALL_COMPLETED);
            assertThat(r.done()).isEqualTo(set(successfulFuture));
            assertThat(r.notDone()).isEqualTo(set(future));
        }
    }

    @Test
    void testTimeoutBeyondMax() {
        // pythreading: a timeout beyond TIMEOUT_MAX is refused only when await has to wait (OverflowError)
        double huge = Threading.TIMEOUT_MAX * 2;
        assertThatThrownBy(() -> Futures.await(List.of(pendingFuture()), huge))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThat(Futures.await(List.of(successfulFuture), huge).done()).isEqualTo(set(successfulFuture));
        assertThat(Futures.await(List.of(successfulFuture, pendingFuture()), huge, ReturnWhen.FIRST_COMPLETED)
                .done()).isEqualTo(set(successfulFuture));
    }

    @Test
    void testEmptyCollection() {
        // pythreading: nothing to wait for returns two empty sets at once (CPython: wait([]))
        for (ReturnWhen when : ReturnWhen.values()) {
            Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(), when);
            assertThat(r.done()).isEmpty();
            assertThat(r.notDone()).isEmpty();
        }
        assertThat(Futures.await(List.<Future<Integer>>of()).done()).isEmpty();
    }

    @Test
    void testAlreadyDoneReturnsAtOnce() {
        // pythreading: done futures need no wait, for every ReturnWhen
        List<Future<Integer>> fs = List.of(successfulFuture, exceptionFuture, cancelledFuture);
        for (ReturnWhen when : ReturnWhen.values()) {
            Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(fs, when);
            assertThat(r.done()).isEqualTo(new HashSet<>(fs));
            assertThat(r.notDone()).isEmpty();
        }
    }

    @Test
    void testCancelledCountsAsDone() {
        // pythreading: a cancelled future is done for await at once (CPython keeps it in not_done)
        Future<Integer> pending = pendingFuture();
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(cancelledFuture, pending),
                ReturnWhen.FIRST_COMPLETED);
        assertThat(r.done()).isEqualTo(set(cancelledFuture));
        assertThat(r.notDone()).isEqualTo(set(pending));
        assertThat(Futures.await(List.of(cancelledFuture)).done()).isEqualTo(set(cancelledFuture));
    }

    @Test
    void testCancelWakesAwait() throws Exception {
        // pythreading: cancelling a future that await waits for wakes it
        Future<Integer> pending = pendingFuture();
        Future<Integer> other = runningFuture();
        AtomicReference<Futures.DoneAndNotDone<Future<Integer>>> result = new AtomicReference<>();
        java.lang.Thread waiter = new java.lang.Thread(() -> result.set(
                Futures.await(List.of(pending, other), ReturnWhen.FIRST_COMPLETED)));
        waiter.start();
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(pending.cancel()).isTrue();
        waiter.join();
        assertThat(result.get().done()).isEqualTo(set(pending));
        assertThat(result.get().notDone()).isEqualTo(set(other));
    }

    @Test
    void testResultSetsAreUnmodifiable() {
        // pythreading: done() and notDone() are unmodifiable copies
        Futures.DoneAndNotDone<Future<Integer>> r = Futures.await(List.of(successfulFuture));
        assertThatThrownBy(() -> r.done().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.notDone().add(successfulFuture)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void testPendingCallsRace() {
        // test_wait.ThreadPoolWaitTests.test_pending_calls_race
        Event event = new Event();
        List<Future<Void>> fs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fs.add(executor.submit(() -> {
                event.await();
            }));
        }
        event.set();
        Futures.DoneAndNotDone<Future<Void>> r = Futures.await(fs, ReturnWhen.ALL_COMPLETED);
        assertThat(r.done()).hasSize(100);
        assertThat(r.notDone()).isEmpty();
    }

    @Test
    void testAwaitInterrupted() throws Exception {
        // pythreading: await blocked on futures throws UncheckedInterruptedException, flag set again
        for (boolean timed : new boolean[] {false, true}) {
            Future<Integer> pending = pendingFuture();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            java.lang.Thread waiter = new java.lang.Thread(() -> {
                try {
                    if (timed) {
                        Futures.await(List.of(pending), FuturesTestSupport.SHORT_TIMEOUT);
                    } else {
                        Futures.await(List.of(pending));
                    }
                } catch (Throwable e) {
                    thrown.set(e);
                    flag.set(java.lang.Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            FuturesTestSupport.waitUntilBlocked(waiter);
            waiter.interrupt();
            waiter.join();
            assertThat(thrown.get()).isExactlyInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(flag.get()).isTrue();
            pending.setResult(1); // its callbacks were removed: nothing is left waiting
        }
        // interrupted before waiting
        java.lang.Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Futures.await(List.of(pendingFuture())))
                .isExactlyInstanceOf(UncheckedInterruptedException.class);
        assertThat(java.lang.Thread.interrupted()).isTrue();
        // a call that need not wait does not look at the flag
        java.lang.Thread.currentThread().interrupt();
        try {
            assertThat(Futures.await(List.of(successfulFuture)).done()).isEqualTo(set(successfulFuture));
        } finally {
            assertThat(java.lang.Thread.interrupted()).isTrue();
        }
    }
}
