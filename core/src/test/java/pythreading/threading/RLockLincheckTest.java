package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.testing.LincheckScale;

/**
 * Lincheck linearizability checks of {@link RLock} against a sequential model of Python's
 * {@code threading.RLock} in which every call knows its thread, so ownership is modelled.
 *
 * <p>Lincheck's {@link ThreadIdGen} passes each operation the number of its scenario
 * thread: 0 for the initial part, 1..{@value #THREADS} for the parallel columns,
 * {@value #THREADS}+1 for the post part. Lincheck runs the initial and post parts on the
 * thread of the first column (ExecutionScenario's documented layout), so the model treats
 * 0, 1 and {@value #THREADS}+1 as one thread. The operations ignore the number: the real
 * lock sees the real thread.
 */
@Timeout(120)
@Param(name = "thread", gen = ThreadIdGen.class)
public class RLockLincheckTest {

    /** The parallel threads of every scenario here; the model's thread numbering needs it. */
    static final int THREADS = 2;

    private final RLock lock = new RLock();

    public RLockLincheckTest() {
    }

    @Operation(params = "thread")
    public boolean tryAcquire(int thread) {
        return lock.acquire(false);
    }

    @Operation(params = "thread")
    public boolean acquireZeroTimeout(int thread) {
        return lock.acquire(true, 0.0);
    }

    @Operation(params = "thread")
    public void release(int thread) {
        lock.release();
    }

    @Operation
    public boolean locked() {
        return lock.locked();
    }

    @Operation(params = "thread")
    public int recursionCount(int thread) {
        return lock.recursionCount();
    }

    /**
     * Python's RLock, one call at a time: an owner and a depth. The owner may acquire again;
     * anyone else fails to acquire without waiting, and gets RuntimeError
     * (IllegalStateException) {@code cannot release un-acquired lock} from release().
     */
    public static class Spec {
        private int owner; // a thread number from javaThread(); 0 when unlocked
        private int count;

        public Spec() {
        }

        /** The Java thread a scenario thread number runs on, as a column number 1..THREADS. */
        static int javaThread(int thread) {
            return thread == 0 || thread == THREADS + 1 ? 1 : thread;
        }

        public boolean tryAcquire(int thread) {
            int me = javaThread(thread);
            if (count == 0) {
                owner = me;
                count = 1;
                return true;
            }
            if (owner == me) {
                count++;
                return true;
            }
            return false;
        }

        public boolean acquireZeroTimeout(int thread) {
            return tryAcquire(thread); // acquire(True, 0) tries once
        }

        public void release(int thread) {
            if (count == 0 || owner != javaThread(thread)) {
                throw new IllegalStateException("cannot release un-acquired lock");
            }
            count--;
            if (count == 0) {
                owner = 0;
            }
        }

        public boolean locked() {
            return count > 0;
        }

        public int recursionCount(int thread) {
            return count > 0 && owner == javaThread(thread) ? count : 0;
        }
    }

    /**
     * A blocking, reentrant critical section that always finishes: acquire, acquire,
     * release, release. It has its own target, because a blocking acquire next to a
     * try-acquire that never releases would wait forever, which no sequential model can
     * describe. Inside, the depth must be 2 and the plain counter must not be touched by
     * anyone else; a wrong depth is thrown, and no model throws.
     */
    public static class Nested {
        private final RLock lock = new RLock();
        private int counter; // plain field: only the lock keeps increments from being lost

        public Nested() {
        }

        @Operation
        public int nested() {
            lock.acquire();
            try {
                int before = ++counter;
                lock.acquire();
                try {
                    if (lock.recursionCount() != 2 || !lock.locked()) {
                        throw new AssertionError("depth " + lock.recursionCount() + " inside two acquires");
                    }
                    counter++;
                } finally {
                    lock.release();
                }
                if (lock.recursionCount() != 1 || counter != before + 1) {
                    throw new AssertionError("depth " + lock.recursionCount() + ", counter " + counter
                            + " after the inner release");
                }
                return counter;
            } finally {
                lock.release();
            }
        }

        @Operation
        public int recursionCount() {
            return lock.recursionCount(); // 0: no operation keeps the lock when it returns
        }
    }

    /** The nested section run atomically: results are 2, 4, 6, ... */
    public static class NestedSpec {
        private int counter;

        public NestedSpec() {
        }

        public int nested() {
            counter += 2;
            return counter;
        }

        public int recursionCount() {
            return 0;
        }
    }

    /** Broken on purpose: acquire checks for a free lock, then takes it, in two steps. */
    private static final class RacyRLock {
        private volatile java.lang.Thread owner;
        private volatile int count;

