package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mirrors CPython's test_threading.TimerTests, with the rest of Timer's contract. */
@Timeout(20)
class TimerTests {

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await((long) TestSupport.SHORT_TIMEOUT, TimeUnit.SECONDS)).as("latch opened").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void testFiresAfterInterval() {
        // test_threading.TimerTests.test_init_immutable_default_args (the timer fires)
        CountDownLatch fired = new CountDownLatch(1);
        AtomicReference<Thread> firedIn = new AtomicReference<>();
        Timer timer = new Timer(0.1, () -> {
            firedIn.set(Threading.currentThread());
            fired.countDown();
        });
        assertThat(timer.interval()).isEqualTo(0.1);
        long t0 = System.nanoTime();
        timer.start();
        await(fired);
        TestSupport.assertTimeout(TestSupport.secondsSince(t0), 0.1);
        timer.join();
        assertThat(timer.isAlive()).isFalse();
        assertThat(firedIn.get()).isSameAs(timer);
    }

    @Test
    void testEachTimerCallsItsFunctionOnce() {
        // test_threading.TimerTests.test_init_immutable_default_args
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        Timer timer1 = new Timer(0.01, () -> {
            calls.incrementAndGet();
            first.countDown();
        });
        timer1.start();
        await(first);
        Timer timer2 = new Timer(0.01, () -> {
            calls.incrementAndGet();
            second.countDown();
        });
        timer2.start();
        await(second);
        timer1.join();
        timer2.join();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void testCancelBeforeFiring() {
        // pythreading: Timer.cancel() stops a waiting timer (CPython's docs example)
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(30.0, calls::incrementAndGet);
        timer.start();
        TestSupport.waitUntilBlocked(timer);
        long t0 = System.nanoTime();
        timer.cancel();
        timer.join(TestSupport.SHORT_TIMEOUT);
        assertThat(TestSupport.secondsSince(t0)).isLessThan(10.0);
        assertThat(timer.isAlive()).isFalse();
        assertThat(calls.get()).isZero();
    }

    @Test
    void testCancelBeforeStart() {
        // pythreading: cancel() before start(): the timer ends without running the function
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(30.0, calls::incrementAndGet);
        timer.cancel();
        long t0 = System.nanoTime();
        timer.start();
        timer.join(TestSupport.SHORT_TIMEOUT);
        assertThat(TestSupport.secondsSince(t0)).isLessThan(10.0);
        assertThat(timer.isAlive()).isFalse();
        assertThat(calls.get()).isZero();
    }

    @Test
    void testCancelAfterFiringIsHarmless() {
        // pythreading: cancel() after the function ran does nothing
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(0.0, calls::incrementAndGet);
        timer.start();
        timer.join();
        assertThat(calls.get()).isEqualTo(1);
        timer.cancel();
        timer.cancel();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(timer.isAlive()).isFalse();
    }

    @Test
    void testCancelCannotStopARunningFunction() {
        // pythreading: cancel() while the function runs lets it finish
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        Timer timer = new Timer(0.0, () -> {
            running.countDown();
            await(release);
            finished.incrementAndGet();
        });
        timer.start();
        await(running);
        timer.cancel();
        release.countDown();
        timer.join();
        assertThat(finished.get()).isEqualTo(1);
    }

    @Test
    void testDurationConstructor() {
        // pythreading: Timer(Duration, Runnable)
        CountDownLatch fired = new CountDownLatch(1);
        Timer timer = new Timer(Duration.ofMillis(50), fired::countDown);
        assertThat(timer.interval()).isEqualTo(0.05);
        long t0 = System.nanoTime();
        timer.start();
        await(fired);
        TestSupport.assertTimeout(TestSupport.secondsSince(t0), 0.05);
        timer.join();
    }

    @Test
    void testZeroAndNegativeIntervalsFireAtOnce() {
        // pythreading: Event.wait(0 or less) does not wait, so the function runs at once
        for (double interval : new double[] {0.0, -1.0}) {
            CountDownLatch fired = new CountDownLatch(1);
            Timer timer = new Timer(interval, fired::countDown);
            timer.start();
            await(fired);
            timer.join();
        }
    }

    @Test
    void testDefaultName() {
        // test_threading.ThreadTests.test_name (Timer shares the Thread-N counter)
        Thread before = new Thread();
        Timer timer = new Timer(1.0, () -> { });
        Thread after = new Thread();
        int n = Integer.parseInt(before.getName().substring("Thread-".length()));
        assertThat(List.of(timer.getName(), after.getName()))
                .containsExactly("Thread-" + (n + 1), "Thread-" + (n + 2));
        assertThat(timer.toString()).isEqualTo("<Timer(Thread-" + (n + 1) + ", initial)>");
        assertThat(timer.isDaemon()).isFalse();
        timer.setName("my-timer");
        timer.setDaemon(true);
        assertThat(timer.toString()).isEqualTo("<Timer(my-timer, initial daemon)>");
    }

    @Test
    void testTimerIsAThread() {
        // pythreading: a Timer has the Thread's lifecycle rules
        Timer timer = new Timer(0.0, () -> { });
        assertThatThrownBy(timer::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join thread before it is started");
        timer.start();
        assertThatThrownBy(timer::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("threads can only be started once");
        timer.join();
        assertThat(timer.ident()).isNotNull();
    }

    @Test
    void testNanIntervalFiresAtOnce() {
        // pythreading: as CPython, whose finished.wait(nan) is a poll, a NaN interval fires at once
        Event fired = new Event();
        Timer timer = new Timer(Double.NaN, fired::set);
        long t0 = System.nanoTime();
        timer.start();
        assertThat(fired.await(TestSupport.SHORT_TIMEOUT)).isTrue();
        assertThat(TestSupport.secondsSince(t0)).isLessThan(5.0 * TestSupport.FACTOR);
        timer.join();
    }

    @Test
    void testInvalidArguments() {
        // pythreading: an interval beyond TIMEOUT_MAX is refused at construction (CPython fails in the timer's thread)
        assertThatThrownBy(() -> new Timer(1e10, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp out of range for platform time_t");
        assertThatThrownBy(() -> new Timer(1.0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void testInterruptCancels() {
        // pythreading: an interrupt while the timer waits cancels it
        AtomicInteger calls = new AtomicInteger();
        Timer timer = new Timer(30.0, calls::incrementAndGet);
        timer.start();
        TestSupport.waitUntilBlocked(timer);
        timer.javaThread().interrupt();
        timer.join(TestSupport.SHORT_TIMEOUT);
        assertThat(timer.isAlive()).isFalse();
        assertThat(calls.get()).isZero();
    }

    @Test
    void testExceptionInFunctionGoesToExcepthook() {
        // pythreading: a failing function is reported like any thread's exception
        AtomicReference<ExceptHookArgs> seen = new AtomicReference<>();
        java.util.function.Consumer<ExceptHookArgs> saved = Threading.excepthook();
        Threading.setExcepthook(seen::set);
        try {
            Timer timer = new Timer(0.0, () -> {
                throw new IllegalArgumentException("timer failed");
            });
            timer.start();
            timer.join();
            assertThat(seen.get().thread()).isSameAs(timer);
            assertThat(seen.get().excValue()).hasMessage("timer failed");
            assertThat(timer.isAlive()).isFalse();
        } finally {
            Threading.setExcepthook(saved);
        }
    }
}
