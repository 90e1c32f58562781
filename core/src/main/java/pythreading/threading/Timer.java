package pythreading.threading;

import java.time.Duration;
import pythreading.internal.Timeouts;

/**
 * Python's {@code threading.Timer}: a thread that runs a function after a delay, unless
 * cancelled first.
 *
 * <pre>{@code
 * Timer t = new Timer(30.0, () -> System.out.println("hello, world"));
 * t.start();   // after 30 seconds, "hello, world" is printed
 * t.cancel();  // ... unless this comes first
 * }</pre>
 *
 * <p>Its default name is {@code Thread-N}, as for any thread. {@code cancel()} stops a
 * timer that is still waiting, and is harmless before {@code start()} (the timer then
 * ends without running the function) and after the function has run; it cannot stop a
 * function that is already running.
 *
 * <p>Differences from CPython: an interrupt while the timer waits cancels it; an
 * interval beyond {@link Threading#TIMEOUT_MAX} is refused by the constructor, where
 * CPython fails in the timer's thread. A NaN interval fires at once, as in CPython.
 */
public class Timer extends Thread {

    private final double interval;
    private final Runnable function;
    private final Event finished = new Event();

    /**
     * A timer that runs {@code function} {@code interval} seconds after it is started (at
     * once for zero or less).
     *
     * <p>Python: {@code threading.Timer(interval, function)}.
     *
     * @param interval the delay, in seconds
     * @param function what to run
     * @throws NullPointerException if {@code function} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     */
    public Timer(double interval, Runnable function) {
        if (function == null) {
            throw new NullPointerException("function");
        }
        Timeouts.forWait(interval); // the wait's own check, made here rather than in the thread
        this.interval = interval;
        this.function = function;
    }

    /**
     * As {@link #Timer(double, Runnable)}, with the interval as a {@link Duration}.
     *
     * @param interval the delay
     * @param function what to run
     * @throws NullPointerException if {@code interval} or {@code function} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     beyond {@link Threading#TIMEOUT_MAX}
     */
    public Timer(Duration interval, Runnable function) {
        this(Timeouts.seconds(interval), function);
    }

    /**
     * Stops the timer if it is still waiting; otherwise does nothing. Never blocks, and
     * does not wait for the timer's thread to end.
     *
     * <p>Python: {@code threading.Timer.cancel()}.
     */
    public void cancel() {
        finished.set();
    }

    /**
     * Waits for the interval, then runs the function unless cancelled meanwhile. Runs in
     * the timer's thread after {@link #start()}.
     *
     * <p>Python: {@code threading.Timer.run()}.
     */
    @Override
    public void run() {
        try {
            finished.await(interval);
            if (!finished.isSet()) {
                function.run();
            }
        } catch (UncheckedInterruptedException e) {
            // interrupted while waiting: cancelled (the interrupt flag stays set)
        } finally {
            finished.set();
        }
    }

    /**
     * The delay given to the constructor.
     *
     * <p>Python: {@code threading.Timer.interval}.
     *
     * @return the delay, in seconds
     */
    public double interval() {
        return interval;
    }
}
