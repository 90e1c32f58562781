package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.testing.LincheckScale;

/**
 * Lincheck linearizability checks of {@link Barrier} ({@code Barrier(1)} and
 * {@code Barrier(2)}) against a sequential model of Python's {@code threading.Barrier},
 * with zero-timeout waits, and of a two-party hand-off with a blocking wait.
 */
@Timeout(120)
public class BarrierLincheckTest {

    /** The scenario count of the hand-off checks: this times the scale. */
    private static final int HAND_OFF_SCENARIOS = 10;

    /**
     * The calls that never wait: wait(0) does not wait, so it trips a barrier only as its
     * last party and otherwise breaks it. Subclasses fix the number of parties.
     */
    public abstract static class Operations {
        private final Barrier barrier;

        protected Operations(int parties) {
            barrier = new Barrier(parties);
        }

        @Operation
        public int awaitZero() {
            return barrier.await(0.0);
        }

        @Operation
        public void abort() {
            barrier.abort();
        }

        @Operation
        public void reset() {
            barrier.reset();
        }

        @Operation
        public boolean isBroken() {
            return barrier.isBroken();
        }

        @Operation
        public int nWaiting() {
            return barrier.nWaiting();
        }

        @Operation
        public int parties() {
            return barrier.parties();
        }
    }

    /** {@link Operations} on {@code Barrier(1)}. */
    public static class OneParty extends Operations {
        public OneParty() {
            super(1);
        }
    }

    /** {@link Operations} on {@code Barrier(2)}. */
    public static class TwoParties extends Operations {
        public TwoParties() {
            super(2);
        }
    }

    /**
     * Python's Barrier, one call at a time, with nobody waiting between calls: wait(0)
     * raises BrokenBarrierError on a broken barrier; otherwise it returns index 0 if that
     * makes the last party (parties == 1), else its timeout breaks the barrier and it
     * raises. abort() breaks; reset() repairs; n_waiting is 0.
     */
    public abstract static class Spec {
        private final int parties;
        private boolean broken;

        protected Spec(int parties) {
            this.parties = parties;
        }

        public int awaitZero() {
            if (broken) {
                throw new BrokenBarrierError();
            }
            if (parties == 1) {
                return 0;
            }
            broken = true;
            throw new BrokenBarrierError();
        }

        public void abort() {
            broken = true;
        }

        public void reset() {
            broken = false;
        }

        public boolean isBroken() {
            return broken;
        }

        public int nWaiting() {
            return 0;
        }

        public int parties() {
            return parties;
        }
    }

    /** {@link Spec} of {@code Barrier(1)}. */
    public static class OnePartySpec extends Spec {
        public OnePartySpec() {
            super(1);
        }
    }

    /** {@link Spec} of {@code Barrier(2)}. */
    public static class TwoPartiesSpec extends Spec {
        public TwoPartiesSpec() {
            super(2);
        }
    }

    /**
     * A two-party hand-off: each of two threads calls handOff() (wait with a generous
     * timeout) exactly once, among calls that never wait, in the scenarios of
     * {@link #handOffScenarios}. Both waits always return: the second arrival trips the
     * barrier. No reset() here: a reset while one thread waits sends it away, and the
     * other then waits for ever. No abort() either: see {@link HandOffAbort}.
     */
    public static class HandOff {
        private final Barrier barrier = new Barrier(2);

        public HandOff() {
        }

        @Operation
        public int handOff() {
            return barrier.await(60.0);
        }

        @Operation
        public boolean isBroken() {
            return barrier.isBroken();
        }

        @Operation
        public int nWaiting() {
            return barrier.nWaiting();
        }

        @Operation
        public int parties() {
            return barrier.parties();
        }
    }

    /**
     * The hand-off, one call at a time: the first wait returns index 0 and leaves one
     * thread waiting, the second returns index 1 and trips the barrier.
     */
    public static class HandOffSpec {
        private int arrivals;

        public HandOffSpec() {
        }

        public int handOff() {
            return arrivals++;
        }

        public boolean isBroken() {
            return false;
        }

        public int nWaiting() {
            return arrivals % 2;
        }

        public int parties() {
            return 2;
        }
    }

    /**
     * A hand-off with abort(): T1 handOff(); T2 handOff() then abort(). As in CPython's
     * {@code _wait}, a waiter woken by the trip checks for a broken barrier when it gets the
     * lock back, so an abort() made after the trip but before the woken waiter leaves fails
     * it with BrokenBarrierError although its partner passed. No sequential order explains
     * that (java.util.concurrent.CyclicBarrier's generations would let it pass).
     */
    public static class HandOffAbort {
        private final Barrier barrier = new Barrier(2);

        public HandOffAbort() {
        }

        @Operation
        public int handOff() {
            return barrier.await(60.0);
        }

        @Operation
        public void abort() {
            barrier.abort();
        }
    }

    /** The hand-off with abort(), one call at a time: a wait on a broken barrier raises. */
    public static class HandOffAbortSpec {
        private int arrivals;
        private boolean broken;

        public HandOffAbortSpec() {
        }

        public int handOff() {
            if (broken) {
                throw new BrokenBarrierError();
            }
            return arrivals++;
        }

        public void abort() {
            broken = true;
        }
    }

