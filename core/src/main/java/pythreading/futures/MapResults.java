package pythreading.futures;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import pythreading.internal.Timeouts;

/**
 * The results of {@link ThreadPoolExecutor#map}, in the order of the inputs, each waited
 * for as the iteration reaches it: Python's {@code map} generator. Iterate it once.
 *
 * <pre>{@code
 * try (var squares = pool.map(x -> x * x, List.of(1, 2, 3))) {
 *     for (int s : squares) {
 *         System.out.println(s);
 *     }
 * }
 * }</pre>
 *
 * <p>When a call failed, {@code next()} throws its exception at that position; when the
 * timeout (counted from the {@code map} call) expires first, {@code next()} throws
 * {@link TimeoutError}. Either way, and when the iteration is closed early, the calls not
 * yet started are cancelled (a running call is never interrupted) and the iteration ends.
 *
 * @param <R> the type of the results
 */
public final class MapResults<R> implements Iterable<R>, AutoCloseable {

    private final List<Future<R>> futures;
    private final boolean timed;
    private final double timeout;
    private final long deadline;
    private int next;
    private boolean iterated;
    private boolean ended;

    MapResults(List<Future<R>> futures, boolean timed, double timeout, long deadline) {
        this.futures = futures;
        this.timed = timed;
        this.timeout = timeout;
        this.deadline = deadline;
    }

    /** Seconds left for the next result; a timeout beyond TIMEOUT_MAX is passed on for the wait to refuse. */
    private double remaining() {
        return timeout > Timeouts.TIMEOUT_MAX ? timeout : Timeouts.remaining(deadline) / 1e9;
    }

    /**
     * The results, in input order. The iterator's {@code next()} waits for each result,
     * as long as necessary or until the {@code map} call's timeout, and throws as the
     * class describes.
     *
     * <p>Python: iterating the generator that {@code Executor.map} returns.
     *
     * @return the iterator of the results
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Iterator<R> iterator() {
        if (iterated) {
            throw new IllegalStateException("map() results can be iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !ended && next < futures.size();
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Future<R> f = futures.get(next);
                try {
                    R result = timed ? f.result(remaining()) : f.result();
                    futures.set(next++, null); // keep no reference to what was handed out
                    return result;
                } catch (RuntimeException | Error e) {
                    close();
                    throw e;
                }
            }
        };
    }

    /**
     * Cancels the calls not yet started, and ends the iteration. Never blocks; may be
     * called again.
     *
     * <p>Python: closing (or dropping) the generator that {@code Executor.map} returns.
     */
    @Override
    public void close() {
        ended = true;
        for (int i = next; i < futures.size(); i++) {
            Future<R> f = futures.get(i);
            if (f != null) {
                f.cancel();
            }
        }
    }
}
