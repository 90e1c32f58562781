package pythreading.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The soak engine: a short clean run, and a faulty queue that it must catch. */
class SoakEngineTests {

    // pythreading: a 5 s soak finds no violation, and does real work: operations on every
    // primitive, interrupts delivered and interrupted calls, timeouts, shutdowns.
    @Test
    @Timeout(60)
    void shortSoakHasNoViolation() {
        SoakResult result = new SoakEngine().run(Duration.ofSeconds(5), SoakEngine.defaultThreads(), 8);

        assertThat(result.violations()).isEmpty();
        assertThat(result.violationCount()).isZero();
        assertThat(result.passed()).isTrue();
        assertThat(result.primitives()).extracting(PrimitiveStats::name).contains("Lock", "RLock", "Condition", "Condition(Lock)",
                "Semaphore", "BoundedSemaphore", "Event", "Barrier", "Queue", "Queue(maxsize=8)",
                "LifoQueue(maxsize=4)", "PriorityQueue(maxsize=16)", "SimpleQueue", "ThreadPoolExecutor");
        assertThat(result.primitives()).allSatisfy(p -> assertThat(p.operations()).as(p.name()).isPositive());
        assertThat(result.operations()).isGreaterThan(10_000);
        assertThat(result.interruptsDelivered()).isPositive();
        assertThat(result.interruptedCalls()).isPositive();
        assertThat(result.timeouts()).isPositive();
        assertThat(result.queueShutdowns()).isPositive();
        assertThat(result.itemsPut()).isPositive();
        assertThat(result.itemsPut()).isEqualTo(result.itemsGot() + result.itemsLeft() + result.itemsDiscarded());
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    // pythreading: the checker has teeth: a queue that silently drops one item put in
    // 10,000 is caught as a violation.
    @Test
    @Timeout(60)
    void queueThatDropsItemsIsCaught() {
        AtomicLong puts = new AtomicLong();
        SoakResult result = new SoakEngine()
                .queueDecorator(queue -> new DroppingQueue(queue, puts))
                .run(Duration.ofSeconds(4), SoakEngine.defaultThreads(), 9);

        assertThat(puts.get()).as("puts through the faulty queues").isGreaterThan(20_000);
        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).anySatisfy(v -> assertThat(v).contains("were never got, nor left in the queue"));
    }

    // pythreading: a queue that hands an item out twice is caught too.
    @Test
    @Timeout(60)
    void queueThatDuplicatesItemsIsCaught() {
        SoakResult result = new SoakEngine()
                .queueDecorator(DuplicatingQueue::new)
                .run(Duration.ofSeconds(3), 8, 10);

        assertThat(result.passed()).isFalse();
        assertThat(result.violations()).anySatisfy(v -> assertThat(v).contains("was got twice"));
    }

    // pythreading: a worker that never returns is reported as stuck, with its stack trace.
    @Test
    @Timeout(60)
    void stuckThreadIsReported() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hung = new AtomicBoolean();
        try {
            SoakResult result = new SoakEngine()
                    .queueDecorator(queue -> new HangingQueue(queue, hung, release))
                    .stuckAfter(Duration.ofSeconds(2))
                    .run(Duration.ofSeconds(1), 8, 11);

            assertThat(hung).isTrue();
            assertThat(result.passed()).isFalse();
            assertThat(result.violations()).anySatisfy(v -> assertThat(v)
                    .matches("(?s)soak-worker-\\d+: still running 2\\.0 s after the run ended.*")
                    .contains(HangingQueue.class.getName() + ".get("));
        } finally {
            release.countDown();
        }
    }

    /** The first blocking get() waits, deaf to interrupts, until the test lets it go. */
    private static final class HangingQueue extends ForwardingQueue {
        private final AtomicBoolean hung;
        private final CountDownLatch release;

        HangingQueue(SoakQueue queue, AtomicBoolean hung, CountDownLatch release) {
            super(queue);
            this.hung = hung;
            this.release = release;
        }

        @Override
        public Item get() {
            if (hung.compareAndSet(false, true)) {
                boolean interrupted = false;
                for (;;) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    java.lang.Thread.currentThread().interrupt();
                }
            }
            return super.get();
        }
    }

    /** Passes every call through, except that it drops one put in 10,000 and says it put it. */
    private static final class DroppingQueue extends ForwardingQueue {
        private final AtomicLong puts;

        DroppingQueue(SoakQueue queue, AtomicLong puts) {
            super(queue);
            this.puts = puts;
        }

        private boolean drop(Item item) {
            return item != Item.WAKE_UP && puts.incrementAndGet() % 10_000 == 0;
        }

        @Override
        public void put(Item item) {
            if (!drop(item)) {
                super.put(item);
            }
        }

        @Override
        public void put(Item item, boolean block) {
            if (!drop(item)) {
                super.put(item, block);
            }
        }

        @Override
        public void put(Item item, boolean block, double timeout) {
            if (!drop(item)) {
                super.put(item, block, timeout);
            }
        }

        @Override
        public void putNowait(Item item) {
            if (!drop(item)) {
                super.putNowait(item);
            }
        }
    }

    /** Hands one item in 100 got by getNowait() out a second time, at the next getNowait(). */
    private static final class DuplicatingQueue extends ForwardingQueue {
        private final AtomicLong gets = new AtomicLong();
        private final AtomicReference<Item> again = new AtomicReference<>();

        DuplicatingQueue(SoakQueue queue) {
            super(queue);
        }

        @Override
        public Item getNowait() {
            Item twice = again.getAndSet(null);
            if (twice != null) {
                return twice;
            }
            Item item = super.getNowait();
            if (item != Item.WAKE_UP && gets.incrementAndGet() % 100 == 0) {
                again.set(item);
            }
            return item;
        }
    }

    /** A {@link SoakQueue} that passes every call to another. */
    private abstract static class ForwardingQueue implements SoakQueue {
        private final SoakQueue queue;

        ForwardingQueue(SoakQueue queue) {
            this.queue = queue;
        }

        @Override
        public String kind() {
            return queue.kind();
        }

        @Override
        public int maxsize() {
            return queue.maxsize();
        }

        @Override
        public boolean fifo() {
            return queue.fifo();
        }

        @Override
        public boolean hasTasksAndShutdown() {
            return queue.hasTasksAndShutdown();
        }

        @Override
        public void put(Item item) {
            queue.put(item);
        }

        @Override
        public void put(Item item, boolean block) {
            queue.put(item, block);
        }

        @Override
        public void put(Item item, boolean block, double timeout) {
            queue.put(item, block, timeout);
        }

        @Override
        public void putNowait(Item item) {
            queue.putNowait(item);
        }

        @Override
        public Item get() {
            return queue.get();
        }

        @Override
        public Item get(boolean block) {
            return queue.get(block);
        }

        @Override
        public Item get(boolean block, double timeout) {
            return queue.get(block, timeout);
        }

        @Override
        public Item getNowait() {
            return queue.getNowait();
        }

        @Override
        public int qsize() {
            return queue.qsize();
        }

        @Override
        public void taskDone() {
            queue.taskDone();
        }

        @Override
        public void join() {
            queue.join();
        }

        @Override
        public void shutdown(boolean immediate) {
            queue.shutdown(immediate);
        }
    }
}