    /**
     * Broken on purpose: a two-party barrier that takes its arrival index with a read and a
     * write, so both threads can take index 0, and both then wait for a third party.
     */
    public static class RacyHandOff {
        private volatile int arrived;
        private int generation; // guarded by this

        public RacyHandOff() {
        }

        @Operation
        public int handOff() throws InterruptedException {
            int index = arrived;
            arrived = index + 1; // another thread may have read the same index
            synchronized (this) {
                if (index + 1 == 2) {
                    arrived = 0;
                    generation++;
                    notifyAll();
                    return index;
                }
                int cycle = generation;
                while (generation == cycle) {
                    wait();
                }
                return index;
            }
        }

        @Operation
        public boolean isBroken() {
            return false;
        }

        @Operation
        public int nWaiting() {
            return arrived % 2;
        }

        @Operation
        public int parties() {
            return 2;
        }
    }

    /**
     * Hand-off scenarios: two threads, each with one handOff() at a random place among zero
     * to two calls that never wait, and a post part that reads the barrier.
     */
    static List<ExecutionScenario> handOffScenarios(Class<?> target, int count, long seed) {
        Random random = new Random(seed);
        String[] others = {"isBroken", "nWaiting", "parties"};
        List<ExecutionScenario> scenarios = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<List<Actor>> parallel = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Actor> actors = new ArrayList<>();
                int extra = random.nextInt(3);
                for (int i = 0; i < extra; i++) {
                    actors.add(actor(target, others[random.nextInt(others.length)]));
                }
                actors.add(random.nextInt(actors.size() + 1), actor(target, "handOff"));
                parallel.add(actors);
            }
            scenarios.add(new ExecutionScenario(List.of(), parallel,
                    List.of(actor(target, "nWaiting"), actor(target, "isBroken")), null));
        }
        return scenarios;
    }

    private static Actor actor(Class<?> target, String name) {
        for (Method method : target.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 0) {
                return new Actor(method, Arrays.asList());
            }
        }
        throw new IllegalArgumentException(target.getSimpleName() + " has no operation " + name);
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    private static StressOptions stress() {
        return new StressOptions()
                .iterations(LincheckScale.iterations(5))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    private static ModelCheckingOptions handOffModelChecking(Class<?> target) {
        ModelCheckingOptions options = new ModelCheckingOptions().iterations(0).invocationsPerIteration(500);
        handOffScenarios(target, LincheckScale.iterations(HAND_OFF_SCENARIOS), 8).forEach(options::addCustomScenario);
        return options;
    }

    // pythreading: on Barrier(1), wait(0), abort(), reset(), broken, n_waiting and parties are linearizable
    @Test
    void onePartyModelChecking() {
        modelChecking().sequentialSpecification(OnePartySpec.class).check(OneParty.class);
    }

    // pythreading: the same, on real threads
    @Test
    void onePartyStress() {
        stress().sequentialSpecification(OnePartySpec.class).check(OneParty.class);
    }

    // pythreading: on Barrier(2), the same calls are linearizable: wait(0) breaks the barrier
    @Test
    void twoPartiesModelChecking() {
        modelChecking().sequentialSpecification(TwoPartiesSpec.class).check(TwoParties.class);
    }

    // pythreading: the same, on real threads
    @Test
    void twoPartiesStress() {
        stress().sequentialSpecification(TwoPartiesSpec.class).check(TwoParties.class);
    }

    // pythreading: two threads meeting at a Barrier(2) get indices 0 and 1, and n_waiting
    // counts the first while it waits
    @Test
    void handOffModelChecking() {
        handOffModelChecking(HandOff.class).sequentialSpecification(HandOffSpec.class).check(HandOff.class);
    }

    // pythreading: the same, on real threads
    @Test
    void handOffStress() {
        StressOptions options = new StressOptions()
                .iterations(0)
                .invocationsPerIteration(500)
                // a hang waits out Lincheck's invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false);
        handOffScenarios(HandOff.class, LincheckScale.iterations(HAND_OFF_SCENARIOS), 8)
                .forEach(options::addCustomScenario);
        options.sequentialSpecification(HandOffSpec.class).check(HandOff.class);
    }

    // pythreading: CPython's Barrier is not linearizable under abort(): an abort() after the
    // trip fails the waiter that has not left yet, while its partner returned its index
    @Test
    void handOffAbortAfterTripIsNotLinearizable() {
        Class<?> target = HandOffAbort.class;
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                new ModelCheckingOptions()
                        .iterations(0)
                        .invocationsPerIteration(500)
                        .addCustomScenario(new ExecutionScenario(List.of(), List.of(
                                List.of(actor(target, "handOff")),
                                List.of(actor(target, "handOff"), actor(target, "abort"))),
                                List.of(), null))
                        .sequentialSpecification(HandOffAbortSpec.class)
                        .check(target));
        assertThat(error).as("Lincheck's verdict on abort() after the trip").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results").contains("BrokenBarrierError");
    }

    // pythreading: the model checker catches an arrival index taken in two steps
    @Test
    void modelCheckingCatchesRacyHandOff() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                handOffModelChecking(RacyHandOff.class)
                        .sequentialSpecification(HandOffSpec.class)
                        .check(RacyHandOff.class));
        assertThat(error).as("Lincheck's verdict on the racy hand-off").isNotNull();
        assertThat(error.getMessage()).contains("hung");
    }
}
