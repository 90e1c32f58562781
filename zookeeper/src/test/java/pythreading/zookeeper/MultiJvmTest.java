package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs ({@link ChildMain}) sharing the primitives through one embedded server. */
@Timeout(90)
class MultiJvmTest {

    private static ZooKeeperManager zk;
    private final List<Child> children = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        zk = ZooKeeperManager.embedded();
    }

    @AfterAll
    static void stop() {
        zk.close();
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Child child : children) {
            child.close();
        }
    }

    private Child child(long sessionMillis, String... steps) throws Exception {
        Child child = new Child(zk.connectString(), sessionMillis, steps);
        children.add(child);
        return child;
    }

    @Test
    void processesMeetAtABarrierCountUnderALockAndShareAQueue() throws Exception {
        Path store = dir.resolve("store");
        Files.writeString(store, "0 -1");
        String count = "count:counter:" + store + ":40";
        child(10_000, "barrier:start:4", count, "produce:work:item:90:2");
        child(10_000, "barrier:start:4", count, "consume:work");
        child(10_000, "barrier:start:4", count, "consume:work");

        int mine = zk.barrier("start", 4).await(60); // this JVM is the fourth party
        for (Child child : children) {
            child.awaitSuccess(60);
        }

        Set<Integer> arrivals = new HashSet<>(List.of(mine));
        for (Child child : children) {
            arrivals.add(Integer.parseInt(child.lines("BARRIER ").get(0)));
            assertThat(child.lines()).as("no two holders at once, no stale token")
                    .noneMatch(line -> line.startsWith("OVERLAP") || line.startsWith("STALE"));
        }
        assertThat(arrivals).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(Files.readString(store, StandardCharsets.UTF_8)).startsWith("120 ");

        List<String> got = new ArrayList<>(children.get(1).lines("GOT "));
        got.addAll(children.get(2).lines("GOT "));
        assertThat(got).as("each item exactly once")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 90).mapToObj(i -> "item-" + i).toList());
        assertThat(zk.queue("work", 0).qsize()).isZero();
    }

    @Test
    void aKilledProcessFreesItsLockAndPermitWhenItsSessionEnds() throws Exception {
        Child holder = child(2_000, "hold:held:permit");
        long token = Long.parseLong(holder.expect("HELD ", 30).substring("HELD ".length()));
        DistributedLock lock = zk.lock("held");
        DistributedSemaphore permit = zk.semaphore("permit", 1);
        assertThat(lock.locked()).isTrue();
        assertThat(lock.acquire(false)).isFalse();
        assertThat(permit.acquire(false)).isFalse();

        long killed = System.nanoTime();
        holder.process.destroyForcibly();

        assertThat(lock.acquire(true, 30)).as("the lock is freed with the dead process's session").isTrue();
        assertThat(permit.acquire(true, 30)).as("and the permit").isTrue();
        assertThat((System.nanoTime() - killed) / 1e9).as("seconds").isLessThan(30);
        assertThat(lock.fencingToken()).isGreaterThan(token);
        lock.release();
        permit.release();
        assertThat(permit.value()).isEqualTo(1);
    }
}
