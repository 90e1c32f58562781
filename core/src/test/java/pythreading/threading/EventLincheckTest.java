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
 * Lincheck linearizability checks of {@link Event} against a sequential model of Python's
 * {@code threading.Event}: set, clear, is_set, wait(0), and a blocking wait after a set.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
public class EventLincheckTest {

    private final Event event = new Event();

    public EventLincheckTest() {
    }

    @Operation
    public void set() {
        event.set();
    }

    @Operation
    public void clear() {
        event.clear();
    }

    @Operation
    public boolean isSet() {
        return event.isSet();
    }

    @Operation
    public boolean awaitZero() {
        return event.await(0.0);
    }

    /** Python's Event, one call at a time: wait(0) returns the flag. */
    public static class Spec {
        private boolean flag;

        public Spec() {
        }

        public void set() {
            flag = true;
        }

        public void clear() {
            flag = false;
        }

        public boolean isSet() {
            return flag;
        }

        public boolean awaitZero() {
            return flag;
        }
    }

    /**
     * A blocking await() that always finishes: set() then await(). It has its own target
     * without clear(), because a clear() between the two would leave the await() waiting
     * forever, which no sequential model can describe.
     */
    public static class SetThenAwait {
        private final Event event = new Event();

        public SetThenAwait() {
        }

        @Operation
        public boolean setThenAwait() {
            event.set();
            return event.await();
        }

        @Operation
        public void set() {
            event.set();
        }

        @Operation
        public boolean isSet() {
            return event.isSet();
        }

        @Operation
        public boolean awaitZero() {
            return event.await(0.0);
        }
    }

    /** The flag never goes down again once raised. */
    public static class SetThenAwaitSpec {
        private boolean flag;

        public SetThenAwaitSpec() {
        }

        public boolean setThenAwait() {
            flag = true;
            return true;
        }

        public void set() {
            flag = true;
        }

        public boolean isSet() {
            return flag;
        }

        public boolean awaitZero() {
            return flag;
        }
    }

    /**
     * Broken on purpose: set() toggles a real Event when it finds the flag down, in two
     * steps, so two racing set() calls can leave the flag down.
     */
    private static final class RacyEvent {
        private final Event event = new Event();

        void set() {
            if (!event.isSet()) {
                toggle(); // another set() may have toggled it up in between
            }
        }

        private void toggle() {
            if (event.isSet()) {
                event.clear();
            } else {
                event.set();
            }
        }

        void clear() {
            event.clear();
        }

        boolean isSet() {
            return event.isSet();
        }

        boolean awaitZero() {
            return event.await(0.0);
        }
    }

    /** The operations of this class, over {@link RacyEvent}. */
    public static class RacyEventTarget {
        private final RacyEvent event = new RacyEvent();

        public RacyEventTarget() {
        }

        @Operation
        public void set() {
            event.set();
        }

        @Operation
        public void clear() {
            event.clear();
        }

        @Operation
        public boolean isSet() {
            return event.isSet();
        }

        @Operation
        public boolean awaitZero() {
            return event.awaitZero();
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

    // pythreading: set(), clear(), is_set() and wait(0) are linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(EventLincheckTest.class);
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
                .check(EventLincheckTest.class);
    }

    // pythreading: an await() after a set() returns true, whatever other threads do meanwhile
    @Test
    void modelCheckingSetThenAwait() {
        new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1)
                .sequentialSpecification(SetThenAwaitSpec.class)
                .check(SetThenAwait.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressSetThenAwait() {
        new StressOptions()
                .iterations(LincheckScale.iterations(10))
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(0)
                .actorsAfter(1)
                // a hang waits out Lincheck's 30 s invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false)
                .sequentialSpecification(SetThenAwaitSpec.class)
                .check(SetThenAwait.class);
    }

    // pythreading: the model checker catches a set() that is not atomic
    @Test
    void modelCheckingCatchesRacyEvent() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyEventTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy event").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }
}
