package pythreading.futures;

/**
 * Python's {@code concurrent.futures.thread.BrokenThreadPool}: a worker's initializer
 * failed, so the pool is not usable any more. Its message is CPython's: {@code A thread
 * initializer failed, the thread pool is not usable anymore}.
 */
public class BrokenThreadPool extends BrokenExecutor {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with CPython's message.
     *
     * <p>Python: {@code concurrent.futures.thread.BrokenThreadPool(message)}.
     *
     * @param message why the pool is broken
     */
    public BrokenThreadPool(String message) {
        super(message);
    }
}
