package pythreading.zookeeper;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * One manager's ZooKeeper session, as the primitives see it.
 *
 * <p>Curator reports SUSPENDED when the connection drops, RECONNECTED when it is back
 * and LOST when the session has ended (the connection stayed down for the session
 * timeout, or the server expired the session). SUSPENDED changes nothing here: blocked
 * calls keep waiting, and Curator's retries carry calls in flight over to the next
 * server. RECONNECTED wakes every blocked call to look again, since changes made while
 * the connection was down may not have been reported. LOST advances the {@link #epoch()}:
 * every call blocked across it throws {@link SessionLostException}, and every primitive
 * marks the holdings of the old session as lost.
 */
final class Session implements ConnectionStateListener {

    final CuratorFramework client;
    final long timeoutMillis;

    /** How many times a session of this manager has been lost. */
    private final AtomicLong epoch = new AtomicLong();

    /** Every primitive's change signal: woken on RECONNECTED and LOST. */
    private final Set<Changes> changes = ConcurrentHashMap.newKeySet();

    /** Told first when a session is lost, before blocked calls wake. */
    private final List<Runnable> lostListeners = new CopyOnWriteArrayList<>();

    /** The users' listeners ({@link ZooKeeperManager#onSessionLost}), told after the primitives. */
    private final List<Runnable> userListeners = new CopyOnWriteArrayList<>();

    Session(CuratorFramework client, long timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    long epoch() {
        return epoch.get();
    }

    /** Set by the manager's close: blocked calls must not wait for a client that is gone. */
    private volatile boolean closed;

    /**
     * Throws {@link SessionLostException} if a session was lost since {@code epoch}, and
     * {@link IllegalStateException} if the manager was closed.
     */
    void check(long epoch) {
        if (closed) {
            throw closedError(null);
        }
        if (this.epoch.get() != epoch) {
            throw lost(null);
        }
    }

    boolean closed() {
        return closed;
    }

    IllegalStateException closedError(Throwable cause) {
        return new IllegalStateException("the ZooKeeper manager was closed", cause);
    }

    /** The manager is closing: wakes every blocked call, which then throws. */
    void close() {
        closed = true;
        changes.forEach(Changes::bump);
    }

    SessionLostException lost(Throwable cause) {
        return new SessionLostException("the ZooKeeper session was lost (no connection for the session timeout of "
                + timeoutMillis + " ms, or the session expired); what it held was freed", cause);
    }

    void register(Changes signal) {
        changes.add(signal);
    }

    void unregister(Changes signal) {
        changes.remove(signal);
    }

    void onLost(Runnable listener) {
        lostListeners.add(listener);
    }

    void onLostByUser(Runnable listener) {
        userListeners.add(listener);
    }

    @Override
    public void stateChanged(CuratorFramework ignored, ConnectionState state) {
        if (state == ConnectionState.LOST) {
            epoch.incrementAndGet();
            for (Runnable listener : lostListeners) {
                listener.run();
            }
            changes.forEach(Changes::bump);
            for (Runnable listener : userListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    // a user's listener failing must not keep the others from being told
                    System.getLogger("pythreading.zookeeper").log(System.Logger.Level.WARNING,
                            "a session-lost listener failed", e);
                }
            }
        } else if (state == ConnectionState.RECONNECTED) {
            // After a new session the server has forgotten the watches: set them again.
            changes.forEach(Changes::watch);
            changes.forEach(Changes::bump);
        }
    }
}
