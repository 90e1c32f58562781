package pythreading.queue;

/**
 * Python's {@code queue.Empty}: thrown by a non-blocking {@code get} on an empty queue, and
 * by a timed {@code get} whose timeout expired. Unchecked, and without a message, as in
 * CPython.
 */
public class Empty extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception, without a message as in CPython.
     *
     * <p>Python: {@code queue.Empty()}.
     */
    public Empty() {
        super();
    }
}
