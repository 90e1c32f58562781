package pythreading.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.testing.LincheckScale;

/**
 * Lincheck linearizability checks of {@link Future} against a sequential model of CPython's
 * {@code concurrent.futures._base.Future}, and of its done-callbacks running exactly once.
 *
 * <p>Lincheck creates a fresh instance of this class (public, no-arg constructor) for
 * every run; its public {@code @Operation} methods are the calls it interleaves.
 */
@Timeout(120)
@Param(name = "v", gen = IntGen.class, conf = "1:3")
public class FutureLincheckTest {

    /**
     * The logger of pythreading.futures, silenced while these tests run:
     * setRunningOrNotifyCancel() logs every unexpected state, as CPython does.
     */
    private static final Logger FUTURES_LOGGER = Logger.getLogger("pythreading.futures");
    private static Level savedLevel;

    private final Future<Integer> future = new Future<>();

    public FutureLincheckTest() {
    }

    @BeforeAll
    static void silenceLogger() {
        savedLevel = FUTURES_LOGGER.getLevel();
        FUTURES_LOGGER.setLevel(Level.OFF);
    }

    @AfterAll
    static void restoreLogger() {
        FUTURES_LOGGER.setLevel(savedLevel);
    }

    @Operation
    public boolean cancel() {
        return future.cancel();
    }

    @Operation
    public boolean cancelled() {
        return future.cancelled();
    }

    @Operation
    public boolean running() {
        return future.running();
    }

    @Operation
    public boolean done() {
        return future.done();
    }

    @Operation
    public boolean setRunningOrNotifyCancel() {
        return future.setRunningOrNotifyCancel();
    }

    @Operation(params = "v")
    public void setResult(int v) {
        future.setResult(v);
    }

    @Operation
    public void setException() {
        future.setException(new CallFailed());
    }

    @Operation
    public Integer resultZero() {
        return future.result(0.0);
    }

    /** The exception's class name, or null: Lincheck compares values with equals(). */
    @Operation
    public String exceptionZero() {
        return describe(future.exception(0.0));
    }

    private static String describe(Throwable exception) {
        return exception == null ? null : exception.getClass().getSimpleName();
    }

