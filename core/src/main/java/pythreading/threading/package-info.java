/**
 * Python's {@code threading} module for the JVM: {@link pythreading.threading.Thread},
 * {@link pythreading.threading.Timer}, {@link pythreading.threading.Lock},
 * {@link pythreading.threading.RLock}, {@link pythreading.threading.Condition},
 * {@link pythreading.threading.Semaphore}, {@link pythreading.threading.BoundedSemaphore},
 * {@link pythreading.threading.Event}, {@link pythreading.threading.Barrier},
 * {@link pythreading.threading.Local} ({@code threading.local}), and the module's
 * functions as static methods of {@link pythreading.threading.Threading}. The behaviour
 * and the error messages are CPython 3.13's; each class lists where it differs.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * Thread t = new Thread(() -> {
 *     try (var held = lock.enter()) {   // with lock:
 *         work();
 *     }
 * });
 * t.start();
 * t.join();
 * }</pre>
 *
 * <h2>Names</h2>
 * Python's {@code snake_case} is {@code camelCase} ({@code is_alive} is
 * {@code isAlive}, {@code n_waiting} is {@code nWaiting}), and properties are getters and
 * setters ({@code t.name} is {@code getName()} and {@code setName(String)},
 * {@code t.daemon} is {@code isDaemon()}, {@code b.broken} is {@code isBroken()}).
 * {@link java.lang.Object} owns {@code wait()} and {@code notify()}, so {@code wait} is
 * {@code await} ({@code Condition.await}, {@code Condition.awaitFor} for
 * {@code wait_for}, {@code Event.await}, {@code Barrier.await}) and {@code notify} /
 * {@code notify_all} are {@code signal} / {@code signalAll}. Python's {@code with lock:}
 * is {@code try (var held = lock.enter()) { ... }} on any
 * {@link pythreading.threading.Acquirable}.
 *
 * <h2>Timeouts</h2>
 * A timeout is a {@code double} number of seconds, as in Python, and every timed call has
 * a {@link java.time.Duration} twin of the same name. Python's {@code timeout=None} (wait
 * as long as necessary) is the overload without a timeout. What a zero, negative or NaN
 * timeout means follows CPython, class by class (for {@code Lock} and {@code RLock},
 * {@code -1} is forever); a timeout above {@link pythreading.threading.Threading#TIMEOUT_MAX}
 * is refused. Timed calls report expiry as Python does: {@code acquire} and {@code await}
 * return {@code false}, {@code Barrier.await} breaks the barrier, {@code join} returns
 * (then {@code isAlive()} tells).
 *
 * <h2>Exceptions</h2>
 * Every exception is unchecked, so targets stay plain lambdas. Python's
 * {@code RuntimeError} is {@link java.lang.IllegalStateException} and {@code ValueError}
 * (or {@code OverflowError}) is {@link java.lang.IllegalArgumentException}, with CPython's
 * message ({@code release unlocked lock}, {@code Semaphore released too many times});
 * {@link pythreading.threading.BrokenBarrierError} is Python's.
 *
 * <h2>Interruption</h2>
 * Python has no thread interruption; Java's is honoured. A call that is blocked, or about
 * to block, when its thread is interrupted stops waiting and throws
 * {@link pythreading.threading.UncheckedInterruptedException} (whose cause is the
 * {@link java.lang.InterruptedException}), with the interrupt flag set again and nothing
 * taken: no lock, no permit. A call that need not wait succeeds even in an interrupted
 * thread.
 */
package pythreading.threading;
