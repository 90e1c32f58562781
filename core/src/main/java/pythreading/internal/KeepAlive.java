package pythreading.internal;

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
 * for the count to fall back to zero. Holding and releasing cost one atomic update; only
 * the first hold and the last release take the lock.
 */
public final class KeepAlive {

    private static final AtomicLong HOLDS = new AtomicLong();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Condition NONE_HELD = LOCK.newCondition();
    /** The keeper while it waits; null once it has decided to exit. Guarded by LOCK. */
    private static Thread keeper;

    private KeepAlive() {
    }

    /** Keeps the JVM alive until the matching {@link #release()}. */
    public static void hold() {
        if (HOLDS.getAndIncrement() == 0) {
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

    private static void keep() {
        LOCK.lock();
        try {
            while (HOLDS.get() > 0) {
                NONE_HELD.awaitUninterruptibly();
            }
            keeper = null; // a hold taken after this starts a new keeper
        } finally {
            LOCK.unlock();
        }
    }
}
