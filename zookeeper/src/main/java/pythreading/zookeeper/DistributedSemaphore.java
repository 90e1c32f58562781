package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import pythreading.internal.Timeouts;
import pythreading.threading.SemaphoreLike;

/**
 * Python's {@code threading.Semaphore} and {@code BoundedSemaphore} across processes.
 * Made by {@link ZooKeeperManager#semaphore(String, int)} and
 * {@link ZooKeeperManager#boundedSemaphore(String, int)}.
 *
 * <p>State: the counter is {@code base - leases}, where {@code base} is the data of
 * {@code ROOT/state} (the initial value plus every permit released beyond those taken)
 * and {@code leases} the number of children of {@code ROOT/leases}, one ephemeral node
 * per permit taken. Every acquire and release rewrites {@code state} with its version in
 * the same transaction, so two of them never decide on the same snapshot; a lease that
 * vanishes (its session ended) only raises the counter, which no decision relied on.
 *
 * <p>So permits survive crashes: a permit a process took comes back when its session
 * ends, unless it was released already. A {@code release(n)}, from any process, deletes
 * up to {@code n} leases (this object's own first) and raises {@code base} by the rest,
 * so no permit is ever given back twice. {@link #isLost()} tells that a permit this
 * object took went back with a lost session; the next {@code release()} then throws
 * {@link SessionLostException} instead of giving back another holder's permit.
 *
 * <p>Messages are CPython's: {@code semaphore initial value must be >= 0}, {@code
 * can't specify timeout for non-blocking acquire}, {@code n must be one or more},
 * {@code Semaphore released too many times}.
 */
public final class DistributedSemaphore extends Primitive implements SemaphoreLike {

    private final int initial;
    private final boolean bounded;

    /** The leases this object took and has not released: node names. */
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    /** Set when a lease of {@link #mine} went with a lost session; cleared by release. */
    private volatile boolean lost;

    DistributedSemaphore(Session session, String kind, String name, int value, boolean bounded) {
        super(session, kind, name, "value " + value,
                Map.of("state", utf8(Integer.toString(value)), "leases", new byte[0]));
        this.initial = value;
        this.bounded = bounded;
        session.onLost(this::sessionLost);
    }

