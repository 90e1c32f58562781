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
 * Lincheck linearizability checks of {@link Condition} through a small guarded counter: a
 * plain int guarded by the condition's lock, incremented with a signal, taken with
 * {@code wait_for(pred, 0)}, and awaited with {@code wait_for(pred)}.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
public class ConditionLincheckTest {

    /** The scenario count of the wait checks: this times the scale. */
    private static final int WAIT_SCENARIOS = 10;

    private final Condition condition = new Condition();
    private int counter; // guarded by condition's lock

    public ConditionLincheckTest() {
    }

    @Operation
    public void increment() {
        try (var held = condition.enter()) {
            counter++;
            condition.signalAll();
        }
    }

    @Operation
    public boolean tryDecrement() {
        try (var held = condition.enter()) {
            if (!condition.awaitFor(() -> counter > 0, 0.0)) {
                return false;
            }
            counter--;
            return true;
        }
    }

    @Operation
    public int value() {
        try (var held = condition.enter()) {
            return counter;
        }
    }

    /** The guarded counter, one call at a time: a decrement succeeds when the counter is positive. */
    public static class Spec {
        private int counter;

        public Spec() {
        }

        public void increment() {
            counter++;
        }

        public boolean tryDecrement() {
            if (counter == 0) {
                return false;
            }
            counter--;
            return true;
        }

        public int value() {
            return counter;
        }
    }

    /**
     * Blocking waits: awaitAtLeast(n) waits with {@code wait_for(lambda: counter >= n)} and
     * returns the counter it saw. A random scenario could wait for increments that never
     * come, which no sequential model can describe, so this target runs the scenarios of
     * {@link Scenarios}, each one built so that every wait is eventually satisfied. There is
     * no decrement here: the counter only grows, so whether a scenario finishes does not
     * depend on the interleaving.
     */
    public static class Waits {
        private final Condition condition = new Condition();
        private int counter; // guarded by condition's lock

        public Waits() {
        }

        @Operation
        public void increment() {
            try (var held = condition.enter()) {
                counter++;
                condition.signalAll();
            }
        }

        @Operation
        public int awaitAtLeast(int n) {
            try (var held = condition.enter()) {
                condition.awaitFor(() -> counter >= n);
                return counter;
            }
        }

        @Operation
        public int value() {
            try (var held = condition.enter()) {
                return counter;
            }
        }
    }

    /**
     * The waits, one call at a time. A call that would wait for ever returns -1, which the
     * real awaitAtLeast never does: so the check must place every wait after enough
     * increments, and the counter it returns must be the counter at that point.
     */
    public static class WaitsSpec {
        private int counter;

        public WaitsSpec() {
        }

        public void increment() {
            counter++;
        }

        public int awaitAtLeast(int n) {
            return counter >= n ? counter : -1;
        }

        public int value() {
            return counter;
        }
    }

    /**
     * Broken on purpose: tryDecrement checks the counter under the lock, lets it go, and
     * decrements under a second hold, so two decrements can take the same increment.
     */
    public static class RacyDecrement {
        private final Condition condition = new Condition();
        private int counter; // guarded by condition's lock

        public RacyDecrement() {
        }

        @Operation
        public void increment() {
            try (var held = condition.enter()) {
                counter++;
                condition.signalAll();
            }
        }

        @Operation
        public boolean tryDecrement() {
            try (var held = condition.enter()) {
                if (!condition.awaitFor(() -> counter > 0, 0.0)) {
                    return false;
                }
            }
            try (var held = condition.enter()) {
                counter--; // another decrement may have passed the check too
                return true;
            }
        }

        @Operation
        public int value() {
            try (var held = condition.enter()) {
                return counter;
            }
        }
    }

    /**
     * Broken on purpose: increment() forgets to signal, so a waiter that went to sleep
     * before the increment sleeps for ever.
     */
    public static class LostWakeUp {
        private final Condition condition = new Condition();
        private int counter; // guarded by condition's lock

        public LostWakeUp() {
        }

        @Operation
        public void increment() {
            try (var held = condition.enter()) {
                counter++; // and no signal: a waiter that went to sleep before it never wakes
            }
        }

        @Operation
        public int awaitAtLeast(int n) {
            try (var held = condition.enter()) {
                condition.awaitFor(() -> counter >= n);
                return counter;
            }
        }

        @Operation
        public int value() {
            try (var held = condition.enter()) {
                return counter;
            }
        }
    }

    /**
     * Scenarios for {@link Waits}: random threads of increment(), value() and
     * awaitAtLeast(n), kept only if every wait is eventually satisfied and at least one
     * wait needs another thread's increments.
     */
    static final class Scenarios {
        private static final int MAX_WAIT = 3;

        private Scenarios() {
        }

        static List<ExecutionScenario> random(Class<?> target, int count, long seed) {
            Random random = new Random(seed);
            List<ExecutionScenario> scenarios = new ArrayList<>();
            while (scenarios.size() < count) {
                int threads = 2 + random.nextInt(2);
                List<List<int[]>> plan = new ArrayList<>(); // per thread: {kind, n}; kind 0 inc, 1 wait, 2 value
                for (int t = 0; t < threads; t++) {
                    List<int[]> ops = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        int r = random.nextInt(6);
                        ops.add(r < 3 ? new int[] {0, 0} : r < 5 ? new int[] {1, 1 + random.nextInt(MAX_WAIT)} : new int[] {2, 0});
                    }
                    plan.add(ops);
                }
                if (finishes(plan) && needsAnotherThread(plan)) {
                    scenarios.add(build(target, plan));
                }
            }
            return scenarios;
        }

