package pythreading.soak;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Interrupts a random worker every millisecond or so, until the run stops. */
final class Interrupter implements Runnable {

    private final Worker[] workers;
    private final RunState state;
    private final SplittableRandom random;

    Interrupter(Worker[] workers, RunState state, SplittableRandom random) {
        this.workers = workers;
        this.state = state;
        this.random = random;
    }

    @Override
    public void run() {
        while (!state.stopping) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(2000)));
            java.lang.Thread target = workers[random.nextInt(workers.length)].javaThread;
            if (target != null && !state.stopping) {
                target.interrupt();
                state.interruptsDelivered.increment();
            }
        }
    }
}
