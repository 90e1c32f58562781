package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Java API adds to Python's timeouts and {@code with}: every {@link Duration} twin
 * behaves as its {@code double} overload, and {@link Acquirable#enter()} is {@code with}.
 */
@Timeout(10)
class DurationTests {

    // ---------------------------------------------------------------------------------
    // The Duration twins against their double overloads

    /** A timed call in a state where it must wait, callable with either kind of timeout. */
    static final class Twin {
        final String name;
        /** Whether a short positive timeout makes it wait (and time out). */
        final boolean waits;
        final DoubleFunction<Object> withDouble;
        final Function<Duration, Object> withDuration;

        Twin(String name, DoubleFunction<Object> withDouble, Function<Duration, Object> withDuration) {
            this.name = name;
            this.waits = !name.contains("(false") && !name.contains("Timer");
            this.withDouble = withDouble;
            this.withDuration = withDuration;
        }
    }

    /** The same timeout as seconds and as a Duration. */
    static final class SameTimeout {
        final double seconds;
        final Duration duration;

        SameTimeout(double seconds, Duration duration) {
            this.seconds = seconds;
            this.duration = duration;
        }

        @Override
        public String toString() {
            return seconds + " s / " + duration;
        }
    }

    /** One twin with one timeout. */
    static final class TwinCase {
        final Twin twin;
        final SameTimeout timeout;

        TwinCase(Twin twin, SameTimeout timeout) {
            this.twin = twin;
            this.timeout = timeout;
        }

        @Override
        public String toString() {
            return twin.name + " with " + timeout;
        }
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

    private static Lock heldLock() {
        Lock lock = new Lock();
        lock.acquire();
        return lock;
    }

    private static <T> Object holding(Condition cond, Supplier<T> call) {
        cond.acquire();
        try {
            return call.get();
        } finally {
            cond.release();
        }
    }

    /** Joins a live thread (blocked on an event) with the call; returns isAlive(), then ends it. */
    private static Object joinLive(java.util.function.Consumer<Thread> join) {
        Event stop = new Event();
        Thread t = Thread.builder().target(stop::await).daemon(true).build();
        t.start();
        try {
            join.accept(t);
            return t.isAlive();
        } finally {
            stop.set();
            t.join();
        }
    }

    static List<Twin> twins() {
        List<Twin> twins = new ArrayList<>();
        twins.add(new Twin("held Lock.acquire(true, t)",
                t -> heldLock().acquire(true, t), d -> heldLock().acquire(true, d)));
        twins.add(new Twin("held Lock.acquire(false, t)",
                t -> heldLock().acquire(false, t), d -> heldLock().acquire(false, d)));
        twins.add(new Twin("other's RLock.acquire(true, t)",
                t -> rlockOfAnotherThread().acquire(true, t), d -> rlockOfAnotherThread().acquire(true, d)));
        twins.add(new Twin("other's RLock.acquire(false, t)",
                t -> rlockOfAnotherThread().acquire(false, t), d -> rlockOfAnotherThread().acquire(false, d)));
        twins.add(new Twin("Semaphore(0).acquire(true, t)",
                t -> new Semaphore(0).acquire(true, t), d -> new Semaphore(0).acquire(true, d)));
        twins.add(new Twin("Semaphore(1).acquire(false, t)",
                t -> new Semaphore(1).acquire(false, t), d -> new Semaphore(1).acquire(false, d)));
        twins.add(new Twin("BoundedSemaphore(0).acquire(true, t)",
                t -> new BoundedSemaphore(0).acquire(true, t), d -> new BoundedSemaphore(0).acquire(true, d)));
        twins.add(new Twin("contended Condition.acquire(true, t)",
                t -> new Condition(rlockOfAnotherThread()).acquire(true, t),
                d -> new Condition(rlockOfAnotherThread()).acquire(true, d)));
        twins.add(new Twin("Condition.await(t)", t -> {
            Condition c = new Condition();
            return holding(c, () -> c.await(t));
        }, d -> {
            Condition c = new Condition();
            return holding(c, () -> c.await(d));
        }));
        twins.add(new Twin("Condition.awaitFor(false, t)", t -> {
            Condition c = new Condition();
            return holding(c, () -> c.awaitFor(() -> false, t));
        }, d -> {
            Condition c = new Condition();
            return holding(c, () -> c.awaitFor(() -> false, d));
        }));
        twins.add(new Twin("Event.await(t)", t -> new Event().await(t), d -> new Event().await(d)));
        twins.add(new Twin("Barrier(2).await(t)", t -> new Barrier(2).await(t), d -> new Barrier(2).await(d)));
        twins.add(new Twin("live Thread.join(t)", t -> joinLive(th -> th.join(t)), d -> joinLive(th -> th.join(d))));
        twins.add(new Twin("new Timer(t, f).interval()",
                t -> new Timer(t, () -> { }).interval(), d -> new Timer(d, () -> { }).interval()));
        return twins;
    }

    static List<TwinCase> twinCases() {
        List<SameTimeout> timeouts = List.of(
                new SameTimeout(0, Duration.ZERO),
                new SameTimeout(-2, Duration.ofSeconds(-2)),
                new SameTimeout(-0.5, Duration.ofMillis(-500)),
                new SameTimeout(0.05, Duration.ofMillis(50)),
                new SameTimeout(Threading.TIMEOUT_MAX + 1, Duration.ofSeconds(9_223_372_037L)),
                new SameTimeout(Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE)));
        List<TwinCase> cases = new ArrayList<>();
        for (Twin twin : twins()) {
            for (SameTimeout timeout : timeouts) {
                cases.add(new TwinCase(twin, timeout));
            }
        }
        return cases;
    }

    /** "returned X" or "threw Type: message", with how long it took. */
    private static String outcome(Supplier<Object> call, double[] seconds) {
        long start = System.nanoTime();
        Object[] result = new Object[1];
        Throwable thrown = catchThrowable(() -> result[0] = call.get());
        seconds[0] = TestSupport.secondsSince(start);
        return thrown == null ? "returned " + result[0] : "threw " + thrown.getClass().getName() + ": " + thrown.getMessage();
    }

    // pythreading: each Duration twin gives what its double overload gives, after as long
    @ParameterizedTest(name = "{0}")
    @MethodSource("twinCases")
    void durationTwinBehavesAsTheDoubleOverload(TwinCase c) {
        double[] doubleSeconds = new double[1];
        double[] durationSeconds = new double[1];
        String withDouble = outcome(() -> c.twin.withDouble.apply(c.timeout.seconds), doubleSeconds);
        String withDuration = outcome(() -> c.twin.withDuration.apply(c.timeout.duration), durationSeconds);
        assertThat(withDuration).isEqualTo(withDouble);
        if (c.twin.waits && c.timeout.seconds == 0.05) {
            // a wait that timed out lasted as long with either kind of timeout
            TestSupport.assertTimeout(doubleSeconds[0], 0.05);
            TestSupport.assertTimeout(durationSeconds[0], 0.05);
        }
    }

    // pythreading: the double form's -1 (forever) has no Duration twin: a negative Duration is refused
    @Test
    void negativeDurationIsRefusedByLockAcquire() {
        for (Acquirable lock : List.<Acquirable>of(new Lock(), new RLock())) {
            assertThatThrownBy(() -> lock.acquire(true, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout value must be a non-negative number");
            assertThatThrownBy(() -> lock.acquire(false, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("can't specify a timeout for a non-blocking call");
            assertThat(lock.acquire(true, -1)).as("the double -1 still means forever").isTrue();
            lock.release();
        }
    }

    // pythreading: the Duration is converted exactly, sub-second parts included
    @Test
    void durationIsConvertedToTheSameSeconds() {
        assertThat(new Timer(Duration.ofMillis(1500), () -> { }).interval()).isEqualTo(1.5);
        assertThat(new Timer(Duration.ofSeconds(2, 250_000_000), () -> { }).interval()).isEqualTo(2.25);
        assertThat(new Timer(Duration.ofNanos(1), () -> { }).interval()).isEqualTo(1e-9);
        assertThat(new Timer(Duration.ofMillis(-1500), () -> { }).interval()).isEqualTo(-1.5);
    }

    // ---------------------------------------------------------------------------------
    // Woken before the timeout

    // pythreading: Lock.acquire(true, Duration) takes a lock released while it waits
    @Test
    void lockAcquireDurationGetsTheLockReleasedMeanwhile() {
        Lock lock = heldLock();
        AtomicBoolean got = new AtomicBoolean();
        try (Bunch bunch = Bunch.start(() -> got.set(lock.acquire(true, TestSupport.seconds(TestSupport.SHORT_TIMEOUT))), 1)) {
            bunch.waitUntilBlocked();
            lock.release();
            bunch.waitFinished(1);
        }
        assertThat(got.get()).isTrue();
        assertThat(lock.locked()).isTrue();
    }

    // pythreading: Semaphore.acquire(true, Duration) takes a permit released while it waits
    @Test
    void semaphoreAcquireDurationGetsAPermitReleasedMeanwhile() {
        Semaphore sem = new Semaphore(0);
        AtomicBoolean got = new AtomicBoolean();
        try (Bunch bunch = Bunch.start(() -> got.set(sem.acquire(true, TestSupport.seconds(TestSupport.SHORT_TIMEOUT))), 1)) {
            bunch.waitUntilBlocked();
            sem.release();
            bunch.waitFinished(1);
        }
        assertThat(got.get()).isTrue();
        assertThat(sem.value()).isZero();
    }

    // pythreading: Condition.await(Duration) and awaitFor(pred, Duration) return true when signalled
    @Test
    void conditionAwaitDurationReturnsTrueWhenSignalled() {
        Condition cond = new Condition();
        AtomicBoolean ready = new AtomicBoolean();
        AtomicBoolean awaited = new AtomicBoolean();
        AtomicBoolean awaitedFor = new AtomicBoolean();
        Duration timeout = TestSupport.seconds(TestSupport.SHORT_TIMEOUT);
        try (Bunch bunch = Bunch.start(() -> {
            try (Acquirable.Held held = cond.enter()) {
                awaited.set(cond.await(timeout));
                awaitedFor.set(cond.awaitFor(ready::get, timeout));
            }
        }, 1)) {
            TestSupport.waitUntil("the waiter waits", () -> cond.waiterCount() == 1);
            try (Acquirable.Held held = cond.enter()) {
                cond.signal();
            }
            TestSupport.waitUntil("the waiter waits again", () -> cond.waiterCount() == 1);
            try (Acquirable.Held held = cond.enter()) {
                ready.set(true);
                cond.signal();
            }
            bunch.waitFinished(1);
        }
        assertThat(awaited.get()).isTrue();
        assertThat(awaitedFor.get()).isTrue();
    }

    // pythreading: Event.await(Duration) returns true when set meanwhile
    @Test
    void eventAwaitDurationReturnsTrueWhenSet() {
        Event event = new Event();
        AtomicBoolean result = new AtomicBoolean();
        try (Bunch bunch = Bunch.start(() -> result.set(event.await(TestSupport.seconds(TestSupport.SHORT_TIMEOUT))), 1)) {
            bunch.waitUntilBlocked();
            event.set();
            bunch.waitFinished(1);
        }
        assertThat(result.get()).isTrue();
    }

    // pythreading: Barrier.await(Duration) passes when all parties arrive in time
    @Test
    void barrierAwaitDurationPasses() {
        Barrier barrier = new Barrier(2);
        AtomicInteger index = new AtomicInteger(-1);
        try (Bunch bunch = Bunch.start(() -> index.set(barrier.await(TestSupport.seconds(TestSupport.SHORT_TIMEOUT))), 1)) {
            TestSupport.waitUntil("one waiter", () -> barrier.nWaiting() == 1);
            int mine = barrier.await(TestSupport.seconds(TestSupport.SHORT_TIMEOUT));
            bunch.waitFinished(1);
            assertThat(mine).isEqualTo(1);
        }
        assertThat(index.get()).isZero();
        assertThat(barrier.isBroken()).isFalse();
    }

    // pythreading: Thread.join(Duration) returns when the thread ends
    @Test
    void threadJoinDurationReturnsWhenTheThreadEnds() {
        Event stop = new Event();
        Thread t = Thread.builder().target(stop::await).daemon(true).build();
        t.start();
        try (Bunch bunch = Bunch.start(() -> t.join(TestSupport.seconds(TestSupport.SHORT_TIMEOUT)), 1)) {
            bunch.waitUntilBlocked();
            stop.set();
            bunch.waitFinished(1);
        }
        assertThat(t.isAlive()).isFalse();
    }

    // pythreading: a Timer made with a Duration fires after its interval
    @Test
    void timerWithDurationFiresAfterTheInterval() {
        AtomicBoolean ran = new AtomicBoolean();
        Timer timer = new Timer(Duration.ofMillis(100), () -> ran.set(true));
        long start = System.nanoTime();
        timer.start();
        timer.join();
        TestSupport.assertTimeout(TestSupport.secondsSince(start), 0.1);
        assertThat(ran.get()).isTrue();
        assertThat(timer.interval()).isEqualTo(0.1);
    }

    // pythreading: a Duration Timer cancelled while waiting never fires
    @Test
    void timerWithDurationCanBeCancelled() {
        AtomicBoolean ran = new AtomicBoolean();
        Timer timer = new Timer(TestSupport.seconds(TestSupport.SHORT_TIMEOUT), () -> ran.set(true));
        timer.setDaemon(true);
        timer.start();
        TestSupport.waitUntilBlocked(timer);
        timer.cancel();
        timer.join();
        assertThat(ran.get()).isFalse();
    }

    // ---------------------------------------------------------------------------------
    // null Duration

    /** A twin called with a null Duration where the double overload would not wait. */
    static final class NullCase {
        final String name;
        final Runnable call;
        final BooleanSupplier nothingTaken;

        NullCase(String name, Runnable call, BooleanSupplier nothingTaken) {
            this.name = name;
            this.call = call;
            this.nothingTaken = nothingTaken;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<NullCase> nullCases() {
        List<NullCase> cases = new ArrayList<>();
        Lock lock = new Lock();
        cases.add(new NullCase("free Lock.acquire(true, null)", () -> lock.acquire(true, (Duration) null), () -> !lock.locked()));
        Lock lock2 = new Lock();
        cases.add(new NullCase("free Lock.acquire(false, null)", () -> lock2.acquire(false, (Duration) null), () -> !lock2.locked()));
        RLock rlock = new RLock();
        cases.add(new NullCase("free RLock.acquire(true, null)", () -> rlock.acquire(true, (Duration) null), () -> !rlock.locked()));
        Semaphore sem = new Semaphore(1);
        cases.add(new NullCase("Semaphore(1).acquire(true, null)", () -> sem.acquire(true, (Duration) null), () -> sem.value() == 1));
        BoundedSemaphore bsem = new BoundedSemaphore(1);
        cases.add(new NullCase("BoundedSemaphore(1).acquire(true, null)",
                () -> bsem.acquire(true, (Duration) null), () -> bsem.value() == 1));
        RLock condLock = new RLock();
        Condition cond = new Condition(condLock);
        cases.add(new NullCase("free Condition.acquire(true, null)",
                () -> cond.acquire(true, (Duration) null), () -> !condLock.locked()));
        RLock condLock2 = new RLock();
        Condition cond2 = new Condition(condLock2);
        cases.add(new NullCase("held Condition.await(null)", () -> {
            condLock2.acquire();
            try {
                cond2.await((Duration) null);
            } finally {
                condLock2.release();
            }
        }, () -> !condLock2.locked() && cond2.waiterCount() == 0));
        Condition cond3 = new Condition();
        cases.add(new NullCase("held Condition.awaitFor(true, null)", () -> {
            try (Acquirable.Held held = cond3.enter()) {
                cond3.awaitFor(() -> true, (Duration) null);
            }
        }, () -> cond3.waiterCount() == 0));
        Event set = new Event();
        set.set();
        cases.add(new NullCase("set Event.await(null)", () -> set.await((Duration) null), set::isSet));
        AtomicInteger actions = new AtomicInteger();
        Barrier barrier = new Barrier(1, actions::incrementAndGet);
        cases.add(new NullCase("Barrier(1).await(null)", () -> barrier.await((Duration) null),
                () -> actions.get() == 0 && !barrier.isBroken()));
        Thread finished = Thread.builder().target(() -> { }).daemon(true).build();
        cases.add(new NullCase("finished Thread.join(null)", () -> {
            finished.start();
            finished.join();
            finished.join((Duration) null);
        }, () -> !finished.isAlive()));
        cases.add(new NullCase("new Timer(null, f)", () -> new Timer((Duration) null, () -> { }), () -> true));
        cases.add(new NullCase("new Timer(Duration, null)", () -> new Timer(Duration.ZERO, null), () -> true));
        return cases;
    }

    // pythreading: a null Duration is a NullPointerException, and takes nothing
    @ParameterizedTest(name = "{0}")
    @MethodSource("nullCases")
    void nullDurationIsANullPointerException(NullCase c) {
        assertThatThrownBy(c.call::run).isInstanceOf(NullPointerException.class);
        assertThat(c.nothingTaken.getAsBoolean()).as("nothing taken").isTrue();
    }

    // ---------------------------------------------------------------------------------
    // enter(): Python's with

    /** Something to enter, and how to see whether it is taken. */
    static final class Enterable {
        final String name;
        final Acquirable lock;
        final BooleanSupplier taken;

        Enterable(String name, Acquirable lock, BooleanSupplier taken) {
            this.name = name;
            this.lock = lock;
            this.taken = taken;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Enterable> enterables() {
        List<Enterable> list = new ArrayList<>();
        Lock lock = new Lock();
        list.add(new Enterable("Lock", lock, lock::locked));
        RLock rlock = new RLock();
        list.add(new Enterable("RLock", rlock, rlock::locked));
        Semaphore sem = new Semaphore(1);
        list.add(new Enterable("Semaphore(1)", sem, () -> sem.value() == 0));
        BoundedSemaphore bsem = new BoundedSemaphore(1);
        list.add(new Enterable("BoundedSemaphore(1)", bsem, () -> bsem.value() == 0));
        RLock condRLock = new RLock();
        list.add(new Enterable("Condition()", new Condition(condRLock), condRLock::locked));
        Lock condLock = new Lock();
        list.add(new Enterable("Condition(Lock())", new Condition(condLock), condLock::locked));
        Semaphore condSem = new Semaphore(1);
        list.add(new Enterable("Condition(Semaphore(1))", new Condition(condSem), () -> condSem.value() == 0));
        return list;
    }

    // lock_tests.BaseLockTests.test_with: enter() acquires, closing the handle releases
    @ParameterizedTest(name = "{0}")
    @MethodSource("enterables")
    void enterAcquiresAndCloseReleases(Enterable e) {
        assertThat(e.taken.getAsBoolean()).isFalse();
        try (Acquirable.Held held = e.lock.enter()) {
            assertThat(e.taken.getAsBoolean()).as("taken inside the block").isTrue();
        }
        assertThat(e.taken.getAsBoolean()).as("released after the block").isFalse();
        try (Acquirable.Held held = e.lock.enter()) {
            assertThat(e.taken.getAsBoolean()).as("and can be taken again").isTrue();
        }
        assertThat(e.taken.getAsBoolean()).isFalse();
    }

    // lock_tests.BaseLockTests.test_with (the with_lock(TypeError) half): an exception in the body still releases
    @ParameterizedTest(name = "{0}")
    @MethodSource("enterables")
    void exceptionInTheBodyStillReleases(Enterable e) {
        IllegalStateException boom = new IllegalStateException("boom");
        Throwable thrown = catchThrowable(() -> {
            try (Acquirable.Held held = e.lock.enter()) {
                assertThat(e.taken.getAsBoolean()).isTrue();
                throw boom;
            }
        });
        assertThat(thrown).isSameAs(boom);
        assertThat(thrown.getSuppressed()).isEmpty();
        assertThat(e.taken.getAsBoolean()).as("released despite the exception").isFalse();
    }

    // pythreading: nested enter() on an RLock, as nested with-statements (cf. lock_tests.RLockTests.test_reacquire)
    @Test
    void nestedEnterOnAnRLock() {
        RLock lock = new RLock();
        try (Acquirable.Held outer = lock.enter()) {
            assertThat(lock.recursionCount()).isEqualTo(1);
            try (Acquirable.Held inner = lock.enter()) {
                assertThat(lock.recursionCount()).isEqualTo(2);
            }
            assertThat(lock.recursionCount()).isEqualTo(1);
            assertThat(lock.locked()).isTrue();
        }
        assertThat(lock.recursionCount()).isZero();
        assertThat(lock.locked()).isFalse();
    }

    // pythreading: nested enter() on an RLock unwinds every level when the inner body throws
    @Test
    void nestedEnterOnAnRLockUnwindsOnException() {
        RLock lock = new RLock();
        assertThatThrownBy(() -> {
            try (Acquirable.Held outer = lock.enter(); Acquirable.Held inner = lock.enter()) {
                assertThat(lock.recursionCount()).isEqualTo(2);
                throw new IllegalArgumentException("inner");
            }
        }).hasMessage("inner");
        assertThat(lock.locked()).isFalse();
    }

    // pythreading: a Condition entered with enter() may await and signal inside the block
    @Test
    void enteredConditionMayAwaitAndSignal() {
        Condition cond = new Condition();
        try (Acquirable.Held held = cond.enter()) {
            assertThat(cond.await(0)).isFalse();
            cond.signal();
        }
        assertThatThrownBy(() -> cond.await(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot wait on un-acquired lock");
    }

    // pythreading: a Semaphore entered by several holders counts each one
    @Test
    void semaphoreEnterCountsEachHolder() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        try (Acquirable.Held first = sem.enter(); Acquirable.Held second = sem.enter()) {
            assertThat(sem.value()).isZero();
            assertThat(sem.acquire(false)).isFalse();
        }
        assertThat(sem.value()).isEqualTo(2);
    }
}