    /** The call's own exception, stored by setException(). */
    public static class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CallFailed() {
            super("call failed");
        }
    }

    /**
     * CPython's Future, one call at a time: PENDING to RUNNING to FINISHED, or PENDING to
     * CANCELLED; set_result and set_exception are allowed from PENDING or RUNNING.
     * Exceptions are compared by class (InvalidStateError and RuntimeError are both
     * IllegalStateException here).
     */
    public static class Spec {
        static final int PENDING = 0;
        static final int RUNNING = 1;
        static final int CANCELLED = 2;
        static final int FINISHED = 3;

        int state = PENDING;
        Integer result;
        boolean failed;

        public Spec() {
        }

        public boolean cancel() {
            if (state == RUNNING || state == FINISHED) {
                return false;
            }
            state = CANCELLED;
            return true;
        }

        public boolean cancelled() {
            return state == CANCELLED;
        }

        public boolean running() {
            return state == RUNNING;
        }

        public boolean done() {
            return state == CANCELLED || state == FINISHED;
        }

        public boolean setRunningOrNotifyCancel() {
            if (state == CANCELLED) {
                return false;
            }
            if (state == PENDING) {
                state = RUNNING;
                return true;
            }
            throw new IllegalStateException("Future in unexpected state");
        }

        public void setResult(int v) {
            if (state == CANCELLED || state == FINISHED) {
                throw new IllegalStateException("InvalidStateError");
            }
            result = v;
            state = FINISHED;
        }

        public void setException() {
            if (state == CANCELLED || state == FINISHED) {
                throw new IllegalStateException("InvalidStateError");
            }
            failed = true;
            state = FINISHED;
        }

        public Integer resultZero() {
            if (state == CANCELLED) {
                throw new CancellationException();
            }
            if (state != FINISHED) {
                throw new TimeoutError();
            }
            if (failed) {
                throw new CallFailed();
            }
            return result;
        }

        public String exceptionZero() {
            if (state == CANCELLED) {
                throw new CancellationException();
            }
            if (state != FINISHED) {
                throw new TimeoutError();
            }
            return failed ? CallFailed.class.getSimpleName() : null;
        }
    }

    /**
     * The executor's protocol: set_result or set_exception once, on a running future, as the
     * worker that won set_running_or_notify_cancel calls it. A set operation on a future that
     * is not running throws IllegalStateException without touching it; so does a second one,
     * which no worker ever makes, once the first has finished (it waits for that: while the
     * first is under way the future is legitimately still running).
     */
    @Param(name = "v", gen = IntGen.class, conf = "1:3")
    public static class ExecutorProtocol {
        private final Future<Integer> future = new Future<>();
        private final AtomicBoolean completer = new AtomicBoolean();

        public ExecutorProtocol() {
        }

        @Operation
        public boolean cancel() {
            return future.cancel();
        }

        @Operation
        public boolean cancelled() {
            return future.cancelled();
        }

        @Operation
        public boolean running() {
            return future.running();
        }

        @Operation
        public boolean done() {
            return future.done();
        }

        @Operation
        public boolean setRunningOrNotifyCancel() {
            return future.setRunningOrNotifyCancel();
        }

        @Operation(params = "v")
        public void setResultWhenRunning(int v) {
            claimCompletion();
            future.setResult(v);
        }

        @Operation
        public void setExceptionWhenRunning() {
            claimCompletion();
            future.setException(new CallFailed());
        }

        private void claimCompletion() {
            if (!future.running()) {
                throw new IllegalStateException("not running");
            }
            if (!completer.compareAndSet(false, true)) {
                future.exception(); // waits: the first completer always finishes
                throw new IllegalStateException("already finished");
            }
        }

        @Operation
        public Integer resultZero() {
            return future.result(0.0);
        }

        @Operation
        public String exceptionZero() {
            return describe(future.exception(0.0));
        }
    }

    /** {@link Spec}, with the set operations allowed only in RUNNING. */
    public static class ExecutorProtocolSpec extends Spec {
        public ExecutorProtocolSpec() {
        }

        public void setResultWhenRunning(int v) {
            if (state != RUNNING) {
                throw new IllegalStateException("not running");
            }
            setResult(v);
        }

        public void setExceptionWhenRunning() {
            if (state != RUNNING) {
                throw new IllegalStateException("not running");
            }
            setException();
        }
    }

    /**
     * Done-callbacks run exactly once: each addCallback() adds one that counts its runs,
     * racing with cancel() and setResult(). The {@code @Validate} method reads the count
     * once every operation has returned: all callbacks ran once if the future is done,
     * none ran otherwise. (No done() here: the check is about callbacks, and done() alone
     * already fails {@link #modelCheckingIsLinearizable}.)
     */
    @Param(name = "v", gen = IntGen.class, conf = "1:3")
    public static class Callbacks {
        private final Future<Integer> future = new Future<>();
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicInteger runs = new AtomicInteger();
        private final AtomicInteger wrongFuture = new AtomicInteger();

        public Callbacks() {
        }

        @Operation
        public void addCallback() {
            future.addDoneCallback(f -> {
                if (f != future) {
                    wrongFuture.incrementAndGet();
                }
                runs.incrementAndGet();
            });
            added.incrementAndGet();
        }

        @Operation
        public boolean cancel() {
            return future.cancel();
        }

        @Operation
        public boolean setRunningOrNotifyCancel() {
            return future.setRunningOrNotifyCancel();
        }

        @Operation(params = "v")
        public void setResult(int v) {
            future.setResult(v);
        }

        @Validate
        public void eachCallbackRanOnceIfDone() {
            int expected = future.done() ? added.get() : 0;
            if (runs.get() != expected || wrongFuture.get() != 0) {
                throw new AssertionError("callbacks added " + added.get() + ", done " + future.done()
                        + ", runs " + runs.get() + " (expected " + expected + "), with another future "
                        + wrongFuture.get());
            }
        }
    }

    /** The callbacks target's operations, one at a time. */
    public static class CallbacksSpec {
        private final Spec future = new Spec();

        public CallbacksSpec() {
        }

        public void addCallback() {
        }

        public boolean cancel() {
            return future.cancel();
        }

        public boolean setRunningOrNotifyCancel() {
            return future.setRunningOrNotifyCancel();
        }

        public void setResult(int v) {
            future.setResult(v);
        }
    }

    /**
     * Broken on purpose: cancel() checks the state, then writes it, in two steps (so a
     * concurrent set_running_or_notify_cancel() can succeed too), and addDoneCallback()
     * checks done(), then appends, so a completion in between never runs the callback.
     * setResult() is atomic, so that each broken part is caught on its own.
     */
    private static final class RacyFuture {
        private static final int PENDING = 0;
        private static final int RUNNING = 1;
        private static final int CANCELLED = 2;
        private static final int FINISHED = 3;

        private final AtomicInteger state = new AtomicInteger(PENDING);
        private final List<Runnable> callbacks = new ArrayList<>();

        boolean cancel() {
            int s = state.get();
            if (s == RUNNING || s == FINISHED) {
                return false;
            }
            state.set(CANCELLED); // a concurrent setRunningOrNotifyCancel may have passed its check too
            fire();
            return true;
        }

        boolean setRunningOrNotifyCancel() {
            if (state.compareAndSet(PENDING, RUNNING)) {
                return true;
            }
            if (state.get() == CANCELLED) {
                return false;
            }
            throw new IllegalStateException("Future in unexpected state");
        }

        void setResult(int v) {
            if (!state.compareAndSet(PENDING, FINISHED) && !state.compareAndSet(RUNNING, FINISHED)) {
                throw new IllegalStateException("InvalidStateError");
            }
            fire();
        }

        boolean done() {
            int s = state.get();
            return s == CANCELLED || s == FINISHED;
        }

        void addDoneCallback(Runnable callback) {
            if (done()) {
                callback.run();
                return;
            }
            synchronized (callbacks) {
                callbacks.add(callback); // the future may have fired in between
            }
        }

        private void fire() {
            List<Runnable> toRun;
            synchronized (callbacks) {
                toRun = new ArrayList<>(callbacks);
                callbacks.clear();
            }
            toRun.forEach(Runnable::run);
        }
    }

    /** The operations of this class, over {@link RacyFuture}. */
    @Param(name = "v", gen = IntGen.class, conf = "1:3")
    public static class RacyFutureTarget {
        private final RacyFuture future = new RacyFuture();

        public RacyFutureTarget() {
        }

        @Operation
        public boolean cancel() {
            return future.cancel();
        }

        @Operation
        public boolean setRunningOrNotifyCancel() {
            return future.setRunningOrNotifyCancel();
        }

        @Operation(params = "v")
        public void setResult(int v) {
            future.setResult(v);
        }

        @Operation
        public boolean done() {
            return future.done();
        }
    }

    /** The callbacks target over {@link RacyFuture}. */
    @Param(name = "v", gen = IntGen.class, conf = "1:3")
    public static class RacyCallbacks {
        private final RacyFuture future = new RacyFuture();
        private final AtomicInteger added = new AtomicInteger();
        private final AtomicInteger runs = new AtomicInteger();

        public RacyCallbacks() {
        }

        @Operation
        public void addCallback() {
            future.addDoneCallback(runs::incrementAndGet);
            added.incrementAndGet();
        }

        @Operation(params = "v")
        public void setResult(int v) {
            future.setResult(v);
        }

        @Validate
        public void eachCallbackRanOnceIfDone() {
            int expected = future.done() ? added.get() : 0;
            if (runs.get() != expected) {
                throw new AssertionError("callbacks added " + added.get() + ", runs " + runs.get());
            }
        }
    }

    /** The racy callbacks target's operations, one at a time. */
    public static class RacyCallbacksSpec {
        private final Spec future = new Spec();

        public RacyCallbacksSpec() {
        }

        public void addCallback() {
        }

        public void setResult(int v) {
            future.setResult(v);
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

    private static ModelCheckingOptions callbacksModelChecking() {
        return new ModelCheckingOptions()
                .iterations(LincheckScale.iterations(15))
                .invocationsPerIteration(500)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1);
    }

    // pythreading: cancel, cancelled, running, done, set_running_or_notify_cancel, set_result,
    // set_exception, result(0) and exception(0) are linearizable (_base.Future's state machine)
    @Test
    void modelCheckingIsLinearizable() {
        modelChecking().sequentialSpecification(Spec.class).check(FutureLincheckTest.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressIsLinearizable() {
        stress().sequentialSpecification(Spec.class).check(FutureLincheckTest.class);
    }

    // pythreading: the same state machine as the executor drives it (set_result and
    // set_exception on a running future only) is linearizable
    @Test
    void modelCheckingExecutorProtocol() {
        modelChecking().sequentialSpecification(ExecutorProtocolSpec.class).check(ExecutorProtocol.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressExecutorProtocol() {
        stress().sequentialSpecification(ExecutorProtocolSpec.class).check(ExecutorProtocol.class);
    }

    // pythreading: done-callbacks added while the future is cancelled or finished run exactly once
    @Test
    void modelCheckingCallbacksRunOnce() {
        callbacksModelChecking().sequentialSpecification(CallbacksSpec.class).check(Callbacks.class);
    }

    // pythreading: the same, on real threads
    @Test
    void stressCallbacksRunOnce() {
        new StressOptions()
                .iterations(LincheckScale.iterations(7))
                .invocationsPerIteration(1_000)
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1)
                .sequentialSpecification(CallbacksSpec.class)
                .check(Callbacks.class);
    }

    // pythreading: the model checker catches a future whose cancel() is not atomic
    @Test
    void modelCheckingCatchesRacyFuture() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                modelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(Spec.class)
                        .check(RacyFutureTarget.class));
        assertThat(error).as("Lincheck's verdict on the racy future").isNotNull();
        assertThat(error.getMessage()).contains("Invalid execution results");
    }

    // pythreading: the model checker catches a done-callback lost to a concurrent completion
    @Test
    void modelCheckingCatchesLostCallback() {
        LincheckAssertionError error = catchThrowableOfType(LincheckAssertionError.class, () ->
                callbacksModelChecking()
                        .minimizeFailedScenario(false)
                        .sequentialSpecification(RacyCallbacksSpec.class)
                        .check(RacyCallbacks.class));
        assertThat(error).as("Lincheck's verdict on the racy callbacks").isNotNull();
        assertThat(error.getMessage()).contains("eachCallbackRanOnceIfDone");
    }
}
