/**
 * Python's {@code queue} module for the JVM: {@link pythreading.queue.Queue} (first in,
 * first out), {@link pythreading.queue.LifoQueue}, {@link pythreading.queue.PriorityQueue}
 * and {@link pythreading.queue.SimpleQueue}, with their exceptions
 * {@link pythreading.queue.Empty}, {@link pythreading.queue.Full} and
 * {@link pythreading.queue.ShutDown}. The behaviour and the error messages are CPython
 * 3.13's, shutdown included; each class lists where it differs.
 *
 * <pre>{@code
 * Queue<String> q = new Queue<>(10);
 * q.put("job");                  // waits while the queue is full
 * String job = q.get(true, 5.0); // waits at most 5 seconds, then throws Empty
 * q.taskDone();
 * }</pre>
 *
 * <h2>Names</h2>
 * Python's {@code snake_case} is {@code camelCase}: {@code put_nowait} is
 * {@code putNowait}, {@code task_done} is {@code taskDone}, {@code is_shutdown} is
 * {@code isShutdown}; the {@code maxsize} attribute is {@code maxsize()}. {@code null} is
 * an item like any other, as {@code None} is in Python.
 *
 * <h2>Timeouts</h2>
 * {@code put} and {@code get} take Python's {@code block} and {@code timeout}: a timeout
 * is a {@code double} number of seconds, with a {@link java.time.Duration} twin of the
 * same name, and Python's {@code timeout=None} (wait as long as necessary) is the overload
 * without a timeout. An expired timeout throws {@code Full} or {@code Empty}, as in Python;
 * a negative timeout is refused with CPython's message, a timeout above
 * {@link pythreading.threading.Threading#TIMEOUT_MAX} too.
 *
 * <h2>Exceptions</h2>
 * Every exception is unchecked. {@code Empty}, {@code Full} and {@code ShutDown} are
 * Python's; Python's {@code ValueError} is {@link java.lang.IllegalArgumentException}, with
 * CPython's message ({@code task_done() called too many times}).
 *
 * <h2>Interruption</h2>
 * A {@code put}, {@code get} or {@code join} that is blocked when its thread is
 * interrupted stops waiting and throws
 * {@link pythreading.threading.UncheckedInterruptedException}, with the interrupt flag set
 * again and nothing put or taken.
 */
package pythreading.queue;