        /**
         * Whether every thread gets to its end. The counter only grows, so running any
         * thread that can go on, until none can, reaches the one final state there is.
         */
        static boolean finishes(List<List<int[]>> plan) {
            int[] next = new int[plan.size()];
            int counter = 0;
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int t = 0; t < plan.size(); t++) {
                    while (next[t] < plan.get(t).size()) {
                        int[] op = plan.get(t).get(next[t]);
                        if (op[0] == 1 && counter < op[1]) {
                            break;
                        }
                        if (op[0] == 0) {
                            counter++;
                        }
                        next[t]++;
                        progress = true;
                    }
                }
            }
            for (int t = 0; t < plan.size(); t++) {
                if (next[t] < plan.get(t).size()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether some wait needs more increments than its own thread made before it. */
        private static boolean needsAnotherThread(List<List<int[]>> plan) {
            for (List<int[]> ops : plan) {
                int own = 0;
                for (int[] op : ops) {
                    if (op[0] == 0) {
                        own++;
                    } else if (op[0] == 1 && op[1] > own) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static ExecutionScenario build(Class<?> target, List<List<int[]>> plan) {
            List<List<Actor>> parallel = new ArrayList<>();
            for (List<int[]> ops : plan) {
                List<Actor> actors = new ArrayList<>();
                for (int[] op : ops) {
                    actors.add(op[0] == 0 ? actor(target, "increment")
                            : op[0] == 1 ? actor(target, "awaitAtLeast", op[1])
                            : actor(target, "value"));
                }
                parallel.add(actors);
            }
            return new ExecutionScenario(List.of(), parallel, List.of(actor(target, "value")), null);
        }

        /** Two waiters for different counts and two increments. */
        static ExecutionScenario twoWaiters(Class<?> target) {
            return new ExecutionScenario(List.of(), List.of(
                    List.of(actor(target, "awaitAtLeast", 2)),
                    List.of(actor(target, "awaitAtLeast", 1)),
                    List.of(actor(target, "increment"), actor(target, "increment"))),
                    List.of(), null);
        }

        static Actor actor(Class<?> target, String name, Object... args) {
            for (Method method : target.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                    return new Actor(method, Arrays.asList(args));
                }
            }
            throw new IllegalArgumentException(target.getSimpleName() + " has no operation " + name);
        }
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(20))
                .invocationsPerIteration(500)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(1)
                .actorsAfter(1);
    }

    private static ModelCheckingOptions waitsModelChecking() {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(500);
        Scenarios.random(Waits.class, LincheckScale.iterations(WAIT_SCENARIOS), 8).forEach(options::addCustomScenario);
        return options;
    }

    // pythreading: a counter guarded by the condition's lock, with signal_all() on each
    // increment and wait_for(pred, 0) before each decrement, is linearizable
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(ConditionLincheckTest.class);
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
                .check(ConditionLincheckTest.class);
    }

    // pythreading: every wait_for(pred) whose predicate comes true wakes, sees it true, and
    // holds the lock while it reads the counter
    @Test
    void modelCheckingWaits() {
        waitsModelChecking().sequentialSpecification(WaitsSpec.class).check(Waits.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressWaits() {
        StressOptions options = new StressOptions()
                .iterations(0)
                .invocationsPerIteration(1_000)
                // a hang waits out Lincheck's invocation timeout; minimizing would repeat it
                .minimizeFailedScenario(false);
        Scenarios.random(Waits.class, LincheckScale.iterations(WAIT_SCENARIOS), 8).forEach(options::addCustomScenario);
        options.sequentialSpecification(WaitsSpec.class).check(Waits.class);
    }

    // pythreading: the model checker catches a check and a decrement made under two holds
    @Test
    void modelCheckingCatchesRacyDecrement() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyDecrement.class));
        assertThat(error).as("Lincheck's verdict on the racy decrement").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }

    // pythreading: the model checker catches an increment that wakes nobody
    @Test
    void modelCheckingCatchesLostWakeUp() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                new ModelCheckingOptions()
                        .iterations(0)
                        .invocationsPerIteration(500)
                        .addCustomScenario(Scenarios.twoWaiters(LostWakeUp.class))
                        .sequentialSpecification(WaitsSpec.class)
                        .check(LostWakeUp.class));
        assertThat(error).as("Lincheck's verdict on the lost wake-up").isNotNull();
        assertThat(error.getMessage()).contains("hung");
    }

    // pythreading: the scenario filter keeps exactly the scenarios that finish
    @Test
    @Timeout(10)
    void scenariosFinish() {
        assertThat(Scenarios.finishes(List.of(
                List.of(new int[] {1, 2}), List.of(new int[] {0, 0}, new int[] {0, 0})))).isTrue();
        assertThat(Scenarios.finishes(List.of(
                List.of(new int[] {1, 2}, new int[] {0, 0}), List.of(new int[] {0, 0})))).isFalse();
        assertThat(Scenarios.random(Waits.class, 5, 8)).hasSize(5);
    }
}
