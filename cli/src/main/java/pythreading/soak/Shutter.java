package pythreading.soak;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Every few tens of milliseconds, retires a random queue (a third of the time with an
 * immediate shutdown) or, more rarely, the thread pool, and settles the retired queues
 * nobody uses any more; until the run stops.
 */
final class Shutter implements Runnable {

    private final List<QueueTarget> queues;
    private final PoolTarget pool;
    private final RunState state;
    private final SplittableRandom random;

    Shutter(List<QueueTarget> queues, PoolTarget pool, RunState state, SplittableRandom random) {
        this.queues = queues;
        this.pool = pool;
        this.state = state;
        this.random = random;
    }

    @Override
    public void run() {
        while (!state.stopping) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10 + random.nextInt(90)));
            if (state.stopping) {
                break;
            }
            try {
                if (random.nextInt(8) == 0) {
                    pool.retire(random.nextBoolean());
                } else {
                    queues.get(random.nextInt(queues.size())).retire(random.nextInt(3) == 0);
                }
                for (QueueTarget queue : queues) {
                    queue.settleIdle();
                }
            } catch (RuntimeException | Error e) {
                state.violations.unexpected("shutter", e);
            }
        }
    }
}
