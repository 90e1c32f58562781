package pythreading.zookeeper;

import java.util.Map;
import pythreading.threading.Acquirable;

/**
 * What {@link DistributedLock} and {@link DistributedRLock} share: a {@link HolderLine}
 * in ZooKeeper, Python's shorter {@code acquire} overloads, and a say when the session
 * under a holding ends.
 */
abstract class LineLock extends Primitive implements Acquirable {

    final HolderLine line;

    LineLock(Session session, String kind, String name, String settings) {
        super(session, kind, name, settings, Map.of("line", new byte[0]));
        this.line = new HolderLine(this);
        session.onLost(this::sessionLost);
    }

    /** The session ended: a holding of this object is lost. On Curator's event thread. */
    abstract void sessionLost();

    /**
     * Acquires, blocking as long as necessary: {@code acquire(true, -1)}.
     *
     * @return {@code true}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is then acquired)
     */
    @Override
    public boolean acquire() {
        return acquire(true, -1);
    }

    /**
     * Acquires, blocking as long as necessary when {@code blocking} is true; otherwise
     * tries once: {@code acquire(blocking, -1)}.
     *
     * @param blocking whether to wait
     * @return whether it was acquired
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (nothing is then acquired)
     */
    @Override
    public boolean acquire(boolean blocking) {
        return acquire(blocking, -1);
    }
}
