package pythreading.soak;

import java.util.concurrent.atomic.LongAdder;
import pythreading.threading.Condition;
import pythreading.threading.Lock;

/**
 * A {@link Condition} (on its default {@code RLock}, or on a {@code Lock}) guarding a counter: producers add
 * one and signal (one, two or all), consumers wait for it to be positive (forever, timed,
 * or with a plain {@code await}, sometimes holding the lock two deep) and take one. The
 * counter never goes negative and ends at produced minus consumed; whoever is inside
 * holds the lock alone, also right after {@code await} returns or throws.
 */
final class ConditionTarget implements Target {

    private final Counters counters;
    private final Condition condition;
    private final boolean reentrant;
    private final Exclusion exclusion;
    private final Violations violations;
    private final LongAdder produced = new LongAdder();
    private final LongAdder consumed = new LongAdder();

    /** Guarded by condition. */
    private long value;
    /** Guarded by condition: set when the run is over, so that waiters stop waiting. */
    private boolean stopping;

    /** With {@code reentrant}, on its default RLock (and sometimes held two deep); else on a {@link Lock}. */
    ConditionTarget(RunState state, boolean reentrant) {
        this.reentrant = reentrant;
        this.condition = reentrant ? new Condition() : new Condition(new Lock());
        this.counters = new Counters(reentrant ? "Condition" : "Condition(Lock)");
        this.violations = state.violations;
        this.exclusion = new Exclusion(counters.name, violations);
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        // as many produce as consume, so that waiters are woken by producers, not only by interrupts
        int op = worker.random.nextInt(8);
        if (op < 4) {
            produce(worker);
        } else {
            consume(worker, op - 2);
        }
    }

    private void produce(Worker worker) {
        try (var held = condition.enter()) {
            exclusion.enter(worker);
            try {
                value++;
                produced.increment();
                switch (worker.random.nextInt(3)) {
                    case 0 -> condition.signal();
                    case 1 -> condition.signal(2);
                    default -> condition.signalAll();
                }
            } finally {
                exclusion.leave(worker);
            }
        }
    }

    private void consume(Worker worker, int op) {
        try (var held = condition.enter()) {
            boolean nested = reentrant && worker.random.nextBoolean();
            if (nested && !condition.acquire(false)) {
                violations.add(counters.name, "a nested acquire(false) of the condition's RLock failed");
                nested = false;
            }
            try {
                exclusion.enter(worker);
                try {
                    boolean satisfied;
                    exclusion.leave(worker); // await lets go of the lock, however deep
                    try {
                        satisfied = switch (op) {
                            case 2 -> condition.awaitFor(() -> value > 0 || stopping);
                            case 3 -> condition.awaitFor(() -> value > 0 || stopping, worker.timeout());
                            case 4 -> value > 0 || stopping || condition.await(worker.timeout());
                            default -> value > 0 || stopping || condition.await();
                        };
                    } finally {
                        exclusion.enter(worker); // and has it back, whatever happened
                    }
                    if (!satisfied) {
                        if (op == 2 || op == 5) {
                            violations.add(counters.name, "a wait without timeout returned false");
                        }
                        counters.timeouts.increment();
                    }
                    if (value < 0) {
                        violations.add(counters.name, "the guarded counter is negative: " + value);
                    }
                    if (value > 0) {
                        value--;
                        consumed.increment();
                    }
                } finally {
                    exclusion.leave(worker);
                }
            } finally {
                if (nested) {
                    condition.release();
                }
            }
        }
    }

    @Override
    public void wake() {
        // timed, so that a worker stuck holding the lock cannot stop the others' wake-up
        if (condition.acquire(true, 0.1)) {
            try {
                stopping = true;
                condition.signalAll();
            } finally {
                condition.release();
            }
        }
    }

    @Override
    public void check(Violations violations) {
        if (!condition.acquire(false)) {
            violations.add(counters.name, "its lock is still held after the run");
            return;
        }
        try {
            long expected = produced.sum() - consumed.sum();
            if (value != expected || value < 0) {
                violations.add(counters.name, "the counter ended at " + value + ", but " + produced.sum()
                        + " were produced and " + consumed.sum() + " consumed");
            }
        } finally {
            condition.release();
        }
    }
}
