package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/**
 * Helpers for the futures tests, after CPython's {@code test.support} and
 * test_concurrent_futures' {@code util.create_future}: futures in each state, waiting for
 * a state instead of sleeping, loose timing assertions, and a capture of the
 * {@code pythreading.futures} log.
 */
final class FuturesTestSupport {

    /** Multiplies every test timeout: {@code -Dpythreading.test.timeoutFactor=3} on a slow CI. */
    static final double FACTOR = Double.parseDouble(System.getProperty("pythreading.test.timeoutFactor", "1"));

    /** CPython's support.SHORT_TIMEOUT: how long a test waits for something that must happen. */
    static final double SHORT_TIMEOUT = 30.0 * FACTOR;

    private FuturesTestSupport() {
    }

    // ------------------------------------------------------- util.create_future

    /** util.PENDING_FUTURE: a new future. */
    static <T> Future<T> pendingFuture() {
        return new Future<>();
    }

    /** util.RUNNING_FUTURE. */
    static <T> Future<T> runningFuture() {
        Future<T> f = new Future<>();
        assertThat(f.setRunningOrNotifyCancel()).isTrue();
        return f;
    }

    /** util.CANCELLED_FUTURE (pythreading has one cancelled state). */
    static <T> Future<T> cancelledFuture() {
        Future<T> f = new Future<>();
        assertThat(f.cancel()).isTrue();
        return f;
    }

    /** util.SUCCESSFUL_FUTURE, with {@code result}. */
    static <T> Future<T> successfulFuture(T result) {
        Future<T> f = new Future<>();
        f.setResult(result);
        return f;
    }

    /** util.EXCEPTION_FUTURE, with {@code exception}. */
    static <T> Future<T> exceptionFuture(Throwable exception) {
        Future<T> f = new Future<>();
        f.setException(exception);
        return f;
    }

    // --------------------------------------------------------------- waiting

    /** Waits (polling every millisecond or so) until {@code condition} holds; fails after SHORT_TIMEOUT. */
    static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + (long) (SHORT_TIMEOUT * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            pause();
        }
    }

    /** Waits until {@code thread} is parked (WAITING or TIMED_WAITING) or has ended. */
    static void waitUntilBlocked(java.lang.Thread thread) {
        waitUntil(thread.getName() + " blocks", () -> {
            java.lang.Thread.State state = thread.getState();
            return state == java.lang.Thread.State.WAITING || state == java.lang.Thread.State.TIMED_WAITING
                    || state == java.lang.Thread.State.TERMINATED;
        });
    }

    /** Awaits {@code latch}, at most SHORT_TIMEOUT; for use inside calls run by a pool. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await((long) (SHORT_TIMEOUT * 1e3), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("latch not released within " + SHORT_TIMEOUT + " s");
            }
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** CPython's BaseTestCase.assertTimeout: at least 0.6x the expected seconds, less than 10x. */
    static void assertTimeout(double actualSeconds, double expectedSeconds) {
        assertThat(actualSeconds).isGreaterThanOrEqualTo(expectedSeconds * 0.6);
        assertThat(actualSeconds).isLessThan(expectedSeconds * 10.0 * FACTOR);
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Lets {@code seconds} pass: for a deadline to expire, never to synchronise threads. */
    static void sleep(double seconds) {
        try {
            java.lang.Thread.sleep((long) (seconds * 1e3));
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A short sleep for polling loops. */
    static void pause() {
        sleep(0.001);
    }

    // ---------------------------------------------------------------- threads

    /** The living pythreading threads whose name starts with {@code prefix + "_"}: a pool's workers. */
    static List<Thread> workers(String prefix) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Threading.enumerate()) {
            if (t.getName().startsWith(prefix + "_")) {
                found.add(t);
            }
        }
        return found;
    }

    /** The Java platform thread named {@code name}, or null. */
    static java.lang.Thread javaThread(String name) {
        for (java.lang.Thread t : java.lang.Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- logging

    /**
     * Captures what is logged on {@code pythreading.futures}: System.Logger maps to
     * java.util.logging by default, so a JUL handler on that logger sees it. Closing it
     * removes the handler and lets records reach the parent handlers again.
     */
    static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("pythreading.futures"); // strong reference
        private final boolean parentHandlers;
        private final List<LogRecord> records = new ArrayList<>();

        LogCapture() {
            parentHandlers = logger.getUseParentHandlers();
            logger.setUseParentHandlers(false); // keep the expected tracebacks out of the test output
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        synchronized List<LogRecord> records() {
            return new ArrayList<>(records);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setUseParentHandlers(parentHandlers);
        }
    }
}
