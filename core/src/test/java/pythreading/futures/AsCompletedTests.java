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
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Threading;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Mirrors CPython's test_concurrent_futures.test_as_completed.AsCompletedTests (thread
 * pool): Futures.asCompleted.
 */
@Timeout(10)
class AsCompletedTests {

    private final Future<Integer> cancelledFuture = cancelledFuture();
    private final Future<Integer> exceptionFuture = exceptionFuture(new IOException());
    private final Future<Integer> successfulFuture = successfulFuture(42);

    private ThreadPoolExecutor executor;
    /** Released at the end of each test: calls that wait on it are "sleeping" until then. */
    private CountDownLatch release;

    @BeforeEach
    void setUp() {
        executor = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix("AsCompletedTests").build();
        release = new CountDownLatch(1);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        executor.shutdown(true);
    }

    /** A call that does not finish before the test ends: CPython's time.sleep(2). */
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
    void testNoTimeout() {
        // test_as_completed.AsCompletedTests.test_no_timeout
        Future<Integer> future1 = executor.submit(() -> 2 * 21);
        Future<Integer> future2 = executor.submit(() -> 7 * 6);
        Set<Future<Integer>> completed = new HashSet<>();
        for (Future<Integer> f : Futures.asCompleted(
                List.of(cancelledFuture, exceptionFuture, successfulFuture, future1, future2))) {
            assertThat(completed.add(f)).isTrue();
        }
        assertThat(completed).isEqualTo(set(cancelledFuture, exceptionFuture, successfulFuture, future1, future2));
    }

