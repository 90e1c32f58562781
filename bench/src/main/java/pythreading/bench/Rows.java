package pythreading.bench;

import java.util.List;
import java.util.Map;
import pythreading.bench.Row.Score;

/**
 * The rows of the benchmark report, in report order. Each names its JMH benchmark in this
 * package and the row of {@code primitives.py} (a resource beside this class) that does
 * the same work on CPython; the {@code zookeeper.*} rows come last, and there CPython's
 * side is a {@code multiprocessing.managers.SyncManager} on loopback.
 */
public final class Rows {

    private static final int ANY = 17;
    private static final int VIRTUAL = 21;

    /** Every row. */
    public static final List<Row> ALL = List.of(
            row("lock.uncontended", "Lock acquire + release, 1 thread",
                    "LockBenchmark.uncontended", Map.of(), "ReentrantLock"),
            row("lock.contended", "Lock acquire + release, 2 threads contending (per thread)",
                    "LockBenchmark.contended", Map.of(), "ReentrantLock"),
            row("rlock.reentrant", "RLock acquire + release while already held",
                    "RLockBenchmark.reentrant", Map.of(), "ReentrantLock"),
            row("semaphore.uncontended", "Semaphore acquire + release, 1 thread",
                    "SemaphoreBenchmark.uncontended", Map.of(), "Semaphore"),
            row("event.pingpong", "Event ping-pong, 2 threads (per round trip)",
                    "EventPingPongBenchmark.pingpong", Map.of(), "2 Semaphores"),
            row("condition.pingpong", "Condition ping-pong, 2 threads (per round trip)",
                    "ConditionPingPongBenchmark.pingpong", Map.of(), "ReentrantLock + Condition"),
            handoff("queue.bounded.p1c1", "Queue(1000), 1 producer / 1 consumer (per item)",
                    "p1c1", "bounded", "juc", "ArrayBlockingQueue(1000)"),
            handoff("queue.bounded.p2c2", "Queue(1000), 2 producers / 2 consumers (per item)",
                    "p2c2", "bounded", "juc", "ArrayBlockingQueue(1000)"),
            handoff("queue.unbounded.p1c1", "Queue(), 1 producer / 1 consumer (per item)",
                    "p1c1", "unbounded", "juc", "LinkedBlockingQueue"),
            handoff("queue.unbounded.p2c2", "Queue(), 2 producers / 2 consumers (per item)",
                    "p2c2", "unbounded", "juc", "LinkedBlockingQueue"),
            handoff("queue.unbounded.p1c1.ltq", "Queue(), 1 producer / 1 consumer (per item)",
                    "p1c1", "unbounded", "ltq", "LinkedTransferQueue"),
            handoff("queue.unbounded.p2c2.ltq", "Queue(), 2 producers / 2 consumers (per item)",
                    "p2c2", "unbounded", "ltq", "LinkedTransferQueue"),
            new Row("thread.platform", "Thread start + join, platform thread",
                    "ThreadStartJoinBenchmark.startJoin", Map.of("kind", "platform"), "juc",
                    "java.lang.Thread", ANY, Score.AVERAGE_TIME),
            new Row("thread.virtual", "Thread start + join, virtual thread",
                    "ThreadStartJoinBenchmark.startJoin", Map.of("kind", "virtual"), "juc",
                    "Thread.ofVirtual()", VIRTUAL, Score.AVERAGE_TIME),
            new Row("threads.100k", "100,000 threads started, then joined (virtual; CPython's are OS threads)",
                    "ManyThreadsBenchmark.startAllThenJoinAll", Map.of("count", "100000"), "juc",
                    "Thread.ofVirtual()", VIRTUAL, Score.AVERAGE_TIME),
            new Row("threads.1m", "1,000,000 virtual threads started, then joined",
                    "ManyThreadsBenchmark.startAllThenJoinAll", Map.of("count", "1000000"), "juc",
                    "Thread.ofVirtual()", VIRTUAL, Score.AVERAGE_TIME),
            row("timer.startcancel", "Timer start + cancel",
                    "TimerBenchmark.startCancel", Map.of(), "ScheduledThreadPoolExecutor"),
            row("barrier.cycle", "Barrier(2) cycle, 2 threads (per cycle)",
                    "BarrierBenchmark.cycle", Map.of(), "CyclicBarrier(2)"),
            row("pool.100k", "ThreadPoolExecutor(2): 100,000 trivial calls submitted, then waited for",
                    "ThreadPoolBenchmark.submit100kThenWait", Map.of(), "Executors.newFixedThreadPool(2)"),
            zooKeeper("zookeeper.lock", "ZooKeeper lock acquire + release, 1 thread",
                    "ZooKeeperLockBenchmark.acquireRelease", "InterProcessMutex"),
            zooKeeper("zookeeper.queue", "ZooKeeper queue put + get of one small item, 1 thread",
                    "ZooKeeperQueueBenchmark.putGet", "SimpleDistributedQueue"));

    /**
     * The CPU-bound scaling benchmark (the GIL question): the same total work split over
     * {@code threads} threads; pythreading only on the JVM side, CPython's rows are
     * {@code cpu.threads.N}.
     */
    public static final String SCALING_BENCHMARK = "CpuScalingBenchmark.work";

    /** The thread counts of the scaling benchmark. */
    public static final List<Integer> SCALING_THREADS = List.of(1, 2, 4);

    private Rows() {
    }

    private static Row row(String id, String operation, String benchmark, Map<String, String> params, String twin) {
        return new Row(id, operation, benchmark, params, "juc", twin, ANY, Score.AVERAGE_TIME);
    }

    /**
     * A {@code pythreading.zookeeper} primitive beside a raw Curator recipe, on an embedded
     * server on loopback whose transaction log is not forced to disk (see
     * {@code ZooKeeperBench.FORCE_SYNC}); CPython's side is a {@code SyncManager}.
     */
    private static Row zooKeeper(String id, String operation, String benchmark, String recipe) {
        return new Row(id, operation, benchmark, Map.of("forceSync", "no"), Row.CURATOR, recipe, ANY,
                Score.AVERAGE_TIME);
    }

    private static Row handoff(String id, String operation, String group, String kind, String twinImpl, String twin) {
        return new Row(id, operation, "QueueHandoffBenchmark." + group, Map.of("kind", kind), twinImpl, twin,
                ANY, Score.HANDOFF_THROUGHPUT);
    }
}
