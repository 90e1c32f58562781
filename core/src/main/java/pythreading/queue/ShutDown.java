package pythreading.queue;

/**
 * Python's {@code queue.ShutDown} (3.13): thrown by {@code put} on a queue that has been
 * shut down, and by {@code get} once a shut-down queue is empty (at once after an immediate
 * shutdown). Unchecked, and without a message, as in CPython.
 */
public class ShutDown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception, without a message as in CPython.
     *
     * <p>Python: {@code queue.ShutDown()}.
     */
    public ShutDown() {
        super();
    }
}
