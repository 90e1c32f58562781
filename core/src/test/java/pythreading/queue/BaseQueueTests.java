package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.queue.QueueTestSupport.LONG;
import static pythreading.queue.QueueTestSupport.assertTimeout;
import static pythreading.queue.QueueTestSupport.doBlockingTest;
import static pythreading.queue.QueueTestSupport.secondsSince;
import static pythreading.queue.QueueTestSupport.seconds;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.queue.QueueTestSupport.Async;

/**
 * The behaviour every {@link Queue} shares, mirroring CPython's
 * {@code test_queue.BaseQueueTestMixin}; each subclass supplies its queue and its order.
 */
@Timeout(20)
abstract class BaseQueueTests {

    /** test_queue's QUEUE_SIZE. */
    static final int QUEUE_SIZE = 5;

    static final String TIMEOUT_MESSAGE = "'timeout' must be a non-negative number";

    /** A queue under test holding at most {@code maxsize} items (0 or less: unbounded). */
    abstract <E> Queue<E> newQueue(int maxsize);

    /** A queue under test made by its no-argument constructor. */
    abstract <E> Queue<E> newQueue();

    /** A queue under test that accepts null items (a priority queue needs a comparator). */
    <E> Queue<E> newQueueAcceptingNulls(int maxsize) {
        return newQueue(maxsize);
    }

    /**
     * The order in which items put in the order {@code puts} come out ({@code priority}
     * orders them for a priority queue): test_queue's {@code target_order}.
     */
    abstract <T> List<T> expectedOrder(List<T> puts, Comparator<? super T> priority);

    /** Natural order for any items that are Comparable. */
    @SuppressWarnings("unchecked")
    static <T> Comparator<T> natural() {
        return (a, b) -> ((Comparable<Object>) a).compareTo(b);
    }

    /** test_queue's qfull. */
    static boolean qfull(Queue<?> q) {
        return q.maxsize() > 0 && q.qsize() == q.maxsize();
    }

    /** Takes every item now in the queue, without waiting. */
    static <E> List<E> drain(Queue<E> q) {
        List<E> items = new ArrayList<>();
        while (!q.empty()) {
            items.add(q.getNowait());
        }
        return items;
    }

    // ---------------------------------------------------------------------------------
    // Basic behaviour

