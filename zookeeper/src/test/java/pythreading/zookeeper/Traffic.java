package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Traffic for the fault tests, each party with a manager of its own: two producers and
 * two consumers on a bounded queue (consumers mark each task done), and lock workers
 * that also take a permit of a semaphore of 2. The checks are in the test, not in
 * ZooKeeper: an in-test count of lock and permit holders, and a store that refuses a
 * fencing token not above the last one.
 */
final class Traffic {

    private static final int MAXSIZE = 10;

    private final String name;
    private final int perProducer;
    private final CountDownLatch start = new CountDownLatch(1);
    private final List<Future<?>> producers = new ArrayList<>();
    private final List<Future<?>> consumers = new ArrayList<>();
    private final List<Future<?>> workers = new ArrayList<>();
    private final Queue<String> consumed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger lockHolders = new AtomicInteger();
    private final AtomicInteger permitHolders = new AtomicInteger();
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicBoolean faulted = new AtomicBoolean();
    private final CountDownLatch cycledAfterFault = new CountDownLatch(1);
    private final SessionLossTest.Store store = new SessionLossTest.Store();
    /** One permit per item consumed. */
    final Semaphore progress = new Semaphore(0);

    Traffic(ExecutorService pool, Supplier<ZooKeeperManager> manager, String name, int perProducer, int workers) {
        this.name = name;
        this.perProducer = perProducer;
        for (int p = 0; p < 2; p++) {
            DistributedQueue<String> queue = manager.get().queue("work-" + name, MAXSIZE);
            String prefix = "p" + p + "-";
            producers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perProducer; i++) {
                    queue.put(prefix + i);
                }
                return null;
            }));
        }
        for (int c = 0; c < 2; c++) {
            DistributedQueue<String> queue = manager.get().queue("work-" + name, MAXSIZE);
            consumers.add(pool.submit(() -> {
                start.await();
                for (String item; !(item = queue.get()).equals("STOP"); ) {
                    consumed.add(item);
                    queue.taskDone();
                    progress.release();
                }
                queue.taskDone();
                return null;
            }));
        }
        for (int w = 0; w < workers; w++) {
            ZooKeeperManager each = manager.get();
            DistributedLock lock = each.lock("ledger-" + name);
            DistributedSemaphore permits = each.boundedSemaphore("permits-" + name, 2);
            this.workers.add(pool.submit(() -> {
                start.await();
                while (!stop.get()) {
                    cycle(lock, permits);
                }
                return null;
            }));
        }
    }

    private void cycle(DistributedLock lock, DistributedSemaphore permits) {
        try (var held = lock.enter()) {
            if (lockHolders.incrementAndGet() != 1 || !store.write(lock.fencingToken(), "w")) {
                violations.incrementAndGet();
            }
            lockHolders.decrementAndGet();
        }
        try (var held = permits.enter()) {
            if (permitHolders.incrementAndGet() > 2) {
                violations.incrementAndGet();
            }
            permitHolders.decrementAndGet();
        }
        if (faulted.get()) {
            cycledAfterFault.countDown();
        }
    }

    void start() {
        start.countDown();
    }

    /** Waits until {@code items} more were consumed. */
    void awaitProgress(int items) throws InterruptedException {
        assertThat(progress.tryAcquire(items, 60, TimeUnit.SECONDS)).as("%d more items consumed", items).isTrue();
    }

    /** From now on, lock cycles count as done after the fault. */
    void faulted() {
        faulted.set(true);
    }

    /** Lets every party finish, through {@code any} manager, and checks the outcome. */
    void finishAndCheck(ZooKeeperManager any) throws Exception {
        for (Future<?> producer : producers) {
            producer.get(60, TimeUnit.SECONDS);
        }
        DistributedQueue<String> queue = any.queue("work-" + name, MAXSIZE);
        queue.put("STOP");
        queue.put("STOP");
        for (Future<?> consumer : consumers) {
            consumer.get(60, TimeUnit.SECONDS);
        }
        if (!workers.isEmpty()) {
            assertThat(cycledAfterFault.await(30, TimeUnit.SECONDS)).as("lock and permit cycles after the fault")
                    .isTrue();
        }
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }

        List<String> produced = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < perProducer; i++) {
                produced.add("p" + p + "-" + i);
            }
        }
        assertThat(consumed).as("each item consumed exactly once").containsExactlyInAnyOrderElementsOf(produced);
        assertThat(queue.qsize()).isZero();
        queue.join(); // each taskDone counted once: nothing unfinished is left
        assertThat(violations).as("two lock holders, three permit holders, or a stale token").hasValue(0);
        if (!workers.isEmpty()) {
            assertThat(any.boundedSemaphore("permits-" + name, 2).value()).as("every permit back, none twice")
                    .isEqualTo(2);
            assertThat(any.lock("ledger-" + name).locked()).isFalse();
        }
    }
}
