package pythreading.internal;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * CPython's {@code Condition.wait_for} loop, for every condition (the local one and its
 * distributed twin): the predicate first, then waits until it holds or the time is up.
 */
public final class WaitFor {

    private WaitFor() {
    }

    /**
     * {@code wait_for(predicate)}: waits (with {@code await}) until the predicate holds.
     *
     * @param predicate the condition to wait for, evaluated with the lock held
     * @param await one untimed wait of the condition
     * @return {@code true}
     */
    public static boolean untimed(BooleanSupplier predicate, Runnable await) {
        while (!predicate.getAsBoolean()) {
            await.run();
        }
        return true;
    }

    /**
     * {@code wait_for(predicate, timeout)}: as CPython, a false predicate leads to at least
     * one wait, even with a timeout of zero or less, so the ownership check and the
     * timeout's range check happen as they do there.
     *
     * @param predicate the condition to wait for, evaluated with the lock held
     * @param timeout the longest wait in all, in seconds
     * @param checkOwned throws {@code cannot wait on un-acquired lock} unless the caller
     *     holds the lock
     * @param awaitNanos one wait of the condition, at most the given nanoseconds
     * @return the predicate's last value
     */
    public static boolean timed(BooleanSupplier predicate, double timeout, Runnable checkOwned,
            LongConsumer awaitNanos) {
        boolean result = predicate.getAsBoolean();
        if (result) {
            return true;
        }
        checkOwned.run();
        long nanos = Timeouts.forWait(timeout);
        long deadline = Timeouts.deadline(nanos);
        while (!result) {
            awaitNanos.accept(nanos);
            result = predicate.getAsBoolean();
            nanos = Timeouts.remaining(deadline);
            if (nanos <= 0) {
                break;
            }
        }
        return result;
    }
}
