package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import pythreading.threading.BrokenBarrierError;

/**
 * Mirrors CPython's {@code lock_tests.BarrierTests} for {@link DistributedBarrier}, with
 * the parties spread over two processes ({@link #zk} and {@link #other}).
 */
class DistributedBarrierTests extends ZooKeeperTestSupport {

    private static final int N = 4;

    /** The manager of party {@code i}: the parties alternate between the two processes. */
    private static ZooKeeperManager process(int i) {
        return i % 2 == 0 ? zk : other;
    }

    /** Runs {@code n} parties, party {@code i} in {@link #process(int)}; their outcomes. */
    private static <T> List<Running<T>> parties(int n, Function<Integer, T> party) {
        List<Running<T>> parties = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            parties.add(call("party-" + i, () -> party.apply(index)));
        }
        return parties;
    }

    private static <T> List<T> results(List<Running<T>> parties) {
        return parties.stream().map(Running::result).toList();
    }

    /** Two parties of three, one in each process, waiting. */
    private List<Running<Integer>> twoOfThreeWaiting() {
        List<Running<Integer>> waiting = parties(2, i -> process(i).barrier(name, 3).await());
        waitUntilAllWaiting(waiting);
        assertThat(zk.barrier(name, 3).nWaiting()).isEqualTo(2);
        return waiting;
    }

    // lock_tests.BarrierTests.test_constructor
    @Test
    void testConstructor() {
        assertThatThrownBy(() -> zk.barrier(name, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parties must be > 0");
        assertThatThrownBy(() -> zk.barrier(name, -1, null, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parties must be > 0");
        DistributedBarrier b = zk.barrier(name, 3);
        assertThat(b.parties()).isEqualTo(3);
        assertThat(other.barrier(name, 3).parties()).isEqualTo(3);
        assertThat(b.nWaiting()).isZero();
        assertThat(b.isBroken()).isFalse();
    }

    // lock_tests.BarrierTests.test_barrier, test_wait_return: several cycles, indices 0..n-1 in each
    @Test
    void testBarrierCycles() {
        int cycles = 2;
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Running<Void>> parties = parties(N, i -> {
            DistributedBarrier b = process(i).barrier(name, N);
            for (int cycle = 0; cycle < cycles; cycle++) {
                seen.add(cycle * 100 + b.await());
            }
            return null;
        });
        results(parties);
        List<Integer> expected = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            for (int index = 0; index < N; index++) {
                expected.add(cycle * 100 + index);
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(zk.barrier(name, N).nWaiting()).isZero();
    }

    // lock_tests.BarrierTests.test_action: once per cycle, in the last arriver's process,
    // before any party is released
    @Test
    void testAction() {
        AtomicInteger ranInZk = new AtomicInteger();
        AtomicInteger ranInOther = new AtomicInteger();
        zk.barrier(name, N, ranInZk::incrementAndGet, 30.0);
        other.barrier(name, N, ranInOther::incrementAndGet, 30.0);
        List<Running<String>> parties = parties(N, i -> {
            int index = process(i).barrier(name, N).await();
            // the action ran before this party was released
            return index + ":" + (ranInZk.get() + ranInOther.get());
        });
        List<String> outcomes = results(parties);
        assertThat(outcomes).allMatch(o -> o.endsWith(":1"));
        assertThat(ranInZk.get() + ranInOther.get()).isEqualTo(1);
        int last = 0;
        for (int i = 0; i < N; i++) {
            if (outcomes.get(i).startsWith((N - 1) + ":")) {
                last = i;
            }
        }
        assertThat((process(last) == zk ? ranInZk : ranInOther).get())
                .as("the action ran in the process of the last party (party %d)", last).isEqualTo(1);
    }

    // lock_tests.BarrierTests.test_action: an action that raises breaks the barrier
    @Test
    void testFailingAction() {
        zk.barrier(name, 2, () -> {
            throw new UnsupportedOperationException("action");
        }, 30.0);
        other.barrier(name, 2, () -> {
            throw new UnsupportedOperationException("action");
        }, 30.0);
        List<Running<Integer>> parties = parties(2, i -> process(i).barrier(name, 2).await());
        List<Throwable> failures = parties.stream().map(Running::failure).toList();
        assertThat(failures).filteredOn(f -> f instanceof UnsupportedOperationException).hasSize(1);
        assertThat(failures).filteredOn(f -> f instanceof BrokenBarrierError).hasSize(1);
        assertThat(zk.barrier(name, 2).isBroken()).isTrue();
    }

    // lock_tests.BarrierTests.test_abort: a waiting party in another process gets BrokenBarrierError
    @Test
    void testAbort() {
        DistributedBarrier b = other.barrier(name, 3);
        List<Running<Integer>> waiting = twoOfThreeWaiting();
        zk.barrier(name, 3).abort();
        waiting.forEach(w -> assertThat(w.failure()).isInstanceOf(BrokenBarrierError.class));
        assertThat(b.isBroken()).isTrue();
        assertThat(b.nWaiting()).isZero();
        assertThatThrownBy(b::await).as("broken until reset").isInstanceOf(BrokenBarrierError.class);
        b.reset();
        assertThat(zk.barrier(name, 3).isBroken()).isFalse();
    }

    // lock_tests.BarrierTests.test_reset: waiters get BrokenBarrierError, the barrier is usable again
    @Test
    void testReset() {
        DistributedBarrier b = other.barrier(name, 3);
        List<Running<Integer>> waiting = twoOfThreeWaiting();
        zk.barrier(name, 3).reset();
        waiting.forEach(w -> assertThat(w.failure()).isInstanceOf(BrokenBarrierError.class));
        assertThat(b.isBroken()).isFalse();
        assertThat(b.nWaiting()).isZero();
        List<Running<Integer>> again = parties(3, i -> process(i).barrier(name, 3).await());
        assertThat(results(again)).containsExactlyInAnyOrder(0, 1, 2);
    }

    // lock_tests.BarrierTests.test_timeout: the party that times out breaks the barrier for all
    @Test
    void testTimeout() {
        DistributedBarrier b = zk.barrier(name, 3);
        Running<Integer> patient = call("patient", () -> other.barrier(name, 3).await(30)).waiting();
        long start = System.nanoTime();
        assertThatThrownBy(() -> b.await(0.2)).isInstanceOf(BrokenBarrierError.class);
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        assertThat(patient.failure()).isInstanceOf(BrokenBarrierError.class);
        assertThat(b.isBroken()).isTrue();
        b.reset();
        assertThatThrownBy(() -> b.await(0)).as("a zero timeout breaks at once")
                .isInstanceOf(BrokenBarrierError.class);
    }

    // lock_tests.BarrierTests.test_default_timeout: the factory's timeout applies to await()
    @Test
    void testDefaultTimeout() {
        DistributedBarrier b = zk.barrier(name, 2, null, 0.2);
        long start = System.nanoTime();
        assertThatThrownBy(b::await).isInstanceOf(BrokenBarrierError.class);
        assertThat(secondsSince(start)).isBetween(0.2 * 0.9, 5.0);
        assertThat(other.barrier(name, 2).isBroken()).isTrue();
    }

    // lock_tests.BarrierTests.test_single_thread
    @Test
    void testSingleThread() {
        DistributedBarrier b = zk.barrier(name, 1);
        assertThat(b.await()).isZero();
        assertThat(b.await()).isZero();
    }

    // pythreading: nWaiting counts the parties of every process
    @Test
    void testNWaiting() {
        DistributedBarrier b = zk.barrier(name, 3);
        Running<Integer> first = call("first", () -> other.barrier(name, 3).await(30)).waiting();
        assertThat(b.nWaiting()).isEqualTo(1);
        Running<Integer> second = call("second", () -> b.await(30)).waiting();
        assertThat(other.barrier(name, 3).nWaiting()).isEqualTo(2);
        assertThat(b.await()).isEqualTo(2);
        assertThat(List.of(first.result(), second.result())).containsExactly(0, 1);
        assertThat(b.nWaiting()).isZero();
    }

    // pythreading: an interrupted await throws, keeps the flag, and breaks the barrier
    @Test
    void testInterruptedAwait() {
        DistributedBarrier b = other.barrier(name, 2);
        assertInterruptible("await", b::await);
        assertThat(zk.barrier(name, 2).isBroken()).isTrue();
    }

    // pythreading: a party whose process ends while it waits breaks the barrier for the
    // others (as a failing waiter does locally), rather than leaving them waiting for ever
    @Test
    void testAPartyWhoseSessionEndsBreaksTheBarrier() {
        ZooKeeperManager third = newManager();
        Running<Integer> leaving = call("leaving", () -> third.barrier(name, 3).await()).waiting();
        Running<Integer> staying = call("staying", () -> other.barrier(name, 3).await()).waiting();
        third.close(); // its session ends, and its arrival with it
        assertThat(staying.failure()).isInstanceOf(BrokenBarrierError.class);
        assertThat(leaving.failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the ZooKeeper manager was closed");
        DistributedBarrier b = zk.barrier(name, 3);
        assertThat(b.isBroken()).isTrue();
        b.reset();
        Running<Integer> first = call("first", () -> other.barrier(name, 3).await(30)).waiting();
        Running<Integer> second = call("second", () -> b.await(30)).waiting();
        assertThat(b.await(30)).as("the barrier works again after reset").isEqualTo(2);
        assertThat(List.of(first.result(), second.result())).containsExactlyInAnyOrder(0, 1);
    }

    // pythreading: every cycle deletes the arrivals it ends; none is left behind
    @Test
    void testCyclesLeaveNoArrivals() throws Exception {
        DistributedBarrier b = zk.barrier(name, 2);
        for (int i = 0; i < 3; i++) {
            Running<Integer> partner = call("partner", () -> other.barrier(name, 2).await(30)).waiting();
            b.await(30);
            partner.result();
        }
        assertThat(zk.client().getChildren().forPath("/barrier/" + name + "/arrivals")).isEmpty();
    }
}
