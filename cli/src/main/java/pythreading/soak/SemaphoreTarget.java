package pythreading.soak;

import java.util.concurrent.atomic.AtomicInteger;
import pythreading.threading.BoundedSemaphore;
import pythreading.threading.Semaphore;

/**
 * A {@link Semaphore} or {@link BoundedSemaphore} of a few permits: never more taken at
 * once than it has, every permit back at the end, and a bounded one refuses one release
 * too many.
 */
final class SemaphoreTarget implements Target {

    static final int PERMITS = 3;

    private final Counters counters;
    private final Semaphore semaphore;
    private final boolean bounded;
    private final Violations violations;
    private final AtomicInteger inUse = new AtomicInteger();

    SemaphoreTarget(RunState state, boolean bounded) {
        this.bounded = bounded;
        this.semaphore = bounded ? new BoundedSemaphore(PERMITS) : new Semaphore(PERMITS);
        this.counters = new Counters(bounded ? "BoundedSemaphore" : "Semaphore");
        this.violations = state.violations;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        int op = worker.random.nextInt(6);
        if (op == 4) {
            try (var held = semaphore.enter()) {
                hold(worker, 1);
            }
            return;
        }
        if (op == 5) {
            takeTwo(worker);
            return;
        }
        boolean acquired = switch (op) {
            case 0 -> semaphore.acquire();
            case 1 -> semaphore.acquire(false);
            default -> semaphore.acquire(true, worker.timeout());
        };
        if (!acquired) {
            if (op == 0) {
                violations.add(counters.name, "acquire() returned false");
            }
            (op == 1 ? counters.refused : counters.timeouts).increment();
            return;
        }
        try {
            hold(worker, 1);
        } finally {
            semaphore.release();
        }
    }

    /** Two permits, one timed acquire each, given back with one {@code release(2)}. */
    private void takeTwo(Worker worker) {
        int held = 0;
        try {
            while (held < 2 && semaphore.acquire(true, worker.timeout())) {
                held++;
            }
            if (held < 2) {
                counters.timeouts.increment();
            } else {
                hold(worker, 2);
            }
        } finally {
            if (held > 0) {
                semaphore.release(held);
            }
        }
    }

    private void hold(Worker worker, int permits) {
        int taken = inUse.addAndGet(permits);
        if (taken > PERMITS) {
            violations.add(counters.name, taken + " permits out at once, of " + PERMITS);
        }
        worker.dawdle();
        inUse.addAndGet(-permits);
    }

    @Override
    public void wake() {
        // holders always release; nothing else to wake
    }

    @Override
    public void check(Violations violations) {
        int available = 0;
        while (available <= PERMITS && semaphore.acquire(false)) {
            available++;
        }
        if (available != PERMITS) {
            violations.add(counters.name, "ended with " + available + " permits available, not " + PERMITS);
        }
        if (available > 0) {
            semaphore.release(available);
        }
        if (bounded && available == PERMITS) {
            try {
                semaphore.release();
                violations.add(counters.name, "a release beyond the initial value was accepted");
            } catch (IllegalArgumentException e) {
                if (!"Semaphore released too many times".equals(e.getMessage())) {
                    violations.add(counters.name, "one release too many said '" + e.getMessage() + "'");
                }
            }
        }
    }
}
