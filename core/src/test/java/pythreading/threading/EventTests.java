package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's {@code lock_tests.EventTests} (run by test_threading for
 * {@code threading.Event}).
 */
@Timeout(10)
class EventTests {

    private static final int N = 5;

    /** Long enough for any wake-up, short enough that a lost wake-up fails the test before its timeout. */
    private static final double WAKE_UP_TIMEOUT = 5.0 * TestSupport.FACTOR;

    Event newEvent() {
        return new Event();
    }

    @Test
    void isSet() {
        // lock_tests.EventTests.test_is_set
        Event evt = newEvent();
        assertThat(evt.isSet()).isFalse();
        evt.set();
        assertThat(evt.isSet()).isTrue();
        evt.set();
        assertThat(evt.isSet()).isTrue();
        evt.clear();
        assertThat(evt.isSet()).isFalse();
        evt.clear();
        assertThat(evt.isSet()).isFalse();
    }

    /** Every waiter is woken by one set(), and a second await returns at once. */
    private void checkNotify(Event evt) {
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results2 = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> {
            results1.add(evt.await());
            results2.add(evt.await());
        }, N)) {
            bunch.waitUntilBlocked();
            assertThat(results1).isEmpty();
            evt.set();
        }
        assertThat(results1).containsExactly(true, true, true, true, true);
        assertThat(results2).containsExactly(true, true, true, true, true);
    }

    @Test
    void notifyWakesAllWaiters() {
        // lock_tests.EventTests.test_notify
        Event evt = newEvent();
        checkNotify(evt);
        evt.set();
        evt.clear();
        checkNotify(evt);
    }

    @Test
    void timeout() {
        // lock_tests.EventTests.test_timeout
        Event evt = newEvent();
        List<Boolean> results1 = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> results2 = Collections.synchronizedList(new ArrayList<>());
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        Runnable f = () -> {
            results1.add(evt.await(0.0));
            long t1 = System.nanoTime();
            results2.add(evt.await(0.5));
            times.add(TestSupport.secondsSince(t1));
        };
        Bunch.start(f, N).close();
        assertThat(results1).containsOnly(false).hasSize(N);
        assertThat(results2).containsOnly(false).hasSize(N);
        for (double dt : times) {
            TestSupport.assertTimeout(dt, 0.5);
        }

        results1.clear();
        results2.clear();
        evt.set();
        Bunch.start(f, N).close();
        assertThat(results1).containsOnly(true).hasSize(N);
        assertThat(results2).containsOnly(true).hasSize(N);
    }

    @Test
    void nonPositiveTimeoutReturnsTheFlag() {
        // lock_tests.EventTests.test_timeout (wait(0.0)); PYTHON-SEMANTICS table 1.1: negative = 0
        Event evt = newEvent();
        assertThat(evt.await(0.0)).isFalse();
        assertThat(evt.await(-1.0)).isFalse();
        assertThat(evt.await(-1e300)).isFalse();
        assertThat(evt.await(Double.NaN)).isFalse();
        assertThat(evt.await(TestSupport.seconds(0))).isFalse();
        evt.set();
        assertThat(evt.await(0.0)).isTrue();
        assertThat(evt.await(-1.0)).isTrue();
        assertThat(evt.await(TestSupport.seconds(0))).isTrue();
    }

    @Test
    void durationTimeout() {
        // pythreading: await(Duration) times out as await(double) does
        Event evt = newEvent();
        long start = System.nanoTime();
        assertThat(evt.await(TestSupport.seconds(0.2))).isFalse();
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.2);
    }

    @Test
    void setAndClear() {
        // lock_tests.EventTests.test_set_and_clear (gh-57711)
        // Every waiter is known to be parked in await() before set(); set() and clear()
        // then run back to back in this thread, so the waiters can only find the flag
        // down again when they resume. Each must still report the set() that woke it.
        Event event = newEvent();
        List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
        try (Bunch bunch = Bunch.start(() -> results.add(event.await(WAKE_UP_TIMEOUT)), N)) {
            bunch.waitUntilBlocked();
            assertThat(results).isEmpty();
            event.set();
            event.clear();
        }
        assertThat(results).containsOnly(true).hasSize(N);
        assertThat(event.isSet()).isFalse();
        // The wake-up belonged to that set() only: a new waiter waits again.
        assertThat(event.await(0.0)).isFalse();
        assertThat(event.await(0.05)).isFalse();
    }

    @Test
    void setAndClearRepeatedly() {
        // lock_tests.EventTests.test_set_and_clear, repeated so that a waiter woken by one
        // set() and overtaken by the next clear() is caught in more interleavings
        Event event = newEvent();
        for (int round = 0; round < 20; round++) {
            List<Boolean> results = Collections.synchronizedList(new ArrayList<>());
            try (Bunch bunch = Bunch.start(() -> results.add(event.await(WAKE_UP_TIMEOUT)), 3)) {
                bunch.waitUntilBlocked();
                event.set();
                event.clear();
            }
            assertThat(results).as("round %d", round).containsOnly(true).hasSize(3);
        }
    }

    // lock_tests.EventTests.test_at_fork_reinit is not ported: _at_fork_reinit is
    // CPython-internal (fork support) and has no Java counterpart.

    @Test
    void repr() {
        // lock_tests.EventTests.test_repr
        Event evt = newEvent();
        assertThat(evt.toString()).matches("<pythreading\\.threading\\.Event at 0x[0-9a-f]+: unset>");
        evt.set();
        assertThat(evt.toString()).matches("<pythreading\\.threading\\.Event at 0x[0-9a-f]+: set>");
    }
}
