package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import pythreading.queue.Empty;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Interrupts that land while a call is inside ZooKeeper (its request sent, its answer not
 * yet read) leave nothing behind: no node in a lock's line, no permit taken, no lost
 * release. A caller loops on acquire and release while another thread interrupts it at
 * random; at the end every primitive must be as it started.
 */
class DistributedInterruptStressTests extends ZooKeeperTestSupport {

    private static final int ROUNDS = 300;

    /** Runs {@code round} ROUNDS times in a thread that is interrupted at random meanwhile. */
    private static void underInterrupts(Runnable round) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    try {
                        round.run();
                    } catch (UncheckedInterruptedException e) {
                        assertThat(Thread.interrupted()).as("the flag is set again").isTrue();
                    }
                    Thread.interrupted(); // an interrupt may land after the round: start clean
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (caller.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 2_000_000));
            caller.interrupt();
        }
        caller.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(caller.isAlive()).as("the rounds ended").isFalse();
        assertThat(failure.get()).as("what a round threw").isNull();
    }

    @Test
    void aLockLineKeepsNoNodeOfAnInterruptedAcquire() throws Exception {
        DistributedLock lock = zk.lock(name);
        underInterrupts(() -> {
            if (lock.acquire()) {
                lock.release(); // never throws an interrupt: a release always completes
            }
        });
        assertThat(lock.locked()).as("the lock is free").isFalse();
        assertThat(other.lock(name).acquire(false)).isTrue();
        other.lock(name).release();
    }

    @Test
    void aSemaphoreKeepsNoPermitOfAnInterruptedAcquire() throws Exception {
        DistributedSemaphore semaphore = zk.semaphore(name, 2);
        underInterrupts(() -> {
            if (semaphore.acquire()) {
                semaphore.release();
            }
        });
        assertThat(semaphore.value()).as("every permit is back").isEqualTo(2);
    }

    @Test
    void aQueueLosesNoItemToAnInterrupt() throws Exception {
        DistributedQueue<String> queue = zk.queue(name, 0);
        int[] put = {0};
        int[] got = {0};
        underInterrupts(() -> {
            try {
                queue.put("x");
                put[0]++;
            } finally {
                // a get that is interrupted does not take the item: it stays for the next round
                try {
                    queue.get(false);
                    got[0]++;
                } catch (Empty e) {
                    // the put was interrupted, and nothing was left from earlier rounds
                }
            }
        });
        assertThat(queue.qsize()).as("items left: the puts that went through less the gets")
                .isEqualTo(put[0] - got[0]);
    }
}
