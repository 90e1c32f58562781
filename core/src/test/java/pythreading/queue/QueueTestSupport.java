package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Helpers for the queue tests, after CPython's {@code test.support} and test_queue's
 * {@code BlockingTestMixin}: waiting for a state instead of sleeping, loose timing
 * assertions, and calls run in their own Java threads.
 */
final class QueueTestSupport {

    /** Multiplies every test timeout: {@code -Dpythreading.test.timeoutFactor=3} on a slow CI. */
    static final double FACTOR = Double.parseDouble(System.getProperty("pythreading.test.timeoutFactor", "1"));

    /** CPython's support.SHORT_TIMEOUT: how long a test waits for something that must happen. */
    static final double SHORT_TIMEOUT = 30.0 * FACTOR;

    /** A timeout no test ever reaches: a timed call given it behaves as an untimed one. */
    static final double LONG = 300.0;

    private QueueTestSupport() {
    }

    /** A function that may throw anything, for calls run in other threads. */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

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

    /**
     * Waits until {@code thread} is parked (WAITING or TIMED_WAITING), which for a queue
     * means it is blocked in it, or has ended (its outcome then tells what went wrong).
     */
    static void waitUntilBlocked(java.lang.Thread thread) {
        waitUntil(thread.getName() + " blocks", () -> {
            java.lang.Thread.State state = thread.getState();
            return state == java.lang.Thread.State.WAITING || state == java.lang.Thread.State.TIMED_WAITING
                    || state == java.lang.Thread.State.TERMINATED;
        });
    }

    /** CPython's BaseTestCase.assertTimeout: at least 0.6x the expected seconds, less than 10x. */
    static void assertTimeout(double actualSeconds, double expectedSeconds) {
        assertThat(actualSeconds).as("elapsed seconds").isGreaterThanOrEqualTo(expectedSeconds * 0.6);
        assertThat(actualSeconds).as("elapsed seconds").isLessThan(expectedSeconds * 10.0 * FACTOR);
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** A short sleep for polling loops (never to synchronise threads). */
    static void pause() {
        try {
            java.lang.Thread.sleep(1);
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * A call running in its own (daemon) Java thread, with its outcome: the result or the
     * exception, and whether the interrupt flag was set when it ended.
     */
    static final class Async<T> {
        final java.lang.Thread thread;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile T result;
        private volatile Throwable thrown;
        private volatile boolean interruptedAfter;

        private Async(String name, boolean interruptFirst, Callable<T> call) {
            thread = new java.lang.Thread(() -> {
                if (interruptFirst) {
                    java.lang.Thread.currentThread().interrupt();
                }
                try {
                    result = call.call();
                } catch (Throwable e) {
                    thrown = e;
                }
                interruptedAfter = java.lang.Thread.currentThread().isInterrupted();
                done.countDown();
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Starts {@code call} in a new thread. */
        static <T> Async<T> start(String name, Callable<T> call) {
            return new Async<>(name, false, call);
        }

        /** Starts {@code action} in a new thread. */
        static Async<Void> run(String name, Action action) {
            return new Async<>(name, false, () -> {
                action.run();
                return null;
            });
        }

        /** Starts {@code call} in a new thread whose interrupt flag is set before the call. */
        static <T> Async<T> startInterrupted(String name, Callable<T> call) {
            return new Async<>(name, true, call);
        }

        /** Waits until the thread is blocked (or has ended); returns this. */
        Async<T> awaitBlocked() {
            waitUntilBlocked(thread);
            return this;
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        /** Waits at most {@code seconds} for the call to end; whether it did. */
        boolean awaitDone(double seconds) {
            try {
                return done.await((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Waits for the call to end, failing after SHORT_TIMEOUT. */
        Async<T> awaitDone() {
            assertThat(awaitDone(SHORT_TIMEOUT)).as(thread.getName() + " returns").isTrue();
            return this;
        }

        /** Waits for the call to end and returns its result; fails if it threw. */
        T join() {
            awaitDone();
            if (thrown != null) {
                throw new AssertionError(thread.getName() + " threw " + thrown, thrown);
            }
            return result;
        }

        /** Waits for the call to end and returns what it threw, which must be an {@code expected}. */
        <X extends Throwable> X joinThrowing(Class<X> expected) {
            awaitDone();
            assertThat(thrown).as("thrown by " + thread.getName()).isInstanceOf(expected);
            return expected.cast(thrown);
        }

        /** What the call threw, or null; only after it ended. */
        Throwable thrown() {
            return thrown;
        }

        /** What the call returned; only after it ended. */
        T result() {
            return result;
        }

        /** Whether the interrupt flag was set when the call ended; only after it ended. */
        boolean interruptedAfter() {
            return interruptedAfter;
        }
    }

    /**
     * test_queue's {@code do_blocking_test}: runs {@code blockFunc} in this thread while
     * another thread waits until this one is parked, then runs {@code trigger}, which must
     * let {@code blockFunc} return. Fails if {@code blockFunc} returned before the trigger
     * started. Returns what {@code blockFunc} returned.
     */
    static <T> T doBlockingTest(Callable<T> blockFunc, Action trigger) throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        Async<Void> triggerThread = startTrigger(started, trigger);
        try {
            T result = blockFunc.call();
            assertThat(started.get()).as("the blocking function appeared not to block").isTrue();
            return result;
        } finally {
            finishTrigger(triggerThread);
        }
    }

    /**
     * test_queue's {@code do_exceptional_blocking_test}: as {@link #doBlockingTest}, for a
     * {@code blockFunc} that must throw an {@code expected} once the trigger ran. Returns
     * the exception.
     */
    static <X extends Throwable> X doExceptionalBlockingTest(Action blockFunc, Action trigger, Class<X> expected)
            throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        Async<Void> triggerThread = startTrigger(started, trigger);
        try {
            try {
                blockFunc.run();
            } catch (Throwable e) {
                assertThat(e).as("thrown by the blocking function").isInstanceOf(expected);
                assertThat(started.get()).as("the blocking function appeared not to block").isTrue();
                return expected.cast(e);
            }
            throw new AssertionError("expected an exception of kind " + expected.getName());
        } finally {
            finishTrigger(triggerThread);
        }
    }

    private static Async<Void> startTrigger(AtomicBoolean started, Action trigger) {
        java.lang.Thread caller = java.lang.Thread.currentThread();
        return Async.run("trigger", () -> {
            waitUntilBlocked(caller);
            started.set(true);
            trigger.run();
        });
    }

    private static void finishTrigger(Async<Void> triggerThread) {
        if (!triggerThread.awaitDone(SHORT_TIMEOUT)) {
            triggerThread.thread.interrupt();
            fail("the trigger thread did not end");
        }
        if (triggerThread.thrown() != null) {
            throw new AssertionError("the trigger failed: " + triggerThread.thrown(), triggerThread.thrown());
        }
    }
}