        boolean tryAcquire() {
            java.lang.Thread me = java.lang.Thread.currentThread();
            if (owner == null) {
                owner = me; // another thread may have passed the check too
                count = 1;
                return true;
            }
            if (owner == me) {
                count++;
                return true;
            }
            return false;
        }

        void release() {
            if (owner != java.lang.Thread.currentThread()) {
                throw new IllegalStateException("cannot release un-acquired lock");
            }
            if (--count == 0) {
                owner = null;
            }
        }

        boolean locked() {
            return owner != null;
        }

        int recursionCount() {
            return owner == java.lang.Thread.currentThread() ? count : 0;
        }
    }

    /**
     * Broken on purpose: acquire is atomic and reentrant, but release forgets to check the
     * owner, so any thread can release another's lock. Only a model with threads sees it.
     */
    private static final class OwnerBlindRLock {
        private final AtomicReference<java.lang.Thread> owner = new AtomicReference<>();
        private volatile int count;

        synchronized boolean tryAcquire() {
            java.lang.Thread me = java.lang.Thread.currentThread();
            if (owner.compareAndSet(null, me)) {
                count = 1;
                return true;
            }
            if (owner.get() == me) {
                count++;
                return true;
            }
            return false;
        }

        synchronized void release() {
            if (owner.get() == null) {
                throw new IllegalStateException("cannot release un-acquired lock");
            }
            if (--count == 0) { // whoever calls
                owner.set(null);
            }
        }

        synchronized boolean locked() {
            return owner.get() != null;
        }

        synchronized int recursionCount() {
            return owner.get() == java.lang.Thread.currentThread() ? count : 0;
        }
    }

    /** The operations of this class, over {@link RacyRLock}. */
    @Param(name = "thread", gen = ThreadIdGen.class)
    public static class RacyRLockTarget {
        private final RacyRLock lock = new RacyRLock();

        public RacyRLockTarget() {
        }

        @Operation(params = "thread")
        public boolean tryAcquire(int thread) {
            return lock.tryAcquire();
        }

        @Operation(params = "thread")
        public boolean acquireZeroTimeout(int thread) {
            return lock.tryAcquire();
        }

        @Operation(params = "thread")
        public void release(int thread) {
            lock.release();
        }

        @Operation
        public boolean locked() {
            return lock.locked();
        }

        @Operation(params = "thread")
        public int recursionCount(int thread) {
            return lock.recursionCount();
        }
    }

    /** The operations of this class, over {@link OwnerBlindRLock}. */
    @Param(name = "thread", gen = ThreadIdGen.class)
    public static class OwnerBlindRLockTarget {
        private final OwnerBlindRLock lock = new OwnerBlindRLock();

        public OwnerBlindRLockTarget() {
        }

        @Operation(params = "thread")
        public boolean tryAcquire(int thread) {
            return lock.tryAcquire();
        }

        @Operation(params = "thread")
        public boolean acquireZeroTimeout(int thread) {
            return lock.tryAcquire();
        }

        @Operation(params = "thread")
        public void release(int thread) {
            lock.release();
        }

        @Operation
        public boolean locked() {
            return lock.locked();
        }

        @Operation(params = "thread")
        public int recursionCount(int thread) {
            return lock.recursionCount();
        }
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(30))
                .invocationsPerIteration(500)
                .threads(THREADS)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    // pythreading: acquire(False), acquire(True, 0), release(), locked() and the caller's depth
    // are linearizable, with ownership and reentrancy per thread
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(RLockLincheckTest.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressIsLinearizable() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(THREADS)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(Spec.class)
                .check(RLockLincheckTest.class);
    }

    // pythreading: a blocking, reentrant acquire excludes every other thread at every depth
    @Test
    void modelCheckingNested() {
        new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1)
                .sequentialSpecification(NestedSpec.class)
                .check(Nested.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressNested() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(0)
                .actorsAfter(1)
                // a hang waits out Lincheck's invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false)
                .sequentialSpecification(NestedSpec.class)
                .check(Nested.class);
    }

    // pythreading: the model checker catches an RLock whose acquire is not atomic
    @Test
    void modelCheckingCatchesRacyRLock() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyRLockTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy RLock").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }

    // pythreading: the per-thread model catches an RLock that lets a non-owner release it
    @Test
    void modelCheckingCatchesOwnerBlindRelease() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(OwnerBlindRLockTarget.class));
        assertThat(error).as("Lincheck's verdict on the owner-blind RLock").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
