package pythreading.futures;

/**
 * Python's {@code TimeoutError} as {@code concurrent.futures} raises it: a
 * {@link Future#result(double)} or {@link Future#exception(double)} whose timeout expired,
 * a {@link ThreadPoolExecutor#map} result not ready by its deadline, or an
 * {@link Futures#asCompleted} whose timeout expired (message: {@code 2 (of 4) futures
 * unfinished}). Unchecked.
 */
public class TimeoutError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A timeout without a message, as {@code Future.result()}'s in CPython.
     *
     * <p>Python: {@code TimeoutError()}.
     */
    public TimeoutError() {
        super();
    }

    /**
     * A timeout with a message.
     *
     * <p>Python: {@code TimeoutError(message)}.
     *
     * @param message what timed out, such as {@code 2 (of 4) futures unfinished}
     */
    public TimeoutError(String message) {
        super(message);
    }
}
