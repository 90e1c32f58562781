package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.ShutDown;

/**
 * The queue's hint (the state and item names it knows from its own transactions) never
 * decides an outcome: two managers on one server, standing for two processes, change the
 * queue under each other's hint, and every call still sees the queue as ZooKeeper has it.
 */
@Timeout(120)
class DistributedQueueHintTests extends TwoManagers {

    // FIFO across processes: each side's items list goes stale under the other's puts and gets
    @Test
    void fifoAcrossManagers() {
        DistributedQueue<String> qa = a.queue("fifo", 0);
        DistributedQueue<String> qb = b.queue("fifo", 0);
        qa.put("1");
        qb.put("2");
        qa.put("3");
        assertThat(qa.get()).isEqualTo("1");
        qb.put("4");
        assertThat(qa.get()).isEqualTo("2");
        assertThat(qb.get()).isEqualTo("3");
        qa.put("5");
        assertThat(qa.get()).isEqualTo("4");
        assertThat(qa.get()).isEqualTo("5");
        assertThat(qa.qsize()).isZero();
        assertThatThrownBy(() -> qb.get(false)).isInstanceOf(Empty.class);
        assertThatThrownBy(() -> qa.get(false)).isInstanceOf(Empty.class);
    }

    // A bound reached by another process is seen; a hint of "full" does not refuse a put
    @Test
    void boundSeenThroughAStaleHint() {
        DistributedQueue<String> qa = a.queue("bounded", 2);
        DistributedQueue<String> qb = b.queue("bounded", 2);
        qa.put("1");
        qb.put("2");
        assertThatThrownBy(() -> qa.put("3", false)).isInstanceOf(Full.class);
        assertThat(qb.get()).isEqualTo("1");
        qa.put("3", false); // a knew "full" last: it looks again before refusing
        assertThat(qa.qsize()).isEqualTo(2);
        assertThat(qa.get()).isEqualTo("2");
        assertThat(qa.get()).isEqualTo("3");
    }

    // A shutdown by another process stops puts at once, and gets once empty
    @Test
    void shutdownSeenThroughAStaleHint() {
        DistributedQueue<String> qa = a.queue("shut", 0);
        DistributedQueue<String> qb = b.queue("shut", 0);
        qa.put("1");
        qb.shutdown();
        assertThatThrownBy(() -> qa.put("2")).isInstanceOf(ShutDown.class);
        assertThat(qa.get()).isEqualTo("1");
        assertThatThrownBy(qa::get).isInstanceOf(ShutDown.class);
    }

    // Tasks marked done by another process count: a stale hint of unfinished work does not
    // let taskDone go below zero
    @Test
    void taskDoneSeenThroughAStaleHint() {
        DistributedQueue<String> qa = a.queue("tasks", 0);
        DistributedQueue<String> qb = b.queue("tasks", 0);
        qa.put("1");
        assertThat(qa.get()).isEqualTo("1");
        qb.taskDone();
        assertThatThrownBy(qa::taskDone).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task_done() called too many times");
        qa.join();
    }

    // Producers and consumers on both managers: every item comes out once, each producer's in order
    @Test
    void noItemLostOrDoubled() throws Exception {
        int perProducer = 60;
        DistributedQueue<String> qa = a.queue("stress", 10);
        DistributedQueue<String> qb = b.queue("stress", 10);
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
        Map<String, List<String>> byConsumer = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            DistributedQueue<String> q = p % 2 == 0 ? qa : qb;
            String producer = "p" + p;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    q.put(producer + ":" + i);
                }
            }));
        }
        for (int c = 0; c < 4; c++) {
            DistributedQueue<String> q = c % 2 == 0 ? qa : qb;
            List<String> mine = Collections.synchronizedList(new ArrayList<>());
            byConsumer.put("c" + c, mine);
            threads.add(new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    String item = q.get();
                    mine.add(item);
                    taken.add(item);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(taken).hasSize(4 * perProducer).doesNotHaveDuplicates();
        for (List<String> mine : byConsumer.values()) { // FIFO: a consumer sees each producer's items in order
            Map<String, Integer> last = new HashMap<>();
            for (String item : mine) {
                String[] parts = item.split(":");
                int n = Integer.parseInt(parts[1]);
                assertThat(n).isGreaterThan(last.getOrDefault(parts[0], -1));
                last.put(parts[0], n);
            }
        }
        assertThat(qa.qsize()).isZero();
        assertThat(qb.empty()).isTrue();
    }
}
