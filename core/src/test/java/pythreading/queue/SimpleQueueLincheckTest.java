package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Lincheck linearizability checks of {@link SimpleQueue} against a sequential model of
 * CPython's {@code queue.SimpleQueue}: put, put_nowait, get_nowait, get with a zero timeout,
 * qsize and empty. Item {@code x == 0} stands for {@code null}.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
@Param(name = "x", gen = IntGen.class, conf = "0:3")
public class SimpleQueueLincheckTest {

    private final SimpleQueue<Integer> queue = new SimpleQueue<>();

    public SimpleQueueLincheckTest() {
    }

    /** The item an operation parameter stands for: 0 is {@code null}. */
    static Integer item(int x) {
        return x == 0 ? null : x;
    }

    @Operation(params = "x")
    public void put(int x) {
        queue.put(item(x));
    }

    @Operation(params = "x")
    public void putNowait(int x) {
        queue.putNowait(item(x));
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

    /** CPython's SimpleQueue, one call at a time: a FIFO whose put never fails. */
    public static class Spec {
        private final ArrayDeque<Object> items = new ArrayDeque<>();

        /** ArrayDeque refuses null: a stand-in marks a null item. */
        private static final Object NULL = new Object();

        public Spec() {
        }

        public void put(int x) {
            items.addLast(x == 0 ? NULL : x);
        }

        public void putNowait(int x) {
            put(x);
        }

        public Integer getNowait() {
            if (items.isEmpty()) {
                throw new Empty();
            }
            Object first = items.removeFirst();
            return first == NULL ? null : (Integer) first;
        }

        public Integer getZeroTimeout() {
            return getNowait(); // a zero timeout expires at once
        }

        public int qsize() {
            return items.size();
        }

        public boolean empty() {
            return items.isEmpty();
        }
    }

    /**
     * Broken on purpose: the size kept in a counter of its own, updated after the put and
     * after the get, so that a size can be read that the queue never had.
     */
    @Param(name = "x", gen = IntGen.class, conf = "0:3")
    public static class RacyCountTarget {
        private final SimpleQueue<Integer> queue = new SimpleQueue<>();
        private final AtomicInteger size = new AtomicInteger();

        public RacyCountTarget() {
        }

        @Operation(params = "x")
        public void put(int x) {
            queue.put(item(x));
            size.incrementAndGet(); // a get may take the item before this
        }

        @Operation(params = "x")
        public void putNowait(int x) {
            put(x);
        }

        @Operation
        public Integer getNowait() {
            Integer x = queue.getNowait();
            size.decrementAndGet();
            return x;
        }

        @Operation
        public Integer getZeroTimeout() {
            Integer x = queue.get(true, 0.0);
            size.decrementAndGet();
            return x;
        }

        @Operation
        public int qsize() {
            return size.get();
        }

        @Operation
        public boolean empty() {
            return size.get() == 0;
        }
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(30))
                .invocationsPerIteration(300)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2);
    }

    // pythreading: put, put_nowait, get_nowait, get(True, 0), qsize and empty are linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(SimpleQueueLincheckTest.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressIsLinearizable() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .sequentialSpecification(Spec.class)
                .check(SimpleQueueLincheckTest.class);
    }

    // pythreading: the model checker catches a size counted apart from the queue
    @Test
    void modelCheckingCatchesRacyCount() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyCountTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy count").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
