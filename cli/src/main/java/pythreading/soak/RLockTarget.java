package pythreading.soak;

import pythreading.threading.RLock;
import pythreading.threading.UncheckedInterruptedException;

/**
 * An {@link RLock}, taken one to three levels deep. A nested acquire never needs to
 * wait, so it must succeed in every form, even with the interrupt flag set; a release by
 * a thread that does not own it must be refused.
 */
final class RLockTarget implements Target {

    private final Counters counters = new Counters("RLock");
    private final RLock lock = new RLock();
    private final Exclusion exclusion;
    private final Violations violations;

    RLockTarget(RunState state) {
        this.violations = state.violations;
        this.exclusion = new Exclusion(counters.name, violations);
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        if (worker.random.nextInt(16) == 0) {
            releaseUnowned();
            return;
        }
        int form = worker.random.nextInt(4);
        boolean acquired = switch (form) {
            case 0 -> lock.acquire();
            case 1 -> lock.acquire(false);
            case 2 -> lock.acquire(true, worker.timeout());
            default -> lock.acquire(true, -1);
        };
        if (!acquired) {
            if (form == 1) {
                counters.refused.increment();
            } else if (form == 2) {
                counters.timeouts.increment();
            } else {
                violations.add(counters.name, "a blocking acquire without timeout returned false");
            }
            return;
        }
        int depth = 1;
        exclusion.enter(worker);
        try {
            for (int extra = worker.random.nextInt(3); extra > 0; extra--) {
                if (nestedAcquire(worker)) {
                    depth++;
                }
            }
            if (!lock.locked()) {
                violations.add(counters.name, "locked() is false while held " + depth + " deep");
            }
            worker.dawdle();
            for (; depth > 1; depth--) {
                lock.release();
                if (!lock.locked()) {
                    violations.add(counters.name, "released at depth " + depth + " but no longer locked");
                }
            }
        } finally {
            exclusion.leave(worker);
            for (; depth > 0; depth--) {
                lock.release();
            }
        }
    }

    /** An acquire by the owner: must succeed at once, interrupted or not. */
    private boolean nestedAcquire(Worker worker) {
        boolean selfInterrupt = worker.random.nextInt(4) == 0;
        if (selfInterrupt) {
            java.lang.Thread.currentThread().interrupt();
        }
        int form = worker.random.nextInt(4);
        try {
            boolean acquired = switch (form) {
                case 0 -> lock.acquire();
                case 1 -> lock.acquire(false);
                case 2 -> lock.acquire(true, worker.timeout());
                default -> lock.enter() != null;
            };
            if (!acquired) {
                violations.add(counters.name, "a nested acquire (form " + form + ") by the owner returned false");
            }
            return acquired;
        } catch (UncheckedInterruptedException e) {
            violations.add(counters.name, "a nested acquire (form " + form + ") by the owner, which need not wait, threw "
                    + e + (selfInterrupt ? " (interrupt flag set before the call)" : ""));
            return false;
        } finally {
            if (selfInterrupt) {
                java.lang.Thread.interrupted();
            }
        }
    }

    /** A release by a worker that does not hold the lock (it may be held by another). */
    private void releaseUnowned() {
        try {
            lock.release();
            violations.add(counters.name, "release() by a thread that does not own it succeeded");
        } catch (IllegalStateException e) {
            counters.refused.increment();
            if (!"cannot release un-acquired lock".equals(e.getMessage())) {
                violations.add(counters.name, "release() by a non-owner said '" + e.getMessage() + "'");
            }
        }
    }

    @Override
    public void wake() {
        // holders always release; nothing else to wake
    }

    @Override
    public void check(Violations violations) {
        if (lock.locked()) {
            violations.add(counters.name, "still locked after the run: " + lock);
        } else if (!lock.acquire(false)) {
            violations.add(counters.name, "not locked, yet acquire(false) failed after the run");
        } else {
            lock.release();
            if (lock.locked()) {
                violations.add(counters.name, "one release after one acquire left it locked (depth not 0)");
            }
        }
    }
}
