package pythreading.futures;

/**
 * Python's {@code concurrent.futures.BrokenExecutor}: an executor that cannot run tasks
 * any more. Unchecked (Python's is a {@code RuntimeError}).
 */
public class BrokenExecutor extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with CPython's message.
     *
     * <p>Python: {@code concurrent.futures.BrokenExecutor(message)}.
     *
     * @param message why the executor is broken
     */
    public BrokenExecutor(String message) {
        super(message);
    }
}
