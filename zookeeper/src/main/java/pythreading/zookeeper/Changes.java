package pythreading.zookeeper;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;

/**
 * The change signal of one primitive's subtree: a persistent recursive watch on its root
 * counts every change below it, and blocked calls wait for the count to move.
 *
 * <p>The protocol that loses no wake-up: take a {@link #mark()}, read ZooKeeper, and if
 * the call must wait, {@link #await} the mark. A change committed after the read is
 * reported after it (ZooKeeper delivers a watch event after the data the read saw), so
 * it moves the count past the mark. The session also bumps the count on RECONNECTED and
 * LOST, so a blocked call looks again then.
 *
 * <p>The watch is set at the first wait ({@link #await}), not before: a primitive that
 * never waits (a lock always free, say) then costs the server and this client no event
 * per change, as Curator's recipes do not. Since the read before that first wait was
 * made without the watch, the wait that sets it returns at once, and the caller reads
 * again, now watched. A primitive that reads the events themselves ({@link #listen})
 * sets it at once with {@link #watchNow()}. Once set, it stays.
 */
final class Changes implements Watcher {

    private final Session session;
    private final String root;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    /** Changes seen so far; guarded by {@code lock}. */
    private long count;

    /** Told of every change event before the count moves (a primitive's cache hint); set once, by the primitive. */
    private volatile Consumer<WatchedEvent> listener = event -> { };

    /** Serialises the first setting of the watch, so that no waiter goes on before it is set. */
    private final ReentrantLock watchLock = new ReentrantLock();
    /** Whether the watch was set (it is wanted from then on, also after a new session). */
    private volatile boolean watching;

    Changes(Session session, String root) {
        this.session = session;
        this.root = root;
        session.register(this);
    }

    /** Sets the watch now, if it is not set yet. */
    void watchNow() {
        watchLock.lock();
        try {
            if (!watching) {
                watching = addWatch();
            }
        } finally {
            watchLock.unlock();
        }
    }

    /** Sets the persistent watch again if it was set: after a new session the server has none. */
    void watch() {
        if (watching) {
            addWatch();
        }
    }

    private boolean addWatch() {
        try {
            // Through Zk.call: an interrupt must neither cut the request off nor be lost.
            Zk.call(session, () -> session.client.watchers().add().withMode(AddWatchMode.PERSISTENT_RECURSIVE)
                    .usingWatcher(this).forPath(root));
            return true;
        } catch (RuntimeException e) {
            return false; // the connection is down: the next wait, or RECONNECTED, sets it
        }
    }

    void close() {
        session.unregister(this);
        try {
            session.client.watchers().remove(this).ofType(WatcherType.Any).quietly().forPath(root);
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** Sets the listener told of each change event below the root (its path and zxid), before waiters wake. */
    void listen(Consumer<WatchedEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void process(WatchedEvent event) {
        if (event.getType() != Event.EventType.None) {
            listener.accept(event);
            bump();
        }
    }

    void bump() {
        lock.lock();
        try {
            count++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long mark() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until something changed since {@code mark}, the deadline passed, or the
     * session of {@code epoch} was lost.
     *
     * <p>The first wait sets the watch and returns {@code true} at once (see the class comment).
     *
     * @param deadline a {@link System#nanoTime()} deadline, or {@link Timeouts#FOREVER}
     * @return {@code false} if the deadline passed first
     * @throws SessionLostException if the session was lost
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted
     */
    boolean await(long mark, long deadline, long epoch) {
        if (!watching) {
            // The caller's read was not watched: set the watch, and let it read again.
            watchNow();
            session.check(epoch);
            return true;
        }
        lock.lock();
        try {
            for (;;) {
                session.check(epoch);
                if (count != mark) {
                    return true;
                }
                if (deadline == Timeouts.FOREVER) {
                    moved.await();
                } else {
                    long nanos = Timeouts.remaining(deadline);
                    if (nanos <= 0) {
                        return false;
                    }
                    moved.awaitNanos(nanos);
                }
            }
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        } finally {
            lock.unlock();
        }
    }

    /** The deadline of a wait of {@code nanos}, {@link Timeouts#FOREVER} kept. */
    static long deadline(long nanos) {
        return nanos == Timeouts.FOREVER ? Timeouts.FOREVER : System.nanoTime() + nanos;
    }

    static boolean expired(long deadline) {
        return deadline != Timeouts.FOREVER && Timeouts.remaining(deadline) <= 0;
    }
}
