package pythreading.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the coordinator reads the workers' lines: what was lost, doubled, or counted twice. */
@Timeout(10)
class ClusterTallyTests {

    @Test
    void everyItemOnceIsComplete() {
        Tally tally = new Tally();
        for (String line : List.of("worker-1 put item-1 : 1 items in queue", "worker-1 put item-2 : 2 items in queue",
                "worker-2 got item-1 (count 1)", "worker-1 got item-2 (count 2)", "worker-2 done: consumed 1",
                "worker-2 | a log line")) {
            tally.line(line);
        }

        Tally.Snapshot t = tally.snapshot();
        assertThat(t.produced()).isEqualTo(2);
        assertThat(t.consumedBy()).isEqualTo(Map.of(1, 1, 2, 1));
        assertThat(t.complete(2)).isTrue();
        assertThat(t.complete(3)).isFalse();
    }

    @Test
    void lostDoubledAndCountedTwice() {
        Tally tally = new Tally();
        for (String line : List.of("worker-1 put item-1 : 1 items in queue", "worker-1 put item-2 : 2 items in queue",
                "worker-1 put item-3 : 2 items in queue", "worker-2 got item-1 (count 1)",
                "worker-3 got item-1 (count 2)", "worker-2 got item-2 (count 2)", "worker-2 got item-9 (count 3)")) {
            tally.line(line);
        }

        Tally.Snapshot t = tally.snapshot();
        assertThat(t.lost()).containsExactly("item-3");
        assertThat(t.duplicates()).isEqualTo(1);
        assertThat(t.unknown()).containsExactly("item-9");
        assertThat(t.repeatedCounts()).isEqualTo(1);
        assertThat(t.consumed()).isEqualTo(4);
        assertThat(t.complete(3)).isFalse();
    }

    @Test
    void awaitConsumed() throws InterruptedException {
        Tally tally = new Tally();
        assertThat(tally.awaitConsumed(1, 1_000_000)).isFalse();
        tally.line("worker-2 got item-1 (count 1)");
        assertThat(tally.awaitConsumed(1, 0)).isTrue();
    }
}
