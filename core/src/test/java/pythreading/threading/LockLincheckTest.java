package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.testing.LincheckScale;

/**
 * Lincheck linearizability checks of {@link Lock} against a sequential model of Python's
 * {@code threading.Lock}: try-acquire, release, locked(), and a blocking critical section.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
public class LockLincheckTest {

    private final Lock lock = new Lock();

    public LockLincheckTest() {
    }

    @Operation
    public boolean tryAcquire() {
        return lock.acquire(false);
    }

    @Operation
    public boolean acquireZeroTimeout() {
        return lock.acquire(true, 0.0);
    }

    @Operation
    public void release() {
        lock.release();
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    /** Python's Lock, one call at a time. Exceptions are compared by class. */
    public static class Spec {
        private boolean locked;

        public Spec() {
        }

        public boolean tryAcquire() {
            if (locked) {
                return false;
            }
            locked = true;
            return true;
        }

        public boolean acquireZeroTimeout() {
            return tryAcquire(); // acquire(True, 0) tries once
        }

        public void release() {
            if (!locked) {
                throw new IllegalStateException("release unlocked lock");
            }
            locked = false;
        }

        public boolean locked() {
            return locked;
        }
    }

    /**
     * A blocking acquire() that always finishes: every caller releases. It has its own
     * target, because a blocking acquire next to a try-acquire that never releases would
     * wait forever, which no sequential model can describe.
     */
    public static class CriticalSection {
        private final Lock lock = new Lock();
        private int counter; // plain field: only the lock keeps increments from being lost

        public CriticalSection() {
        }

        @Operation
        public int criticalSection() {
            lock.acquire();
            try {
                counter++;
                return counter;
            } finally {
                lock.release();
            }
        }
    }

    /** The critical section run atomically: results are 1..n. */
    public static class CriticalSectionSpec {
        private int counter;

        public CriticalSectionSpec() {
        }

        public int criticalSection() {
            counter++;
            return counter;
        }
    }

    /** Broken on purpose: try-acquire checks, then sets, in two steps. */
    private static final class RacyLock {
        private volatile boolean locked;

        boolean tryAcquire() {
            if (locked) {
                return false;
            }
            locked = true; // another thread may have passed the check too
            return true;
        }

        void release() {
            if (!locked) {
                throw new IllegalStateException("release unlocked lock");
            }
            locked = false;
        }

        boolean locked() {
            return locked;
        }
    }

    /** The operations of this class, over {@link RacyLock}. */
    public static class RacyLockTarget {
        private final RacyLock lock = new RacyLock();

        public RacyLockTarget() {
        }

        @Operation
        public boolean tryAcquire() {
            return lock.tryAcquire();
        }

        @Operation
        public boolean acquireZeroTimeout() {
            return lock.tryAcquire();
        }

        @Operation
        public void release() {
            lock.release();
        }

        @Operation
        public boolean locked() {
            return lock.locked();
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

    private static StressOptions stress() {
        return new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    // pythreading: acquire(False), acquire(True, 0), release() and locked() are linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(LockLincheckTest.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressIsLinearizable() {
        stress().sequentialSpecification(Spec.class).check(LockLincheckTest.class);
    }

    // pythreading: a blocking acquire() excludes every other holder, and a release wakes a waiter
    @Test
    void modelCheckingCriticalSection() {
        new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(0)
                .sequentialSpecification(CriticalSectionSpec.class)
                .check(CriticalSection.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressCriticalSection() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(0)
                .actorsAfter(0)
                // a hang waits out Lincheck's 30 s invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false)
                .sequentialSpecification(CriticalSectionSpec.class)
                .check(CriticalSection.class);
    }

    // pythreading: the model checker catches a lock whose try-acquire is not atomic
    @Test
    void modelCheckingCatchesRacyLock() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyLockTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy lock").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