    private void basicQueueTest(Queue<Integer> q) throws Exception {
        assertThat(q.qsize()).as("call with an empty queue").isZero();
        assertThat(q.empty()).isTrue();
        assertThat(q.full()).isFalse();
        q.put(111);
        q.put(333);
        q.put(222);
        List<Integer> actual = Arrays.asList(q.get(), q.get(), q.get());
        assertThat(actual).as("the queue's order")
                .isEqualTo(expectedOrder(Arrays.asList(111, 333, 222), natural()));
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(i);
            assertThat(q.qsize()).as("queue should not be empty").isPositive();
        }
        assertThat(qfull(q)).as("queue should not be full").isFalse();
        int last = 2 * QUEUE_SIZE;
        int full = 3 * 2 * QUEUE_SIZE;
        q.put(last);
        assertThat(qfull(q)).as("queue should be full").isTrue();
        assertThat(q.empty()).isFalse();
        assertThat(q.full()).isTrue();
        assertThatThrownBy(() -> q.put(full, false)).as("a non-blocking put on a full queue").isInstanceOf(Full.class);
        assertThatThrownBy(() -> q.put(full, true, 0.01)).as("a timed put on a full queue").isInstanceOf(Full.class);
        // blocking puts, released by a get
        doBlockingTest(() -> {
            q.put(full);
            return null;
        }, q::get);
        doBlockingTest(() -> {
            q.put(full, true, 10);
            return null;
        }, q::get);
        // empty it
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.get();
        }
        assertThat(q.qsize()).as("queue should be empty").isZero();
        assertThatThrownBy(() -> q.get(false)).as("a non-blocking get on an empty queue").isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(true, 0.01)).as("a timed get on an empty queue").isInstanceOf(Empty.class);
        // blocking gets, released by a put
        assertThat(QueueTestSupport.<Integer>doBlockingTest(q::get, () -> q.put(-7))).isEqualTo(-7);
        assertThat(QueueTestSupport.<Integer>doBlockingTest(() -> q.get(true, 10), () -> q.put(-8))).isEqualTo(-8);
    }

    @Test
    void basic() throws Exception {
        // test_queue.BaseQueueTestMixin.test_basic
        Queue<Integer> q = newQueue(QUEUE_SIZE);
        basicQueueTest(q);
        basicQueueTest(q); // the same instance, reused
    }

    @Test
    void order() {
        // pythreading: the order of each kind over more items, with gets between puts
        Queue<Integer> q = newQueue();
        List<Integer> puts = Arrays.asList(5, 3, 9, 1, 7, 3, 8);
        puts.forEach(q::put);
        List<Integer> expected = expectedOrder(puts, natural());
        assertThat(drain(q)).isEqualTo(expected);
        assertThat(q.empty()).isTrue();
    }

    @Test
    void blockingPutReleasedByGet() throws Exception {
        // test_queue.BaseQueueTestMixin.test_basic (its do_blocking_test of put), each form
        List<Consumer<Queue<Integer>>> puts = List.of(
                q -> q.put(3),
                q -> q.put(3, true),
                q -> q.put(3, true, 10.0),
                q -> q.put(3, true, Duration.ofSeconds(10)));
        for (Consumer<Queue<Integer>> put : puts) {
            Queue<Integer> q = newQueue(2);
            q.put(1);
            q.put(2);
            doBlockingTest(() -> {
                put.accept(q);
                return null;
            }, () -> assertThat(q.get()).isIn(1, 2));
            assertThat(q.qsize()).isEqualTo(2);
            assertThat(q.unfinishedTasks()).isEqualTo(3);
            assertThat(drain(q)).contains(3);
        }
    }

    @Test
    void blockingGetReleasedByPut() throws Exception {
        // test_queue.BaseQueueTestMixin.test_basic (its do_blocking_test of get), each form
        List<Function<Queue<String>, String>> gets = List.of(
                Queue::get,
                q -> q.get(true),
                q -> q.get(true, 10.0),
                q -> q.get(true, Duration.ofSeconds(10)));
        for (Function<Queue<String>, String> get : gets) {
            Queue<String> q = newQueue(2);
            assertThat(doBlockingTest(() -> get.apply(q), () -> q.put("x"))).isEqualTo("x");
            assertThat(q.qsize()).isZero();
            assertThat(q.unfinishedTasks()).isEqualTo(1);
        }
    }

    @Test
    void putTimeoutRaisesFull() {
        // test_queue.BaseQueueTestMixin.test_basic (put(full, timeout=0.01)), timed
        Queue<Integer> q = newQueue(1);
        q.put(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.put(2, true, 0.1)).isInstanceOf(Full.class);
        assertTimeout(secondsSince(start), 0.1);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.put(2, true, seconds(0.1))).isInstanceOf(Full.class);
        assertTimeout(secondsSince(start), 0.1);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.put(2, true, 0.0)).isInstanceOf(Full.class);
        assertThat(secondsSince(start)).as("a zero timeout does not wait").isLessThan(1.0);
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        assertThat(q.get()).isEqualTo(1);
    }

    @Test
    void getTimeoutRaisesEmpty() {
        // test_queue.BaseQueueTestMixin.test_basic (get(timeout=0.01)), timed
        Queue<Integer> q = newQueue(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, 0.1)).isInstanceOf(Empty.class);
        assertTimeout(secondsSince(start), 0.1);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, seconds(0.1))).isInstanceOf(Empty.class);
        assertTimeout(secondsSince(start), 0.1);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, 0.0)).isInstanceOf(Empty.class);
        assertThat(secondsSince(start)).as("a zero timeout does not wait").isLessThan(1.0);
        assertThat(q.qsize()).isZero();
    }

    @Test
    void nowait() {
        // test_queue.BaseQueueTestMixin.test_nowait
        Queue<Integer> q = newQueue(QUEUE_SIZE);
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.putNowait(1);
        }
        assertThatThrownBy(() -> q.putNowait(1)).isInstanceOf(Full.class);
        assertThat(q.qsize()).isEqualTo(QUEUE_SIZE);
        assertThat(q.unfinishedTasks()).isEqualTo(QUEUE_SIZE);
        for (int i = 0; i < QUEUE_SIZE; i++) {
            q.getNowait();
        }
        assertThatThrownBy(q::getNowait).isInstanceOf(Empty.class);
    }

    @Test
    void negativeTimeoutRaises() {
        // test_queue.BaseQueueTestMixin.test_negative_timeout_raises_exception
        Queue<Integer> q = newQueue(QUEUE_SIZE);
        assertThatThrownBy(() -> q.put(1, true, -1))
                .as("a bounded put, even with room").isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TIMEOUT_MESSAGE);
        assertThatThrownBy(() -> q.put(1, true, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(TIMEOUT_MESSAGE);
        assertThat(q.qsize()).as("nothing put").isZero();
        assertThat(q.unfinishedTasks()).isZero();
        assertThatThrownBy(() -> q.get(true, -1))
                .as("a get of an empty queue").isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TIMEOUT_MESSAGE);
        q.put(1);
        assertThatThrownBy(() -> q.get(true, -1))
                .as("a get, even with an item").isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TIMEOUT_MESSAGE);
        assertThatThrownBy(() -> q.get(true, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(TIMEOUT_MESSAGE);
        assertThat(q.qsize()).as("nothing taken").isEqualTo(1);
        for (int i = 1; i < QUEUE_SIZE; i++) {
            q.put(1);
        }
        assertThatThrownBy(() -> q.put(1, true, -0.5))
                .as("a put on a full queue").isInstanceOf(IllegalArgumentException.class)
                .hasMessage(TIMEOUT_MESSAGE);
        assertThat(q.qsize()).isEqualTo(QUEUE_SIZE);
        assertThat(q.unfinishedTasks()).isEqualTo(QUEUE_SIZE);
    }

    @Test
    void nonBlockingCallsIgnoreTimeout() {
        // pythreading: queue.py ignores the timeout when block is false ("timeout is ignored")
        Queue<Integer> q = newQueue(1);
        q.put(1, false, -1);
        assertThatThrownBy(() -> q.put(2, false, -1)).isInstanceOf(Full.class);
        assertThatThrownBy(() -> q.put(2, false, Duration.ofSeconds(5))).isInstanceOf(Full.class);
        assertThat(q.get(false, -1)).isEqualTo(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(false, -1)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(false, 5.0)).isInstanceOf(Empty.class);
        assertThat(secondsSince(start)).as("no call waited").isLessThan(1.0);
    }

    @Test
    void unboundedPutIgnoresBlockAndTimeout() {
        // pythreading: queue.py's put looks at block and timeout only when maxsize > 0
        Queue<Integer> q = newQueue(0);
        q.put(1, true, -1);
        q.put(2, false, -5);
        q.put(3, true, Duration.ofSeconds(-1));
        q.put(4, false);
        q.put(5, true, 0.0);
        q.putNowait(6);
        assertThat(q.qsize()).isEqualTo(6);
        assertThat(q.unfinishedTasks()).isEqualTo(6);
        assertThat(drain(q)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void nonPositiveMaxsizeIsUnbounded() {
        // pythreading: queue.py, "If maxsize is <= 0, the queue size is infinite"
        for (int maxsize : new int[] {0, -1, Integer.MIN_VALUE}) {
            Queue<Integer> q = newQueue(maxsize);
            assertThat(q.maxsize()).isEqualTo(maxsize);
            for (int i = 0; i < 1000; i++) {
                q.putNowait(i);
                assertThat(q.full()).isFalse();
            }
            assertThat(q.qsize()).isEqualTo(1000);
        }
        Queue<Integer> q = newQueue();
        assertThat(q.maxsize()).isZero();
        for (int i = 0; i < 1000; i++) {
            q.putNowait(i);
        }
        assertThat(q.full()).isFalse();
        assertThat(q.qsize()).isEqualTo(1000);
    }

    @Test
    void fullEmptyQsizeMaxsize() {
        // pythreading: queue.py's qsize, empty, full (0 < maxsize <= qsize) and maxsize
        Queue<Integer> q = newQueue(2);
        assertThat(q.maxsize()).isEqualTo(2);
        assertThat(q.qsize()).isZero();
        assertThat(q.empty()).isTrue();
        assertThat(q.full()).isFalse();
        q.put(1);
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(q.empty()).isFalse();
        assertThat(q.full()).isFalse();
        q.put(2);
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.full()).isTrue();
        q.get();
        assertThat(q.full()).isFalse();
        assertThat(q.qsize()).isEqualTo(1);
        q.get();
        assertThat(q.empty()).isTrue();
        assertThat(q.unfinishedTasks()).as("gets do not finish tasks").isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------
    // task_done and join

    @Test
    void taskDoneTooManyTimes() {
        // test_queue.BaseQueueTestMixin.test_queue_task_done
        Queue<Integer> q = newQueue();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        assertThat(q.unfinishedTasks()).isZero();
        q.put(1);
        q.put(2);
        q.get();
        q.taskDone();
        q.taskDone(); // no check of which item: the one still queued counts too
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        assertThat(q.unfinishedTasks()).as("count unchanged").isZero();
        q.join(); // nothing unfinished
    }

    private void queueJoinTest(Queue<Integer> q) throws Exception {
        AtomicLong cum = new AtomicLong();
        List<Async<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(Async.run("worker-" + i, () -> {
                for (;;) {
                    int x = q.get();
                    if (x < 0) {
                        q.taskDone();
                        return;
                    }
                    cum.addAndGet(x);
                    q.taskDone();
                }
            }));
        }
        for (int i = 0; i < 100; i++) {
            q.put(i);
        }
        q.join();
        assertThat(cum.get()).as("join() waited until all tasks were done").isEqualTo(99 * 100 / 2);
        for (int i = 0; i < workers.size(); i++) {
            q.put(-1); // each worker ends
        }
        q.join(); // join again
        for (Async<Void> worker : workers) {
            worker.join();
        }
    }

    @Test
    void queueJoin() throws Exception {
        // test_queue.BaseQueueTestMixin.test_queue_join
        Queue<Integer> q = newQueue();
        queueJoinTest(q);
        queueJoinTest(q);
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
    }

    @Test
    void joinWaitsForLastTaskDone() {
        // pythreading: join blocks while a task is unfinished and every joiner wakes at the last task_done
        Queue<String> q = newQueue();
        q.put("a");
        q.put("b");
        Async<Void> j1 = Async.run("joiner-1", q::join).awaitBlocked();
        Async<Void> j2 = Async.run("joiner-2", q::join).awaitBlocked();
        q.get();
        q.taskDone();
        q.get();
        assertThat(j1.isDone() || j2.isDone()).as("join waits for the unfinished task").isFalse();
        q.taskDone();
        j1.join();
        j2.join();
    }

    // ---------------------------------------------------------------------------------
    // Shutdown (3.13)

    @Test
    void shutdownEmpty() {
        // test_queue.BaseQueueTestMixin.test_shutdown_empty
        Queue<String> q = newQueue();
        q.shutdown();
        assertThatThrownBy(() -> q.put("data")).isInstanceOf(ShutDown.class);
        assertThatThrownBy(q::get).isInstanceOf(ShutDown.class);
    }

    @Test
    void shutdownNonempty() {
        // test_queue.BaseQueueTestMixin.test_shutdown_nonempty
        Queue<String> q = newQueue();
        q.put("data");
        q.shutdown();
        assertThat(q.get()).isEqualTo("data");
        assertThatThrownBy(q::get).isInstanceOf(ShutDown.class);
    }

    @Test
    void shutdownImmediate() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate
        Queue<String> q = newQueue();
        q.put("data");
        q.shutdown(true);
        assertThatThrownBy(q::get).isInstanceOf(ShutDown.class);
    }

    @Test
    void shutdownAllowedTransitions() {
        // test_queue.BaseQueueTestMixin.test_shutdown_allowed_transitions
        Queue<String> q = newQueue();
        assertThat(q.isShutdown()).isFalse();
        q.shutdown();
        assertThat(q.isShutdown()).isTrue();
        q.shutdown(true);
        assertThat(q.isShutdown()).isTrue();
        q.shutdown(false);
        assertThat(q.isShutdown()).isTrue();
    }

    private void shutdownAllMethodsInOneThread(boolean immediate) {
        Queue<String> q = newQueue(2);
        q.put("L");
        q.putNowait("O");
        q.shutdown(immediate);
        assertThatThrownBy(() -> q.put("E")).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> q.putNowait("W")).as("ShutDown before Full").isInstanceOf(ShutDown.class);
        if (immediate) {
            assertThatThrownBy(q::get).isInstanceOf(ShutDown.class);
            assertThatThrownBy(q::getNowait).isInstanceOf(ShutDown.class);
            assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
            q.join();
        } else {
            assertThat(q.get()).isIn("L", "O");
            q.taskDone();
            assertThat(q.get()).isIn("L", "O");
            q.taskDone();
            q.join();
            // shut down and empty: every get raises ShutDown
            assertThatThrownBy(q::get).isInstanceOf(ShutDown.class);
            assertThatThrownBy(q::getNowait).isInstanceOf(ShutDown.class);
            assertThatThrownBy(() -> q.get(true, 1.0)).isInstanceOf(ShutDown.class);
        }
    }

    @Test
    void shutdownAllMethodsInOneThread() {
        // test_queue.BaseQueueTestMixin.test_shutdown_all_methods_in_one_thread
        shutdownAllMethodsInOneThread(false);
    }

    @Test
    void shutdownImmediateAllMethodsInOneThread() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_all_methods_in_one_thread
        shutdownAllMethodsInOneThread(true);
    }

    @Test
    void shutdownIsCheckedFirst() {
        // pythreading: queue.py checks is_shutdown before Full, Empty and the timeout's sign
        Queue<String> q = newQueue(1);
        q.put("a");
        q.shutdown();
        assertThatThrownBy(() -> q.put("b", false)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> q.put("b", true, -1)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> q.put("b", true, 0.0)).isInstanceOf(ShutDown.class);
        assertThat(q.get(true, 0.0)).as("a shut-down queue still hands out its items").isEqualTo("a");
        assertThatThrownBy(() -> q.get(false)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> q.get(true, -1)).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> q.get(true, Duration.ZERO)).isInstanceOf(ShutDown.class);
        Queue<String> unbounded = newQueue();
        unbounded.shutdown();
        assertThatThrownBy(() -> unbounded.put("x", false, -1)).isInstanceOf(ShutDown.class);
        assertThat(unbounded.unfinishedTasks()).isZero();
    }

    private void shutdownAllMethodsInManyThreads(boolean immediate) throws Exception {
        // the structure of test_queue's, with fewer threads and items
        Queue<Object> q = newQueue();
        int writeThreads = 2;
        int readThreads = 3;
        int joinThreads = 2;
        int nbMsgs = 400;
        int nbMsgsW = nbMsgs / writeThreads;
        int whenExecShutdown = nbMsgsW / 2;
        List<Boolean> resPuts = new CopyOnWriteArrayList<>();
        List<Boolean> resGets = new CopyOnWriteArrayList<>();
        List<Boolean> resShutdown = new CopyOnWriteArrayList<>();
        CyclicBarrier barrierStart = new CyclicBarrier(writeThreads + readThreads + (immediate ? joinThreads : 0));
        CountDownLatch evExecShutdown = new CountDownLatch(1);
        AtomicBoolean shutdownAsked = new AtomicBoolean();
        List<Async<Void>> threads = new ArrayList<>();
        for (int t = 0; t < writeThreads; t++) {
            int w = t;
            threads.add(Async.run("writer-" + t, () -> {
                for (int i = 0; i < whenExecShutdown / 2; i++) {
                    q.put(w * nbMsgs + i);
                }
                barrierStart.await();
                for (int i = whenExecShutdown / 2; i < nbMsgsW; i++) {
                    try {
                        q.put(w * nbMsgs + i);
                    } catch (ShutDown e) {
                        resPuts.add(false);
                        break;
                    }
                    if (i == whenExecShutdown && shutdownAsked.compareAndSet(false, true)) {
                        evExecShutdown.countDown(); // one thread asks for the shutdown
                        resPuts.add(true);
                    }
                }
            }));
        }
        for (int t = 0; t < readThreads; t++) {
            threads.add(Async.run("reader-" + t, () -> {
                q.get(true); // at least one item
                q.taskDone();
                barrierStart.await();
                for (;;) {
                    try {
                        q.get(false);
                        q.taskDone();
                    } catch (ShutDown e) {
                        resGets.add(true);
                        break;
                    } catch (Empty e) {
                        java.lang.Thread.yield();
                    }
                }
            }));
        }
        threads.add(Async.run("shutdown", () -> {
            evExecShutdown.await();
            q.shutdown(immediate);
            resShutdown.add(q.qsize() == 0);
        }));
        if (immediate) {
            for (int t = 0; t < joinThreads; t++) {
                threads.add(Async.run("joiner-" + t, () -> {
                    barrierStart.await();
                    q.join();
                }));
            }
        }
        for (Async<Void> thread : threads) {
            thread.join();
        }
        assertThat(resPuts).contains(true);
        assertThat(resGets).hasSize(readThreads).containsOnly(true);
        if (immediate) {
            assertThat(resShutdown).containsExactly(true);
            assertThat(q.empty()).isTrue();
        }
        assertThat(q.unfinishedTasks()).isZero();
    }

    @Test
    void shutdownAllMethodsInManyThreads() throws Exception {
        // test_queue.BaseQueueTestMixin.test_shutdown_all_methods_in_many_threads
        shutdownAllMethodsInManyThreads(false);
    }

    @Test
    void shutdownImmediateAllMethodsInManyThreads() throws Exception {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_all_methods_in_many_threads
        shutdownAllMethodsInManyThreads(true);
    }

    /** test_queue's _get / _get_shutdown: waits for go, then gets; whether it got an item. */
    private static Async<Boolean> getter(Queue<String> q, CountDownLatch go) {
        return Async.start("getter", () -> {
            go.await();
            try {
                q.get();
                return true;
            } catch (ShutDown e) {
                return false;
            }
        });
    }

    /** test_queue's _put / _put_shutdown: waits for go, then puts; whether it put. */
    private static Async<Boolean> putter(Queue<String> q, String item, CountDownLatch go) {
        return Async.start("putter", () -> {
            go.await();
            try {
                q.put(item);
                return true;
            } catch (ShutDown e) {
                return false;
            }
        });
    }

    /** test_queue's _get_task_done: waits for go, gets and marks the task done; whether it got one. */
    private static Async<Boolean> getterTaskDone(Queue<String> q, CountDownLatch go) {
        return Async.start("getter", () -> {
            go.await();
            try {
                q.get();
                q.taskDone();
                return true;
            } catch (ShutDown e) {
                return false;
            }
        });
    }

    /** test_queue's _join: joins; whether it returned (rather than raising ShutDown). */
    private static Async<Boolean> joiner(Queue<String> q) {
        return Async.start("joiner", () -> {
            try {
                q.join();
                return true;
            } catch (ShutDown e) {
                return false;
            }
        });
    }

    private static List<Boolean> results(List<Async<Boolean>> threads) {
        List<Boolean> results = new ArrayList<>();
        for (Async<Boolean> t : threads) {
            results.add(t.join());
        }
        return results;
    }

    private void shutdownGet(boolean immediate) {
        Queue<String> q = newQueue(2);
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y");
        q.put("D"); // full
        int n = immediate ? 2 : 3;
        List<Async<Boolean>> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(getter(q, go));
        }
        q.shutdown(immediate);
        go.countDown();
        List<Boolean> results = results(threads);
        if (immediate) {
            assertThat(results).as("every get raises ShutDown").containsOnly(false);
        } else {
            Collections.sort(results);
            assertThat(results).as("two gets the items, one raises ShutDown").containsExactly(false, true, true);
        }
    }

    @Test
    void shutdownGet() {
        // test_queue.BaseQueueTestMixin.test_shutdown_get
        shutdownGet(false);
    }

    @Test
    void shutdownImmediateGet() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_get
        shutdownGet(true);
    }

    private void shutdownPut(boolean immediate) {
        Queue<String> q = newQueue(2);
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y");
        q.put("D"); // full
        List<Async<Boolean>> threads = List.of(putter(q, "E", go), putter(q, "W", go));
        q.shutdown(immediate); // CPython's test calls shutdown() in both variants
        go.countDown();
        assertThat(results(threads)).as("every put raises ShutDown").containsOnly(false);
        assertThat(q.qsize()).isEqualTo(immediate ? 0 : 2);
    }

    @Test
    void shutdownPut() {
        // test_queue.BaseQueueTestMixin.test_shutdown_put
        shutdownPut(false);
    }

    @Test
    void shutdownImmediatePut() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_put
        shutdownPut(true);
    }

    private void shutdownJoin(boolean immediate) {
        Queue<String> q = newQueue();
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y");
        int nb = q.qsize();
        List<Async<Boolean>> joiners = List.of(joiner(q), joiner(q));
        List<Async<Boolean>> getters = new ArrayList<>();
        if (!immediate) {
            for (int i = 0; i < nb; i++) {
                getters.add(getterTaskDone(q, go));
            }
        }
        q.shutdown(immediate);
        go.countDown();
        assertThat(results(getters)).doesNotContain(false);
        assertThat(results(joiners)).as("every join returns").containsOnly(true);
        assertThat(q.unfinishedTasks()).isZero();
    }

    @Test
    void shutdownJoin() {
        // test_queue.BaseQueueTestMixin.test_shutdown_join
        shutdownJoin(false);
    }

    @Test
    void shutdownImmediateJoin() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_join
        shutdownJoin(true);
    }

    private void shutdownPutJoin(boolean immediate) {
        Queue<String> q = newQueue(2);
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y"); // not full
        Async<Boolean> putter = putter(q, "E", go);
        Async<Boolean> joiner = joiner(q);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        q.shutdown(immediate);
        go.countDown();
        if (immediate) {
            assertThatThrownBy(q::getNowait).isInstanceOf(ShutDown.class);
        } else {
            assertThat(q.get()).isEqualTo("Y");
            q.taskDone();
        }
        assertThat(putter.join()).as("the put raises ShutDown").isFalse();
        assertThat(joiner.join()).as("the join returns").isTrue();
    }

    @Test
    void shutdownPutJoin() {
        // test_queue.BaseQueueTestMixin.test_shutdown_put_join
        shutdownPutJoin(false);
    }

    @Test
    void shutdownImmediatePutJoin() {
        // test_queue.BaseQueueTestMixin.test_shutdown_immediate_put_join
        shutdownPutJoin(true);
    }

    @Test
    void shutdownGetTaskDoneJoin() {
        // test_queue.BaseQueueTestMixin.test_shutdown_get_task_done_join
        Queue<String> q = newQueue(2);
        CountDownLatch go = new CountDownLatch(1);
        q.put("Y");
        q.put("D");
        assertThat(q.unfinishedTasks()).isEqualTo(q.qsize());
        List<Async<Boolean>> threads = List.of(getterTaskDone(q, go), getterTaskDone(q, go), joiner(q), joiner(q));
        go.countDown();
        q.shutdown(false);
        assertThat(results(threads)).containsOnly(true);
    }

    @Test
    void shutdownPendingGet() {
        // test_queue.BaseQueueTestMixin.test_shutdown_pending_get
        Queue<String> q = newQueue();
        Async<String> get = Async.start("getter", q::get).awaitBlocked();
        q.shutdown(false);
        get.joinThrowing(ShutDown.class);
    }

    private void blockedPuttersWokenByShutdown(boolean immediate) {
        List<Consumer<Queue<String>>> puts = List.of(
                q -> q.put("x"),
                q -> q.put("x", true),
                q -> q.put("x", true, LONG),
                q -> q.put("x", true, Duration.ofSeconds((long) LONG)));
        Queue<String> q = newQueue(2);
        q.put("a");
        q.put("b");
        List<Async<Void>> putters = new ArrayList<>();
        for (Consumer<Queue<String>> put : puts) {
            putters.add(Async.run("putter", () -> put.accept(q)).awaitBlocked());
        }
        q.shutdown(immediate);
        for (Async<Void> putter : putters) {
            putter.joinThrowing(ShutDown.class);
        }
        assertThat(q.qsize()).isEqualTo(immediate ? 0 : 2);
        assertThat(q.unfinishedTasks()).as("the blocked puts added no task").isEqualTo(immediate ? 0 : 2);
        if (!immediate) {
            assertThat(drain(q)).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Test
    void blockedPuttersWokenByShutdown() {
        // pythreading: queue.py's shutdown notifies not_full; each blocked put raises ShutDown
        blockedPuttersWokenByShutdown(false);
    }

    @Test
    void blockedPuttersWokenByImmediateShutdown() {
        // pythreading: as above, with shutdown(immediate=True)
        blockedPuttersWokenByShutdown(true);
    }

    private void blockedGettersWokenByShutdown(boolean immediate) {
        List<Function<Queue<String>, String>> gets = List.of(
                Queue::get,
                q -> q.get(true),
                q -> q.get(true, LONG),
                q -> q.get(true, Duration.ofSeconds((long) LONG)));
        Queue<String> q = newQueue(2);
        List<Async<String>> getters = new ArrayList<>();
        for (Function<Queue<String>, String> get : gets) {
            getters.add(Async.start("getter", () -> get.apply(q)).awaitBlocked());
        }
        q.shutdown(immediate);
        for (Async<String> getter : getters) {
            getter.joinThrowing(ShutDown.class);
        }
        assertThat(q.qsize()).isZero();
        assertThat(q.unfinishedTasks()).isZero();
    }

    @Test
    void blockedGettersWokenByShutdown() {
        // pythreading: queue.py's shutdown notifies not_empty; each blocked get raises ShutDown
        blockedGettersWokenByShutdown(false);
    }

    @Test
    void blockedGettersWokenByImmediateShutdown() {
        // pythreading: as above, with shutdown(immediate=True)
        blockedGettersWokenByShutdown(true);
    }

    @Test
    void immediateShutdownDiscardsItemsAndReleasesJoin() {
        // pythreading: shutdown(immediate=True) marks each discarded item done and wakes join()
        Queue<String> q = newQueue();
        q.put("a");
        q.put("b");
        q.put("c");
        Async<Void> joiner = Async.run("joiner", q::join).awaitBlocked();
        q.shutdown(true);
        joiner.join();
        assertThat(q.qsize()).isZero();
        assertThat(q.empty()).isTrue();
        assertThat(q.unfinishedTasks()).isZero();
        assertThatThrownBy(q::taskDone).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void immediateShutdownKeepsTakenTasksUnfinished() {
        // pythreading: items got but not task_done()'d still count after shutdown(immediate=True)
        Queue<String> q = newQueue();
        q.put("a");
        q.put("b");
        q.put("c");
        assertThat(q.get()).isNotNull(); // taken, not yet done
        Async<Void> joiner = Async.run("joiner", q::join).awaitBlocked();
        q.shutdown(true);
        assertThat(q.qsize()).isZero();
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        assertThat(joiner.awaitDone(0.05)).as("join waits for the taken item").isFalse();
        q.taskDone();
        joiner.join();
        assertThat(q.unfinishedTasks()).isZero();
    }

    @Test
    void joinNeverThrowsShutDown() {
        // pythreading: 3.13.0's join never raises ShutDown, before or after a shutdown
        Queue<String> q = newQueue();
        q.shutdown();
        q.join(); // nothing unfinished
        Queue<String> q2 = newQueue();
        q2.put("a");
        Async<Void> joiner = Async.run("joiner", q2::join).awaitBlocked();
        q2.shutdown();
        assertThat(joiner.awaitDone(0.05)).as("a plain shutdown does not release join").isFalse();
        assertThat(q2.get()).isEqualTo("a");
        q2.taskDone();
        joiner.join(); // returns normally, no ShutDown
        q2.join();
        q2.shutdown(true);
        q2.join();
    }

    // ---------------------------------------------------------------------------------
    // Items

    @Test
    void nullItemsRoundTrip() throws Exception {
        // pythreading: null is an item like any other, as None is in Python
        Queue<String> q = newQueueAcceptingNulls(3);
        q.put(null);
        q.put("a");
        q.putNowait(null);
        assertThat(q.qsize()).isEqualTo(3);
        assertThat(q.full()).isTrue();
        List<String> got = new ArrayList<>();
        got.add(q.get());
        got.add(q.getNowait());
        got.add(q.get(true, 1.0));
        assertThat(got).isEqualTo(expectedOrder(Arrays.asList(null, "a", null), Comparator.nullsFirst(natural())));
        assertThat(q.empty()).isTrue();
        assertThat(QueueTestSupport.<String>doBlockingTest(q::get, () -> q.put(null))).isNull();
        assertThat(q.unfinishedTasks()).isEqualTo(4);
    }

    @Test
    void itemsNotRetainedAfterGet() {
        // pythreading: after test_queue.BaseSimpleQueueTest.test_references
        Queue<Object> q = newQueue(0);
        int n = 20;
        for (int i = 0; i < n; i++) {
            q.put(new Item(i));
        }
        for (int i = 0; i < n; i++) {
            WeakReference<Object> ref = getAsWeak(q);
            assertThat(collected(ref)).as("item " + i + " collected once got").isTrue();
        }
    }

    /** A fresh object for each item, Comparable for a priority queue. */
    record Item(int n) implements Comparable<Item> {
        @Override
        public int compareTo(Item other) {
            return Integer.compare(n, other.n);
        }
    }

    private static WeakReference<Object> getAsWeak(Queue<Object> q) {
        return new WeakReference<>(q.get());
    }

    /** Runs the GC a bounded number of times until {@code ref} is cleared; whether it was. */
    static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            if (ref.get() != null) {
                QueueTestSupport.pause();
            }
        }
        return ref.get() == null;
    }
}
