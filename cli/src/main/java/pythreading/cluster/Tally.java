package pythreading.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the workers said they did, read from their output: the items put and by whom,
 * the items got, by whom and with what count. From it: what was lost, what was got twice,
 * and whether the counts were all different (the lock did its job).
 */
public final class Tally {

    private static final Pattern PUT = Pattern.compile("^worker-(\\d+) put (item-\\d+)\\b");
    private static final Pattern GOT = Pattern.compile("^worker-(\\d+) got (item-\\d+) \\(count (\\d+)\\)");

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition consumedMore = lock.newCondition();
    /** Guarded by {@code lock}: items in the order they were put, with the worker that put each. */
    private final Map<String, Integer> produced = new LinkedHashMap<>();
    /** Guarded by {@code lock}: each item got, with the workers that got it (more than one: a duplicate). */
    private final Map<String, List<Integer>> got = new LinkedHashMap<>();
    /** Guarded by {@code lock}: the counts the workers saw after their increments. */
    private final List<Integer> counts = new ArrayList<>();
    /** Guarded by {@code lock}. */
    private final Map<Integer, Integer> consumedBy = new TreeMap<>();
    /** Guarded by {@code lock}. */
    private int consumed;

    /**
     * Reads one line of a worker's output; lines that are not a put or a get are ignored.
     *
     * @param line the line
     */
    public void line(String line) {
        Matcher put = PUT.matcher(line);
        Matcher get = GOT.matcher(line);
        lock.lock();
        try {
            if (put.find()) {
                produced.put(put.group(2), Integer.parseInt(put.group(1)));
            } else if (get.find()) {
                int worker = Integer.parseInt(get.group(1));
                got.computeIfAbsent(get.group(2), item -> new ArrayList<>()).add(worker);
                counts.add(Integer.parseInt(get.group(3)));
                consumedBy.merge(worker, 1, Integer::sum);
                consumed++;
                consumedMore.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code n} items were got (duplicates included).
     *
     * @param n the number of items
     * @param timeoutNanos the longest wait
     * @return whether that many were got in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitConsumed(int n, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeoutNanos;
            while (consumed < n) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = consumedMore.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many items were got so far, duplicates included.
     *
     * @return the number of gets
     */
    public int consumed() {
        lock.lock();
        try {
            return consumed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The tally so far.
     *
     * @return a snapshot
     */
    public Snapshot snapshot() {
        lock.lock();
        try {
            List<String> lost = new ArrayList<>();
            for (String item : produced.keySet()) {
                if (!got.containsKey(item)) {
                    lost.add(item);
                }
            }
            List<String> unknown = new ArrayList<>();
            int duplicates = 0;
            for (Map.Entry<String, List<Integer>> e : got.entrySet()) {
                duplicates += e.getValue().size() - 1;
                if (!produced.containsKey(e.getKey())) {
                    unknown.add(e.getKey());
                }
            }
            Set<Integer> distinct = new LinkedHashSet<>(counts);
            return new Snapshot(produced.size(), Set.copyOf(produced.values()), consumed, Map.copyOf(consumedBy),
                    duplicates, List.copyOf(lost), List.copyOf(unknown), counts.size() - distinct.size(),
                    counts.stream().mapToInt(Integer::intValue).max().orElse(0));
        } finally {
            lock.unlock();
        }
    }

    /**
     * The tally at one moment.
     *
     * @param produced how many distinct items were put
     * @param producers the workers that put them
     * @param consumed how many gets there were (duplicates included)
     * @param consumedBy the gets per worker
     * @param duplicates the gets of an item got before
     * @param lost the items put and never got
     * @param unknown the items got and never put (a corrupted item)
     * @param repeatedCounts the counts seen by more than one get: increments lost for
     *     want of a lock
     * @param highestCount the highest count a worker saw
     */
    public record Snapshot(int produced, Set<Integer> producers, int consumed, Map<Integer, Integer> consumedBy,
            int duplicates, List<String> lost, List<String> unknown, int repeatedCounts, int highestCount) {

        /**
         * Whether {@code expected} items were put and each was got exactly once.
         *
         * @param expected the items worker 1 was to put
         * @return whether the items add up
         */
        public boolean itemsAddUp(int expected) {
            return produced == expected && consumed == expected && duplicates == 0 && lost.isEmpty()
                    && unknown.isEmpty();
        }

        /**
         * Whether the counts the workers saw are 1..consumed, each once: no increment lost.
         *
         * @return whether the counts add up
         */
        public boolean countsAddUp() {
            return repeatedCounts == 0 && highestCount == consumed;
        }

        /**
         * Both: every item once, counted once.
         *
         * @param expected the items worker 1 was to put
         * @return whether everything adds up
         */
        public boolean complete(int expected) {
            return itemsAddUp(expected) && countsAddUp();
        }
    }
}
