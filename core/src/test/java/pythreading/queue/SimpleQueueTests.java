package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.queue.QueueTestSupport.assertTimeout;
import static pythreading.queue.QueueTestSupport.doBlockingTest;
import static pythreading.queue.QueueTestSupport.secondsSince;
import static pythreading.queue.QueueTestSupport.seconds;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.queue.QueueTestSupport.Async;

/** CPython's {@code test_queue.BaseSimpleQueueTest} (and CSimpleQueueTest) on {@link SimpleQueue}. */
@Timeout(20)
class SimpleQueueTests {

    private SimpleQueue<Integer> q;

    @BeforeEach
    void setUp() {
        q = new SimpleQueue<>();
    }

    /** How a consumer of test_queue's run_threads takes its next item. */
    interface Consume {
        Integer next(SimpleQueue<Integer> q);
    }

    /**
     * test_queue's run_threads: {@code n} feeders share the inputs and each ends with a null
     * sentinel; {@code n} consumers take items with {@code consume} until they get one.
     */
    private List<Integer> runThreads(int n, List<Integer> inputs, Consume consume) {
        AtomicInteger next = new AtomicInteger();
        List<Async<Void>> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Random rnd = new Random(42 + i);
            threads.add(Async.run("feeder-" + i, () -> {
                for (;;) {
                    int k = next.getAndIncrement();
                    if (k >= inputs.size()) {
                        q.put(null);
                        return;
                    }
                    q.put(inputs.get(k));
                    if (rnd.nextBoolean()) {
                        java.lang.Thread.yield();
                    }
                }
            }));
        }
        List<Integer> ordered = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            threads.add(Async.run("consumer-" + i, () -> {
                for (;;) {
                    Integer val = consume.next(q);
                    if (val == null) {
                        return;
                    }
                    ordered.add(val);
                }
            }));
        }
        for (Async<Void> t : threads) {
            t.join();
        }
        assertThat(q.empty()).isTrue();
        assertThat(q.qsize()).isZero();
        return new ArrayList<>(ordered);
    }

    private static Integer consume(SimpleQueue<Integer> q) {
        return q.get();
    }

    private static Integer consumeNonblock(SimpleQueue<Integer> q) {
        for (;;) {
            try {
                return q.get(false);
            } catch (Empty e) {
                java.lang.Thread.yield();
            }
        }
    }

    private static Integer consumeTimeout(SimpleQueue<Integer> q) {
        for (;;) {
            try {
                return q.get(true, 1e-5);
            } catch (Empty e) {
                // try again
            }
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    @Test
    void basic() {
        // test_queue.BaseSimpleQueueTest.test_basic
        assertThat(q.empty()).isTrue();
        assertThat(q.qsize()).isZero();
        q.put(1);
        assertThat(q.empty()).isFalse();
        assertThat(q.qsize()).isEqualTo(1);
        q.put(2);
        q.putNowait(3);
        q.put(4);
        assertThat(q.empty()).isFalse();
        assertThat(q.qsize()).isEqualTo(4);
        assertThat(q.get()).isEqualTo(1);
        assertThat(q.qsize()).isEqualTo(3);
        assertThat(q.getNowait()).isEqualTo(2);
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.get(false)).isEqualTo(3);
        assertThat(q.empty()).isFalse();
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(q.get(true, 0.1)).isEqualTo(4);
        assertThat(q.empty()).isTrue();
        assertThat(q.qsize()).isZero();
        assertThatThrownBy(() -> q.get(false)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(true, 1e-3)).isInstanceOf(Empty.class);
        assertThatThrownBy(q::getNowait).isInstanceOf(Empty.class);
        assertThat(q.empty()).isTrue();
        assertThat(q.qsize()).isZero();
    }

    @Test
    void negativeTimeoutRaises() {
        // test_queue.BaseSimpleQueueTest.test_negative_timeout_raises_exception
        q.put(1);
        assertThatThrownBy(() -> q.get(true, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'timeout' must be a non-negative number");
        assertThatThrownBy(() -> q.get(true, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'timeout' must be a non-negative number");
        assertThat(q.qsize()).as("nothing taken").isEqualTo(1);
        q.get();
        assertThatThrownBy(() -> q.get(true, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'timeout' must be a non-negative number");
    }

    @Test
    void nonBlockingGetIgnoresTimeout() {
        // pythreading: C's SimpleQueue.get(block=False) raises Empty at once whatever the timeout
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(false, 5.0)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(false, -1)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> q.get(false, Duration.ofSeconds(5))).isInstanceOf(Empty.class);
        assertThat(secondsSince(start)).as("no call waited").isLessThan(1.0);
        q.put(7);
        assertThat(q.get(false, -1)).isEqualTo(7);
    }

    @Test
    void getTimeoutRaisesEmpty() {
        // pythreading: a timed get of an empty SimpleQueue raises Empty after about the timeout
        long start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, 0.1)).isInstanceOf(Empty.class);
        assertTimeout(secondsSince(start), 0.1);
        start = System.nanoTime();
        assertThatThrownBy(() -> q.get(true, seconds(0.1))).isInstanceOf(Empty.class);
        assertTimeout(secondsSince(start), 0.1);
    }

    @Test
    void blockingGetReleasedByPut() throws Exception {
        // pythreading: after test_queue's do_blocking_test of get, on each blocking form
        List<Function<SimpleQueue<Integer>, Integer>> gets = List.of(
                SimpleQueue::get,
                sq -> sq.get(true),
                sq -> sq.get(true, 10.0),
                sq -> sq.get(true, Duration.ofSeconds(10)));
        int i = 0;
        for (Function<SimpleQueue<Integer>, Integer> get : gets) {
            int item = i++;
            assertThat(doBlockingTest(() -> get.apply(q), () -> q.put(item))).isEqualTo(item);
            assertThat(q.empty()).isTrue();
        }
    }

    @Test
    void order() {
        // test_queue.BaseSimpleQueueTest.test_order
        List<Integer> inputs = range(100);
        assertThat(runThreads(1, inputs, SimpleQueueTests::consume)).isEqualTo(inputs);
    }

    @Test
    void manyThreads() {
        // test_queue.BaseSimpleQueueTest.test_many_threads
        List<Integer> inputs = range(10000);
        List<Integer> results = runThreads(8, inputs, SimpleQueueTests::consume);
        Collections.sort(results);
        assertThat(results).as("every item received exactly once").isEqualTo(inputs);
    }

    @Test
    void manyThreadsNonblock() {
        // test_queue.BaseSimpleQueueTest.test_many_threads_nonblock
        List<Integer> inputs = range(10000);
        List<Integer> results = runThreads(8, inputs, SimpleQueueTests::consumeNonblock);
        Collections.sort(results);
        assertThat(results).as("every item received exactly once").isEqualTo(inputs);
    }

    @Test
    void manyThreadsTimeout() {
        // test_queue.BaseSimpleQueueTest.test_many_threads_timeout
        List<Integer> inputs = range(1000);
        List<Integer> results = runThreads(8, inputs, SimpleQueueTests::consumeTimeout);
        Collections.sort(results);
        assertThat(results).as("every item received exactly once").isEqualTo(inputs);
    }

    @Test
    void references() {
        // test_queue.BaseSimpleQueueTest.test_references
        SimpleQueue<Object> objects = new SimpleQueue<>();
        int n = 20;
        for (int i = 0; i < n; i++) {
            objects.put(new int[] {i});
        }
        for (int i = 0; i < n; i++) {
            WeakReference<Object> ref = new WeakReference<>(objects.get());
            assertThat(BaseQueueTests.collected(ref)).as("item " + i + " collected once got").isTrue();
        }
    }

    @Test
    void reentrancy() {
        // test_queue.CSimpleQueueTest.test_reentrancy: Java has no finalizer that runs inside a put,
        // so the "asynchronous" put comes from the consumer itself between its put and its get
        AtomicInteger gen = new AtomicInteger();
        int n = 10000;
        List<Integer> results = new ArrayList<>();
        for (int round = 0; ; round++) {
            q.put(gen.getAndIncrement());
            if (round % 3 == 0) {
                q.put(gen.getAndIncrement()); // the callback's put
            }
            results.add(q.get());
            if (results.get(results.size() - 1) >= n) {
                break;
            }
        }
        assertThat(results).isEqualTo(range(n + 1));
    }

    @Test
    void putFromTheConsumerNeverBlocks() {
        // pythreading: a consumer putting follow-up work into its own queue never blocks, however long the queue
        SimpleQueue<Integer> work = new SimpleQueue<>();
        work.put(0);
        Async<Integer> consumer = Async.start("consumer", () -> {
            int processed = 0;
            for (;;) {
                Integer job = work.get(false);
                processed++;
                if (job < 1000) {
                    for (int i = 0; i < 100; i++) {
                        work.put(job + 1000); // a leaf job, many of them queued at once
                    }
                    work.put(job + 1);
                }
                if (work.empty()) {
                    return processed;
                }
            }
        });
        assertThat(consumer.join()).isEqualTo(1000 * 101 + 1);
        assertThat(work.qsize()).isZero();
    }

    @Test
    void nullItems() {
        // pythreading: null is an item like any other, as None is in Python
        SimpleQueue<String> s = new SimpleQueue<>();
        s.put(null);
        s.putNowait("a");
        s.put(null, true, 1.0);
        assertThat(s.qsize()).isEqualTo(3);
        assertThat(s.get(false)).isNull();
        assertThat(s.getNowait()).isEqualTo("a");
        assertThat(s.get(true, 1.0)).isNull();
        assertThat(s.empty()).isTrue();
        assertThatThrownBy(s::getNowait).as("an empty queue, not a null item").isInstanceOf(Empty.class);
    }

    @Test
    void putIgnoresBlockAndTimeout() {
        // pythreading: SimpleQueue.put(item, block=True, timeout=None) ignores both, as in Python
        long start = System.nanoTime();
        q.put(1, true, -1);
        q.put(2, false, -1);
        q.put(3, false, 5.0);
        q.put(4, true, 0.0);
        q.put(5, true, Double.NaN);
        q.put(6, true, Duration.ofSeconds(-1));
        q.put(7, false, (Duration) null);
        assertThat(secondsSince(start)).isLessThan(1.0);
        List<Integer> got = new ArrayList<>();
        while (!q.empty()) {
            got.add(q.get());
        }
        assertThat(got).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }
}
