package pythreading.soak;

import java.time.Duration;
import java.util.List;

/**
 * What a soak did and found.
 *
 * @param elapsed how long the workers ran
 * @param threads the number of workers
 * @param virtual whether the workers ran on virtual threads
 * @param seed the seed of the run's random choices
 * @param primitives the counts of each primitive, in the order the summary lists them
 * @param interruptsDelivered interrupts sent to the workers
 * @param queueShutdowns queues retired during the run (shut down, or a SimpleQueue replaced)
 * @param immediateShutdowns of those, the immediate shutdowns
 * @param poolShutdowns thread pools shut down and replaced during the run
 * @param itemsPut items put in the queues
 * @param itemsGot items got by the workers
 * @param itemsLeft items still in a queue at the end (got when settling it)
 * @param itemsDiscarded items discarded by immediate shutdowns
 * @param violationCount broken invariants, stuck threads and unexpected exceptions
 * @param violations the first few of them, in words
 */
public record SoakResult(Duration elapsed, int threads, boolean virtual, long seed, List<PrimitiveStats> primitives,
        long interruptsDelivered, long queueShutdowns, long immediateShutdowns, long poolShutdowns,
        long itemsPut, long itemsGot, long itemsLeft, long itemsDiscarded,
        long violationCount, List<String> violations) {

    public SoakResult {
        primitives = List.copyOf(primitives);
        violations = List.copyOf(violations);
    }

    /** Operations on every primitive. */
    public long operations() {
        return primitives.stream().mapToLong(PrimitiveStats::operations).sum();
    }

    /** Operations per second of the run. */
    public double operationsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? operations() / seconds : 0;
    }

    /** Calls that threw {@code UncheckedInterruptedException}. */
    public long interruptedCalls() {
        return primitives.stream().mapToLong(PrimitiveStats::interrupted).sum();
    }

    /** Timed calls that ran out of time. */
    public long timeouts() {
        return primitives.stream().mapToLong(PrimitiveStats::timeouts).sum();
    }

    /** Queue and pool shutdowns. */
    public long shutdowns() {
        return queueShutdowns + poolShutdowns;
    }

    /** Whether no violation was found. */
    public boolean passed() {
        return violationCount == 0;
    }
}