    static int checkValue(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0");
        }
        return value;
    }

    private void sessionLost() {
        if (!mine.isEmpty()) {
            mine.clear();
            lost = true;
        }
    }

    /**
     * Takes a permit, waiting as long as necessary.
     *
     * @return {@code true}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (no permit is then taken)
     */
    @Override
    public boolean acquire() {
        return acquireNanos(Timeouts.FOREVER);
    }

    /**
     * Takes a permit, waiting when {@code blocking} is true; otherwise only if one is
     * free now.
     *
     * @param blocking whether to wait
     * @return whether a permit was taken
     */
    @Override
    public boolean acquire(boolean blocking) {
        return acquireNanos(blocking ? Timeouts.FOREVER : 0);
    }

    /**
     * Takes a permit, waiting at most {@code timeout} seconds (zero or less: not at
     * all).
     *
     * @param blocking must be true
     * @param timeout the longest wait, in seconds
     * @return whether a permit was taken
     * @throws IllegalArgumentException {@code can't specify timeout for non-blocking
     *     acquire}; {@code timestamp out of range for platform time_t}
     */
    @Override
    public boolean acquire(boolean blocking, double timeout) {
        if (!blocking) {
            throw new IllegalArgumentException("can't specify timeout for non-blocking acquire");
        }
        return acquireNanos(Timeouts.forWait(timeout));
    }

    private boolean acquireNanos(long nanos) {
        long epoch = session.epoch();
        long deadline = Changes.deadline(nanos);
        String operation = Journal.newOperationId();
        String prefix = "lease-" + operation + "-";
        for (;;) {
            long mark = changes.mark();
            Versioned state = read("state");
            List<String> leases = children("leases");
            int base = Integer.parseInt(state.text());
            if (base - leases.size() > 0) {
                Journal.Outcome outcome = journal.commit(operation, List.of(
                        setData("state", state.text(), state.version),
                        create(root + "/leases/" + prefix, new byte[0], CreateMode.EPHEMERAL_SEQUENTIAL)));
                if (outcome.committed()) {
                    String lease = leaseNamed(prefix, outcome);
                    mine.add(lease);
                    if (session.epoch() != epoch && !ownedBySessionNow(root + "/leases/" + lease)) {
                        // As DistributedLock.acquire: the session ended under the lease
                        // before the session listener could see it in mine; a later
                        // release() would give back another holder's permit.
                        mine.remove(lease);
                        throw session.lost(null);
                    }
                    return true;
                }
                continue; // another process changed the state first
            }
            if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                return false;
            }
        }
    }

    private String leaseNamed(String prefix, Journal.Outcome outcome) {
        if (outcome.results != null) {
            for (var result : outcome.results) {
                String path = result.getResultPath();
                if (path != null && path.contains("/leases/" + prefix)) {
                    return path.substring(path.lastIndexOf('/') + 1);
                }
            }
        }
        // committed in an attempt whose answer was lost: find it by its operation id
        for (String lease : children("leases")) {
            if (lease.startsWith(prefix)) {
                return lease;
            }
        }
        return prefix; // released by another process already; nothing of ours is out
    }

    /**
     * Gives back one permit: {@code release(1)}.
     *
     * @throws IllegalArgumentException {@code Semaphore released too many times} (bounded)
     * @throws SessionLostException if a permit this object took was lost with its
     *     session (the flag is then cleared)
     */
    @Override
    public void release() {
        release(1);
    }

    /**
     * Gives back {@code n} permits: deletes up to {@code n} leases (this object's first)
     * and raises the counter by the rest.
     *
     * @param n how many, at least 1
     * @throws IllegalArgumentException {@code n must be one or more}; {@code Semaphore
     *     released too many times} if a bounded semaphore would pass its initial value
     * @throws SessionLostException if a permit this object took was lost with its
     *     session (the flag is then cleared)
     */
    @Override
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more");
        }
        if (lost) {
            lost = false;
            throw new SessionLostException(kind + " '" + name + "': a permit taken through this object went back"
                    + " when its ZooKeeper session was lost; releasing now could give back another holder's permit");
        }
        for (;;) {
            Versioned state = read("state");
            List<String> leases = children("leases");
            int base = Integer.parseInt(state.text());
            if (bounded && (long) base - leases.size() + n > initial) {
                throw new IllegalArgumentException("Semaphore released too many times");
            }
            List<String> back = new ArrayList<>();
            for (String lease : leases) {
                if (back.size() < n && mine.contains(lease)) {
                    back.add(lease);
                }
            }
            for (String lease : Zk.bySequence(leases)) {
                if (back.size() < n && !back.contains(lease)) {
                    back.add(lease);
                }
            }
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(setData("state", Integer.toString(base + n - back.size()), state.version));
            for (String lease : back) {
                ops.add(delete(root + "/leases/" + lease));
            }
            if (journal.commit(ops).committed()) {
                mine.removeAll(back);
                mine.retainAll(leases); // leases of ours that others' releases gave back
                return;
            }
        }
    }

    /**
     * The counter now: the permits free to take.
     *
     * @return the counter
     */
    public int value() {
        Versioned state = read("state");
        return Integer.parseInt(state.text()) - children("leases").size();
    }

    /**
     * Whether a permit this object took went back when its session was lost; the next
     * {@code release()} then throws {@link SessionLostException}.
     *
     * @return {@code true} once lost, until the next release
     */
    public boolean isLost() {
        return lost;
    }

    /**
     * As CPython's repr, with the name: {@code <... 'x' at 0x…: value=2>}.
     *
     * @return the class, name and identity
     */
    @Override
    public String toString() {
        return describe(bounded ? "bounded, initial " + initial : "initial " + initial);
    }
}
