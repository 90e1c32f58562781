package pythreading.queue;

/**
 * Python's {@code queue.Full}: thrown by a non-blocking {@code put} on a full queue, and
 * by a timed {@code put} whose timeout expired. Unchecked, and without a message, as in
 * CPython.
 */
public class Full extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception, without a message as in CPython.
     *
     * <p>Python: {@code queue.Full()}.
     */
    public Full() {
        super();
    }
}
