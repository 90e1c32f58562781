package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.ShutDown;

/**
 * Mirrors CPython's {@code test_queue.BaseQueueTestMixin} (FIFO {@code Queue}) for
 * {@link DistributedQueue}, with producers and consumers in two processes; then what
 * only the distributed queue has: its codecs and ZooKeeper's size limit.
 */
class DistributedQueueTests extends ZooKeeperTestSupport {

    /** Integers as four bytes: a codec of the test's own. */
    private static final Codec<Integer> INTS = new Codec<>() {
        @Override
        public byte[] encode(Integer item) {
            return ByteBuffer.allocate(4).putInt(item).array();
        }

        @Override
        public Integer decode(byte[] bytes) {
            return ByteBuffer.wrap(bytes).getInt();
        }
    };

    private DistributedQueue<String> queue(ZooKeeperManager manager, int maxsize) {
        return manager.queue(name, maxsize);
    }

    // test_queue.BaseQueueTestMixin.simple_queue_test and test_order: FIFO across processes
    @Test
    void testOrder() {
        DistributedQueue<String> a = queue(zk, 0);
        DistributedQueue<String> b = queue(other, 0);
        for (String item : List.of("111", "333", "222")) {
            a.put(item);
        }
        b.put("444");
        assertThat(b.qsize()).isEqualTo(4);
        assertThat(List.of(b.get(), a.get(), b.get(), b.get())).containsExactly("111", "333", "222", "444");
        assertThat(a.empty()).isTrue();
        assertThat(a.full()).isFalse();
        assertThat(a.maxsize()).isZero();
    }

    // test_queue.BaseQueueTestMixin.simple_queue_test: qsize, full, nowait, Empty, Full
    @Test
    void testBoundedBasics() {
        DistributedQueue<String> a = queue(zk, 2);
        DistributedQueue<String> b = queue(other, 2);
        assertThat(b.maxsize()).isEqualTo(2);
        assertThatThrownBy(b::getNowait).isInstanceOf(Empty.class);
        a.putNowait("1");
        a.put("2", false);
        assertThat(b.full()).isTrue();
        assertThat(b.qsize()).isEqualTo(2);
        assertThatThrownBy(() -> b.putNowait("3")).isInstanceOf(Full.class);
        assertThatThrownBy(() -> b.put("3", false, 5)).as("non-blocking ignores the timeout")
                .isInstanceOf(Full.class);
        long start = System.nanoTime();
        assertThatThrownBy(() -> b.put("3", true, 0.2)).isInstanceOf(Full.class);
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        assertThatThrownBy(() -> b.put("3", true, Duration.ZERO)).isInstanceOf(Full.class);
        assertThat(b.getNowait()).isEqualTo("1");
        assertThat(b.get(false)).isEqualTo("2");
        start = System.nanoTime();
        assertThatThrownBy(() -> a.get(true, 0.2)).isInstanceOf(Empty.class);
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        assertThatThrownBy(() -> a.get(true, Duration.ofMillis(10))).isInstanceOf(Empty.class);
    }

