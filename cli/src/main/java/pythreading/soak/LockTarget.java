package pythreading.soak;

import pythreading.threading.Lock;

/** A {@link Lock}: blocking, non-blocking and timed acquires, and {@code enter()}; never granted twice. */
final class LockTarget implements Target {

    private final Counters counters = new Counters("Lock");
    private final Lock lock = new Lock();
    private final Exclusion exclusion;
    private final Violations violations;

    LockTarget(RunState state) {
        this.violations = state.violations;
        this.exclusion = new Exclusion(counters.name, violations);
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        boolean acquired;
        switch (worker.random.nextInt(5)) {
            case 0 -> {
                acquired = lock.acquire();
                if (!acquired) {
                    violations.add(counters.name, "acquire() returned false");
                }
            }
            case 1 -> {
                acquired = lock.acquire(false);
                if (!acquired) {
                    counters.refused.increment();
                }
            }
            case 2 -> {
                acquired = lock.acquire(true, worker.timeout());
                if (!acquired) {
                    counters.timeouts.increment();
                }
            }
            case 3 -> {
                acquired = lock.acquire(true, -1);
                if (!acquired) {
                    violations.add(counters.name, "acquire(true, -1) returned false");
                }
            }
            default -> {
                try (var held = lock.enter()) {
                    hold(worker);
                }
                return;
            }
        }
        if (acquired) {
            try {
                hold(worker);
            } finally {
                lock.release();
            }
        }
    }

    private void hold(Worker worker) {
        exclusion.enter(worker);
        if (!lock.locked()) {
            violations.add(counters.name, "locked() is false while held");
        }
        worker.dawdle();
        exclusion.leave(worker);
    }

    @Override
    public void wake() {
        // holders always release; nothing else to wake
    }

    @Override
    public void check(Violations violations) {
        if (lock.locked()) {
            violations.add(counters.name, "still locked after the run");
        } else if (!lock.acquire(false)) {
            violations.add(counters.name, "not locked, yet acquire(false) failed after the run");
        } else {
            lock.release();
        }
    }
}
