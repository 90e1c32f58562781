package pythreading.threading;

/**
 * Python's {@code threading.BoundedSemaphore}: a {@link Semaphore} whose counter may not
 * rise above its initial value. Releasing more than was acquired is a bug in the caller,
 * and is refused.
 *
 * <pre>{@code
 * BoundedSemaphore slots = new BoundedSemaphore(5);
 * slots.acquire();
 * slots.release();
 * slots.release();   // IllegalArgumentException: Semaphore released too many times
 * }</pre>
 */
public class BoundedSemaphore extends Semaphore {

    /** A Sync that refuses releases above the initial value. */
    private static final class BoundedSync extends Sync {
        private static final long serialVersionUID = 1L;
        private final int initialValue;

        BoundedSync(int value) {
            super(value);
            this.initialValue = value;
        }

        @Override
        void checkBound(int current, int n) {
            if (current + n > initialValue || current + n < current) {
                throw new IllegalArgumentException("Semaphore released too many times");
            }
        }
    }

    private final int initialValue;

    /**
     * Creates a bounded semaphore with the value 1.
     *
     * <p>Python: {@code threading.BoundedSemaphore()}.
     */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Creates a bounded semaphore with the given initial (and largest) value.
     *
     * <p>Python: {@code threading.BoundedSemaphore(value=1)}.
     *
     * @param value the initial and largest counter, zero or more
     * @throws IllegalArgumentException {@code semaphore initial value must be >= 0}
     */
    public BoundedSemaphore(int value) {
        super(checkValue(value), new BoundedSync(value));
        this.initialValue = value;
    }

    /**
     * Increments the counter by {@code n}, waking up to {@code n} waiting threads. Never
     * blocks; any thread may release.
     *
     * <p>Python: {@code threading.BoundedSemaphore.release(n=1)}.
     *
     * @param n how much to add, one or more
     * @throws IllegalArgumentException {@code n must be one or more}; {@code Semaphore
     *     released too many times} if the counter would rise above its initial value (the
     *     counter is then unchanged)
     */
    @Override
    public void release(int n) {
        super.release(n);
    }

    @Override
    String valueText() {
        return value() + "/" + initialValue;
    }
}
