package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.futures.FuturesTestSupport.await;
import static pythreading.futures.FuturesTestSupport.workers;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Event;
import pythreading.threading.ExceptHookArgs;
import pythreading.threading.Semaphore;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/**
 * Mirrors CPython's test_concurrent_futures ThreadPoolExecutorTest (with executor.ExecutorTest),
 * ThreadPoolShutdownTest and the thread-pool initializer tests of test_init.
 */
@Timeout(10)
class ThreadPoolExecutorTests {

    private static final String SHUTDOWN = "cannot schedule new futures after shutdown";
    private static final String BROKEN = "A thread initializer failed, the thread pool is not usable anymore";

    /** util.ThreadPoolMixin's worker_count. */
    private static final int WORKER_COUNT = 5;

    /** A name prefix unique to the test, so that its workers can be told from others. */
    private String prefix;
    /** util.ExecutorMixin's executor, shut down after each test. */
    private ThreadPoolExecutor executor;

    @BeforeEach
    void setUp(TestInfo info) {
        prefix = "T" + info.getTestMethod().orElseThrow().getName();
        executor = ThreadPoolExecutor.builder().maxWorkers(WORKER_COUNT).threadNamePrefix(prefix).build();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown(true);
        for (Thread t : workers(prefix)) {
            t.join(FuturesTestSupport.SHORT_TIMEOUT);
        }
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    private static <R> List<R> list(Iterable<R> results) {
        List<R> out = new ArrayList<>();
        results.forEach(out::add);
        return out;
    }

    /**
     * Waits until the worker {@code name} is idle: parked while waiting on its work queue,
     * which it does only after it has made itself available for reuse.
     */
    private static void waitUntilIdle(String name) {
        FuturesTestSupport.waitUntil(name + " is idle", () -> {
            java.lang.Thread t = FuturesTestSupport.javaThread(name);
            if (t == null || t.getState() != java.lang.Thread.State.WAITING) {
                return false;
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("pythreading.queue.")) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Calls System.gc() until {@code ref} is cleared; fails after SHORT_TIMEOUT. */
    private static void waitUntilCollected(WeakReference<?> ref) {
        FuturesTestSupport.waitUntil("the object is collected", () -> {
            System.gc();
            return ref.get() == null;
        });
    }

    // ------------------------------------------------------------------ submit

    @Test
    void testSubmit() {
        // executor.ExecutorTest.test_submit
        Future<Integer> future = executor.submit(() -> (int) Math.pow(2, 8));
        assertThat(future.result()).isEqualTo(256);
    }

    @Test
    void testSubmitRunnable() {
        // pythreading: submit(Runnable) returns a future whose result is null
        AtomicInteger runs = new AtomicInteger();
        Runnable task = runs::incrementAndGet;
        Future<Void> future = executor.submit(task);
        assertThat(future.result()).isNull();
        assertThat(runs.get()).isEqualTo(1);
        Runnable failing = () -> {
            throw new IllegalArgumentException("bad");
        };
        assertThat(executor.submit(failing).exception()).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad");
    }

    @Test
    void testSubmitCheckedException() {
        // pythreading: a Callable's checked exception is kept as thrown; result() wraps it
        IOException e = new IOException("io");
        Future<Integer> f = executor.submit(() -> {
            throw e;
        });
        assertThat(f.exception()).isSameAs(e);
        assertThatThrownBy(f::result).isExactlyInstanceOf(CompletionException.class).hasCause(e);
    }

    @Test
    void testSubmitNull() {
        // pythreading: a null callable is refused
        assertThatThrownBy(() -> executor.submit((java.util.concurrent.Callable<Integer>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> executor.submit((Runnable) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> executor.execute(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void testTaskThrowingErrorIsStoredInFuture() {
        // pythreading: any Throwable (Python: any BaseException) is stored; the worker lives on
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "E").build();
        try {
            AssertionError error = new AssertionError("fatal");
            Future<String> f = pool.submit(() -> {
                throw error;
            });
            assertThat(f.exception()).isSameAs(error);
            assertThatThrownBy(f::result).isSameAs(error);
            Future<String> g = pool.submit(() -> java.lang.Thread.currentThread().getName());
            assertThat(g.result()).isEqualTo(prefix + "E_0");
        } finally {
            pool.shutdown();
        }
    }

    // --------------------------------------------------------------------- map

    @Test
    void testMap() {
        // executor.ExecutorTest.test_map
        assertThat(list(executor.map(x -> x * x, range(0, 10))))
                .isEqualTo(range(0, 10).stream().map(x -> x * x).collect(Collectors.toList()));
    }

    @Test
    void testMapEmpty() {
        // pythreading: map over no inputs yields nothing
        MapResults<Integer> results = executor.map(x -> x, List.<Integer>of());
        Iterator<Integer> it = results.iterator();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void testMapSubmitsWithoutIteration() {
        // test_thread_pool.ThreadPoolExecutorTest.test_map_submits_without_iteration
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        executor.map(finished::add, range(0, 10));
        executor.shutdown(true);
        assertThat(finished).containsExactlyInAnyOrderElementsOf(range(0, 10));
    }

    @Test
    void testMapResultsAreLazy() {
        // pythreading: each result is waited for only when the iteration reaches it
        CountDownLatch release = new CountDownLatch(1);
        MapResults<Integer> results = executor.map(x -> {
            if (x == 1) {
                await(release);
            }
            return x * 10;
        }, List.of(0, 1));
        Iterator<Integer> it = results.iterator();
        assertThat(it.next()).isEqualTo(0); // while the second call is still blocked
        release.countDown();
        assertThat(it.next()).isEqualTo(10);
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void testMapException() {
        // executor.ExecutorTest.test_map_exception
        Iterator<Integer> it = executor.map(x -> 10 / x, List.of(2, 5, 0, 1)).iterator();
        assertThat(it.next()).isEqualTo(5);
        assertThat(it.next()).isEqualTo(2);
        assertThatThrownBy(it::next).isExactlyInstanceOf(ArithmeticException.class);
        // pythreading: the iteration then ends, as Python's generator does
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void testMapTimeout() {
        // executor.ExecutorTest.test_map_timeout
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> results = new ArrayList<>();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> {
            for (Integer r : executor.map(x -> {
                if (x == 2) {
                    await(release);
                }
                return x;
            }, List.of(0, 1, 2), 0.2)) {
                results.add(r);
            }
        }).isExactlyInstanceOf(TimeoutError.class);
        FuturesTestSupport.assertTimeout(FuturesTestSupport.secondsSince(t0), 0.2);
        release.countDown();
        assertThat(results).containsExactly(0, 1);
    }

    @Test
    void testMapDurationTimeout() {
        // pythreading: map(fn, inputs, Duration) times out as map(fn, inputs, double) does
        CountDownLatch release = new CountDownLatch(1);
        try {
            MapResults<Integer> results = executor.map(x -> {
                await(release);
                return x;
            }, List.of(0), java.time.Duration.ofMillis(100));
            assertThatThrownBy(() -> results.iterator().next()).isExactlyInstanceOf(TimeoutError.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void testMapTimeoutCountedFromCall() {
        // pythreading: map's timeout runs from the map() call, not from the iteration (as in CPython)
        CountDownLatch release = new CountDownLatch(1);
        try {
            MapResults<Integer> results = executor.map(x -> {
                await(release);
                return x;
            }, List.of(0), 0.3);
            FuturesTestSupport.sleep(0.45); // let the deadline pass
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> results.iterator().next()).isExactlyInstanceOf(TimeoutError.class);
            assertThat(FuturesTestSupport.secondsSince(t0)).isLessThan(0.2); // not the 0.3 s again
        } finally {
            release.countDown();
        }
    }

    @Test
    void testMapTimeoutBeyondMaxOnlyWhenWaiting() {
        // pythreading: as in CPython, map's timeout beyond TIMEOUT_MAX is refused (OverflowError) only
        // by the next() that has to wait for a result
        double huge = Threading.TIMEOUT_MAX * 2;
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "M").build();
        CountDownLatch release = new CountDownLatch(1);
        try {
            MapResults<Integer> done = pool.map(x -> x, List.of(1), huge);
            waitUntilIdle(prefix + "M_0"); // the call is finished
            assertThat(list(done)).containsExactly(1);
            MapResults<Integer> waiting = pool.map(x -> {
                await(release);
                return x;
            }, List.of(2), huge);
            assertThatThrownBy(() -> waiting.iterator().next()).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timestamp out of range for platform time_t");
        } finally {
            release.countDown();
            pool.shutdown(true);
        }
    }

    @Test
    void testExecutorMapCurrentFutureCancel() {
        // test_thread_pool.ThreadPoolExecutorTest.test_executor_map_current_future_cancel
        Event stop = new Event();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        java.util.function.Function<String, Void> logAndWait = ident -> {
            log.add(ident + " started");
            try {
                stop.await();
            } finally {
                log.add(ident + " stopped");
            }
            return null;
        };
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(1)) {
            Future<Void> fut = pool.submit(() -> logAndWait.apply("first"));
            try {
                try (MapResults<Void> gen = pool.map(logAndWait, List.of("second", "third"), 0)) {
                    Iterator<Void> it = gen.iterator();
                    assertThatThrownBy(it::next).isExactlyInstanceOf(TimeoutError.class);
                    assertThat(it.hasNext()).isFalse();
                }
            } finally {
                stop.set();
            }
            fut.result();
        }
        // "second" is cancelled by the TimeoutError, "third" because it was still queued
        assertThat(log).containsExactly("first started", "first stopped");
    }

    @Test
    void testMapCloseEarlyCancelsCallsNotStarted() {
        // pythreading: closing the results early cancels the calls not started (Python: dropping the generator)
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(2)) {
            pool.submit(() -> {
                blockerRunning.countDown();
                await(releaseBlocker);
            });
            await(blockerRunning);
            MapResults<Integer> results = pool.map(x -> {
                if (x == 0) {
                    firstRunning.countDown();
                    await(releaseFirst);
                }
                ran.add(x);
                return x;
            }, List.of(0, 1, 2, 3));
            await(firstRunning); // both workers are busy now: 1, 2 and 3 are queued
            results.close();
            releaseFirst.countDown(); // a running call is not interrupted: it finishes
            releaseBlocker.countDown();
        }
        assertThat(ran).containsExactly(0);
    }

    @Test
    void testMapCloseAfterPartialIteration() {
        // pythreading: closing after some results cancels only the calls still queued
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch releaseBlocker = new CountDownLatch(1);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(1)) {
            Future<Integer> first = pool.submit(() -> 0);
            first.result();
            try (MapResults<Integer> results = pool.map(x -> {
                ran.add(x);
                if (x == 1) {
                    blockerRunning.countDown();
                    await(releaseBlocker);
                }
                return x;
            }, List.of(1, 2, 3))) {
                await(blockerRunning);
                // the first call is running; 2 and 3 are queued behind it
            }
            releaseBlocker.countDown();
        }
        assertThat(ran).containsExactly(1);
    }

    @Test
    void testMapIteratedTwiceRefused() {
        // pythreading: the results can be iterated once, as Python's generator
        MapResults<Integer> results = executor.map(x -> x, List.of(1, 2));
        assertThat(list(results)).containsExactly(1, 2);
        assertThatThrownBy(results::iterator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testShutdownRaceIssue12456() {
        // executor.ExecutorTest.test_shutdown_race_issue12456
        executor.map(String::valueOf, Collections.nCopies(WORKER_COUNT + 1, 2));
        executor.shutdown();
    }

    @Test
    void testFreeReference() {
        // executor.ExecutorTest.test_free_reference
        for (Object obj : executor.map(i -> new Object(), range(0, 10))) {
            WeakReference<Object> wr = new WeakReference<>(obj);
            obj = null;
            waitUntilCollected(wr);
        }
    }

    @Test
    void testNoStaleReferences() {
        // executor.ExecutorTest.test_no_stale_references
        Object myObject = new Object();
        WeakReference<Object> wr = new WeakReference<>(myObject);
        CountDownLatch ran = new CountDownLatch(1);
        submitDiscarding(myObject, ran); // the future is deliberately discarded
        myObject = null;
        await(ran);
        waitUntilCollected(wr);
    }

    private void submitDiscarding(Object captured, CountDownLatch ran) {
        executor.submit(() -> {
            captured.hashCode();
            ran.countDown();
        });
    }

    // ----------------------------------------------------------------- workers

    @Test
    void testDefaultWorkers() {
        // test_thread_pool.ThreadPoolExecutorTest.test_default_workers
        ThreadPoolExecutor pool = new ThreadPoolExecutor();
        try {
            assertThat(pool.maxWorkers()).isEqualTo(Math.min(32, Runtime.getRuntime().availableProcessors() + 4));
            assertThat(ThreadPoolExecutor.builder().build().maxWorkers()).isEqualTo(pool.maxWorkers());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void testMaxWorkersNegative() {
        // executor.ExecutorTest.test_max_workers_negative
        for (int number : new int[] {0, -1}) {
            assertThatThrownBy(() -> new ThreadPoolExecutor(number)).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_workers must be greater than 0");
            assertThatThrownBy(() -> ThreadPoolExecutor.builder().maxWorkers(number).build())
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_workers must be greater than 0");
        }
    }

    @Test
    void testSaturation() {
        // test_thread_pool.ThreadPoolExecutorTest.test_saturation
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(4).threadNamePrefix(prefix + "S").build();
        Semaphore sem = new Semaphore(0);
        List<Future<Void>> fs = new ArrayList<>();
        for (int i = 0; i < 15 * 4; i++) {
            fs.add(pool.submit(() -> {
                sem.acquire();
            }));
        }
        assertThat(workers(prefix + "S")).hasSize(4);
        for (int i = 0; i < 15 * 4; i++) {
            sem.release();
        }
        pool.shutdown(true);
        assertThat(fs).allMatch(f -> f.done() && f.exception() == null);
        assertThat(workers(prefix + "S")).isEmpty();
    }

    @Test
    void testIdleThreadReuse() {
        // test_thread_pool.ThreadPoolExecutorTest.test_idle_thread_reuse
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().threadNamePrefix(prefix + "R").build();
        try {
            assertThat(pool.submit(() -> 21 * 2).result()).isEqualTo(42);
            waitUntilIdle(prefix + "R_0"); // CPython's test is flaky without the GIL for want of this
            assertThat(pool.submit(() -> 6 * 7).result()).isEqualTo(42);
            waitUntilIdle(prefix + "R_0");
            assertThat(pool.submit(() -> 3 * 14).result()).isEqualTo(42);
            assertThat(workers(prefix + "R")).extracting(Thread::getName).containsExactly(prefix + "R_0");
        } finally {
            pool.shutdown(true);
        }
    }

    @Test
    void testLazyWorkerStart() {
        // pythreading: no worker starts before the first submit, one per submit while none is idle
        assertThat(workers(prefix)).isEmpty();
        CountDownLatch release = new CountDownLatch(1);
        Future<Void> f = executor.submit(() -> await(release));
        assertThat(workers(prefix)).extracting(Thread::getName).containsExactly(prefix + "_0");
        Future<Void> g = executor.submit(() -> await(release));
        assertThat(workers(prefix)).extracting(Thread::getName).containsExactlyInAnyOrder(prefix + "_0", prefix + "_1");
        release.countDown();
        f.result();
        g.result();
    }

    @Test
    void testThreadsTerminate() {
        // test_shutdown.ThreadPoolShutdownTest.test_threads_terminate
        Semaphore sem = new Semaphore(0);
        for (int i = 0; i < 3; i++) {
            executor.submit(() -> {
                sem.acquire();
            });
        }
        List<Thread> threads = workers(prefix);
        assertThat(threads).hasSize(3);
        for (int i = 0; i < 3; i++) {
            sem.release();
        }
        executor.shutdown();
        for (Thread t : threads) {
            t.join();
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(workers(prefix)).isEmpty();
    }

    @Test
    void testThreadNamesAssigned() {
        // test_shutdown.ThreadPoolShutdownTest.test_thread_names_assigned
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix("SpecialPool").build();
        CountDownLatch allStarted = new CountDownLatch(5);
        List<Future<String>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fs.add(pool.submit(() -> {
                allStarted.countDown();
                await(allStarted);
                return Threading.currentThread().getName();
            }));
        }
        List<Thread> threads = workers("SpecialPool");
        pool.shutdown(true);
        assertThat(threads).hasSize(5).allSatisfy(t -> assertThat(t.getName()).matches("^SpecialPool_[0-4]$"));
        assertThat(fs).extracting(Future::result).containsExactlyInAnyOrder(
                "SpecialPool_0", "SpecialPool_1", "SpecialPool_2", "SpecialPool_3", "SpecialPool_4");
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void testThreadNamesDefault() {
        // test_shutdown.ThreadPoolShutdownTest.test_thread_names_default
        ThreadPoolExecutor pool = new ThreadPoolExecutor(5);
        ThreadPoolExecutor emptyPrefix = ThreadPoolExecutor.builder().threadNamePrefix("").maxWorkers(1).build();
        try {
            String name = pool.submit(() -> Threading.currentThread().getName()).result();
            assertThat(name).matches("ThreadPoolExecutor-\\d+_0$");
            String other = emptyPrefix.submit(() -> Threading.currentThread().getName()).result();
            assertThat(other).matches("ThreadPoolExecutor-\\d+_0$").isNotEqualTo(name);
            // the pools are numbered in order of creation
            int k = Integer.parseInt(name.substring("ThreadPoolExecutor-".length(), name.indexOf('_')));
            assertThat(other).isEqualTo("ThreadPoolExecutor-" + (k + 1) + "_0");
        } finally {
            pool.shutdown();
            emptyPrefix.shutdown();
        }
    }

    @Test
    void testWorkersAreListedDaemonThreads() {
        // pythreading: workers are pythreading Threads, listed by Threading.enumerate(), and daemons
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> current = new AtomicReference<>();
        Future<Void> f = executor.submit(() -> {
            current.set(Threading.currentThread());
            await(release);
        });
        FuturesTestSupport.waitUntil("the call runs", () -> current.get() != null);
        assertThat(Threading.enumerate()).contains(current.get());
        assertThat(current.get().isDaemon()).isTrue();
        assertThat(current.get().getName()).isEqualTo(prefix + "_0");
        release.countDown();
        f.result();
    }

    @Test
    void testVirtualWorkers() throws Exception {
        // pythreading: builder().virtual(true) runs the calls on virtual threads (JDK 21+)
        if (Runtime.version().feature() < 21) {
            assertThatThrownBy(() -> ThreadPoolExecutor.builder().virtual(true))
                    .isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().virtual(true).maxWorkers(2)
                .threadNamePrefix(prefix + "V").build();
        try {
            java.lang.reflect.Method isVirtual = java.lang.Thread.class.getMethod("isVirtual");
            Future<Boolean> f = pool.submit(() -> (Boolean) isVirtual.invoke(java.lang.Thread.currentThread()));
            assertThat(f.result()).isTrue();
            assertThat(pool.submit(() -> Threading.currentThread().getName()).result()).startsWith(prefix + "V_");
            assertThat(list(pool.map(x -> x + 1, List.of(1, 2, 3)))).containsExactly(2, 3, 4);
        } finally {
            pool.shutdown(true);
        }
        assertThat(workers(prefix + "V")).isEmpty();
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void testRunAfterShutdown() {
        // test_shutdown.ExecutorShutdownTest.test_run_after_shutdown
        executor.shutdown();
        assertThatThrownBy(() -> executor.submit(() -> 2 * 5)).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(SHUTDOWN);
        assertThatThrownBy(() -> executor.submit(() -> { })).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(SHUTDOWN);
        assertThatThrownBy(() -> executor.map(x -> x, List.of(1))).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage(SHUTDOWN);
        // pythreading: execute() keeps Executor's contract
        assertThatThrownBy(() -> executor.execute(() -> { })).isExactlyInstanceOf(RejectedExecutionException.class)
                .hasMessage(SHUTDOWN);
    }

    @Test
    void testHangIssue12364() {
        // test_shutdown.ExecutorShutdownTest.test_hang_issue12364
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            fs.add(executor.submit(() -> n));
        }
        executor.shutdown();
        for (int i = 0; i < 50; i++) {
            assertThat(fs.get(i).result()).isEqualTo(i);
        }
    }

    @Test
    void testCancelFutures() {
        // test_shutdown.ExecutorShutdownTest.test_cancel_futures (made exact: the one worker is held)
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "C").build();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> {
            running.countDown();
            await(release);
            return 1;
        });
        await(running);
        List<Future<Integer>> fs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fs.add(pool.submit(() -> 2));
        }
        pool.shutdown(false, true);
        assertThat(fs).allMatch(Future::cancelled);
        assertThat(first.running()).isTrue();
        release.countDown();
        pool.shutdown(true, true);
        assertThat(first.result()).isEqualTo(1);
        assertThat(workers(prefix + "C")).isEmpty();
    }

    @Test
    void testHangGh94440() {
        // test_shutdown.ExecutorShutdownTest.test_hang_gh94440
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "H").build();
        pool.submit(() -> 0).result();
        pool.submit(() -> 0).cancel();
        pool.shutdown(true);
        assertThat(workers(prefix + "H")).isEmpty();
    }

    @Test
    void testContextManagerShutdown() {
        // test_shutdown.ThreadPoolShutdownTest.test_context_manager_shutdown
        List<Thread> threads;
        try (ThreadPoolExecutor e = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix(prefix + "W").build()) {
            assertThat(list(e.map(Math::abs, range(-5, 5)))).containsExactly(5, 4, 3, 2, 1, 0, 1, 2, 3, 4);
            threads = workers(prefix + "W");
        }
        assertThat(threads).isNotEmpty().noneMatch(Thread::isAlive);
    }

    @Test
    void testTryWithResourcesWaitsForWork() {
        // pythreading: close() is shutdown(wait=true): queued and running calls finish first
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try (ThreadPoolExecutor pool = new ThreadPoolExecutor(1)) {
            pool.submit(() -> {
                running.countDown();
                FuturesTestSupport.sleep(0.1); // the pool must wait for this call, whatever it does
                done.incrementAndGet();
            });
            for (int i = 0; i < 5; i++) {
                pool.submit(done::incrementAndGet);
            }
            await(running);
        }
        assertThat(done.get()).isEqualTo(6);
    }

    @Test
    void testDelShutdown() {
        // test_shutdown.ThreadPoolShutdownTest.test_del_shutdown
        List<Thread> threads = new ArrayList<>();
        MapResults<Integer> res = mapAndDropPool(prefix + "D", threads);
        for (Thread t : threads) {
            FuturesTestSupport.waitUntil(t.getName() + " ends once its pool is collected", () -> {
                System.gc();
                t.join(0.01);
                return !t.isAlive();
            });
        }
        // the results were all computed before the workers ended
        assertThat(list(res)).containsExactly(5, 4, 3, 2, 1, 0, 1, 2, 3, 4);
    }

    private static MapResults<Integer> mapAndDropPool(String name, List<Thread> threads) {
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix(name).build();
        MapResults<Integer> res = pool.map(Math::abs, range(-5, 5));
        threads.addAll(workers(name));
        return res;
    }

    @Test
    void testShutdownNoWait() {
        // test_shutdown.ThreadPoolShutdownTest.test_shutdown_no_wait
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(5).threadNamePrefix(prefix + "N").build();
        MapResults<Integer> res = pool.map(Math::abs, range(-5, 5));
        List<Thread> threads = workers(prefix + "N");
        pool.shutdown(false);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(list(res)).containsExactly(5, 4, 3, 2, 1, 0, 1, 2, 3, 4);
    }

    @Test
    void testShutdownNoWaitQueuedWorkStillRuns() {
        // pythreading: shutdown(wait=false) returns at once; the queued calls still run (CPython alike)
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "Q").build();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = pool.submit(() -> {
            running.countDown();
            await(release);
            return 0;
        });
        List<Future<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int n = i;
            queued.add(pool.submit(() -> n));
        }
        await(running);
        pool.shutdown(false); // does not wait for the blocked call
        assertThat(first.done()).isFalse();
        assertThatThrownBy(() -> pool.submit(() -> 9)).hasMessage(SHUTDOWN);
        release.countDown();
        assertThat(first.result()).isZero();
        assertThat(queued).extracting(Future::result).containsExactly(1, 2, 3);
        pool.shutdown(true);
        assertThat(workers(prefix + "Q")).isEmpty();
    }

    @Test
    void testShutdownTwice() {
        // pythreading: shutdown may be called again (CPython's is idempotent)
        executor.submit(() -> 1).result();
        executor.shutdown(false);
        executor.shutdown(true);
        executor.shutdown(true, true);
        executor.close();
        assertThat(workers(prefix)).isEmpty();
    }

    @Test
    void testShutdownWaitFromWorker() {
        // pythreading: shutdown(wait=true) inside a worker joins the worker itself (CPython's RuntimeError)
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "J").build();
        Future<Void> f = pool.submit(() -> {
            pool.shutdown(true);
        });
        assertThat(f.exception()).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join current thread");
        assertThatThrownBy(() -> pool.submit(() -> 1)).hasMessage(SHUTDOWN);
        pool.shutdown(true);
        assertThat(workers(prefix + "J")).isEmpty();
    }

    @Test
    void testInterruptLeftByCallDoesNotReachNextCall() {
        // pythreading: a call that leaves its thread interrupted does not interrupt the next call on
        // that worker (as java.util.concurrent.ThreadPoolExecutor clears it before each task)
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "X").build();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> await(release)); // holds the worker while the next two are queued
            Future<Void> interrupter = pool.submit(() -> java.lang.Thread.currentThread().interrupt());
            Future<Boolean> next = pool.submit(() -> java.lang.Thread.currentThread().isInterrupted());
            Future<Boolean> waits = pool.submit(() -> new Event().await(0.01));
            release.countDown();
            interrupter.result();
            assertThat(next.result()).isFalse();
            assertThat(waits.exception()).isNull();
        } finally {
            pool.shutdown(true);
        }
    }

    // ------------------------------------------------------------- initializer

    @Test
    void testInitializer() {
        // test_init.InitializerMixin.test_initializer
        ThreadLocal<String> status = ThreadLocal.withInitial(() -> "uninitialized");
        AtomicInteger inits = new AtomicInteger();
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(2).threadNamePrefix(prefix + "I")
                .initializer(() -> {
                    inits.incrementAndGet();
                    status.set("initialized");
                }).build();
        try {
            CountDownLatch both = new CountDownLatch(2);
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> {
                    both.countDown();
                    await(both); // two workers at once
                    return status.get();
                }));
            }
            assertThat(fs).extracting(Future::result).containsExactly("initialized", "initialized");
            for (int i = 0; i < 10; i++) {
                assertThat(pool.submit(status::get).result()).isEqualTo("initialized");
            }
            // pythreading: the initializer runs once per worker
            assertThat(inits.get()).isEqualTo(2);
        } finally {
            pool.shutdown(true);
        }
    }

    @Test
    void testFailingInitializer() {
        // test_init.FailingInitializerMixin.test_initializer
        CountDownLatch submitted = new CountDownLatch(1);
        IllegalArgumentException failure = new IllegalArgumentException("error in initializer");
        ThreadPoolExecutor pool = ThreadPoolExecutor.builder().maxWorkers(1).threadNamePrefix(prefix + "F")
                .initializer(() -> {
                    await(submitted); // let some futures be queued
                    throw failure;
                }).build();
        try (FuturesTestSupport.LogCapture log = new FuturesTestSupport.LogCapture()) {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                fs.add(pool.submit(() -> "ran"));
            }
            submitted.countDown();
            for (Future<String> f : fs) {
                assertThatThrownBy(f::result).isExactlyInstanceOf(BrokenThreadPool.class).hasMessage(BROKEN)
                        .isInstanceOf(BrokenExecutor.class).isInstanceOf(IllegalStateException.class);
            }
            // from this point submit() is guaranteed to fail
            assertThatThrownBy(() -> pool.submit(() -> "late")).isExactlyInstanceOf(BrokenThreadPool.class)
                    .hasMessage(BROKEN);
            assertThatThrownBy(() -> pool.map(x -> x, List.of(1))).isExactlyInstanceOf(BrokenThreadPool.class);
            assertThatThrownBy(() -> pool.execute(() -> { })).isExactlyInstanceOf(RejectedExecutionException.class)
                    .hasMessage(BROKEN);
            List<LogRecord> records = log.records();
            assertThat(records).anySatisfy(r -> {
                assertThat(r.getMessage()).isEqualTo("Exception in initializer:");
                assertThat(r.getThrown()).isSameAs(failure);
            });
        } finally {
            pool.shutdown(true);
        }
        assertThat(workers(prefix + "F")).isEmpty();
    }

    // ----------------------------------------------------------------- Executor

    @Test
    void testExecuteRunsCommand() {
        // pythreading: execute() runs the command on a worker
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> where = new AtomicReference<>();
        executor.execute(() -> {
            where.set(Threading.currentThread().getName());
            ran.countDown();
        });
        await(ran);
        assertThat(where.get()).startsWith(prefix + "_");
    }

    @Test
    void testExecuteExceptionGoesToExcepthook() {
        // pythreading: a command's exception has no future: it goes to Threading.excepthook
        Consumer<ExceptHookArgs> old = Threading.excepthook();
        CountDownLatch hooked = new CountDownLatch(1);
        AtomicReference<ExceptHookArgs> seen = new AtomicReference<>();
        Threading.setExcepthook(args -> {
            seen.set(args);
            hooked.countDown();
        });
        try {
            IllegalStateException failure = new IllegalStateException("in command");
            executor.execute(() -> {
                throw failure;
            });
            await(hooked);
            assertThat(seen.get().excValue()).isSameAs(failure);
            assertThat(seen.get().excType()).isEqualTo(IllegalStateException.class);
            assertThat(seen.get().thread().getName()).startsWith(prefix + "_");
            // the worker lives on
            assertThat(executor.submit(() -> 1).result()).isEqualTo(1);
        } finally {
            Threading.setExcepthook(old);
        }
    }

    @Test
    void testExecuteFailingExcepthookIsReported() {
        // pythreading: a hook that fails is reported as for a thread (test_custom_excepthook_fail)
        Consumer<ExceptHookArgs> old = Threading.excepthook();
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        Threading.setExcepthook(args -> {
            throw new IllegalArgumentException("threading_hook failed");
        });
        try {
            executor.execute(() -> {
                throw new IllegalStateException("in command");
            });
            FuturesTestSupport.waitUntil("the hook's failure is printed",
                    () -> err.toString().contains("threading_hook failed"));
            assertThat(err.toString()).startsWith("Exception in threading.excepthook:" + System.lineSeparator())
                    .doesNotContain("in command");
            assertThat(executor.submit(() -> 1).result()).as("the worker lives on").isEqualTo(1);
        } finally {
            Threading.setExcepthook(old);
            System.setErr(oldErr);
        }
    }

    @Test
    void testIsExecutor() throws Exception {
        // pythreading: the pool is a java.util.concurrent.Executor
        Executor asExecutor = executor;
        CompletableFuture<String> cf = CompletableFuture.supplyAsync(
                () -> Threading.currentThread().getName(), asExecutor);
        assertThat(cf.get((long) FuturesTestSupport.SHORT_TIMEOUT, TimeUnit.SECONDS)).startsWith(prefix + "_");
    }
}
