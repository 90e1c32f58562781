package pythreading.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Interrupts;

/** The producers' counter, on cache lines of its own (see {@link TaskTracker}). */
abstract class TaskTrackerAdded {
    /** Items ever put. Written only under the queue's put lock. */
    volatile long added;
}

/** Padding: keeps {@code added} and {@code done} off one cache line. */
abstract class TaskTrackerPad extends TaskTrackerAdded {
    long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}

/**
 * Python's {@code unfinished_tasks}, {@code task_done()} and {@code join()}, kept apart
 * from the queue's locks so that producers and consumers do not meet on one counter.
 *
 * <p>The unfinished count is {@code added - done}. {@code added} has one writer at a
 * time, the thread that holds the queue's put lock, and grows once the item is visible
 * (so a {@code taskDone()} that succeeds never counts an item nobody could get yet).
 * {@code done} is advanced by compare-and-set and never passes {@code added}. A
 * {@code taskDone()} that finds nothing unfinished takes the put lock and looks again
 * before refusing: a put that made its item visible but has not counted it yet holds
 * that lock, so the consumer who got the item is never refused. Producers write one
 * counter and consumers the other; padding keeps them on different cache lines.
 */
final class TaskTracker extends TaskTrackerPad {

    private static final VarHandle ADDED;
    private static final VarHandle DONE;

    static {
        try {
            ADDED = MethodHandles.lookup().findVarHandle(TaskTrackerAdded.class, "added", long.class);
            DONE = MethodHandles.lookup().findVarHandle(TaskTracker.class, "done", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Items marked done, by taskDone() or by an immediate shutdown. */
    private volatile long done;
    /**
     * A value {@code added} had, at most its value now (it only grows): taskDone() reads
     * this, on the consumers' cache line, and reads {@code added}, which producers keep
     * writing, only when this says nothing is left.
     */
    private volatile long addedSeen;
    /** Threads in join(), so that taskDone() takes the lock only when someone waits. */
    private volatile int joiners;

    private final Lock putLock;
    private final ReentrantLock joinLock = new ReentrantLock();
    private final Condition allTasksDone = joinLock.newCondition();

    TaskTracker(Lock putLock) {
        this.putLock = putLock;
    }

    /** An item was put. Call only when holding the put lock, once the item is visible. */
    void added() {
        // One writer at a time (the put lock's holder), so no atomic update is needed; a
        // release store suffices, because a taskDone() that does not see it yet takes the
        // put lock, whose release publishes it.
        ADDED.setRelease(this, (long) ADDED.getOpaque(this) + 1);
    }

    /**
     * Marks one task done.
     *
     * @throws IllegalArgumentException {@code task_done() called too many times}
     */
    void taskDone() {
        if (!tryTaskDone()) {
            putLock.lock(); // wait out a put that is between showing its item and counting it
            try {
                if (!tryTaskDone()) {
                    throw new IllegalArgumentException("task_done() called too many times");
                }
            } finally {
                putLock.unlock();
            }
        }
    }

    private boolean tryTaskDone() {
        for (;;) {
            long d = done;
            long a = addedSeen;
            if (d >= a) {
                a = added;
                if (d >= a) {
                    return false;
                }
                addedSeen = a; // any value added had will do: it never shrinks
            }
            if (DONE.compareAndSet(this, d, d + 1)) {
                if (d + 1 == a && d + 1 == added) {
                    wakeJoiners();
                }
                return true;
            }
        }
    }

    /** An immediate shutdown discarded {@code n} items: each counts as done, never below zero. */
    void discarded(int n) {
        for (;;) {
            long d = done;
            long next = Math.min(added, d + n);
            if (DONE.compareAndSet(this, d, next)) {
                break;
            }
        }
        wakeJoiners(); // CPython notifies join() callers on every immediate shutdown
    }

    long unfinished() {
        return added - done;
    }

    /** Blocks until every item put has been marked done. */
    void join() {
        if (done == added) {
            return;
        }
        joinLock.lock();
        try {
            joiners++;
            try {
                while (done != added) {
                    allTasksDone.await();
                }
            } finally {
                joiners--;
            }
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        } finally {
            joinLock.unlock();
        }
    }

    private void wakeJoiners() {
        // joiners is written before a joiner's check and read after our update of done:
        // both volatile, so one of us sees the other.
        if (joiners > 0) {
            joinLock.lock();
            try {
                allTasksDone.signalAll();
            } finally {
                joinLock.unlock();
            }
        }
    }
}
