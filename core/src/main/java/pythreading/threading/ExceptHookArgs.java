package pythreading.threading;

/**
 * Python's {@code threading.ExceptHookArgs}: what {@link Threading#excepthook()} receives
 * when an exception escapes a thread's {@link Thread#run()}.
 *
 * @param excType the exception's class
 * @param excValue the exception (its stack trace is Python's {@code exc_traceback})
 * @param thread the thread it escaped from, or {@code null}
 */
public record ExceptHookArgs(Class<? extends Throwable> excType, Throwable excValue, Thread thread) {
}
