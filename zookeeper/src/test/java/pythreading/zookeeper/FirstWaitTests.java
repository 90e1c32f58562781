package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A primitive sets its watch at its first wait, not before: the change that lands between
 * the unwatched read and the watch still wakes the waiter. Two managers on one server
 * stand for two processes.
 */
@Timeout(120)
class FirstWaitTests extends TwoManagers {

    // A waiter of another process is woken by the release, whether it comes before or
    // after the waiter's first wait set the watch
    @Test
    void lockWaiterWokenByAnotherProcessesRelease() throws Exception {
        for (int round = 0; round < 20; round++) {
            DistributedLock la = a.lock("l" + round);
            DistributedLock lb = b.lock("l" + round);
            la.acquire();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> lb.acquire(true, 30));
            if (round % 2 == 0) {
                Thread.sleep(50); // the waiter is (most likely) waiting, watched
            }
            la.release();
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
            lb.release();
        }
    }

    // The same for an event set by another process
    @Test
    void eventWaiterWokenByAnotherProcessesSet() throws Exception {
        for (int round = 0; round < 20; round++) {
            DistributedEvent ea = a.event("e" + round);
            DistributedEvent eb = b.event("e" + round);
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> eb.await(30));
            if (round % 2 == 0) {
                Thread.sleep(50);
            }
            ea.set();
            assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    // A timed wait that nothing ends still times out, the first wait included
    @Test
    void timedWaitStillTimesOut() {
        DistributedLock la = a.lock("held");
        la.acquire();
        long start = System.nanoTime();
        assertThat(b.lock("held").acquire(true, 0.3)).isFalse();
        assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(250), TimeUnit.SECONDS.toNanos(10));
        assertThat(b.event("never").await(0.3)).isFalse();
        la.release();
    }
}
