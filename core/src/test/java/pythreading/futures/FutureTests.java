package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.futures.FuturesTestSupport.cancelledFuture;
import static pythreading.futures.FuturesTestSupport.exceptionFuture;
import static pythreading.futures.FuturesTestSupport.pendingFuture;
import static pythreading.futures.FuturesTestSupport.runningFuture;
import static pythreading.futures.FuturesTestSupport.successfulFuture;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Threading;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Mirrors CPython's test_concurrent_futures.test_future.FutureTests, with what the Java
 * API adds: java.util.concurrent.Future, CompletableFuture, timeouts and interruption.
 */
@Timeout(10)
class FutureTests {

    private static final String REPR = "<Future at 0x[0-9a-f]+ state=";
    private static final String OUT_OF_RANGE = "timestamp out of range for platform time_t";

    /** Futures in each state, made afresh: the six futures of util.py. */
    private static List<Future<Integer>> allStates() {
        return List.of(pendingFuture(), runningFuture(), cancelledFuture(),
                exceptionFuture(new IllegalStateException("boom")), successfulFuture(42));
    }

    /** Runs {@code action} in a new Java thread and returns the thread, started. */
    private static java.lang.Thread startThread(String name, Runnable action) {
        java.lang.Thread t = new java.lang.Thread(action, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------ done callbacks

    @Test
    void testDoneCallbackWithResult() {
        // test_future.FutureTests.test_done_callback_with_result
        AtomicReference<Integer> seen = new AtomicReference<>();
        Future<Integer> f = pendingFuture();
        f.addDoneCallback(done -> seen.set(done.result()));
        assertThat(seen.get()).isNull();
        f.setResult(5);
        assertThat(seen.get()).isEqualTo(5);
    }

    @Test
    void testDoneCallbackWithException() {
        // test_future.FutureTests.test_done_callback_with_exception
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Future<Integer> f = pendingFuture();
        f.addDoneCallback(done -> seen.set(done.exception()));
        IllegalArgumentException e = new IllegalArgumentException("test");
        f.setException(e);
        assertThat(seen.get()).isSameAs(e);
    }

    @Test
    void testDoneCallbackWithCancel() {
        // test_future.FutureTests.test_done_callback_with_cancel
        AtomicReference<Boolean> wasCancelled = new AtomicReference<>();
        Future<Integer> f = pendingFuture();
        f.addDoneCallback(done -> wasCancelled.set(done.cancelled()));
        assertThat(f.cancel()).isTrue();
        assertThat(wasCancelled.get()).isTrue();
    }

    @Test
    void testDoneCallbackRaises() {
        // test_future.FutureTests.test_done_callback_raises
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException doh = new IllegalStateException("doh!");
        Future<Integer> f = pendingFuture();
        try (FuturesTestSupport.LogCapture log = new FuturesTestSupport.LogCapture()) {
            f.addDoneCallback(done -> {
                calls.incrementAndGet();
                throw doh;
            });
            f.addDoneCallback(done -> calls.addAndGet(10));
            f.setResult(5);
            assertThat(calls.get()).isEqualTo(11);
            List<LogRecord> records = log.records();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getLevel()).isEqualTo(Level.SEVERE);
            assertThat(records.get(0).getMessage()).matches("exception calling callback for " + REPR
                    + "finished returned Integer>");
            assertThat(records.get(0).getThrown()).isSameAs(doh);
        }
        assertThat(f.result()).isEqualTo(5);
    }

    @Test
    void testDoneCallbackAlreadySuccessful() {
        // test_future.FutureTests.test_done_callback_already_successful
        AtomicReference<Integer> seen = new AtomicReference<>();
        Future<Integer> f = successfulFuture(5);
        f.addDoneCallback(done -> seen.set(done.result()));
        assertThat(seen.get()).isEqualTo(5);
    }

    @Test
    void testDoneCallbackAlreadyFailed() {
        // test_future.FutureTests.test_done_callback_already_failed
        AtomicReference<Throwable> seen = new AtomicReference<>();
        IllegalArgumentException e = new IllegalArgumentException("test");
        Future<Integer> f = exceptionFuture(e);
        f.addDoneCallback(done -> seen.set(done.exception()));
        assertThat(seen.get()).isSameAs(e);
    }

    @Test
    void testDoneCallbackAlreadyCancelled() {
        // test_future.FutureTests.test_done_callback_already_cancelled
        AtomicReference<Boolean> wasCancelled = new AtomicReference<>();
        Future<Integer> f = cancelledFuture();
        f.addDoneCallback(done -> wasCancelled.set(done.cancelled()));
        assertThat(wasCancelled.get()).isTrue();
    }

    @Test
    void testDoneCallbackRaisesAlreadySucceeded() {
        // test_future.FutureTests.test_done_callback_raises_already_succeeded
        IllegalStateException doh = new IllegalStateException("doh!");
        Future<Integer> f = successfulFuture(5);
        try (FuturesTestSupport.LogCapture log = new FuturesTestSupport.LogCapture()) {
            f.addDoneCallback(done -> {
                throw doh;
            }); // does not throw
            assertThat(log.records()).singleElement().satisfies(r -> {
                assertThat(r.getMessage()).startsWith("exception calling callback for <Future at 0x");
                assertThat(r.getThrown()).isSameAs(doh);
            });
        }
    }

    @Test
    void testDoneCallbacksRunOnceInOrder() {
        // pythreading: callbacks run in the order they were added, exactly once
        List<String> calls = new ArrayList<>();
        Future<Integer> f = pendingFuture();
        for (String name : List.of("a", "b", "c")) {
            f.addDoneCallback(done -> calls.add(name));
        }
        f.setResult(1);
        assertThatThrownBy(() -> f.setResult(2)).isInstanceOf(IllegalStateException.class);
        assertThat(f.cancel()).isFalse();
        assertThat(calls).containsExactly("a", "b", "c");

        List<String> cancelCalls = new ArrayList<>();
        Future<Integer> g = pendingFuture();
        g.addDoneCallback(done -> cancelCalls.add("x"));
        g.addDoneCallback(done -> cancelCalls.add("y"));
        assertThat(g.cancel()).isTrue();
        assertThat(g.cancel()).isTrue();
        assertThat(cancelCalls).containsExactly("x", "y");
    }

    @Test
    void testDoneCallbackRunsInCompletingThread() throws Exception {
        // pythreading: a callback runs in the thread that finishes the future
        AtomicReference<java.lang.Thread> ranIn = new AtomicReference<>();
        Future<Integer> f = pendingFuture();
        f.addDoneCallback(done -> ranIn.set(java.lang.Thread.currentThread()));
        java.lang.Thread completer = startThread("completer", () -> f.setResult(1));
        completer.join();
        assertThat(ranIn.get()).isSameAs(completer);

        // and at once in the caller's thread when the future is done already
        f.addDoneCallback(done -> ranIn.set(java.lang.Thread.currentThread()));
        assertThat(ranIn.get()).isSameAs(java.lang.Thread.currentThread());
    }

    @Test
    void testDoneCallbackNull() {
        // pythreading: a null callback is refused
        assertThatThrownBy(() -> pendingFuture().addDoneCallback(null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- repr and state

    @Test
    void testRepr() {
        // test_future.FutureTests.test_repr
        assertThat(pendingFuture().toString()).matches(REPR + "pending>");
        assertThat(runningFuture().toString()).matches(REPR + "running>");
        assertThat(cancelledFuture().toString()).matches(REPR + "cancelled>");
        assertThat(exceptionFuture(new IllegalStateException()).toString())
                .matches(REPR + "finished raised IllegalStateException>");
        assertThat(successfulFuture(42).toString()).matches(REPR + "finished returned Integer>");
    }

    @Test
    void testCancel() {
        // test_future.FutureTests.test_cancel
        Future<Integer> f1 = pendingFuture();
        Future<Integer> f2 = runningFuture();
        Future<Integer> f3 = cancelledFuture();
        Future<Integer> f5 = exceptionFuture(new IOException());
        Future<Integer> f6 = successfulFuture(5);

        assertThat(f1.cancel()).isTrue();
        assertThat(f1.toString()).endsWith("state=cancelled>");
        assertThat(f2.cancel()).isFalse();
        assertThat(f2.toString()).endsWith("state=running>");
        assertThat(f3.cancel()).isTrue();
        assertThat(f3.toString()).endsWith("state=cancelled>");
        assertThat(f5.cancel()).isFalse();
        assertThat(f5.toString()).endsWith("state=finished raised IOException>");
        assertThat(f6.cancel()).isFalse();
        assertThat(f6.toString()).endsWith("state=finished returned Integer>");
    }

    @Test
    void testCancelled() {
        // test_future.FutureTests.test_cancelled
        assertThat(allStates()).extracting(Future::cancelled).containsExactly(false, false, true, false, false);
        assertThat(allStates()).extracting(Future::isCancelled).containsExactly(false, false, true, false, false);
    }

    @Test
    void testDone() {
        // test_future.FutureTests.test_done
        assertThat(allStates()).extracting(Future::done).containsExactly(false, false, true, true, true);
        assertThat(allStates()).extracting(Future::isDone).containsExactly(false, false, true, true, true);
    }

    @Test
    void testRunning() {
        // test_future.FutureTests.test_running
        assertThat(allStates()).extracting(Future::running).containsExactly(false, true, false, false, false);
    }

    // ----------------------------------------------------------------- result()

    @Test
    void testResultWithTimeout() {
        // test_future.FutureTests.test_result_with_timeout
        assertThatThrownBy(() -> pendingFuture().result(0)).isExactlyInstanceOf(TimeoutError.class)
                .hasMessage(null);
        assertThatThrownBy(() -> runningFuture().result(0)).isExactlyInstanceOf(TimeoutError.class);
        assertThatThrownBy(() -> cancelledFuture().result(0)).isExactlyInstanceOf(CancellationException.class);
        IllegalStateException e = new IllegalStateException("boom");
        assertThatThrownBy(() -> exceptionFuture(e).result(0)).isSameAs(e);
        assertThat(successfulFuture(42).result(0)).isEqualTo(42);
    }

    @Test
    void testResultWithoutTimeoutWhenDone() {
        // pythreading: result() without a timeout in each done state
        assertThatThrownBy(() -> cancelledFuture().result()).isExactlyInstanceOf(CancellationException.class);
        IllegalStateException e = new IllegalStateException("boom");
        assertThatThrownBy(() -> exceptionFuture(e).result()).isSameAs(e);
        assertThat(successfulFuture(42).result()).isEqualTo(42);
        assertThat(successfulFuture(null).result()).isNull();
        assertThat(successfulFuture(null).toString()).endsWith("state=finished returned null>");
    }

    @Test
    void testResultThrowsErrorAsIsAndWrapsCheckedException() {
        // pythreading: an Error is thrown as is; a checked exception comes wrapped in CompletionException
        AssertionError error = new AssertionError("err");
        assertThatThrownBy(() -> exceptionFuture(error).result()).isSameAs(error);
        IOException checked = new IOException("io");
        Future<Integer> f = exceptionFuture(checked);
        assertThatThrownBy(f::result).isExactlyInstanceOf(CompletionException.class).hasCause(checked);
        assertThatThrownBy(() -> f.result(1.0)).isExactlyInstanceOf(CompletionException.class).hasCause(checked);
        assertThat(f.exception()).isSameAs(checked);
    }

    @Test
    void testResultWithSuccess() throws Exception {
        // test_future.FutureTests.test_result_with_success
        Future<Integer> f1 = pendingFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        java.lang.Thread waiter = startThread("waiter", () -> got.set(f1.result(FuturesTestSupport.SHORT_TIMEOUT)));
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(waiter.isAlive()).isTrue();
        f1.setResult(42);
        waiter.join();
        assertThat(got.get()).isEqualTo(42);
    }

    @Test
    void testResultWithoutTimeoutWokenByCompletion() throws Exception {
        // pythreading: result() with no timeout waits until another thread finishes the future
        Future<Integer> f1 = pendingFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        java.lang.Thread waiter = startThread("waiter", () -> got.set(f1.result()));
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(waiter.isAlive()).isTrue();
        java.lang.Thread completer = startThread("completer", () -> f1.setResult(7));
        completer.join();
        waiter.join();
        assertThat(got.get()).isEqualTo(7);
    }

    @Test
    void testResultWithCancel() throws Exception {
        // test_future.FutureTests.test_result_with_cancel
        Future<Integer> f1 = pendingFuture();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        java.lang.Thread waiter = startThread("waiter", () -> {
            try {
                f1.result(FuturesTestSupport.SHORT_TIMEOUT);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        FuturesTestSupport.waitUntilBlocked(waiter);
        assertThat(f1.cancel()).isTrue();
        waiter.join();
        assertThat(thrown.get()).isExactlyInstanceOf(CancellationException.class);
    }

    @Test
    void testResultWaitsForTimeout() {
        // pythreading: a positive timeout is waited for in full before TimeoutError
        Future<Integer> f = pendingFuture();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> f.result(0.1)).isExactlyInstanceOf(TimeoutError.class);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), 0.1);
        t0 = System.nanoTime();
        assertThatThrownBy(() -> f.exception(Duration.ofMillis(100))).isExactlyInstanceOf(TimeoutError.class);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), 0.1);
    }

    // -------------------------------------------------------------- exception()

    @Test
    void testExceptionWithTimeout() {
        // test_future.FutureTests.test_exception_with_timeout
        assertThatThrownBy(() -> pendingFuture().exception(0)).isExactlyInstanceOf(TimeoutError.class);
        assertThatThrownBy(() -> runningFuture().exception(0)).isExactlyInstanceOf(TimeoutError.class);
        assertThatThrownBy(() -> cancelledFuture().exception(0)).isExactlyInstanceOf(CancellationException.class);
        IOException e = new IOException();
        assertThat(exceptionFuture(e).exception(0)).isSameAs(e);
        assertThat(successfulFuture(42).exception(0)).isNull();
    }

    @Test
    void testExceptionWithoutTimeoutWhenDone() {
        // pythreading: exception() without a timeout in each done state
        assertThatThrownBy(() -> cancelledFuture().exception()).isExactlyInstanceOf(CancellationException.class);
        IllegalStateException e = new IllegalStateException();
        assertThat(exceptionFuture(e).exception()).isSameAs(e);
        assertThat(successfulFuture(42).exception()).isNull();
    }

    @Test
    void testExceptionWithSuccess() throws Exception {
        // test_future.FutureTests.test_exception_with_success
        Future<Integer> f1 = pendingFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        java.lang.Thread waiter = startThread("waiter",
                () -> got.set(f1.exception(FuturesTestSupport.SHORT_TIMEOUT)));
        FuturesTestSupport.waitUntilBlocked(waiter);
        IOException e = new IOException();
        f1.setException(e);
        waiter.join();
        assertThat(got.get()).isSameAs(e);
    }

    // ------------------------------------------------------ set_result / set_exception

    @Test
    void testMultipleSetResult() {
        // test_future.FutureTests.test_multiple_set_result
        Future<Integer> f = pendingFuture();
        f.setResult(1);
        assertThatThrownBy(() -> f.setResult(2)).isExactlyInstanceOf(IllegalStateException.class)
                .message().matches("FINISHED: " + REPR + "finished returned Integer>");
        assertThat(f.done()).isTrue();
        assertThat(f.result()).isEqualTo(1);
    }

    @Test
    void testMultipleSetException() {
        // test_future.FutureTests.test_multiple_set_exception
        Future<Integer> f = pendingFuture();
        IllegalArgumentException e = new IllegalArgumentException();
        f.setException(e);
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isExactlyInstanceOf(IllegalStateException.class)
                .message().matches("FINISHED: " + REPR + "finished raised IllegalArgumentException>");
        assertThat(f.exception()).isSameAs(e);
    }

    @Test
    void testSetOnCancelledFuture() {
        // pythreading: InvalidStateError on a cancelled future (CPython's `CANCELLED: <repr>`)
        Future<Integer> f = cancelledFuture();
        assertThatThrownBy(() -> f.setResult(1)).isExactlyInstanceOf(IllegalStateException.class)
                .message().matches("CANCELLED: " + REPR + "cancelled>");
        assertThatThrownBy(() -> f.setException(new IOException())).isExactlyInstanceOf(IllegalStateException.class)
                .message().matches("CANCELLED: " + REPR + "cancelled>");
        assertThat(f.cancelled()).isTrue();
    }

    @Test
    void testSetResultFromPendingOrRunning() {
        // pythreading: set_result is allowed from PENDING and from RUNNING, as in CPython
        Future<Integer> pending = pendingFuture();
        pending.setResult(1);
        assertThat(pending.result()).isEqualTo(1);
        Future<Integer> running = runningFuture();
        running.setException(new IllegalStateException("x"));
        assertThat(running.exception()).hasMessage("x");
    }

    @Test
    void testSetRunningOrNotifyCancel() {
        // pythreading: set_running_or_notify_cancel in each state
        Future<Integer> pending = pendingFuture();
        assertThat(pending.setRunningOrNotifyCancel()).isTrue();
        assertThat(pending.running()).isTrue();

        Future<Integer> cancelled = cancelledFuture();
        assertThat(cancelled.setRunningOrNotifyCancel()).isFalse();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.running()).isFalse();

        try (FuturesTestSupport.LogCapture log = new FuturesTestSupport.LogCapture()) {
            for (Future<Integer> f : List.<Future<Integer>>of(runningFuture(), successfulFuture(1),
                    exceptionFuture(new IllegalStateException()))) {
                String before = f.toString();
                assertThatThrownBy(f::setRunningOrNotifyCancel).isExactlyInstanceOf(IllegalStateException.class)
                        .hasMessage("Future in unexpected state");
                assertThat(f.toString()).isEqualTo(before);
            }
            assertThat(log.records()).extracting(LogRecord::getMessage).hasSize(3)
                    .allMatch(m -> m.matches("Future \\w+ in unexpected state: (RUNNING|FINISHED)"));
        }
    }

    // ------------------------------------------------------ java.util.concurrent.Future

    @Test
    void testJavaFutureGet() throws Exception {
        // pythreading: get() keeps Java's contract
        assertThat(successfulFuture(42).get()).isEqualTo(42);
        assertThat(successfulFuture(42).get(0, TimeUnit.SECONDS)).isEqualTo(42);
        IllegalStateException e = new IllegalStateException("boom");
        assertThatThrownBy(() -> exceptionFuture(e).get()).isExactlyInstanceOf(ExecutionException.class)
                .hasCause(e);
        IOException checked = new IOException();
        assertThatThrownBy(() -> exceptionFuture(checked).get(1, TimeUnit.SECONDS))
                .isExactlyInstanceOf(ExecutionException.class).hasCause(checked);
        assertThatThrownBy(() -> cancelledFuture().get()).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> cancelledFuture().get(1, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> pendingFuture().get(0, TimeUnit.SECONDS))
                .isExactlyInstanceOf(java.util.concurrent.TimeoutException.class);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> runningFuture().get(100, TimeUnit.MILLISECONDS))
                .isExactlyInstanceOf(java.util.concurrent.TimeoutException.class);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), 0.1);
    }

    @Test
    void testJavaFutureGetWaitsAndIsInterruptible() throws Exception {
        // pythreading: get() waits for the result, and throws InterruptedException when interrupted
        Future<Integer> f = pendingFuture();
        AtomicReference<Object> got = new AtomicReference<>();
        java.lang.Thread waiter = startThread("waiter", () -> {
            try {
                got.set(f.get());
            } catch (Exception e) {
                got.set(e);
            }
        });
        FuturesTestSupport.waitUntilBlocked(waiter);
        f.setResult(3);
        waiter.join();
        assertThat(got.get()).isEqualTo(3);

        Future<Integer> g = pendingFuture();
        java.lang.Thread.currentThread().interrupt();
        assertThatThrownBy(g::get).isInstanceOf(InterruptedException.class);
        assertThat(java.lang.Thread.interrupted()).isFalse(); // Java's contract: the flag is cleared
    }

    @Test
    void testJavaFutureCancelDoesNotInterrupt() throws Exception {
        // pythreading: cancel(true) on a running call neither cancels nor interrupts it
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(1)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> f = pool.submit(() -> {
                started.countDown();
                FuturesTestSupport.await(release);
                return java.lang.Thread.currentThread().isInterrupted();
            });
            FuturesTestSupport.await(started);
            assertThat(f.cancel(true)).isFalse();
            assertThat(f.isCancelled()).isFalse();
            assertThat(f.running()).isTrue();
            release.countDown();
            assertThat(f.result()).isFalse();
            assertThat(f.isDone()).isTrue();
        }
        Future<Integer> pending = pendingFuture();
        assertThat(pending.cancel(true)).isTrue();
        assertThat(pending.isCancelled()).isTrue();
        assertThat(pending.isDone()).isTrue();
    }

    @Test
    void testToCompletableFuture() throws Exception {
        // pythreading: toCompletableFuture carries the result, the exception or the cancellation
        assertThat(successfulFuture(42).toCompletableFuture().get()).isEqualTo(42);

        IllegalStateException e = new IllegalStateException("boom");
        CompletableFuture<Integer> failed = FuturesTestSupport.<Integer>exceptionFuture(e).toCompletableFuture();
        assertThat(failed.isCompletedExceptionally()).isTrue();
        assertThatThrownBy(failed::join).isInstanceOf(CompletionException.class).hasCause(e);

        CompletableFuture<Integer> cancelled = FuturesTestSupport.<Integer>cancelledFuture().toCompletableFuture();
        assertThat(cancelled.isCancelled()).isTrue();

        Future<Integer> pending = pendingFuture();
        CompletableFuture<Integer> later = pending.toCompletableFuture();
        assertThat(later.isDone()).isFalse();
        pending.setResult(7);
        assertThat(later.getNow(null)).isEqualTo(7);

        Future<Integer> stays = pendingFuture();
        assertThat(stays.toCompletableFuture().cancel(true)).isTrue();
        assertThat(stays.cancelled()).isFalse(); // cancelling the copy does not cancel the future
    }

    // ----------------------------------------------------------------- timeouts

    @Test
    void testTimeoutZeroNegativeNaNPoll() {
        // pythreading: zero, negative and NaN timeouts poll (CPython's Condition.wait tests timeout > 0)
        for (double timeout : new double[] {0.0, -1.0, -1e300, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> pendingFuture().result(timeout)).isExactlyInstanceOf(TimeoutError.class);
            assertThatThrownBy(() -> pendingFuture().exception(timeout)).isExactlyInstanceOf(TimeoutError.class);
            assertThat(successfulFuture(1).result(timeout)).isEqualTo(1);
            assertThat(successfulFuture(1).exception(timeout)).isNull();
        }
        assertThatThrownBy(() -> pendingFuture().result(Duration.ZERO)).isExactlyInstanceOf(TimeoutError.class);
        assertThatThrownBy(() -> pendingFuture().result(Duration.ofSeconds(-5)))
                .isExactlyInstanceOf(TimeoutError.class);
    }

    @Test
    void testTimeoutBeyondMax() {
        // pythreading: beyond TIMEOUT_MAX only a call that must wait refuses the timeout (OverflowError)
        for (double timeout : new double[] {Threading.TIMEOUT_MAX * 2, 1e300, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> pendingFuture().result(timeout)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(OUT_OF_RANGE);
            assertThatThrownBy(() -> pendingFuture().exception(timeout))
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(OUT_OF_RANGE);
            assertThat(successfulFuture(1).result(timeout)).isEqualTo(1);
            assertThat(successfulFuture(1).exception(timeout)).isNull();
            assertThatThrownBy(() -> cancelledFuture().result(timeout)).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void testDurationOverloads() {
        // pythreading: result(Duration) and exception(Duration)
        assertThat(successfulFuture(1).result(Duration.ofSeconds(1))).isEqualTo(1);
        IOException e = new IOException();
        assertThat(exceptionFuture(e).exception(Duration.ofSeconds(1))).isSameAs(e);
        assertThatThrownBy(() -> runningFuture().exception(Duration.ZERO)).isExactlyInstanceOf(TimeoutError.class);
        assertThatThrownBy(() -> pendingFuture().result((Duration) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> pendingFuture().result(Duration.ofSeconds(Long.MAX_VALUE)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(OUT_OF_RANGE);
    }

    // ---------------------------------------------------------------- interruption

    @Test
    void testResultInterruptedBeforeWaiting() {
        // pythreading: a result()/exception() that must wait throws when the thread is already interrupted
        List<Supplier<Object>> calls = new ArrayList<>();
        Future<Integer> f = pendingFuture();
        calls.add(f::result);
        calls.add(() -> f.result(FuturesTestSupport.SHORT_TIMEOUT));
        calls.add(f::exception);
        calls.add(() -> f.exception(Duration.ofSeconds(30)));
        for (Supplier<Object> call : calls) {
            java.lang.Thread.currentThread().interrupt();
            assertThatThrownBy(call::get).isExactlyInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(java.lang.Thread.interrupted()).isTrue();
        }
        assertThat(f.done()).isFalse();
    }

    @Test
    void testResultOfDoneFutureIgnoresInterrupt() {
        // pythreading: a call that need not wait succeeds whatever the interrupt flag
        java.lang.Thread.currentThread().interrupt();
        try {
            assertThat(successfulFuture(5).result()).isEqualTo(5);
            assertThat(successfulFuture(5).exception(1.0)).isNull();
            assertThatThrownBy(() -> pendingFuture().result(0)).isExactlyInstanceOf(TimeoutError.class);
            assertThat(java.lang.Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            java.lang.Thread.interrupted();
        }
    }

    @Test
    void testResultInterruptedWhileWaiting() throws Exception {
        // pythreading: a blocked result() throws UncheckedInterruptedException with the flag set again
        for (Consumer<Future<Integer>> call : List.<Consumer<Future<Integer>>>of(Future::result,
                f -> f.result(FuturesTestSupport.SHORT_TIMEOUT), Future::exception)) {
            Future<Integer> f = pendingFuture();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            java.lang.Thread waiter = startThread("waiter", () -> {
                try {
                    call.accept(f);
                } catch (Throwable e) {
                    thrown.set(e);
                    flag.set(java.lang.Thread.currentThread().isInterrupted());
                }
            });
            FuturesTestSupport.waitUntilBlocked(waiter);
            waiter.interrupt();
            waiter.join();
            assertThat(thrown.get()).isExactlyInstanceOf(UncheckedInterruptedException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(flag.get()).isTrue();
            assertThat(f.done()).isFalse();
        }
    }
}
