/**
 * Python's {@code concurrent.futures} for threads, for the JVM:
 * {@link pythreading.futures.ThreadPoolExecutor}, its {@link pythreading.futures.Future}s
 * (which are also {@link java.util.concurrent.Future}s), and the module's functions
 * {@code wait} and {@code as_completed} as static methods of
 * {@link pythreading.futures.Futures}. The behaviour and the error messages are CPython
 * 3.13's; each class lists where it differs.
 *
 * <pre>{@code
 * try (var pool = new ThreadPoolExecutor(4)) {    // with ThreadPoolExecutor(4) as pool:
 *     Future<Integer> f = pool.submit(() -> 6 * 7);
 *     int answer = f.result(10.0);                // waits at most 10 seconds
 * }
 * }</pre>
 *
 * <h2>Names</h2>
 * Python's {@code snake_case} is {@code camelCase} ({@code add_done_callback} is
 * {@code addDoneCallback}, {@code as_completed} is {@code asCompleted}). {@code wait} is
 * {@link pythreading.futures.Futures#await}, since {@link java.lang.Object} owns
 * {@code wait()}. Keyword arguments of constructors are builder methods
 * ({@code ThreadPoolExecutor.builder().threadNamePrefix("io").build()}).
 *
 * <h2>Timeouts</h2>
 * A timeout is a {@code double} number of seconds, as in Python, with a
 * {@link java.time.Duration} twin of the same name; Python's {@code timeout=None} (wait as
 * long as necessary) is the overload without a timeout. A timeout of zero or less does not
 * wait; one above {@link pythreading.threading.Threading#TIMEOUT_MAX} is refused. The
 * timeout of {@code map} and {@code asCompleted} is counted from the call, as in Python.
 * An expired timeout throws {@link pythreading.futures.TimeoutError}, except in
 * {@code Futures.await}, which returns.
 *
 * <h2>Exceptions</h2>
 * Every exception is unchecked. {@code result()} throws the call's own exception (a
 * checked one wrapped in {@link java.util.concurrent.CompletionException}); a cancelled
 * future throws {@link java.util.concurrent.CancellationException}. Python's
 * {@code RuntimeError} is {@link java.lang.IllegalStateException}
 * ({@code cannot schedule new futures after shutdown}), and
 * {@link pythreading.futures.BrokenExecutor} extends it. The
 * {@code java.util.concurrent} methods ({@code get}, {@code execute}) keep Java's
 * contract and its checked exceptions.
 *
 * <h2>Interruption</h2>
 * A {@code result()}, {@code exception()}, {@code Futures.await} or {@code shutdown(true)}
 * that is blocked when its thread is interrupted stops waiting and throws
 * {@link pythreading.threading.UncheckedInterruptedException}, with the interrupt flag set
 * again. A running call is never interrupted: {@code cancel} only stops calls that have
 * not started.
 */
package pythreading.futures;
