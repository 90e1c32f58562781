package pythreading.threading;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the JVM alive while non-daemon virtual threads run. The JVM treats every virtual
 * thread as a daemon, but Python's program waits for its non-daemon threads, whatever
 * runs them. While at least one such thread runs, one non-daemon platform thread (the
 * keeper) waits for the count to fall back to zero, and so holds the JVM open.
 */
final class VirtualThreadKeepAlive {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final java.util.concurrent.locks.Condition NONE_RUNNING = LOCK.newCondition();
    /** Non-daemon virtual threads started and not yet finished. Guarded by LOCK. */
    private static int running;
    /** The keeper while it waits; null once it has decided to exit. Guarded by LOCK. */
    private static java.lang.Thread keeper;

    private VirtualThreadKeepAlive() {
    }

    /** Call before starting a non-daemon virtual thread. */
    static void threadStarting() {
        LOCK.lock();
        try {
            running++;
            if (keeper == null) {
                keeper = new java.lang.Thread(VirtualThreadKeepAlive::keepAlive,
                        "pythreading-virtual-keepalive");
                keeper.setDaemon(false);
                keeper.start();
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** Call when a non-daemon virtual thread has finished, or failed to start. */
    static void threadFinished() {
        LOCK.lock();
        try {
            if (--running == 0) {
                NONE_RUNNING.signalAll();
            }
        } finally {
            LOCK.unlock();
        }
    }

    private static void keepAlive() {
        LOCK.lock();
        try {
            while (running > 0) {
                NONE_RUNNING.awaitUninterruptibly();
            }
            keeper = null; // a thread starting after this point starts a new keeper
        } finally {
            LOCK.unlock();
        }
    }
}
