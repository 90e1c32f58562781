package pythreading.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the JVM running while pythreading has work that Python would wait for at exit,
 * though no non-daemon Java thread is doing it: non-daemon virtual threads (the JVM
 * treats every virtual thread as a daemon), and work queued in a thread pool whose
 * workers are daemons so that idle workers never hold the program open.
 *
 * <p>While at least one hold is out, one non-daemon platform thread (the keeper) waits
 * for the count to fall back to zero. It then lingers for {@link #LINGER_NANOS} before it
 * exits, so that a program whose holds come and go (short virtual threads started one
 * after another) does not start a keeper per hold; the JVM's exit waits that much longer.
 * Holding and releasing cost one atomic update; only the first hold and the last release
 * take the lock.
 */
public final class KeepAlive {

    /** How long the keeper stays after the last release, in case a hold follows. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final AtomicLong HOLDS = new AtomicLong();
    /** Counts the holds that took HOLDS from zero: the keeper sees a hold that came and went. */
    private static final AtomicLong FIRST_HOLDS = new AtomicLong();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition NONE_HELD = LOCK.newCondition();
    /** The keeper while it waits; null once it has decided to exit. Guarded by LOCK. */
    private static Thread keeper;

    private KeepAlive() {
    }

    /** Keeps the JVM alive until the matching {@link #release()}. */
    public static void hold() {
        if (HOLDS.getAndIncrement() == 0) {
            FIRST_HOLDS.incrementAndGet();
            LOCK.lock();
            try {
                if (keeper == null) {
                    keeper = new Thread(KeepAlive::keep, "pythreading-keepalive");
                    keeper.setDaemon(false);
                    keeper.start();
                }
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** Gives back one {@link #hold()}. */
    public static void release() {
        if (HOLDS.decrementAndGet() == 0) {
            LOCK.lock();
            try {
                NONE_HELD.signalAll();
            } finally {
                LOCK.unlock();
            }
        }
    }

    /** The keeper, or null when none is out (for tests). */
    static Thread keeper() {
        LOCK.lock();
        try {
            return keeper;
        } finally {
            LOCK.unlock();
        }
    }

    private static void keep() {
        LOCK.lock();
        try {
            do {
                while (HOLDS.get() > 0) {
                    NONE_HELD.awaitUninterruptibly();
                }
            } while (heldWhileLingering());
            keeper = null; // a hold taken after this starts a new keeper
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Waits up to LINGER_NANOS while nothing is held; whether a hold came meanwhile (it
     * may be released again already). A hold does not signal: the keeper looks when a
     * release signals or the time is up.
     */
    private static boolean heldWhileLingering() {
        long seen = FIRST_HOLDS.get();
        long deadline = System.nanoTime() + LINGER_NANOS;
        for (long left = LINGER_NANOS; left > 0; left = deadline - System.nanoTime()) {
            if (HOLDS.get() > 0 || FIRST_HOLDS.get() != seen) {
                return true;
            }
            try {
                NONE_HELD.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the keeper is ours: nobody interrupts it
                return false;
            }
        }
        return HOLDS.get() > 0 || FIRST_HOLDS.get() != seen;
    }
}
