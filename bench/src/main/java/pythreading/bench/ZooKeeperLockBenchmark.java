package pythreading.bench;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
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
import pythreading.zookeeper.DistributedLock;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * One operation is taking a distributed lock and giving it back, on a ZooKeeper server
 * in the benchmark's JVM (one per trial, on loopback): pythreading's
 * {@link DistributedLock} {@code acquire(); release()} beside Curator's
 * {@link InterProcessMutex} {@code acquire(); release()}, the recipe most Java programs
 * use for the job. One thread, so the lock is always free: the figure is the cost of the
 * round trips each recipe needs, not of waiting.
 *
 * <p>Both sides have a Curator client of their own with the same settings (see
 * {@link ZooKeeperBench#curator}), and the same server; pythreading's manager is connected
 * on both sides (the embedded server belongs to it), idle on Curator's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ZooKeeperLockBenchmark {

    @Param({ZooKeeperBench.CURATOR, Row.PYTHREADING})
    public String impl;

    /** Whether the server forces its transaction log to disk before it answers: see {@link ZooKeeperBench#FORCE_SYNC}. */
    @Param({"no", "yes"})
    public String forceSync;

    private boolean pythreading;
    private ZooKeeperManager zk;
    private CuratorFramework curator;
    private DistributedLock lock;
    private InterProcessMutex mutex;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pythreading = ZooKeeperBench.isPythreading(impl);
        zk = ZooKeeperBench.server(forceSync);
        if (pythreading) {
            lock = zk.lock("bench");
        } else {
            curator = ZooKeeperBench.curator(zk);
            mutex = new InterProcessMutex(curator, "/lock/bench");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (curator != null) {
            curator.close();
        }
        zk.close();
    }

    /** One thread: acquire + release of a free lock. */
    @Benchmark
    public void acquireRelease() throws Exception {
        if (pythreading) {
            lock.acquire();
            lock.release();
        } else {
            mutex.acquire();
            mutex.release();
        }
    }
}
