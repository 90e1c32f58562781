package pythreading.bench;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.Queue;

/**
 * Items handed from producers to consumers through a queue: pythreading's {@link Queue}
 * beside {@link ArrayBlockingQueue} (bounded, 1000) and {@link LinkedBlockingQueue}
 * (unbounded), one producer and one consumer ({@code p1c1}) and two of each
 * ({@code p2c2}). Throughput is the sum of the put and get rates. {@code ltq} measures
 * {@link LinkedTransferQueue} (unbounded only) through the same two calls, a second
 * unbounded twin.
 *
 * <p>Both sides use the same timed calls (10 ms), so that a thread left waiting when the
 * measurement stops can leave: JMH's {@link Control} says when. With
 * {@code pythreading+taskDone} every get is followed by {@code taskDone()}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QueueHandoffBenchmark {

    private static final Object ITEM = new Object();
    private static final double TIMEOUT_SECONDS = 0.010;

    @Param({"juc", "pythreading", "pythreading+taskDone", "ltq"})
    public String impl;

    @Param({"bounded", "unbounded"})
    public String kind;

    private Handoff handoff;

    /** The two operations, the same for every implementation. */
    private interface Handoff {
        /** Puts, waiting at most 10 ms; false on timeout. */
        boolean put(Object item);

        /** Gets, waiting at most 10 ms; null on timeout. */
        Object get();
    }

    @Setup
    public void setUp() {
        boolean bounded = kind.equals("bounded");
        if (impl.equals("ltq")) {
            if (bounded) {
                throw new IllegalArgumentException("LinkedTransferQueue is unbounded: impl=ltq needs kind=unbounded");
            }
            handoff = new JucHandoff(new LinkedTransferQueue<>());
        } else if (impl.equals("juc")) {
            BlockingQueue<Object> q = bounded ? new ArrayBlockingQueue<>(1000) : new LinkedBlockingQueue<>();
            handoff = new JucHandoff(q);
        } else {
            handoff = new PythreadingHandoff(new Queue<>(bounded ? 1000 : 0), impl.endsWith("taskDone"));
        }
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public boolean p1c1Put(Control control) {
        return put(control);
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public Object p1c1Get(Control control) {
        return get(control);
    }

    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public boolean p2c2Put(Control control) {
        return put(control);
    }

    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public Object p2c2Get(Control control) {
        return get(control);
    }

    private boolean put(Control control) {
        while (!control.stopMeasurement) {
            if (handoff.put(ITEM)) {
                return true;
            }
        }
        return false;
    }

    private Object get(Control control) {
        while (!control.stopMeasurement) {
            Object item = handoff.get();
            if (item != null) {
                return item;
            }
        }
        return null;
    }

    private static final class JucHandoff implements Handoff {
        private final BlockingQueue<Object> q;

        JucHandoff(BlockingQueue<Object> q) {
            this.q = q;
        }

        @Override
        public boolean put(Object item) {
            try {
                return q.offer(item, 10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public Object get() {
            try {
                return q.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static final class PythreadingHandoff implements Handoff {
        private final Queue<Object> q;
        private final boolean taskDone;

        PythreadingHandoff(Queue<Object> q, boolean taskDone) {
            this.q = q;
            this.taskDone = taskDone;
        }

        @Override
        public boolean put(Object item) {
            try {
                q.put(item, true, TIMEOUT_SECONDS);
                return true;
            } catch (Full e) {
                return false;
            }
        }

        @Override
        public Object get() {
            try {
                Object item = q.get(true, TIMEOUT_SECONDS);
                if (taskDone) {
                    q.taskDone();
                }
                return item;
            } catch (Empty e) {
                return null;
            }
        }
    }
}
