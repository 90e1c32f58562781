package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * Lincheck linearizability checks of {@link Semaphore} ({@code Semaphore(2)}) against a
 * sequential model of Python's {@code threading.Semaphore}, with a blocking acquire that
 * always finishes.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class SemaphoreLincheckTest {

    private final Semaphore semaphore = new Semaphore(2);

    public SemaphoreLincheckTest() {
    }

    @Operation
    public boolean tryAcquire() {
        return semaphore.acquire(false);
    }

    @Operation
    public boolean acquireZeroTimeout() {
        return semaphore.acquire(true, 0.0);
    }

    @Operation
    public void release() {
        semaphore.release();
    }

    @Operation(params = "n")
    public void release(int n) {
        semaphore.release(n);
    }

    @Operation
    public int value() {
        return semaphore.value();
    }

    /** Python's Semaphore(2), one call at a time: no upper bound. */
    public static class Spec {
        private int value = 2;

        public Spec() {
        }

        public boolean tryAcquire() {
            if (value == 0) {
                return false;
            }
            value--;
            return true;
        }

        public boolean acquireZeroTimeout() {
            return tryAcquire(); // acquire(timeout=0) tries once
        }

        public void release() {
            value++;
        }

        public void release(int n) {
            value += n;
        }

        public int value() {
            return value;
        }
    }

    /**
     * A blocking acquire() that always finishes: every holder releases. Three threads
     * compete for two units, so some acquire() has to wait for another thread's release;
     * each holder checks that at most two threads hold a unit. (Lone release() calls are
     * left out: they would raise the bound and make the over-admission rare.)
     */
    public static class BlockingAcquire {
        private final Semaphore semaphore = new Semaphore(2);
        private final AtomicInteger holders = new AtomicInteger();

        public BlockingAcquire() {
        }

        @Operation
        public boolean acquireThenRelease() {
            semaphore.acquire();
            try {
                return holders.incrementAndGet() <= 2;
            } finally {
                holders.decrementAndGet();
                semaphore.release();
            }
        }
    }

    /** acquire(); release() run atomically: never more than two holders. */
    public static class BlockingAcquireSpec {
        public BlockingAcquireSpec() {
        }

        public boolean acquireThenRelease() {
            return true;
        }
    }

    /** Broken on purpose: try-acquire checks, then decrements, in two steps. */
    private static final class RacySemaphore {
        private volatile int value = 2;

        boolean tryAcquire() {
            int now = value;
            if (now == 0) {
                return false;
            }
            value = now - 1; // a concurrent update in between is lost
            return true;
        }

        void release(int n) {
            value = value + n;
        }

        int value() {
            return value;
        }
    }

    /** The operations of this class, over {@link RacySemaphore}. */
    @Param(name = "n", gen = IntGen.class, conf = "1:2")
    public static class RacySemaphoreTarget {
        private final RacySemaphore semaphore = new RacySemaphore();

        public RacySemaphoreTarget() {
        }

        @Operation
        public boolean tryAcquire() {
            return semaphore.tryAcquire();
        }

        @Operation
        public boolean acquireZeroTimeout() {
            return semaphore.tryAcquire();
        }

        @Operation
        public void release() {
            semaphore.release(1);
        }

        @Operation(params = "n")
        public void release(int n) {
            semaphore.release(n);
        }

        @Operation
        public int value() {
            return semaphore.value();
        }
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(30))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    // pythreading: acquire(False), acquire(timeout=0), release(), release(n) and the value are linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(SemaphoreLincheckTest.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressIsLinearizable() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(Spec.class)
                .check(SemaphoreLincheckTest.class);
    }

    // pythreading: a blocked acquire() is woken by another thread's release and never over-admits
    @Test
    void modelCheckingBlockingAcquire() {
        new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(0)
                .sequentialSpecification(BlockingAcquireSpec.class)
                .check(BlockingAcquire.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressBlockingAcquire() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(0)
                .actorsAfter(0)
                // a hang waits out Lincheck's 30 s invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false)
                .sequentialSpecification(BlockingAcquireSpec.class)
                .check(BlockingAcquire.class);
    }

    // pythreading: the model checker catches a semaphore whose try-acquire is not atomic
    @Test
    void modelCheckingCatchesRacySemaphore() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacySemaphoreTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy semaphore").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