    // test_queue.BaseQueueTestMixin: negative timeouts, with CPython's message and rules
    @Test
    void testNegativeTimeout() {
        DistributedQueue<String> bounded = queue(zk, 2);
        assertThatThrownBy(() -> bounded.put("x", true, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'timeout' must be a non-negative number");
        assertThat(bounded.qsize()).as("refused: nothing put").isZero();
        bounded.put("x");
        assertThatThrownBy(() -> bounded.get(true, -1)).as("checked even with an item there")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'timeout' must be a non-negative number");
        assertThat(bounded.get(false, -1)).as("non-blocking: the timeout is ignored").isEqualTo("x");
        DistributedQueue<String> unbounded = other.queue(name + "-unbounded", 0);
        unbounded.put("y", true, -1); // as CPython: an unbounded put never looks at the timeout
        assertThat(unbounded.get()).isEqualTo("y");
    }

    // test_queue.BaseQueueTestMixin.test_blocking_put (do_blocking_test): a get in one process
    // releases a put blocked in the other
    @Test
    void testBlockingPutReleasedByGet() {
        DistributedQueue<String> a = queue(zk, 1);
        a.put("first");
        Running<Void> putter = run("putter", () -> queue(other, 1).put("second")).waiting();
        assertThat(putter.done()).isFalse();
        assertThat(a.get()).isEqualTo("first");
        putter.result();
        assertThat(a.get()).isEqualTo("second");
    }

    // test_queue.BaseQueueTestMixin (do_blocking_test): a put in one process releases a get blocked in the other
    @Test
    void testBlockingGetReleasedByPut() {
        Running<String> getter = call("getter", () -> queue(other, 0).get()).waiting();
        Running<String> timedGetter = call("timed getter", () -> queue(other, 0).get(true, 30)).waiting();
        queue(zk, 0).put("one");
        queue(zk, 0).put("two");
        assertThat(List.of(getter.result(), timedGetter.result())).containsExactlyInAnyOrder("one", "two");
        assertThat(queue(zk, 0).empty()).isTrue();
    }

    // test_queue.BaseQueueTestMixin.queue_join_test: workers in two processes, join in a third
    @Test
    void testTaskDoneAndJoin() {
        DistributedQueue<String> a = queue(zk, 0);
        assertThatThrownBy(a::taskDone)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        for (int i = 0; i < 6; i++) {
            a.put(Integer.toString(i));
        }
        Running<Void> joiner = run("joiner", () -> queue(newManager(), 0).join()).waiting();
        List<Running<Void>> workers = new ArrayList<>();
        for (ZooKeeperManager manager : List.of(zk, other)) {
            DistributedQueue<String> q = queue(manager, 0);
            workers.add(run("worker", () -> {
                for (int i = 0; i < 3; i++) {
                    q.get();
                    assertThat(joiner.done()).isFalse();
                    q.taskDone();
                }
            }));
        }
        workers.forEach(Running::result);
        joiner.result();
        assertThatThrownBy(queue(other, 0)::taskDone)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        a.join(); // nothing unfinished: returns at once
    }

    // test_queue.BaseQueueTestMixin.test_shutdown_empty, test_shutdown_nonempty, test_shutdown_allowed_transitions
    @Test
    void testShutdown() {
        DistributedQueue<String> a = queue(zk, 0);
        DistributedQueue<String> b = queue(other, 0);
        a.put("data");
        assertThat(b.isShutdown()).isFalse();
        a.shutdown();
        assertThat(b.isShutdown()).isTrue();
        assertThatThrownBy(() -> b.put("more")).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> b.putNowait("more")).isInstanceOf(ShutDown.class);
        assertThat(b.get()).as("items left are still got").isEqualTo("data");
        assertThatThrownBy(b::get).isInstanceOf(ShutDown.class);
        assertThatThrownBy(b::getNowait).as("ShutDown before Empty").isInstanceOf(ShutDown.class);
        b.taskDone();
        b.join();
        b.shutdown(true);
        a.shutdown(false);
        assertThat(a.isShutdown()).isTrue();
    }

    // test_queue.BaseQueueTestMixin.test_shutdown_immediate and ..._join: items dropped and
    // counted done, gets raise at once, join released
    @Test
    void testShutdownImmediate() {
        DistributedQueue<String> a = queue(zk, 0);
        for (String item : List.of("a", "b", "c")) {
            a.put(item);
        }
        assertThat(a.get()).isEqualTo("a"); // taken, not done
        Running<Void> joiner = run("joiner", () -> queue(other, 0).join()).waiting();
        queue(other, 0).shutdown(true);
        assertThat(a.qsize()).isZero();
        assertThatThrownBy(a::get).isInstanceOf(ShutDown.class);
        assertThatThrownBy(() -> a.put("d")).isInstanceOf(ShutDown.class);
        assertThat(joiner.done()).as("the taken item is still unfinished").isFalse();
        a.taskDone();
        joiner.result();
        assertThatThrownBy(a::taskDone).isInstanceOf(IllegalArgumentException.class);
    }

    // test_queue.BaseQueueTestMixin: blocked getters and putters of every process are woken by shutdown
    @Test
    void testShutdownWakesBlockedCalls() {
        DistributedQueue<String> full = queue(zk, 1);
        full.put("x");
        DistributedQueue<String> empty = zk.queue(name + "-empty", 0);
        List<Running<Void>> blocked = new ArrayList<>();
        for (ZooKeeperManager manager : List.of(zk, other)) {
            blocked.add(run("putter", () -> queue(manager, 1).put("y")));
            blocked.add(run("getter", () -> manager.queue(name + "-empty", 0).get()));
        }
        waitUntilAllWaiting(blocked);
        queue(other, 1).shutdown();
        other.queue(name + "-empty", 0).shutdown(true);
        blocked.forEach(r -> assertThat(r.failure()).isInstanceOf(ShutDown.class));
        assertThat(full.get()).as("a plain shutdown keeps the items").isEqualTo("x");
        assertThat(empty.qsize()).isZero();
    }

    // pythreading: String and byte[] come out as they went in; other types are refused at put
    @Test
    void testStringsAndBytes() {
        DistributedQueue<Object> a = zk.queue(name, 0);
        DistributedQueue<Object> b = other.queue(name, 0);
        byte[] bytes = {0, 'S', (byte) 0xff, 'B'};
        a.put("héllo ✓");
        a.put(bytes);
        a.put("");
        a.put(new byte[0]);
        assertThat(b.get()).isEqualTo("héllo ✓");
        assertThat(b.get()).isInstanceOf(byte[].class).isEqualTo(bytes);
        assertThat(b.get()).isEqualTo("");
        assertThat(b.get()).isInstanceOf(byte[].class).isEqualTo(new byte[0]);
        assertThatThrownBy(() -> a.put(42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> a.put(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.qsize()).as("refused items are not put").isZero();
    }

    // pythreading: a codec of one's own, shared by the processes
    @Test
    void testCustomCodec() {
        DistributedQueue<Integer> a = zk.queue(name, 0, INTS);
        DistributedQueue<Integer> b = other.queue(name, 0, INTS);
        a.put(7);
        a.put(-1);
        assertThat(List.of(b.get(), b.get())).containsExactly(7, -1);
        assertThat(zk.queue(name, 0, INTS)).isSameAs(a);
        assertThatThrownBy(() -> zk.queue(name, 0, new Codec<Integer>() {
            @Override
            public byte[] encode(Integer item) {
                return INTS.encode(item);
            }

            @Override
            public Integer decode(byte[] data) {
                return INTS.decode(data);
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codec");
    }

    // pythreading: an item over ZooKeeper's limit is refused at put, naming its size and the limit;
    // one at the limit goes through
    @Test
    void testItemSizeLimit() {
        int limit = Integer.getInteger("jute.maxbuffer", 0xfffff) - 1024;
        DistributedQueue<Object> a = zk.queue(name, 0);
        byte[] over = new byte[limit]; // one more byte for the codec's tag
        assertThatThrownBy(() -> a.put(over))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(limit + 1))
                .hasMessageContaining(Integer.toString(limit));
        assertThat(a.qsize()).isZero();
        byte[] most = new byte[limit - 1];
        most[most.length - 1] = 42;
        a.put(most);
        assertThat((byte[]) other.queue(name, 0).get()).isEqualTo(most);
    }

    // pythreading: an interrupted get or put throws, keeps the flag, and takes or adds nothing
    @Test
    void testInterruptedCalls() {
        DistributedQueue<String> a = queue(zk, 1);
        assertInterruptible("get", () -> queue(other, 1).get());
        a.put("x");
        assertInterruptible("put", () -> queue(other, 1).put("y"));
        assertThat(a.qsize()).isEqualTo(1);
        assertThat(a.get()).isEqualTo("x");
        assertThat(a.empty()).isTrue();
    }
}
