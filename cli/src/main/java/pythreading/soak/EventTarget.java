package pythreading.soak;

import java.time.Duration;
import pythreading.threading.Event;

/** An {@link Event} set, cleared, polled and waited on; a wait without timeout returns true. */
final class EventTarget implements Target {

    private final Counters counters = new Counters("Event");
    private final Event event = new Event();
    private final Violations violations;

    EventTarget(RunState state) {
        this.violations = state.violations;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        switch (worker.random.nextInt(7)) {
            case 0, 1 -> event.set();
            case 2 -> event.clear();
            case 3 -> event.isSet();
            case 4 -> {
                if (!event.await()) {
                    violations.add(counters.name, "await() without timeout returned false");
                }
            }
            case 5 -> {
                if (!event.await(worker.timeout())) {
                    counters.timeouts.increment();
                }
            }
            default -> {
                if (!event.await(Duration.ofNanos((long) (worker.timeout() * 1e9)))) {
                    counters.timeouts.increment();
                }
            }
        }
    }

    @Override
    public void wake() {
        event.set();
    }

    @Override
    public void check(Violations violations) {
        if (!event.isSet()) {
            violations.add(counters.name, "not set after the final set()");
        }
    }
}
