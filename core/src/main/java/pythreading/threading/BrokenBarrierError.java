package pythreading.threading;

/**
 * Python's {@code threading.BrokenBarrierError}: thrown by {@link Barrier#await()} when
 * the barrier is broken, or is reset or aborted while the thread waits. As in CPython it
 * has no message. It is unchecked (Python's is a {@code RuntimeError}).
 */
public class BrokenBarrierError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error, without a message as in CPython.
     *
     * <p>Python: {@code threading.BrokenBarrierError()}.
     */
    public BrokenBarrierError() {
        super();
    }
}
