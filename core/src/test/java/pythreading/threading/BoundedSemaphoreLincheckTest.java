package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * Lincheck linearizability checks of {@link BoundedSemaphore} ({@code BoundedSemaphore(2)})
 * against a sequential model of Python's {@code threading.BoundedSemaphore}.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
@Param(name = "n", gen = IntGen.class, conf = "1:2")
public class BoundedSemaphoreLincheckTest {

    private final BoundedSemaphore semaphore = new BoundedSemaphore(2);

    public BoundedSemaphoreLincheckTest() {
    }

    @Operation
    public boolean tryAcquire() {
        return semaphore.acquire(false);
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

    /**
     * Python's BoundedSemaphore(2), one call at a time: a release above the bound raises
     * ValueError (IllegalArgumentException) and changes nothing.
     */
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

        public void release() {
            release(1);
        }

        public void release(int n) {
            if (value + n > 2) {
                throw new IllegalArgumentException("Semaphore released too many times");
            }
            value += n;
        }

        public int value() {
            return value;
        }
    }

    /** Broken on purpose: a plain Semaphore whose release checks the bound, then releases. */
    private static final class RacyBoundedSemaphore {
        private final Semaphore semaphore = new Semaphore(2);

        boolean tryAcquire() {
            return semaphore.acquire(false);
        }

        void release(int n) {
            if (semaphore.value() + n > 2) {
                throw new IllegalArgumentException("Semaphore released too many times");
            }
            semaphore.release(n); // another release may have passed the check too
        }

        int value() {
            return semaphore.value();
        }
    }

    /** The operations of this class, over {@link RacyBoundedSemaphore}. */
    @Param(name = "n", gen = IntGen.class, conf = "1:2")
    public static class RacyBoundedSemaphoreTarget {
        private final RacyBoundedSemaphore semaphore = new RacyBoundedSemaphore();

        public RacyBoundedSemaphoreTarget() {
        }

        @Operation
        public boolean tryAcquire() {
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

    // pythreading: acquire(False), release(), release(n) at and below the bound, and the value are linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(BoundedSemaphoreLincheckTest.class);
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
                .check(BoundedSemaphoreLincheckTest.class);
    }

    // pythreading: the model checker catches a bound checked apart from the release
    @Test
    void modelCheckingCatchesRacyBound() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyBoundedSemaphoreTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy bounded semaphore").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
