package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.testing.LincheckScale;

/**
 * Lincheck linearizability checks of {@link Queue} (bounded and unbounded), {@link LifoQueue}
 * and {@link PriorityQueue} against sequential models written from CPython 3.13's queue.py:
 * the non-blocking and zero-timeout calls, the size queries, task_done, unfinished_tasks
 * and both kinds of shutdown.
 *
 * <p>Lincheck creates a fresh target (public, no-arg constructor) for every run; its public
 * {@code @Operation} methods are the calls it interleaves. Item {@code x == 0} stands for
 * {@code null}, so null items flow too. Exceptions are results, compared by class.
 */
@Timeout(120)
public class QueueLincheckTest {

    /** The item an operation parameter stands for: 0 is {@code null}. */
    static Integer item(int x) {
        return x == 0 ? null : x;
    }

    /** PriorityQueue's order in these tests: null first, then x % 2; 1 and 3, 2 and 4 tie. */
    static final Comparator<Integer> PRIORITY = new ByParity();

    /**
     * A named class rather than a lambda: Lincheck walks the test object's graph
     * reflectively, and cannot open the JDK's own comparator lambdas.
     */
    static final class ByParity implements Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            return Integer.compare(a % 2, b % 2);
        }
    }

    /** The operations every target offers, over the queue its subclass supplies. */
    @Param(name = "x", gen = IntGen.class, conf = "0:4")
    public abstract static class Target {
        final Queue<Integer> queue;

        protected Target(Queue<Integer> queue) {
            this.queue = queue;
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            queue.putNowait(item(x));
        }

        @Operation(params = "x")
        public void putZeroTimeout(int x) {
            queue.put(item(x), true, 0.0);
        }

        @Operation
        public Integer getNowait() {
            return queue.getNowait();
        }

        @Operation
        public Integer getZeroTimeout() {
            return queue.get(true, 0.0);
        }

        @Operation
        public int qsize() {
            return queue.qsize();
        }

        @Operation
        public boolean empty() {
            return queue.empty();
        }

        @Operation
        public boolean full() {
            return queue.full();
        }

        @Operation
        public void taskDone() {
            queue.taskDone();
        }

        @Operation
        public void shutdown() {
            queue.shutdown(false);
        }

        @Operation
        public void shutdownImmediate() {
            queue.shutdown(true);
        }

        @Operation
        public boolean isShutdown() {
            return queue.isShutdown();
        }

        @Operation
        public long unfinishedTasks() {
            return queue.unfinishedTasks();
        }
    }

    /** {@code Queue(2)}: the one-lock engine over a FIFO storage. */
    public static class Bounded extends Target {
        public Bounded() {
            super(new Queue<>(2));
        }
    }

    /** {@code Queue()}: the two-lock linked engine. */
    public static class Unbounded extends Target {
        public Unbounded() {
            super(new Queue<>());
        }
    }

    /** {@code LifoQueue(2)}. */
    public static class Lifo extends Target {
        public Lifo() {
            super(new LifoQueue<>(2));
        }
    }

    /** {@code PriorityQueue(3)} ordered by {@link #PRIORITY}, so ties are frequent. */
    public static class Priority extends Target {
        public Priority() {
            super(new PriorityQueue<>(3, PRIORITY));
        }
    }

    /**
     * CPython's Queue, one call at a time (queue.py's put, get, task_done, shutdown), with a
     * removal order left to subclasses. A zero timeout fails at once, as in CPython, where
     * the deadline has passed at the first check.
     */
    public abstract static class Spec {
        private final int maxsize;
        /** The items, oldest first. */
        final List<Integer> items = new ArrayList<>();
        private long unfinished;
        private boolean shutdown;

        protected Spec(int maxsize) {
            this.maxsize = maxsize;
        }

        /** The index of the item a get takes: the queue's order. */
        abstract int next();

        public void putNowait(int x) {
            if (shutdown) {
                throw new ShutDown();
            }
            if (full()) {
                throw new Full();
            }
            items.add(item(x));
            unfinished++;
        }

        public void putZeroTimeout(int x) {
            putNowait(x); // a zero timeout expires at once: Full when full
        }

        public Integer getNowait() {
            if (shutdown && items.isEmpty()) {
                throw new ShutDown();
            }
            if (items.isEmpty()) {
                throw new Empty();
            }
            return items.remove(next());
        }

        public Integer getZeroTimeout() {
            return getNowait();
        }

        public int qsize() {
            return items.size();
        }

        public boolean empty() {
            return items.isEmpty();
        }

        public boolean full() {
            return 0 < maxsize && maxsize <= items.size();
        }

        public void taskDone() {
            if (unfinished - 1 < 0) {
                throw new IllegalArgumentException("task_done() called too many times");
            }
            unfinished--;
        }

        public void shutdown() {
            shutdown = true;
        }

        public void shutdownImmediate() {
            shutdown = true;
            while (!items.isEmpty()) {
                items.remove(next());
                if (unfinished > 0) {
                    unfinished--;
                }
            }
        }

        public boolean isShutdown() {
            return shutdown;
        }

        public long unfinishedTasks() {
            return unfinished;
        }
    }

    /** FIFO: the oldest item. */
    public static class FifoSpec extends Spec {
        protected FifoSpec(int maxsize) {
            super(maxsize);
        }

        @Override
        int next() {
            return 0;
        }
    }

    /** CPython's {@code Queue(2)}. */
    public static class BoundedSpec extends FifoSpec {
        public BoundedSpec() {
            super(2);
        }
    }

    /** CPython's {@code Queue()}. */
    public static class UnboundedSpec extends FifoSpec {
        public UnboundedSpec() {
            super(0);
        }
    }

    /** CPython's {@code LifoQueue(2)}: the newest item. */
    public static class LifoSpec extends Spec {
        public LifoSpec() {
            super(2);
        }

        @Override
        int next() {
            return items.size() - 1;
        }
    }

    /** {@code PriorityQueue(3)}: the smallest item, the oldest among equals (pythreading's promise). */
    public static class PrioritySpec extends Spec {
        public PrioritySpec() {
            super(3);
        }

        @Override
        int next() {
            int best = 0;
            for (int i = 1; i < items.size(); i++) {
                if (PRIORITY.compare(items.get(i), items.get(best)) < 0) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** A wrong model: the newest item first among equals. Used to show the ties are observed. */
    public static class NewestTieFirstSpec extends Spec {
        public NewestTieFirstSpec() {
            super(3);
        }

        @Override
        int next() {
            int best = 0;
            for (int i = 1; i < items.size(); i++) {
                if (PRIORITY.compare(items.get(i), items.get(best)) <= 0) {
                    best = i;
                }
            }
            return best;
        }
    }

    /**
     * Public calls only, around an immediate shutdown of {@code Queue(2)} holding items: a
     * smaller set of operations, so that the model checker meets the race more often.
     */
    @Param(name = "x", gen = IntGen.class, conf = "1:2")
    public static class BoundedShutdownRace {
        final Queue<Integer> queue = new Queue<>(2);

        public BoundedShutdownRace() {
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            queue.putNowait(x);
        }

        @Operation
        public void shutdownImmediate() {
            queue.shutdown(true);
        }

        @Operation
        public boolean isShutdown() {
            return queue.isShutdown();
        }

        @Operation
        public void taskDone() {
            queue.taskDone();
        }

        @Operation
        public int qsize() {
            return queue.qsize();
        }
    }

    /** As {@link BoundedShutdownRace}, for the unbounded {@code Queue()}. */
    @Param(name = "x", gen = IntGen.class, conf = "1:2")
    public static class UnboundedShutdownRace {
        final Queue<Integer> queue = new Queue<>();

        public UnboundedShutdownRace() {
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            queue.putNowait(x);
        }

        @Operation
        public void shutdownImmediate() {
            queue.shutdown(true);
        }

        @Operation
        public boolean isShutdown() {
            return queue.isShutdown();
        }

        @Operation
        public void taskDone() {
            queue.taskDone();
        }

        @Operation
        public int qsize() {
            return queue.qsize();
        }
    }

    /** Public calls only on the unbounded {@code Queue()}: task_done() against put and get. */
    @Param(name = "x", gen = IntGen.class, conf = "1:2")
    public static class UnboundedTaskDone {
        final Queue<Integer> queue = new Queue<>();

        public UnboundedTaskDone() {
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            queue.putNowait(x);
        }

        @Operation
        public Integer getNowait() {
            return queue.getNowait();
        }

        @Operation
        public void taskDone() {
            queue.taskDone();
        }

        @Operation
        public int qsize() {
            return queue.qsize();
        }
    }

    /** Puts and gets only on {@code PriorityQueue(3)}: enough to see the order of ties at once. */
    @Param(name = "x", gen = IntGen.class, conf = "1:4")
    public static class PriorityPutGet {
        final Queue<Integer> queue = new PriorityQueue<>(3, PRIORITY);

        public PriorityPutGet() {
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            queue.putNowait(x);
        }

        @Operation
        public Integer getNowait() {
            return queue.getNowait();
        }
    }

    /**
     * Broken on purpose: a bound of 2 checked apart from the put, over an unbounded queue.
     * Right one call at a time; two puts can both pass the check and make it hold 3.
     */
    public static class RacyBounded extends Target {
        public RacyBounded() {
            super(new Queue<>());
        }

        @Override
        public void putNowait(int x) {
            if (queue.isShutdown()) {
                throw new ShutDown();
            }
            if (queue.qsize() >= 2) {
                throw new Full();
            }
            queue.putNowait(item(x)); // another put may have passed the check too
        }

        @Override
        public void putZeroTimeout(int x) {
            putNowait(x);
        }

        @Override
        public boolean full() {
            return queue.qsize() >= 2;
        }
    }

    /** Twelve operations: a modest budget per target keeps the class fast. */
    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(15))
                .invocationsPerIteration(250)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2);
    }

    /** Five operations around one race: more interleavings per scenario. */
    private static ModelCheckingOptions raceModelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(25))
                .invocationsPerIteration(300)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2);
    }

    private static StressOptions stress() {
        return new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2);
    }

    // pythreading: Queue(2)'s put/get (no wait, zero timeout), sizes, task_done, shutdowns are linearizable
    @Test
    void boundedModelChecking() {
        modelChecking().sequentialSpecification(BoundedSpec.class).check(Bounded.class);
    }

    // pythreading: the same for Queue(2), on real threads
    @Test
    void boundedStress() {
        stress().sequentialSpecification(BoundedSpec.class).check(Bounded.class);
    }

    // pythreading: the same for the unbounded Queue() (two-lock engine)
    @Test
    void unboundedModelChecking() {
        modelChecking().sequentialSpecification(UnboundedSpec.class).check(Unbounded.class);
    }

    // pythreading: the same for the unbounded Queue(), on real threads
    @Test
    void unboundedStress() {
        stress().sequentialSpecification(UnboundedSpec.class).check(Unbounded.class);
    }

    // pythreading: the same for LifoQueue(2), newest first
    @Test
    void lifoModelChecking() {
        modelChecking().sequentialSpecification(LifoSpec.class).check(Lifo.class);
    }

    // pythreading: the same for LifoQueue(2), on real threads
    @Test
    void lifoStress() {
        stress().sequentialSpecification(LifoSpec.class).check(Lifo.class);
    }

    // pythreading: the same for PriorityQueue(3), smallest first, oldest first among equals
    @Test
    void priorityModelChecking() {
        modelChecking().sequentialSpecification(PrioritySpec.class).check(Priority.class);
    }

    // pythreading: the same for PriorityQueue(3), on real threads
    @Test
    void priorityStress() {
        stress().sequentialSpecification(PrioritySpec.class).check(Priority.class);
    }

    // pythreading: an immediate shutdown of Queue(2) is atomic for isShutdown, task_done and qsize
    @Test
    void boundedShutdownRaceModelChecking() {
        raceModelChecking().sequentialSpecification(BoundedSpec.class).check(BoundedShutdownRace.class);
    }

    // pythreading: the same for the unbounded Queue()
    @Test
    void unboundedShutdownRaceModelChecking() {
        raceModelChecking().sequentialSpecification(UnboundedSpec.class).check(UnboundedShutdownRace.class);
    }

    // pythreading: on Queue(), task_done() never counts a put whose item a get cannot take yet
    @Test
    void unboundedTaskDoneModelChecking() {
        raceModelChecking().sequentialSpecification(UnboundedSpec.class).check(UnboundedTaskDone.class);
    }

    // pythreading: the priority scenarios do observe the order of ties (a newest-first model fails)
    @Test
    void priorityTiesAreObserved() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(NewestTieFirstSpec.class)
                        .check(PriorityPutGet.class));
        assertThat(error).as("Lincheck's verdict against a newest-tie-first model").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }

    // pythreading: the model checker catches a bound checked apart from the put
    @Test
    void modelCheckingCatchesRacyBound() {
        // A wider search than the correct targets need: the race needs two putNowait
        // calls meeting at the last free slot, and the verdict ends the search early.
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .iterations(LincheckScale.iterations(100))
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(BoundedSpec.class)
                        .check(RacyBounded.class));
        assertThat(error).as("Lincheck's verdict on the racy bounded queue").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
