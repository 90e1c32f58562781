package pythreading.soak;

import java.util.concurrent.atomic.LongAdder;
import pythreading.threading.Barrier;
import pythreading.threading.BrokenBarrierError;

/**
 * A {@link Barrier} of three parties whose action counts the trips: waits forever or
 * timed (timeouts and interrupts break it, workers reset it). Every trip lets exactly its
 * three parties through, with the indexes 0, 1 and 2.
 */
final class BarrierTarget implements Target {

    static final int PARTIES = 3;

    private final Counters counters = new Counters("Barrier");
    private final LongAdder trips = new LongAdder();
    private final Barrier barrier = new Barrier(PARTIES, trips::increment);
    private final RunState state;
    private final LongAdder passed = new LongAdder();
    private final LongAdder indexSum = new LongAdder();

    BarrierTarget(RunState state) {
        this.state = state;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        int op = worker.random.nextInt(7); // 0: wait forever; 1, 2, 5, 6: timed; 3: reset; 4: look
        if (op == 3) {
            if (barrier.isBroken() && !state.stopping) {
                barrier.reset();
            }
            return;
        }
        if (op == 4) {
            int waiting = barrier.nWaiting();
            if (waiting < 0 || waiting >= PARTIES || barrier.parties() != PARTIES) {
                state.violations.add(counters.name, "nWaiting() " + waiting + " with " + barrier.parties() + " parties");
            }
            return;
        }
        double timeout = op == 0 ? -1 : 0.001 + worker.random.nextInt(20) / 1000.0;
        long start = System.nanoTime();
        try {
            int index = op == 0 ? barrier.await() : barrier.await(timeout);
            if (index < 0 || index >= PARTIES) {
                state.violations.add(counters.name, "await() returned the index " + index);
            }
            passed.increment();
            indexSum.add(index);
        } catch (BrokenBarrierError e) {
            // broken by this thread's own timeout, or by someone else's
            boolean timedOut = timeout >= 0 && System.nanoTime() - start >= (long) (timeout * 1e9);
            (timedOut ? counters.timeouts : counters.refused).increment();
            if (worker.random.nextBoolean() && !state.stopping) {
                barrier.reset();
            }
        }
    }

    @Override
    public void wake() {
        barrier.reset();
    }

    @Override
    public void check(Violations violations) {
        long t = trips.sum();
        if (passed.sum() != PARTIES * t) {
            violations.add(counters.name, passed.sum() + " waits returned an index, for " + t + " trips of "
                    + PARTIES + " parties");
        }
        if (indexSum.sum() != t * PARTIES * (PARTIES - 1) / 2) {
            violations.add(counters.name, "the indexes returned add up to " + indexSum.sum() + ", not "
                    + t * PARTIES * (PARTIES - 1) / 2 + " for " + t + " trips");
        }
        if (barrier.nWaiting() != 0) {
            violations.add(counters.name, barrier.nWaiting() + " threads still waiting after the run");
        }
    }
}
