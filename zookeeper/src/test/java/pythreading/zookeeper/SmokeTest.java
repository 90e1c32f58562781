package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.queue.Empty;

@Timeout(60)
class SmokeTest {
    @Test
    void everyPrimitiveOnce() throws Exception {
        try (var zk = ZooKeeperManager.embedded()) {
            long t0 = System.nanoTime();
            var lock = zk.lock("a");
            assertThat(lock.acquire()).isTrue();
            long token = lock.fencingToken();
            assertThat(lock.acquire(false)).isFalse();
            lock.release();
            assertThatThrownBy(lock::release).hasMessage("release unlocked lock");
            lock.acquire();
            assertThat(lock.fencingToken()).isGreaterThan(token);
            lock.release();

            var q = zk.<String>queue("q", 2);
            q.put("x");
            q.put("y");
            assertThat(q.full()).isTrue();
            assertThat(q.get()).isEqualTo("x");
            assertThat(q.get()).isEqualTo("y");
            assertThatThrownBy(() -> q.get(false)).isInstanceOf(Empty.class);
            q.taskDone();
            q.taskDone();
            q.join();

            var sem = zk.boundedSemaphore("s", 1);
            assertThat(sem.acquire()).isTrue();
            assertThat(sem.acquire(false)).isFalse();
            sem.release();
            assertThatThrownBy(sem::release).hasMessage("Semaphore released too many times");

            var ev = zk.event("e");
            var latch = new CountDownLatch(1);
            var t = new Thread(() -> { ev.await(); latch.countDown(); });
            t.start();
            ev.set();
            latch.await();

            var b = zk.barrier("b", 2);
            var t2 = new Thread(b::await);
            t2.start();
            b.await();
            t2.join();

            var c = zk.condition("c");
            try (var held = c.enter()) {
                assertThat(c.await(0.1)).isFalse();
            }
            System.out.println("smoke took " + (System.nanoTime() - t0) / 1e6 + " ms");
        }
    }
}