    @Test
    void testFutureTimesOut() {
        // test_as_completed.AsCompletedTests.test_future_times_out
        Set<Future<Integer>> alreadyCompleted = set(cancelledFuture, exceptionFuture, successfulFuture);
        for (double timeout : new double[] {0, 0.1}) {
            Set<Future<Integer>> completedFutures = new HashSet<>();
            Future<Integer> future = blocked();
            List<Future<Integer>> fs = new ArrayList<>(alreadyCompleted);
            fs.add(future);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> {
                for (Future<Integer> f : Futures.asCompleted(fs, timeout)) {
                    completedFutures.add(f);
                }
            }).isExactlyInstanceOf(TimeoutError.class).hasMessage("1 (of 4) futures unfinished");
            if (timeout > 0) {
                FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), timeout);
            }
            assertThat(completedFutures).isEqualTo(alreadyCompleted);
        }
    }

    @Test
    void testDuplicateFutures() {
        // test_as_completed.AsCompletedTests.test_duplicate_futures
        CountDownLatch go = new CountDownLatch(1);
        Future<Integer> future1 = executor.submit(() -> {
            await(go);
            return 1;
        });
        Iterator<Future<Integer>> it = Futures.asCompleted(Collections.nCopies(3, future1)).iterator();
        go.countDown();
        List<Future<Integer>> completed = new ArrayList<>();
        it.forEachRemaining(completed::add);
        assertThat(completed).containsExactly(future1);
    }

    @Test
    void testDoneFirstThenCompletionOrder() {
        // pythreading: the done futures first, in the collection's order, then each as it finishes
        Future<Integer> p1 = pendingFuture();
        Future<Integer> p2 = runningFuture();
        Future<Integer> p3 = pendingFuture();
        Iterator<Future<Integer>> it = Futures.asCompleted(
                List.of(p1, successfulFuture, p2, exceptionFuture, p3)).iterator();
        assertThat(it.next()).isSameAs(successfulFuture);
        assertThat(it.next()).isSameAs(exceptionFuture);
        p3.setResult(3);
        p1.setException(new IllegalStateException());
        assertThat(it.next()).isSameAs(p3);
        assertThat(it.next()).isSameAs(p1);
        assertThat(it.hasNext()).isTrue();
        p2.setResult(2);
        assertThat(it.next()).isSameAs(p2);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void testNextWaitsForCompletionInAnotherThread() throws Exception {
        // pythreading: next() waits until another thread finishes a future
        Future<Integer> pending = pendingFuture();
        Iterator<Future<Integer>> it = Futures.asCompleted(List.of(pending)).iterator();
        AtomicReference<Future<Integer>> got = new AtomicReference<>();
        java.lang.Thread waiter = new java.lang.Thread(() -> got.set(it.next()));
        waiter.start();
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(got.get()).isNull();
        pending.setResult(1);
        waiter.join();
        assertThat(got.get()).isSameAs(pending);
    }

    @Test
    void testCorrectTimeoutExceptionMsg() {
        // test_as_completed.AsCompletedTests.test_correct_timeout_exception_msg
        List<Future<Integer>> fs = List.of(cancelledFuture, pendingFuture(), runningFuture(), successfulFuture);
        List<Future<Integer>> got = new ArrayList<>();
        assertThatThrownBy(() -> Futures.asCompleted(fs, 0).forEach(got::add))
                .isExactlyInstanceOf(TimeoutError.class).hasMessage("2 (of 4) futures unfinished");
        assertThat(got).containsExactly(cancelledFuture, successfulFuture);
    }

    @Test
    void testTimeoutCountedFromCall() {
        // pythreading: the timeout runs from the asCompleted() call (CPython: from the first next())
        Iterable<Future<Integer>> fs = Futures.asCompleted(List.<Future<Integer>>of(successfulFuture, pendingFuture()), 0.3);
        FuturesTestSupport.sleep(0.45); // let the deadline pass before iterating
        Iterator<Future<Integer>> it = fs.iterator();
        assertThat(it.next()).isSameAs(successfulFuture); // a done one is still handed out
        long t0 = System.nanoTime();
        assertThatThrownBy(it::next).isExactlyInstanceOf(TimeoutError.class).hasMessage("1 (of 2) futures unfinished");
        assertThat(FuturesTestSupport.secondsSince(t0)).isLessThan(0.2); // not the 0.3 s again
    }

    @Test
    void testTimeoutOverloads() {
        // pythreading: negative and NaN timeouts do not wait; the Duration overload
        for (double timeout : new double[] {-1, Double.NaN}) {
            Iterator<Future<Integer>> it = Futures.asCompleted(List.<Future<Integer>>of(pendingFuture()), timeout).iterator();
            assertThatThrownBy(it::next).isExactlyInstanceOf(TimeoutError.class)
                    .hasMessage("1 (of 1) futures unfinished");
        }
        Iterator<Future<Integer>> it = Futures.asCompleted(List.<Future<Integer>>of(successfulFuture, pendingFuture()),
                Duration.ofMillis(100)).iterator();
        assertThat(it.next()).isSameAs(successfulFuture);
        long t0 = System.nanoTime();
        assertThatThrownBy(it::next).isExactlyInstanceOf(TimeoutError.class);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), 0.1);
    }

    @Test
    void testTimeoutBeyondMaxOnlyWhenWaiting() {
        // pythreading: as in CPython, a timeout beyond TIMEOUT_MAX is refused (OverflowError) only by
        // the next() that has to wait; the done futures are handed out first
        double huge = Threading.TIMEOUT_MAX * 2;
        Iterator<Future<Integer>> it = Futures.asCompleted(List.<Future<Integer>>of(successfulFuture, pendingFuture()), huge)
                .iterator();
        assertThat(it.next()).isSameAs(successfulFuture);
        assertThatThrownBy(it::next).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThat(Futures.asCompleted(List.of(successfulFuture), huge)).containsExactly(successfulFuture);
    }

    @Test
    void testIterableOnce() {
        // pythreading: one pass only, as Python's generator
        Iterable<Future<Integer>> fs = Futures.asCompleted(List.of(successfulFuture));
        assertThat(fs.iterator().next()).isSameAs(successfulFuture);
        assertThatThrownBy(fs::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testEmptyCollection() {
        // pythreading: nothing to yield
        assertThat(Futures.asCompleted(List.<Future<Integer>>of()).iterator().hasNext()).isFalse();
        assertThat(Futures.asCompleted(List.<Future<Integer>>of(), 0).iterator().hasNext()).isFalse();
    }

    @Test
    void testCancelledCountsAsDone() {
        // pythreading: a cancelled future is yielded (CPython's stays invisible to as_completed)
        Future<Integer> later = pendingFuture();
        Future<Integer> pending = runningFuture();
        Iterator<Future<Integer>> it = Futures.asCompleted(List.of(cancelledFuture, later, pending), 5.0).iterator();
        assertThat(it.next()).isSameAs(cancelledFuture);
        assertThat(later.cancel()).isTrue();
        assertThat(it.next()).isSameAs(later);
        pending.setResult(1);
        assertThat(it.next()).isSameAs(pending);
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void testFreeReferenceYieldedFuture() {
        // test_as_completed.AsCompletedTests.test_free_reference_yielded_future
        List<Future<Integer>> futuresList = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futuresList.add(pendingFuture());
        }
        futuresList.add(cancelledFuture());
        futuresList.add(successfulFuture(42));
        Iterator<Future<Integer>> first = Futures.asCompleted(futuresList, 0).iterator();
        int yielded = 0;
        try {
            while (true) {
                WeakReference<Future<Integer>> wr = takeAndForget(first, futuresList);
                yielded++;
                waitUntilCollected(wr);
            }
        } catch (TimeoutError expected) {
            assertThat(yielded).isEqualTo(2);
        }

        futuresList.get(0).setResult(0);
        Iterator<Future<Integer>> it = Futures.asCompleted(futuresList).iterator();
        while (it.hasNext()) {
            WeakReference<Future<Integer>> wr = takeAndForget(it, futuresList);
            waitUntilCollected(wr);
            if (!futuresList.isEmpty()) {
                futuresList.get(0).setResult(0);
            }
        }
    }

    /** Takes the next future, removes it from {@code fs} and keeps only a weak reference to it. */
    private static WeakReference<Future<Integer>> takeAndForget(Iterator<Future<Integer>> it,
            List<Future<Integer>> fs) {
        Future<Integer> f = it.next();
        fs.remove(f);
        return new WeakReference<>(f);
    }

    private static void waitUntilCollected(WeakReference<?> wr) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (wr.get() != null) {
            assertThat(System.nanoTime() - deadline).as("the yielded future is not collected").isNegative();
            System.gc();
            FuturesTestSupport.pause();
        }
    }

    @Test
    void testNextInterrupted() throws Exception {
        // pythreading: a next() blocked waiting throws UncheckedInterruptedException, flag set again
        Future<Integer> pending = pendingFuture();
        Iterator<Future<Integer>> it = Futures.asCompleted(List.of(pending), FuturesTestSupport.SHORT_TIMEOUT)
                .iterator();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        java.lang.Thread waiter = new java.lang.Thread(() -> {
            try {
                it.next();
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
    }
}
