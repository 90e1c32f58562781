package pythreading.internal.trace;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * pythreading's JFR events: {@code pythreading.Wait}, {@code pythreading.Hold},
 * {@code pythreading.ThreadStart} and {@code pythreading.ThreadEnd}, in the category
 * {@code pythreading}.
 *
 * <p>Only {@link Recorder} calls this class, and only once {@link Recorder#enableJfr()}
 * was called: the events it begins are passed around as {@code Object}, so that the
 * recorder never loads {@code jdk.jfr} otherwise. An event is committed when it ends; JFR
 * keeps it only if a recording enables it (all four are enabled, with no threshold, by
 * default, so a plain {@code -XX:StartFlightRecording} keeps them).
 *
 * <p>Wait and Hold are durational: JFR's start time is when they began, their duration
 * runs to when they ended. JFR's event thread is the thread that <em>ended</em> the event;
 * for a wait that is the waiter, but a hold may be ended by another thread (a Lock released
 * by a thread that does not own it, a semaphore's permit given back by anyone): its
 * {@code holder} field names the thread that held it.
 */
final class JfrEvents {

    private JfrEvents() {
    }

    /**
     * Begins a wait (the current thread must wait for a primitive).
     *
     * @return the begun event, for {@link #waitEnds}
     */
    static Object waitBegins() {
        WaitEvent event = new WaitEvent();
        event.begin();
        return event;
    }

    /**
     * Ends the wait {@link #waitBegins} began and commits it, if a recording wants it.
     *
     * @param event from {@link #waitBegins}
     * @param primitive the primitive's name ({@code Lock-1}, or the user's)
     * @param type the primitive's class ({@code Lock})
     * @param outcome how the wait ended ({@code acquired}, {@code timed out}...)
     */
    static void waitEnds(Object event, String primitive, String type, String outcome) {
        WaitEvent wait = (WaitEvent) event;
        wait.end();
        if (wait.shouldCommit()) {
            wait.primitive = primitive;
            wait.type = type;
            wait.outcome = outcome;
            wait.commit();
        }
    }

    /**
     * Begins a hold (the current thread acquired a lock, or a semaphore's permit).
     *
     * @return the begun event, for {@link #holdEnds}
     */
    static Object holdBegins() {
        HoldEvent event = new HoldEvent();
        event.begin();
        return event;
    }

    /**
     * Ends the hold {@link #holdBegins} began and commits it, if a recording wants it.
     *
     * @param event from {@link #holdBegins}
     * @param primitive the primitive's name
     * @param type the primitive's class
     * @param holder the name of the thread that held it (not necessarily the current one)
     */
    static void holdEnds(Object event, String primitive, String type, String holder) {
        HoldEvent hold = (HoldEvent) event;
        hold.end();
        if (hold.shouldCommit()) {
            hold.primitive = primitive;
            hold.type = type;
            hold.holder = holder;
            hold.commit();
        }
    }

    /**
     * The current thread, a pythreading thread, has started.
     *
     * @param name its name
     * @param daemon whether it is a daemon
     * @param virtual whether it is a virtual thread
     */
    static void threadStarted(String name, boolean daemon, boolean virtual) {
        ThreadStartEvent event = new ThreadStartEvent();
        if (event.shouldCommit()) {
            event.threadName = name;
            event.daemon = daemon;
            event.virtual = virtual;
            event.commit();
        }
    }

    /**
     * The current thread, a pythreading thread, ends.
     *
     * @param name its name
     */
    static void threadEnded(String name) {
        ThreadEndEvent event = new ThreadEndEvent();
        if (event.shouldCommit()) {
            event.threadName = name;
            event.commit();
        }
    }

    // The event classes. Enabled with a 0 ms threshold (JFR's defaults, spelled out): a
    // recording with no pythreading settings, such as -XX:StartFlightRecording's default
    // configuration, keeps every one. Only a wait has a stack trace: it is taken at commit,
    // which for a wait is inside the blocking call that waited; for a hold it would be the
    // release (perhaps on another thread), not the acquire, and holds are the most frequent
    // event; a thread's start and end are always the same frames.

    /** A wait: a thread blocked on a primitive, from the wait's start to its outcome. */
    @Name("pythreading.Wait")
    @Label("pythreading Wait")
    @Category({"pythreading"})
    @Description("A thread waited for a pythreading primitive (a lock, condition, event, queue, future...)")
    @Enabled
    @Threshold("0 ms")
    @StackTrace(true)
    static final class WaitEvent extends Event {

        @Label("Primitive")
        @Description("The primitive's name: the user's, or its class and a number (Lock-1)")
        String primitive;

        @Label("Type")
        @Description("The primitive's class (Lock, RLock, Condition, Queue...)")
        String type;

        @Label("Outcome")
        @Description("How the wait ended: acquired, timed out, interrupted, shut down, broken...")
        String outcome;
    }

    /** A hold: a lock, or one permit of a semaphore, from its acquire to its release. */
    @Name("pythreading.Hold")
    @Label("pythreading Hold")
    @Category({"pythreading"})
    @Description("A thread held a pythreading lock or semaphore permit, from acquire to release;"
            + " the event thread is the releasing thread, the holder the one that held it")
    @Enabled
    @Threshold("0 ms")
    @StackTrace(false)
    static final class HoldEvent extends Event {

        @Label("Primitive")
        @Description("The primitive's name: the user's, or its class and a number (Lock-1)")
        String primitive;

        @Label("Type")
        @Description("The primitive's class (Lock, RLock, Semaphore...)")
        String type;

        @Label("Holder")
        @Description("The name of the thread that held it")
        String holder;
    }

    /** A pythreading thread's start (on that thread). */
    @Name("pythreading.ThreadStart")
    @Label("pythreading Thread Start")
    @Category({"pythreading"})
    @Description("A pythreading thread started running")
    @Enabled
    @StackTrace(false)
    static final class ThreadStartEvent extends Event {

        @Label("Thread Name")
        @Description("The pythreading thread's name")
        String threadName;

        @Label("Daemon")
        @Description("Whether it is a daemon thread")
        boolean daemon;

        @Label("Virtual")
        @Description("Whether it is a virtual thread")
        boolean virtual;
    }

    /** A pythreading thread's end (on that thread). */
    @Name("pythreading.ThreadEnd")
    @Label("pythreading Thread End")
    @Category({"pythreading"})
    @Description("A pythreading thread finished running")
    @Enabled
    @StackTrace(false)
    static final class ThreadEndEvent extends Event {

        @Label("Thread Name")
        @Description("The pythreading thread's name")
        String threadName;
    }
}
