package pythreading.threading;

/**
 * The protocol of Python's {@code threading.Semaphore}: an {@link Acquirable} whose
 * {@code release} can give back several permits at once. {@link Semaphore} and
 * {@link BoundedSemaphore} implement it in one JVM and {@code pythreading.zookeeper}'s
 * semaphores across JVMs.
 */
public interface SemaphoreLike extends Acquirable {

    /**
     * Gives back {@code n} permits, waking up to {@code n} waiting threads. A plain
     * semaphore's count may rise above its initial value, as in Python; a bounded one
     * refuses that.
     *
     * <p>Python: {@code release(n)}.
     *
     * @param n how many permits, at least 1
     * @throws IllegalArgumentException {@code n must be one or more} for {@code n < 1};
     *     {@code Semaphore released too many times} from a bounded semaphore whose count
     *     would pass its initial value
     */
    void release(int n);
}
