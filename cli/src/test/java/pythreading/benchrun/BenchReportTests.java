package pythreading.benchrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;
import pythreading.bench.Row;
import pythreading.bench.Rows;

/** The bench report: unit conversion, CPython's output, the table, the targets and the charts. */
@Timeout(60)
class BenchReportTests {

    private static final Jdk JDK = new Jdk(Paths.get("/jdk/bin/java"), 17, "OpenJDK 17.0.15");

    private static Row row(String id) {
        return Rows.ALL.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    // pythreading: average times convert from their unit to ns per operation, error too
    @Test
    void averageTimeConvertsToNanoseconds() {
        Measurement m = JmhRun.nanosPerOp(new ScalarResult("x", 2.5, "us/op", AggregationPolicy.AVG), Row.Score.AVERAGE_TIME);
        assertThat(m.nsPerOp()).isCloseTo(2500, within(1e-9));
        assertThat(m.errorNs()).isNaN();
        assertThat(JmhRun.nanosPerOp(new ScalarResult("x", 19.3, "ms/op", AggregationPolicy.AVG), Row.Score.AVERAGE_TIME)
                .nsPerOp()).isCloseTo(19.3e6, within(1e-3));
    }

    // pythreading: a put/get group's throughput counts each item twice
    @Test
    void handoffThroughputConvertsToNanosecondsPerItem() {
        Measurement m = JmhRun.nanosPerOp(new ScalarResult("x", 16.0, "ops/us", AggregationPolicy.SUM),
                Row.Score.HANDOFF_THROUGHPUT);
        assertThat(m.nsPerOp()).isCloseTo(125, within(1e-9)); // 8 items per µs
    }

    // pythreading: CPython's script prints one JSON object per row; failures are kept apart
    @Test
    void parsesCPythonOutput() {
        CPythonRun.Output out = CPythonRun.parse(String.join("\n",
                "{\"row\": \"lock.uncontended\", \"ns_per_op\": 69.5, \"error_ns\": 2.25, \"runs\": 5}",
                "not json",
                "{\"row\": \"cpu.threads.2\", \"ns_per_op\": 1.2e9, \"runs\": 5}",
                "{\"row\": \"threads.100k\", \"ns_per_op\": 9.5e9, \"scaled_from\": 20000, \"note\": \"can't start\"}",
                "{\"row\": \"barrier.cycle\", \"error\": \"BrokenBarrierError: \\\"x\\\"\"}"));

        assertThat(out.rows()).containsOnlyKeys("lock.uncontended", "cpu.threads.2", "threads.100k");
        assertThat(out.notes()).containsExactly(entry("threads.100k", "measured on 20,000 and scaled up: can't start"));
        assertThat(out.rows().get("lock.uncontended")).isEqualTo(new Measurement(69.5, 2.25));
        assertThat(out.rows().get("cpu.threads.2").errorNs()).isNaN();
        assertThat(out.failures()).containsEntry("barrier.cycle", "BrokenBarrierError: \\\"x\\\"");
    }

    // pythreading: times keep three significant digits with a readable unit
    @Test
    void formatsTimesAndRatios() {
        assertThat(Report.time(61.24)).isEqualTo("61.2 ns");
        assertThat(Report.time(1300)).isEqualTo("1.3 µs");
        assertThat(Report.time(819e6)).isEqualTo("819 ms");
        assertThat(Report.time(2.5e9)).isEqualTo("2.5 s");
        assertThat(Report.times(0.956)).isEqualTo("0.956x");
        assertThat(Report.times(35.04)).isEqualTo("35x");
        assertThat(Report.times(Double.NaN)).isEqualTo("—");
    }

    private static BenchResults results() {
        RowResult lock = new RowResult(row("lock.uncontended"), JDK, new Measurement(20, 1), new Measurement(16, 0.5),
                new Measurement(69, 2), null);
        RowResult semaphore = new RowResult(row("semaphore.uncontended"), JDK, new Measurement(20, 1),
                new Measurement(19, 1), new Measurement(860, 10), null);
        RowResult virtual = new RowResult(row("thread.virtual"), null, null, null, null, "needs Java 21+");
        Scaling scaling = new Scaling(JDK, new TreeMap<>(Map.of(1, new Measurement(1e9, 0), 2, new Measurement(0.52e9, 0))),
                new TreeMap<>(Map.of(1, new Measurement(2e9, 0), 2, new Measurement(2e9, 0))));
        return new BenchResults(BenchMode.QUICK, LocalDate.of(2026, 11, 25), "AMD EPYC", 2, "Linux", "Python 3.13.0",
                List.of(lock, semaphore, virtual), scaling, List.of("a note"));
    }

    // pythreading: one table row per row with both sides, the ratio, the speed-up, the
    // verdict; a missed target is listed, and a row not run shows dashes
    @Test
    void markdownTableAndTargets() {
        String md = Report.markdown(results(), "./pythreading bench");

        assertThat(md).contains("| operation | pythreading | j.u.c | CPython | ratio to j.u.c | speed-up over CPython"
                + " | JMH error | JDK | CPU | target |");
        assertThat(md).contains("| Lock acquire + release, 1 thread | 20 ns | 16 ns<br><sub>ReentrantLock</sub> | 69 ns"
                + " | 1.25x | 3.45x | ±5% / ±3% | OpenJDK 17.0.15 | AMD EPYC ×2 | ✗ ≤ 1.1x, ≥ 4x CPython |");
        assertThat(md).contains("| 1.05x | 43x |");
        assertThat(md).contains("✓ ≤ 1.1x, ≥ 30x CPython");
        assertThat(md).contains("| Thread start + join, virtual thread | — | — <sub>Thread.ofVirtual()</sub> | — |");
        assertThat(Report.missed(results())).containsExactly(
                "Lock acquire + release, 1 thread: 1.25x the time of ReentrantLock (target ≤ 1.1x)",
                "Lock acquire + release, 1 thread: 3.45x CPython's speed (target ≥ 4x)");
        assertThat(md).contains("| 2 | 520 ms | 1.92x | 2 s | 1x |");
        assertThat(md).contains("- a note");
    }

    // pythreading: the ZooKeeper rows get a table of their own, beside the raw Curator
    // recipe and CPython's SyncManager, with ops per second and the 1.5x target; they
    // stay out of the j.u.c table and the charts
    @Test
    void zooKeeperRowsBesideCurator() {
        RowResult lock = new RowResult(row("zookeeper.lock"), JDK, new Measurement(420_000, 21_000),
                new Measurement(400_000, 40_000), new Measurement(117_000, 12_000), null);
        RowResult queue = new RowResult(row("zookeeper.queue"), JDK, new Measurement(900_000, 9_000),
                new Measurement(500_000, 5_000), new Measurement(119_000, 14_000), null);
        RowResult local = new RowResult(row("lock.uncontended"), JDK, new Measurement(20, 1), new Measurement(16, 0.5),
                new Measurement(69, 2), null);
        BenchResults r = new BenchResults(BenchMode.FULL, LocalDate.of(2026, 11, 25), "AMD EPYC", 2, "Linux",
                "Python 3.13.0", List.of(local, lock, queue), null, List.of());

        String md = Report.markdown(r, "./pythreading bench --full --only zookeeper");

        assertThat(md).contains("| operation | pythreading | Curator | CPython SyncManager | ratio to Curator"
                + " | speed-up over CPython | JMH error | JDK | CPU | target |");
        assertThat(md).contains("| ZooKeeper lock acquire + release, 1 thread | 420 µs | 400 µs<br><sub>InterProcessMutex</sub>"
                + " | 117 µs | 1.05x | 0.279x | ±5% / ±10% | OpenJDK 17.0.15 | AMD EPYC ×2 | ✓ ≤ 1.5x |");
        assertThat(md).contains("| 1.8x | 0.132x |").contains("✗ ≤ 1.5x |");
        assertThat(md).contains("- ZooKeeper lock acquire + release, 1 thread: pythreading 2,381/s, Curator 2,500/s,"
                + " CPython 8,547/s");
        assertThat(md.indexOf("InterProcessMutex")).isGreaterThan(md.indexOf("## Across processes"));
        assertThat(md.indexOf("ReentrantLock")).isLessThan(md.indexOf("## Across processes"));
        assertThat(Report.missed(r)).containsExactly(
                "Lock acquire + release, 1 thread: 1.25x the time of ReentrantLock (target ≤ 1.1x)",
                "Lock acquire + release, 1 thread: 3.45x CPython's speed (target ≥ 4x)",
                "ZooKeeper queue put + get of one small item, 1 thread: 1.8x the time of SimpleDistributedQueue"
                        + " (target ≤ 1.5x)");
    }

    // pythreading: without ZooKeeper rows there is no ZooKeeper section
    @Test
    void noZooKeeperSectionWithoutItsRows() {
        assertThat(Report.markdown(results(), "./pythreading bench")).doesNotContain("## Across processes");
    }

    // pythreading: the ZooKeeper rows are the raw Curator recipe's twins, measured with the
    // server's log not forced to disk
    @Test
    void zooKeeperRowsInTheCatalogue() {
        assertThat(row("zookeeper.lock").isZooKeeper()).isTrue();
        assertThat(row("zookeeper.lock").twinImpl()).isEqualTo(Row.CURATOR);
        assertThat(row("zookeeper.queue").params()).containsEntry("forceSync", "no");
        assertThat(row("lock.uncontended").isZooKeeper()).isFalse();
    }

    // pythreading: the charts are PNGs XChart drew, the ratios and speed-ups stacked
    @Test
    void writesCharts(@TempDir Path dir) throws Exception {
        List<Path> files = Charts.write(results(), dir);

        assertThat(files).containsExactly(dir.resolve(Charts.RATIOS), dir.resolve(Charts.SCALING));
        BufferedImage ratios = ImageIO.read(Files.newInputStream(files.get(0)));
        assertThat(ratios.getHeight()).isGreaterThan(ratios.getWidth() / 2);
        assertThat(ImageIO.read(Files.newInputStream(files.get(1)))).isNotNull();
    }
}
