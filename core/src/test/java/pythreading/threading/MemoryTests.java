package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8's memory check: a great many short-lived threads, each with a {@link Local}
 * value, leave no trace in {@link Threading#enumerate()} and no value reachable.
 */
class MemoryTests {

    /** One million on JDK 21+ (virtual threads); 100,000 platform threads on JDK 17, where each costs an OS thread. */
    private static final int THREADS = VirtualThreads.supported() ? 1_000_000 : 100_000;

    /** Every SAMPLE-th thread's value is watched through a WeakReference. */
    private static final int SAMPLE = 1000;

    /** Threads started and joined as one batch by one starter. */
    private static final int BATCH = 500;

    /** A thread's Local value: small, and distinct per thread. */
    private static final class Marker {
        final int index;

        Marker(int index) {
            this.index = index;
        }
    }

    // pythreading: 1,000,000 virtual threads (JDK 21+), or 100,000 platform threads on
    // JDK 17, each setting a Local value; afterwards enumerate() lists only the threads
    // alive before, and the sampled values are collected.
    @Test
    @Timeout(180)
    void manyShortLivedThreadsLeaveNoTrace() throws Exception {
        Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(Threading.enumerate());
        Local<Marker> local = new Local<>();
        AtomicReferenceArray<WeakReference<Marker>> samples = new AtomicReferenceArray<>(THREADS / SAMPLE);
        AtomicInteger ran = new AtomicInteger();
        boolean virtual = VirtualThreads.supported();

        long start = System.nanoTime();
        // A platform thread's start() returns once the new thread runs, so a single starter
        // would pace the whole test on 17; a few starters, each starting and joining
        // batches, keep it short.
        int starters = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger nextBatch = new AtomicInteger();
        List<java.lang.Thread> starterThreads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < starters; s++) {
            java.lang.Thread starter = new java.lang.Thread(() -> {
                try {
                    Thread[] batch = new Thread[BATCH];
                    for (int b; (b = nextBatch.getAndIncrement()) * BATCH < THREADS; ) {
                        int first = b * BATCH;
                        int count = Math.min(BATCH, THREADS - first);
                        for (int k = 0; k < count; k++) {
                            int index = first + k;
                            batch[k] = Thread.builder().virtual(virtual).daemon(true).target(() -> {
                                Marker marker = new Marker(index);
                                local.set(marker);
                                if (index % SAMPLE == 0) {
                                    samples.set(index / SAMPLE, new WeakReference<>(marker));
                                }
                                if (local.get() == marker) {
                                    ran.incrementAndGet();
                                }
                            }).build();
                            batch[k].start();
                        }
                        for (int k = 0; k < count; k++) {
                            batch[k].join();
                            batch[k] = null;
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "memory-starter-" + s);
            starterThreads.add(starter);
            starter.start();
        }
        for (java.lang.Thread starter : starterThreads) {
            starter.join();
        }
        double runSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(failures).isEmpty();
        assertThat(ran.get()).isEqualTo(THREADS);

        // enumerate() holds only threads that were alive before.
        List<Thread> after = Threading.enumerate();
        List<Thread> newcomers = new ArrayList<>();
        for (Thread t : after) {
            if (!before.contains(t)) {
                newcomers.add(t);
            }
        }
        assertThat(newcomers).as("threads listed by enumerate() after all joined").isEmpty();

        // After collection, no sampled value is reachable (a bounded number of GCs).
        long gcStart = System.nanoTime();
        int live = THREADS / SAMPLE;
        for (int round = 0; round < 50 && live > 0; round++) {
            System.gc();
            java.lang.Thread.sleep(20);
            live = 0;
            for (int i = 0; i < samples.length(); i++) {
                WeakReference<Marker> ref = samples.get(i);
                assertThat(ref).as("sample %d recorded", i).isNotNull();
                if (ref.get() != null) {
                    live++;
                }
            }
        }
        double gcSeconds = (System.nanoTime() - gcStart) / 1e9;
        System.out.printf("MemoryTests: %,d %s threads in %.1f s (%,.0f/s, %d starters), %d sampled values "
                        + "collected in %.1f s%n", THREADS, virtual ? "virtual" : "platform", runSeconds,
                THREADS / runSeconds, starters, samples.length(), gcSeconds);
        assertThat(live).as("sampled Local values still reachable").isZero();
    }
}
