package pythreading.soak;

import java.util.concurrent.atomic.LongAdder;

/** The live counts of one primitive, updated by every worker. */
final class Counters {

    final String name;
    final LongAdder operations = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder interrupted = new LongAdder();
    final LongAdder refused = new LongAdder();

    Counters(String name) {
        this.name = name;
    }

    PrimitiveStats snapshot() {
        return new PrimitiveStats(name, operations.sum(), timeouts.sum(), interrupted.sum(), refused.sum());
    }
}
