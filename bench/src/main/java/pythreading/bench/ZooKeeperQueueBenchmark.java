package pythreading.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.queue.DistributedQueue;
import org.apache.curator.framework.recipes.queue.QueueBuilder;
import org.apache.curator.framework.recipes.queue.QueueConsumer;
import org.apache.curator.framework.recipes.queue.QueueSerializer;
import org.apache.curator.framework.recipes.queue.SimpleDistributedQueue;
import org.apache.curator.framework.state.ConnectionState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * One operation is a blocking put of one small String item and a blocking get of it, by
 * one thread, through a distributed queue on a ZooKeeper server in the benchmark's JVM
 * (one per trial, on loopback).
 *
 * <ul>
 * <li>{@code pythreading}: {@link pythreading.zookeeper.DistributedQueue} (unbounded)
 *     {@code put(item); get()}.
 * <li>{@code curator}: Curator's {@link SimpleDistributedQueue} {@code offer(bytes);
 *     take()}, the report's twin. It is the fair one: like {@code put}/{@code get} it is
 *     a pull API whose {@code take()} blocks the caller until it has removed an item
 *     (one sequential node per item, the oldest taken by a versionless delete), with no
 *     thread of its own in between.
 * <li>{@code curator-consumer}: Curator's {@link DistributedQueue} with a consumer that
 *     hands each item to a local {@link LinkedBlockingQueue}, which the benchmark thread
 *     takes from. It is a push API (a watch on the children, a background thread that
 *     reads and deletes each item, at most once without a lock path); measured for
 *     reference only, since a blocking get is not what it offers.
 * </ul>
 *
 * <p>Neither Curator recipe has a bound or {@code taskDone}/{@code join}; pythreading's
 * queue keeps its size and unfinished count in the same transaction as every item, and
 * makes each transaction happen once across a failover (its journal), which is the price
 * measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ZooKeeperQueueBenchmark {

    /** The {@code impl} value of Curator's push queue, measured for reference. */
    static final String CURATOR_CONSUMER = "curator-consumer";

    private static final String ITEM = "item";
    private static final byte[] ITEM_BYTES = ITEM.getBytes(StandardCharsets.UTF_8);

    @Param({ZooKeeperBench.CURATOR, Row.PYTHREADING})
    public String impl;

    /** Whether the server forces its transaction log to disk before it answers: see {@link ZooKeeperBench#FORCE_SYNC}. */
    @Param({"no", "yes"})
    public String forceSync;

    private ZooKeeperManager zk;
    private CuratorFramework curator;
    private PutGet queue;

    /** A put and a get, blocking, the same for every side. */
    private interface PutGet {
        Object putGet() throws Exception;

        default void close() throws Exception {
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        zk = ZooKeeperBench.server(forceSync);
        if (impl.equals(CURATOR_CONSUMER)) {
            curator = ZooKeeperBench.curator(zk);
            BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
            DistributedQueue<String> q = QueueBuilder.builder(curator, new Consumer(delivered), new Utf8(),
                    "/queue/bench").buildQueue();
            q.start();
            queue = new PutGet() {
                @Override
                public Object putGet() throws Exception {
                    q.put(ITEM);
                    return delivered.take();
                }

                @Override
                public void close() throws Exception {
                    q.close();
                }
            };
        } else if (ZooKeeperBench.isPythreading(impl)) {
            pythreading.zookeeper.DistributedQueue<String> q = zk.queue("bench", 0);
            queue = () -> {
                q.put(ITEM);
                return q.get();
            };
        } else {
            curator = ZooKeeperBench.curator(zk);
            SimpleDistributedQueue q = new SimpleDistributedQueue(curator, "/queue/bench");
            queue = () -> {
                q.offer(ITEM_BYTES);
                return q.take();
            };
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        queue.close();
        if (curator != null) {
            curator.close();
        }
        zk.close();
    }

    /** One thread: put one item, get it back. */
    @Benchmark
    public Object putGet() throws Exception {
        return queue.putGet();
    }

    private static final class Consumer implements QueueConsumer<String> {
        private final BlockingQueue<String> delivered;

        Consumer(BlockingQueue<String> delivered) {
            this.delivered = delivered;
        }

        @Override
        public void consumeMessage(String message) {
            delivered.add(message);
        }

        @Override
        public void stateChanged(CuratorFramework client, ConnectionState newState) {
            // the benchmark's server does not fail
        }
    }

    private static final class Utf8 implements QueueSerializer<String> {
        @Override
        public byte[] serialize(String item) {
            return item.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
