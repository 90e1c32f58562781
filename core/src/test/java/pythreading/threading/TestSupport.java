package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Helpers shared by the test classes, after CPython's {@code test.support}: timeouts
 * that scale for slow machines, waiting for a state instead of sleeping, and loose
 * timing assertions.
 */
final class TestSupport {

    /** Multiplies every test timeout: {@code -Dpythreading.test.timeoutFactor=3} on a slow CI. */
    static final double FACTOR = Double.parseDouble(System.getProperty("pythreading.test.timeoutFactor", "1"));

    /** CPython's support.SHORT_TIMEOUT: how long a test waits for something that must happen. */
    static final double SHORT_TIMEOUT = 30.0 * FACTOR;

    private TestSupport() {
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
     * Waits until {@code thread} is parked (WAITING or TIMED_WAITING), which for our
     * primitives means it is blocked in them. Java's answer to lock_tests' wait_threads_blocked.
     */
    static void waitUntilBlocked(java.lang.Thread thread) {
        waitUntil(thread.getName() + " blocks", () -> {
            java.lang.Thread.State state = thread.getState();
            return state == java.lang.Thread.State.WAITING || state == java.lang.Thread.State.TIMED_WAITING
                    || state == java.lang.Thread.State.TERMINATED;
        });
    }

    /** Waits until the Java thread of {@code thread} is parked. */
    static void waitUntilBlocked(Thread thread) {
        waitUntil(thread.getName() + " starts", () -> thread.javaThread() != null);
        waitUntilBlocked(thread.javaThread());
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
}
