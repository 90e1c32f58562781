package pythreading.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The shared count: a file on the coordinator's disk that every worker reads, raises by
 * one and writes back. The read-raise-write is not atomic, on purpose: two workers that
 * did it at once would both write the same count and one item would go uncounted. Only
 * the distributed lock around {@link #increment} makes the count right.
 *
 * <p>The file holds {@code "COUNT TOKEN"}: TOKEN is the fencing token of the lock holding
 * that wrote COUNT. A writer whose token is not above the one in the file is a holder
 * that lost the lock (its session ended while it was paused) and is refused, as a store
 * behind a lock should refuse a stale holder.
 */
final class Counter {

    private final Path file;

    Counter(Path file) {
        this.file = file;
    }

    /** How long a write takes to begin, after the read. */
    private static final long STORE_MILLIS = 2;

    /** Creates the file with a count of 0. */
    static void create(Path file) {
        write(file, 0, 0);
    }

    /**
     * Raises the count by one; call only while holding the lock.
     *
     * @param token the lock's fencing token; 0 when running without the lock
     * @return the new count
     * @throws IllegalStateException if the file was written under a later holding
     */
    int increment(long token) {
        long[] state = read(file);
        if (token != 0 && token <= state[1]) {
            throw new IllegalStateException("fencing: the counter was written under lock token " + state[1]
                    + ", this holder's token is " + token + ": refused");
        }
        int count = (int) state[0] + 1;
        pause(); // a store takes a moment between the read and the write, as real ones do
        write(file, count, token != 0 ? token : state[1]);
        return count;
    }

    /** The count in {@code file}. */
    static int count(Path file) {
        return (int) read(file)[0];
    }

    private static void pause() {
        try {
            Thread.sleep(STORE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while raising the count", e);
        }
    }

    private static long[] read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the counter " + file, e);
        }
    }

    private static void write(Path file, long count, long token) {
        try {
            // A reader sees the old file or the new one, never half of one.
            Path next = Files.createTempFile(file.getParent(), "counter-", ".tmp");
            Files.writeString(next, count + " " + token + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the counter " + file, e);
        }
    }
}
