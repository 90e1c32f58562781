package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import pythreading.queue.Queue;
import pythreading.queue.QueueLike;
import pythreading.threading.Acquirable;
import pythreading.threading.Barrier;
import pythreading.threading.BarrierLike;
import pythreading.threading.BrokenBarrierError;
import pythreading.threading.Condition;
import pythreading.threading.ConditionLike;
import pythreading.threading.Event;
import pythreading.threading.EventLike;
import pythreading.threading.Lock;
import pythreading.threading.Semaphore;
import pythreading.threading.SemaphoreLike;

/**
 * One program written only against the core interfaces, run on the local classes and on
 * their ZooKeeper twins (each party in a process of its own, alternating between two
 * managers), with the same outcome: the point of the shared interfaces.
 */
class DistributedBothWaysTests extends ZooKeeperTestSupport {

    private static final int PRODUCERS = 2;
    private static final int ITEMS_EACH = 5;

    /** What one party sees: every primitive of the program. */
    record Kit(Acquirable lock, SemaphoreLike slots, EventLike done, ConditionLike changed,
            BarrierLike start, QueueLike<String> queue) {
    }

    /**
     * What the program observed. The interleaving of the producers may differ between
     * runs, so the items are kept sorted, with whether each producer's came in its order.
     */
    record Outcome(List<String> consumedSorted, boolean eachProducerInOrder, int counter,
            List<Integer> startIndices, boolean doneSeen, boolean brokenAfterAbort, int queueLeft) {
    }

    /**
     * Two producers and one consumer meet at a barrier, then pass items through a bounded
     * queue; the consumer counts them under a lock, with at most one inside a semaphore,
     * signals a condition on each count and sets an event at the end; the main party
     * joins the queue, waits for the count on the condition and for the event, then
     * aborts the barrier. {@code kitFor(i)} gives party {@code i} its primitives.
     */
    static Outcome program(IntFunction<Kit> kitFor) {
        int total = PRODUCERS * ITEMS_EACH;
        int[] counter = {0};
        AtomicInteger insideSlots = new AtomicInteger();
        List<String> consumed = new CopyOnWriteArrayList<>();
        List<Integer> indices = new CopyOnWriteArrayList<>();
        List<Running<Void>> parties = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            Kit kit = kitFor.apply(p);
            String producer = "p" + p;
            parties.add(run(producer, () -> {
                indices.add(kit.start().await());
                for (int i = 0; i < ITEMS_EACH; i++) {
                    kit.queue().put(producer + "-" + i);
                }
            }));
        }
        Kit consumerKit = kitFor.apply(PRODUCERS);
        parties.add(run("consumer", () -> {
            indices.add(consumerKit.start().await());
            for (int i = 0; i < total; i++) {
                String item = consumerKit.queue().get(true, 10);
                try (var slot = consumerKit.slots().enter()) {
                    assertThat(insideSlots.incrementAndGet()).isEqualTo(1);
                    try (var held = consumerKit.lock().enter()) {
                        counter[0]++;
                        consumed.add(item);
                    }
                    insideSlots.decrementAndGet();
                }
                try (var held = consumerKit.changed().enter()) {
                    consumerKit.changed().signalAll();
                }
                consumerKit.queue().taskDone();
            }
            consumerKit.done().set();
        }));
        Kit main = kitFor.apply(PRODUCERS + 1);
        main.queue().join();
        boolean counted;
        try (var held = main.changed().enter()) {
            counted = main.changed().awaitFor(() -> {
                try (var lock = main.lock().enter()) {
                    return counter[0] == total;
                }
            }, 10);
        }
        assertThat(counted).isTrue();
        boolean doneSeen = main.done().await(10);
        parties.forEach(Running::result);
        main.start().abort();
        boolean broken;
        try {
            main.start().await(1);
            broken = false;
        } catch (BrokenBarrierError e) {
            broken = true;
        }
        boolean inOrder = true;
        for (int p = 0; p < PRODUCERS; p++) {
            String producer = "p" + p + "-";
            List<String> mine = consumed.stream().filter(s -> s.startsWith(producer)).toList();
            inOrder &= mine.equals(mine.stream().sorted().toList());
        }
        return new Outcome(consumed.stream().sorted().toList(), inOrder, counter[0],
                indices.stream().sorted().toList(), doneSeen, broken, main.queue().qsize());
    }

    /** What the program observes on the local classes, as CPython's would. */
    private static final Outcome EXPECTED = new Outcome(
            List.of("p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p1-0", "p1-1", "p1-2", "p1-3", "p1-4"),
            true, PRODUCERS * ITEMS_EACH, List.of(0, 1, 2), true, true, 0);

    @Test
    void testTheSameProgramBothWays() {
        Kit local = new Kit(new Lock(), new Semaphore(1), new Event(), new Condition(),
                new Barrier(PRODUCERS + 1), new Queue<>(2));
        Outcome onLocal = program(i -> local);
        Outcome onZooKeeper = program(i -> {
            ZooKeeperManager process = i % 2 == 0 ? zk : other;
            return new Kit(process.lock(name), process.semaphore(name, 1), process.event(name),
                    process.condition(name), process.barrier(name, PRODUCERS + 1), process.queue(name, 2));
        });
        assertThat(onLocal).isEqualTo(EXPECTED);
        assertThat(onZooKeeper).isEqualTo(onLocal);
    }
}
