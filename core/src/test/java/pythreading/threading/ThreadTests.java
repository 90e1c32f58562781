package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Mirrors CPython's test_threading.ThreadTests (with the checks of ThreadingExceptionTests
 * and MiscTestCase that concern Thread and the module functions).
 */
@Timeout(20)
class ThreadTests {

    private static final Pattern DEFAULT_NAME = Pattern.compile("Thread-(\\d+)");

    /** Threads a test started, joined after it so that none outlives it. */
    private final List<Thread> started = new ArrayList<>();
    /** Latches a test's threads wait on, opened after it. */
    private final List<CountDownLatch> gates = new ArrayList<>();

    @AfterEach
    void tearDown() {
        gates.forEach(CountDownLatch::countDown);
        for (Thread t : started) {
            t.join(TestSupport.SHORT_TIMEOUT);
        }
        Threading.stackSize(0);
    }

    private Thread start(Thread t) {
        started.add(t);
        t.start();
        return t;
    }

    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await((long) TestSupport.SHORT_TIMEOUT, TimeUnit.SECONDS)).as("latch opened").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static int defaultNumber(Thread t) {
        Matcher m = DEFAULT_NAME.matcher(t.getName());
        assertThat(m.matches()).as("default name of %s", t).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** CPython's TestThread: a subclass that overrides run(). */
    static final class TestThread extends Thread {
        final AtomicInteger runs = new AtomicInteger();

        TestThread(String name) {
            super(null, name);
        }

        @Override
        public void run() {
            runs.incrementAndGet();
        }
    }

    // ---- names ----

    @Test
    void testName() {
        // test_threading.ThreadTests.test_name
        assertThat(new Thread(null, "myname1").getName()).isEqualTo("myname1");
        assertThat(new Thread(() -> { }, "myname2").getName()).isEqualTo("myname2");
        assertThat(Thread.builder().name("myname3").build().getName()).isEqualTo("myname3");
    }

    @Test
    void testDefaultNamesNumberedInCreationOrder() {
        // test_threading.ThreadTests.test_name (Thread-N, shared counter)
        Thread a = new Thread();
        Thread b = new Thread(() -> { });
        Thread c = new Thread(null, "");
        Thread d = new Thread(() -> { }, null);
        Thread e = Thread.builder().build();
        Timer f = new Timer(1.0, () -> { });
        Thread g = Thread.builder().name("").build();
        int first = defaultNumber(a);
        assertThat(first).isPositive();
        assertThat(List.of(b, c, d, e, f, g)).extracting(ThreadTests::defaultNumber)
                .containsExactly(first + 1, first + 2, first + 3, first + 4, first + 5, first + 6);
    }

    @Test
    void testNameIsSetOnJavaThread() {
        // pythreading: the name is the Java thread's too, also after setName while it runs
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch renamed = gate();
        AtomicReference<String> before = new AtomicReference<>();
        AtomicReference<String> after = new AtomicReference<>();
        Thread t = start(new Thread(() -> {
            before.set(java.lang.Thread.currentThread().getName());
            running.countDown();
            await(renamed);
            after.set(java.lang.Thread.currentThread().getName());
        }, "first-name"));
        await(running);
        t.setName("second-name");
        renamed.countDown();
        t.join();
        assertThat(before.get()).isEqualTo("first-name");
        assertThat(after.get()).isEqualTo("second-name");
        assertThat(t.getName()).isEqualTo("second-name");
    }

    @Test
    void testSetNameBeforeStart() {
        // pythreading: a name set before start() is the Java thread's name
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(java.lang.Thread.currentThread().getName()));
        t.setName("renamed");
        start(t).join();
        assertThat(seen.get()).isEqualTo("renamed");
        assertThatThrownBy(() -> t.setName(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- daemon ----

    @Test
    void testDaemonParam() {
        // test_threading.ThreadTests.test_daemon_param
        assertThat(new Thread().isDaemon()).isFalse();
        assertThat(Thread.builder().daemon(false).build().isDaemon()).isFalse();
        assertThat(Thread.builder().daemon(true).build().isDaemon()).isTrue();
        Thread t = new Thread();
        t.setDaemon(true);
        assertThat(t.isDaemon()).isTrue();
        t.setDaemon(false);
        assertThat(t.isDaemon()).isFalse();
    }

    @Test
    void testDaemonInheritedFromDaemonThread() {
        // pythreading: Thread.__init__ takes current_thread().daemon when daemon is None
        AtomicReference<Thread> fromDaemon = new AtomicReference<>();
        AtomicReference<Thread> fromNonDaemon = new AtomicReference<>();
        AtomicReference<Thread> explicit = new AtomicReference<>();
        Thread d = Thread.builder().daemon(true).target(() -> {
            fromDaemon.set(new Thread());
            explicit.set(Thread.builder().daemon(false).build());
        }).build();
        Thread n = Thread.builder().daemon(false).target(() -> fromNonDaemon.set(new Thread())).build();
        start(d).join();
        start(n).join();
        assertThat(fromDaemon.get().isDaemon()).isTrue();
        assertThat(explicit.get().isDaemon()).isFalse();
        assertThat(fromNonDaemon.get().isDaemon()).isFalse();
    }

    @Test
    void testDaemonInheritedFromForeignThread() throws InterruptedException {
        // pythreading: a dummy thread is a daemon, so are the threads it creates
        AtomicReference<Thread> created = new AtomicReference<>();
        java.lang.Thread foreign = new java.lang.Thread(() -> created.set(new Thread()), "foreign-creator");
        foreign.start();
        foreign.join(10_000);
        assertThat(created.get().isDaemon()).isTrue();
    }

    @Test
    void testDaemonFromMainThreadIsFalse() {
        // test_threading.ThreadTests.test_daemon_param (main thread is not a daemon)
        assertThat(Threading.currentThread()).isSameAs(Threading.mainThread());
        assertThat(new Thread().isDaemon()).isFalse();
        assertThat(new Timer(1.0, () -> { }).isDaemon()).isFalse();
    }

    @Test
    void testDaemonThreadRunsOnJavaDaemon() {
        // pythreading: daemon status is the platform thread's too
        AtomicBoolean javaDaemon = new AtomicBoolean();
        AtomicBoolean javaNonDaemon = new AtomicBoolean(true);
        start(Thread.builder().daemon(true).target(() -> javaDaemon.set(java.lang.Thread.currentThread().isDaemon()))
                .build()).join();
        start(Thread.builder().daemon(false)
                .target(() -> javaNonDaemon.set(java.lang.Thread.currentThread().isDaemon())).build()).join();
        assertThat(javaDaemon.get()).isTrue();
        assertThat(javaNonDaemon.get()).isFalse();
    }

    // ---- misuse (ThreadingExceptionTests) ----

    @Test
    void testStartThreadAgain() {
        // test_threading.ThreadingExceptionTests.test_start_thread_again
        Thread t = start(new Thread());
        assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("threads can only be started once");
        t.join();
        assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("threads can only be started once");
    }

    @Test
    void testJoiningCurrentThread() {
        // test_threading.ThreadingExceptionTests.test_joining_current_thread
        assertThatThrownBy(() -> Threading.currentThread().join()).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join current thread");
        assertThatThrownBy(() -> Threading.currentThread().join(0.01)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join current thread");
        AtomicReference<Throwable> inside = new AtomicReference<>();
        AtomicReference<Thread> self = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                self.get().join();
            } catch (Throwable e) {
                inside.set(e);
            }
        });
        self.set(t);
        start(t).join();
        assertThat(inside.get()).isInstanceOf(IllegalStateException.class).hasMessage("cannot join current thread");
    }

    @Test
    void testJoiningInactiveThread() {
        // test_threading.ThreadingExceptionTests.test_joining_inactive_thread
        Thread t = new Thread();
        assertThatThrownBy(t::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join thread before it is started");
        assertThatThrownBy(() -> t.join(0.01)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join thread before it is started");
        assertThatThrownBy(() -> t.join(Duration.ofMillis(10))).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join thread before it is started");
    }

    @Test
    void testDaemonizeActiveThread() {
        // test_threading.ThreadingExceptionTests.test_daemonize_active_thread
        CountDownLatch release = gate();
        Thread t = start(new Thread(() -> await(release)));
        assertThatThrownBy(() -> t.setDaemon(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set daemon status of active thread");
        release.countDown();
        t.join();
        assertThatThrownBy(() -> t.setDaemon(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set daemon status of active thread");
        assertThat(t.isDaemon()).isFalse();
    }

    // ---- ident, native id, liveness ----

    @Test
    void testIdentBeforeAndAfterStart() {
        // test_threading.ThreadTests.test_various_ops (ident None before start, set after)
        AtomicLong inside = new AtomicLong();
        AtomicReference<Long> javaId = new AtomicReference<>();
        CountDownLatch release = gate();
        Thread t = new Thread(() -> {
            inside.set(Threading.getIdent());
            javaId.set(javaIdOf(java.lang.Thread.currentThread()));
            await(release);
        });
        assertThat(t.ident()).isNull();
        start(t);
        Long ident = t.ident();
        assertThat(ident).isNotNull().isNotZero();
        release.countDown();
        t.join();
        assertThat(t.ident()).isEqualTo(ident);
        assertThat(inside.get()).isEqualTo(ident);
        assertThat(javaId.get()).isEqualTo(ident);
    }

    @Test
    void testNativeIds() {
        // test_threading.ThreadTests.test_various_ops (native ids: set, distinct)
        int n = 5;
        CountDownLatch release = gate();
        List<Thread> threads = new ArrayList<>();
        List<AtomicLong> inside = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AtomicLong seen = new AtomicLong();
            inside.add(seen);
            Thread t = new Thread(() -> {
                seen.set(Threading.getNativeId());
                await(release);
            });
            assertThat(t.nativeId()).isNull();
            threads.add(t);
            start(t);
        }
        Set<Long> ids = new HashSet<>();
        for (Thread t : threads) {
            assertThat(t.nativeId()).isNotNull();
            ids.add(t.nativeId());
        }
        ids.add(Threading.getNativeId());
        assertThat(ids).hasSize(n + 1);
        release.countDown();
        for (int i = 0; i < n; i++) {
            threads.get(i).join();
            assertThat(threads.get(i).nativeId()).isEqualTo(inside.get(i).get());
        }
    }

    @Test
    void testIsAlive() {
        // test_threading.ThreadTests.test_various_ops (is_alive before, while, after)
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = gate();
        Thread t = new Thread(() -> {
            running.countDown();
            await(release);
        });
        assertThat(t.isAlive()).isFalse();
        start(t);
        assertThat(t.isAlive()).isTrue();
        await(running);
        assertThat(t.isAlive()).isTrue();
        release.countDown();
        t.join();
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void testVariousOps() {
        // test_threading.ThreadTests.test_various_ops
        int numTasks = 10;
        BoundedSemaphore sema = new BoundedSemaphore(3);
        RLock mutex = new RLock();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < numTasks; i++) {
            Thread t = new Thread(() -> {
                sema.acquire();
                try {
                    mutex.acquire();
                    try {
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    } finally {
                        mutex.release();
                    }
                    java.lang.Thread.yield();
                    mutex.acquire();
                    try {
                        running.decrementAndGet();
                    } finally {
                        mutex.release();
                    }
                } finally {
                    sema.release();
                }
            }, "<thread " + i + ">");
            assertThat(t.ident()).isNull();
            assertThat(t.toString()).matches("<Thread\\(<thread " + i + ">, initial\\)>");
            threads.add(t);
            start(t);
        }
        for (Thread t : threads) {
            t.join();
            assertThat(t.isAlive()).isFalse();
            assertThat(t.ident()).isNotNull().isNotZero();
            assertThat(t.toString()).matches("<Thread\\(.*, stopped -?\\d+\\)>");
        }
        assertThat(running.get()).isZero();
        assertThat(maxRunning.get()).isBetween(1, 3);
    }

    @Test
    void testVariousOpsSmallStack() {
        // test_threading.ThreadTests.test_various_ops_small_stack
        assertThat(Threading.stackSize(262144)).isZero();
        try {
            testVariousOps();
        } finally {
            assertThat(Threading.stackSize(0)).isEqualTo(262144);
        }
    }

    @Test
    void testVariousOpsLargeStack() {
        // test_threading.ThreadTests.test_various_ops_large_stack
        assertThat(Threading.stackSize(0x100000)).isZero();
        try {
            testVariousOps();
        } finally {
            assertThat(Threading.stackSize(0)).isEqualTo(0x100000);
        }
    }

    // ---- join ----

    @Test
    void testJoinWithTimeout() {
        // test_threading.ThreadTests.test_join_with_timeout
        CountDownLatch release = gate();
        Thread t = start(new Thread(() -> await(release)));
        long t0 = System.nanoTime();
        t.join(0.1);
        TestSupport.assertTimeout(TestSupport.secondsSince(t0), 0.1);
        assertThat(t.isAlive()).isTrue();
        t.join(Duration.ofMillis(10));
        assertThat(t.isAlive()).isTrue();
        t.join(0);
        t.join(-1);
        assertThat(t.isAlive()).isTrue();
        release.countDown();
        t.join();
        assertThat(t.isAlive()).isFalse();
        t.join();
        t.join(0);
    }

    @Test
    void testJoinTimeoutValidation() {
        // pythreading: join(timeout) checks its timeout as CPython's lock does (NaN, beyond TIMEOUT_MAX)
        CountDownLatch release = gate();
        Thread t = start(new Thread(() -> await(release)));
        Thread ended = start(new Thread());
        ended.join();
        for (Thread target : List.of(t, ended)) {
            assertThatThrownBy(() -> target.join(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid value NaN (not a number)");
            assertThatThrownBy(() -> target.join(1e10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timestamp out of range for platform time_t");
            assertThatThrownBy(() -> target.join(Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timestamp out of range for platform time_t");
        }
        release.countDown();
        t.join(Threading.TIMEOUT_MAX);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void testJoinFromMultipleThreads() {
        // test_threading.ThreadTests.test_join_from_multiple_threads
        for (int n = 2; n < 20; n += 5) {
            CountDownLatch release = gate();
            Thread worker = start(new Thread(() -> await(release)));
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> joiners = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                joiners.add(start(new Thread(() -> {
                    try {
                        worker.join();
                        if (worker.isAlive()) {
                            errors.add(new AssertionError("join returned while the worker is alive"));
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                })));
            }
            joiners.forEach(TestSupport::waitUntilBlocked);
            assertThat(joiners).allMatch(Thread::isAlive);
            release.countDown();
            joiners.forEach(Thread::join);
            worker.join();
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void testJoinInterrupted() throws InterruptedException {
        // pythreading: a blocked join throws UncheckedInterruptedException and re-sets the flag
        CountDownLatch release = gate();
        Thread worker = start(new Thread(() -> await(release)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        java.lang.Thread joiner = new java.lang.Thread(() -> {
            try {
                worker.join();
            } catch (Throwable e) {
                thrown.set(e);
                flagAfter.set(java.lang.Thread.currentThread().isInterrupted());
            }
        }, "joiner");
        joiner.start();
        TestSupport.waitUntilBlocked(joiner);
        joiner.interrupt();
        joiner.join(10_000);
        assertThat(thrown.get()).isInstanceOf(UncheckedInterruptedException.class)
                .hasCauseInstanceOf(InterruptedException.class);
        assertThat(flagAfter.get()).isTrue();
        assertThat(worker.isAlive()).isTrue();

        // interrupted before the call
        java.lang.Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> worker.join(5.0)).isInstanceOf(UncheckedInterruptedException.class);
            assertThat(java.lang.Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            java.lang.Thread.interrupted();
        }
        release.countDown();
        worker.join();

        // a join that need not wait ignores the flag
        java.lang.Thread.currentThread().interrupt();
        try {
            worker.join();
            worker.join(1.0);
            assertThat(java.lang.Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            java.lang.Thread.interrupted();
        }
    }

    @Test
    void testJoinSeesThreadsWrites() {
        // pythreading: actions of the thread happen-before join() returns
        int[] box = new int[1];
        Thread t = start(new Thread(() -> box[0] = 42));
        t.join();
        assertThat(box[0]).isEqualTo(42);
    }

    // ---- enumerate, activeCount ----

    @Test
    void testEnumerateAfterJoin() {
        // test_threading.ThreadTests.test_enumerate_after_join
        for (int i = 0; i < 100; i++) {
            Thread t = new Thread(() -> { });
            t.start();
            t.join();
            assertThat(Threading.enumerate()).as("trial %d", i).doesNotContain(t);
        }
    }

    @Test
    void testEnumerateListsStartedThreads() {
        // pythreading: enumerate()/activeCount() list started threads and MainThread, in start order
        CountDownLatch release = gate();
        Thread notStarted = new Thread();
        Thread a = start(new Thread(() -> await(release)));
        Thread b = start(new Thread(() -> await(release)));
        List<Thread> all = Threading.enumerate();
        assertThat(all).contains(Threading.mainThread(), a, b).doesNotContain(notStarted);
        assertThat(all.indexOf(a)).isLessThan(all.indexOf(b));
        assertThat(all).doesNotHaveDuplicates();
        assertThat(Threading.activeCount()).isGreaterThanOrEqualTo(3);
        TestSupport.waitUntil("activeCount() == enumerate().size()",
                () -> Threading.activeCount() == Threading.enumerate().size());
        release.countDown();
        a.join();
        b.join();
        assertThat(Threading.enumerate()).doesNotContain(a, b).contains(Threading.mainThread());
    }

    @Test
    void testForeignThread() throws InterruptedException {
        // test_threading.ThreadTests.test_foreign_thread
        AtomicReference<Thread> dummy = new AtomicReference<>();
        AtomicReference<Thread> again = new AtomicReference<>();
        AtomicReference<List<Thread>> listed = new AtomicReference<>();
        AtomicBoolean alive = new AtomicBoolean();
        AtomicReference<Long> javaId = new AtomicReference<>();
        AtomicLong ident = new AtomicLong();
        CountDownLatch inspected = new CountDownLatch(1);
        CountDownLatch release = gate();
        java.lang.Thread foreign = new java.lang.Thread(() -> {
            dummy.set(Threading.currentThread());
            again.set(Threading.currentThread());
            listed.set(Threading.enumerate());
            alive.set(dummy.get().isAlive());
            javaId.set(javaIdOf(java.lang.Thread.currentThread()));
            ident.set(Threading.getIdent());
            inspected.countDown();
            await(release);
        }, "foreign-worker");
        foreign.start();
        await(inspected);
        Thread d = dummy.get();
        assertThat(again.get()).isSameAs(d);
        assertThat(d).isInstanceOf(DummyThread.class);
        assertThat(d.getName()).isEqualTo("foreign-worker");
        assertThat(d.isDaemon()).isTrue();
        assertThat(alive.get()).isTrue();
        assertThat(d.isAlive()).isTrue();
        assertThat(listed.get()).contains(d);
        assertThat(Threading.enumerate()).contains(d);
        assertThat(d.toString()).contains("_DummyThread").contains("foreign-worker").contains("daemon");
        // test_ident_of_no_threading_threads
        assertThat(d.ident()).isEqualTo(javaId.get()).isEqualTo(ident.get());
        assertThat(d.nativeId()).isNotNull();
        // gh-106236
        assertThatThrownBy(d::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join a dummy thread");
        assertThatThrownBy(() -> d.join(0.01)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join a dummy thread");
        assertThatThrownBy(() -> d.setDaemon(false)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set daemon status of active thread");
        release.countDown();
        foreign.join(10_000);
        assertThat(foreign.isAlive()).isFalse();
        // the dummy leaves enumerate() once its Java thread has died
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Threading.enumerate().contains(d) && System.nanoTime() - deadline < 0) {
            TestSupport.pause();
        }
        assertThat(Threading.enumerate()).as("enumerate() after the foreign thread died").doesNotContain(d);
    }

    @Test
    void testForeignThreadDoesNotTakeADefaultNumber() {
        // pythreading: dummies are named after their Java thread (CPython: Dummy-N)
        AtomicReference<Thread> dummy = new AtomicReference<>();
        java.lang.Thread foreign = new java.lang.Thread(() -> dummy.set(Threading.currentThread()), "foreign-2");
        Thread before = new Thread();
        foreign.start();
        try {
            foreign.join(10_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Thread after = new Thread();
        assertThat(dummy.get().getName()).isEqualTo("foreign-2");
        assertThat(defaultNumber(after)).isEqualTo(defaultNumber(before) + 1);
    }

    // ---- main thread, module functions ----

    @Test
    void testMainThread() {
        // test_threading.ThreadTests.test_main_thread
        Thread main = Threading.mainThread();
        assertThat(main.getName()).isEqualTo("MainThread");
        assertThat(main.isDaemon()).isFalse();
        assertThat(main.isAlive()).isTrue();
        assertThat(Threading.currentThread()).isSameAs(main);
        assertThat(main.ident()).isEqualTo(Threading.currentThread().ident()).isEqualTo(Threading.getIdent())
                .isEqualTo(javaIdOf(java.lang.Thread.currentThread()));
        assertThat(java.lang.Thread.currentThread().getName()).isEqualTo("MainThread");
        assertThat(main.toString()).isEqualTo("<_MainThread(MainThread, started " + main.ident() + ")>");
        assertThatThrownBy(() -> main.setDaemon(true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot set daemon status of active thread");

        AtomicReference<Long> mainIdentSeen = new AtomicReference<>();
        AtomicReference<Long> currentIdentSeen = new AtomicReference<>();
        AtomicReference<Thread> mainSeen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            mainSeen.set(Threading.mainThread());
            mainIdentSeen.set(Threading.mainThread().ident());
            currentIdentSeen.set(Threading.currentThread().ident());
        });
        start(t).join();
        assertThat(mainSeen.get()).isSameAs(main);
        assertThat(mainIdentSeen.get()).isNotEqualTo(currentIdentSeen.get());
        assertThat(currentIdentSeen.get()).isEqualTo(t.ident());
    }

    @Test
    void testMainThreadNativeId() {
        // test_threading.ThreadTests.test_various_ops (native_id of the main thread)
        long here = Threading.getNativeId();
        assertThat(here).isPositive();
        assertThat(Threading.getNativeId()).isEqualTo(here);
        assertThat(Threading.mainThread().nativeId()).isEqualTo(here);
    }

    @Test
    void testCurrentThreadInsideThread() {
        // test_threading.ThreadTests.test_main_thread (current_thread in a started thread)
        AtomicReference<Thread> seen = new AtomicReference<>();
        AtomicLong ident = new AtomicLong();
        Thread t = start(new Thread(() -> {
            seen.set(Threading.currentThread());
            ident.set(Threading.getIdent());
        }));
        t.join();
        assertThat(seen.get()).isSameAs(t);
        assertThat(ident.get()).isEqualTo(t.ident());
        assertThat(ident.get()).isNotEqualTo(Threading.getIdent());
    }

    @Test
    void testGetIdentAndNativeIdDistinctPerThread() throws InterruptedException {
        // test_threading.ThreadTests.test_various_ops (get_ident, get_native_id)
        AtomicLong ident = new AtomicLong();
        AtomicLong nativeId = new AtomicLong();
        java.lang.Thread other = new java.lang.Thread(() -> {
            ident.set(Threading.getIdent());
            nativeId.set(Threading.getNativeId());
        });
        other.start();
        other.join(10_000);
        assertThat(ident.get()).isEqualTo(javaIdOf(other)).isNotEqualTo(Threading.getIdent()).isNotZero();
        assertThat(nativeId.get()).isPositive().isNotEqualTo(Threading.getNativeId());
        assertThat(Threading.getIdent()).isNotZero();
    }

    @Test
    void testTimeoutMax() {
        // MiscTestCase: threading.TIMEOUT_MAX
        assertThat(Threading.TIMEOUT_MAX).isEqualTo(9223372036.0);
    }

    @Test
    void testStackSize() {
        // test_threading.ThreadTests.test_various_ops_small_stack (stack_size validation)
        assertThat(Threading.stackSize()).isZero();
        assertThatThrownBy(() -> Threading.stackSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size must be 0 or a positive value");
        assertThatThrownBy(() -> Threading.stackSize(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size not valid: 1000 bytes");
        assertThatThrownBy(() -> Threading.stackSize(32767)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("size not valid: 32767 bytes");
        assertThat(Threading.stackSize()).isZero();
        assertThat(Threading.stackSize(40000)).isZero();
        assertThat(Threading.stackSize()).isEqualTo(40000);
        assertThat(Threading.stackSize(32768)).isEqualTo(40000);
        assertThat(Threading.stackSize(0)).isEqualTo(32768);
        assertThat(Threading.stackSize()).isZero();
    }

    @Test
    void testModuleSurface() {
        // MiscTestCase.test__all__ (the public names exist with their Python shape)
        assertThat(Modifier.isFinal(Threading.class.getModifiers())).isTrue();
        assertThat(Threading.class.getConstructors()).isEmpty();
        assertThat(Runnable.class).isAssignableFrom(Thread.class);
        assertThat(Timer.class.getSuperclass()).isEqualTo(Thread.class);
        assertThat(ExceptHookArgs.class.isRecord()).isTrue();
        assertThat(ExceptHookArgs.class.getRecordComponents()).extracting(c -> c.getName())
                .containsExactly("excType", "excValue", "thread");
    }

    // ---- repr ----

    @Test
    void testReprDaemon() {
        // test_threading.ThreadTests.test_repr_daemon
        Thread t = new Thread();
        assertThat(t.toString()).doesNotContain("daemon")
                .isEqualTo("<Thread(" + t.getName() + ", initial)>");
        t.setDaemon(true);
        assertThat(t.toString()).contains("daemon").isEqualTo("<Thread(" + t.getName() + ", initial daemon)>");
    }

    @Test
    void testReprStopped() {
        // test_threading.ThreadTests.test_repr_stopped
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = gate();
        Thread t = Thread.builder().name("repr-me").daemon(true).target(() -> {
            running.countDown();
            await(release);
        }).build();
        start(t);
        await(running);
        assertThat(t.toString()).isEqualTo("<Thread(repr-me, started daemon " + t.ident() + ")>");
        release.countDown();
        // "stopped" shows up on its own, without join()
        TestSupport.waitUntil("repr says stopped", () -> t.toString().contains("stopped"));
        assertThat(t.toString()).isEqualTo("<Thread(repr-me, stopped daemon " + t.ident() + ")>");
        t.join();
    }

    @Test
    void testReprOfSubclass() {
        // test_threading.ThreadTests.test_various_ops (repr of TestThread)
        TestThread t = new TestThread("sub");
        assertThat(t.toString()).isEqualTo("<TestThread(sub, initial)>");
        start(t).join();
        assertThat(t.toString()).isEqualTo("<TestThread(sub, stopped " + t.ident() + ")>");
    }

    // ---- run ----

    @Test
    void testSubclassOverridingRun() {
        // test_threading.ThreadTests.test_various_ops (TestThread overrides run)
        TestThread t = new TestThread("runner");
        start(t).join();
        assertThat(t.runs.get()).isEqualTo(1);
    }

    @Test
    void testNoTarget() {
        // test_threading.ThreadingExceptionTests.test_start_thread_again (a thread without target)
        Thread t = start(new Thread());
        t.join();
        assertThat(t.isAlive()).isFalse();
        new Thread().run();
    }

    @Test
    void testRunCallsTargetThenDropsIt() {
        // pythreading: run() calls the target once and drops it (CPython then raises AttributeError)
        AtomicInteger calls = new AtomicInteger();
        Thread t = new Thread(calls::incrementAndGet);
        t.run();
        assertThat(calls.get()).isEqualTo(1);
        t.run();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void testRunDropsTargetEvenIfItThrows() {
        // test_threading.ThreadTests.test_no_refcycle_through_target (target dropped on failure)
        AtomicInteger calls = new AtomicInteger();
        Thread t = new Thread(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("boom");
        });
        assertThatThrownBy(t::run).isInstanceOf(IllegalArgumentException.class);
        t.run();
        assertThat(calls.get()).isEqualTo(1);
    }

    /** A target that refers back to its thread, as RunSelfFunction does. */
    private static final class RunSelf implements Runnable {
        final Thread thread;
        final boolean shouldRaise;

        RunSelf(boolean shouldRaise) {
            this.shouldRaise = shouldRaise;
            this.thread = new Thread(this);
        }

        @Override
        public void run() {
            if (shouldRaise) {
                throw new IllegalStateException("raised on purpose");
            }
        }
    }

    @Test
    void testNoRefcycleThroughTarget() {
        // test_threading.ThreadTests.test_no_refcycle_through_target
        java.util.function.Consumer<ExceptHookArgs> saved = Threading.excepthook();
        Threading.setExcepthook(args -> { });
        try {
            for (boolean raise : new boolean[] {false, true}) {
                RunSelf target = new RunSelf(raise);
                Thread t = target.thread;
                WeakReference<RunSelf> weak = new WeakReference<>(target);
                target = null;
                t.start();
                t.join();
                // the Thread object stays reachable here; only the target must be gone
                waitForCollection(weak);
                assertThat(weak.get()).as("target released (raise=%s)", raise).isNull();
                assertThat(t.isAlive()).isFalse();
            }
        } finally {
            Threading.setExcepthook(saved);
        }
    }

    @Test
    void testThreadFromThread() {
        // test_threading.ThreadJoinOnShutdown.test_thread_from_thread (in-process part)
        AtomicReference<Thread> inner = new AtomicReference<>();
        AtomicBoolean innerRan = new AtomicBoolean();
        Thread outer = start(new Thread(() -> {
            Thread t2 = new Thread(() -> innerRan.set(true));
            inner.set(t2);
            t2.start();
        }));
        outer.join();
        inner.get().join();
        assertThat(innerRan.get()).isTrue();
        assertThat(inner.get().isDaemon()).isFalse();
    }

    // ---- helpers ----

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+
    static long javaIdOf(java.lang.Thread thread) {
        return thread.getId();
    }

    /** Runs the GC until {@code ref} is cleared, for at most a few seconds. */
    static void waitForCollection(WeakReference<?> ref) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ref.get() != null && System.nanoTime() - deadline < 0) {
            System.gc();
            TestSupport.pause();
        }
    }
}
