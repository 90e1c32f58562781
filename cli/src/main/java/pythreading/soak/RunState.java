package pythreading.soak;

import java.util.concurrent.atomic.LongAdder;

/** What every thread of one soak run shares: the stop flag, the violations and the run's totals. */
final class RunState {

    /** Set once when the run's time is up: workers finish their current call and return. */
    volatile boolean stopping;

    final Violations violations = new Violations();
    final int threads;

    final LongAdder interruptsDelivered = new LongAdder();
    final LongAdder queueShutdowns = new LongAdder();
    final LongAdder immediateShutdowns = new LongAdder();
    final LongAdder poolShutdowns = new LongAdder();
    final LongAdder itemsPut = new LongAdder();
    final LongAdder itemsGot = new LongAdder();
    final LongAdder itemsLeft = new LongAdder();
    final LongAdder itemsDiscarded = new LongAdder();

    RunState(int threads) {
        this.threads = threads;
    }
}
