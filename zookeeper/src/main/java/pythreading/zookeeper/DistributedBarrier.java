package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import pythreading.internal.Timeouts;
import pythreading.threading.BarrierLike;
import pythreading.threading.BrokenBarrierError;

/**
 * Python's {@code threading.Barrier} across processes: a cyclic meeting point for a
 * fixed number of parties, with abort, reset, timeouts and an action. Made by
 * {@link ZooKeeperManager#barrier(String, int)}.
 *
 * <p>State: {@code ROOT/state} holds {@code "GENERATION COUNT BROKEN"}. An arriving party
 * raises the count of the current generation (one versioned write); the last one runs
 * the action in its own process, then starts the next generation with a count of zero,
 * which releases the others. While the count equals the parties (the action is
 * running), newcomers wait for the next generation, as CPython's do while its barrier
 * drains. {@code abort()} and a waiter's timeout set BROKEN; {@code reset()} starts a
 * new generation and leaves a marker {@code ROOT/resets/GENERATION}, so the parties of
 * the old one know it ended by a reset (they get {@link BrokenBarrierError}) rather than
 * by a trip.
 *
 * <p>Each arrival also leaves an ephemeral node {@code ROOT/arrivals/GENERATION-OP}, in
 * the same transaction as the count it raises. When a waiting party's session ends (its
 * process died, or stayed cut off past the session timeout), its node goes with it, and
 * the parties still waiting see fewer nodes than the count: they break the barrier and
 * get {@link BrokenBarrierError}, as local waiters do when one of them fails, instead of
 * waiting for a party that will never come. The trip and {@code reset()} delete the
 * nodes of the generation they end.
 */
public final class DistributedBarrier extends Primitive implements BarrierLike {

    private final int parties;
    /** This process's action and default timeout (not shared: each process gives its own). */
    private volatile Runnable action;
    private volatile boolean hasTimeout;
    private volatile double timeout;

    DistributedBarrier(Session session, String name, int parties) {
        super(session, "barrier", name, "parties " + parties,
                Map.of("state", utf8("0 0 0"), "resets", new byte[0], "arrivals", new byte[0]));
        this.parties = parties;
    }

    static void checkParties(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0");
        }
    }

    void configure(Runnable action, double timeout) {
        this.action = action;
        this.timeout = timeout;
        this.hasTimeout = true;
    }

    /** A snapshot of the state. */
    private static final class State {
        final long generation;
        final int count;
        final boolean broken;
        final int version;

        State(Versioned state) {
            String[] parts = state.text().split(" ");
            this.generation = Long.parseLong(parts[0]);
            this.count = Integer.parseInt(parts[1]);
            this.broken = parts[2].equals("1");
            this.version = state.version;
        }

        String with(long generation, int count, boolean broken) {
            return generation + " " + count + " " + (broken ? 1 : 0);
        }
    }

    private State state() {
        return new State(read("state"));
    }

    private boolean write(State from, long generation, int count, boolean broken) {
        return journal.commit(List.of(setData("state", from.with(generation, count, broken), from.version)))
                .committed();
    }

    /**
     * Waits until all parties have arrived, or for this process's default timeout.
     *
     * @return the arrival index, 0 for the first party
     * @throws BrokenBarrierError if the barrier is or becomes broken, is reset while
     *     waiting, or the timeout expires
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting (the barrier is then broken for the others)
     */
    @Override
    public int await() {
        return doAwait(hasTimeout, timeout);
    }

    /**
     * Waits until all parties have arrived, at most {@code timeout} seconds; a timeout
     * of zero or less breaks the barrier at once unless this party is the last.
     *
     * @param timeout the longest wait, in seconds
     * @return the arrival index
     * @throws BrokenBarrierError as {@link #await()}
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     */
    @Override
    public int await(double timeout) {
        return doAwait(true, timeout);
    }

    private int doAwait(boolean timed, double timeout) {
        long epoch = session.epoch();
        State arrived;
        String operation;
        long draining = Long.MAX_VALUE; // the deadline of a wait for the action to finish, once set
        boolean drainingSet = false;
        for (;;) {
            long mark = changes.mark();
            State s = state();
            if (s.broken) {
                throw new BrokenBarrierError();
            }
            if (s.count >= parties) { // the last party is running the action: wait for the next cycle
                if (!drainingSet) {
                    draining = Changes.deadline(timed ? Timeouts.forWait(timeout) : Timeouts.FOREVER);
                    drainingSet = true;
                }
                if (Changes.expired(draining) || !changes.await(mark, draining, epoch)) {
                    throw new BrokenBarrierError();
                }
                continue;
            }
            // The arrival raises the count and leaves an ephemeral node of this session, in
            // one transaction: a party whose session ends takes its node with it.
            operation = Journal.newOperationId();
            if (journal.commit(operation, List.of(
                    setData("state", s.with(s.generation, s.count + 1, false), s.version),
                    create(arrival(s.generation, operation), new byte[0], CreateMode.EPHEMERAL)))
                    .committed()) {
                arrived = s;
                break;
            }
        }
        int index = arrived.count;
        long generation = arrived.generation;
        if (index + 1 == parties) {
            trip(generation);
            return index;
        }
        long nanos = timed ? Timeouts.forWait(timeout) : Timeouts.FOREVER;
        String mine = arrival(generation, operation);
        return waitForTrip(generation, index, Changes.deadline(nanos), epoch,
                mine.substring(mine.lastIndexOf('/') + 1));
    }

    private void trip(long generation) {
        Runnable run = action;
        if (run != null) {
            try {
                run.run();
            } catch (RuntimeException | Error e) {
                breakGeneration(generation);
                throw e;
            }
        }
        for (;;) {
            State s = state();
            if (s.generation != generation || s.broken) {
                throw new BrokenBarrierError(); // aborted or reset while the action ran
            }
            if (journal.commit(withArrivalsGone(generation,
                    setData("state", s.with(generation + 1, 0, false), s.version))).committed()) {
                return;
            }
        }
    }

    private String arrival(long generation, String operation) {
        return root + "/arrivals/" + generation + "-" + operation;
    }

    /** The arrival nodes of {@code generation} still there (their sessions alive). */
    private List<String> arrivals(long generation) {
        List<String> of = new ArrayList<>();
        for (String node : children("arrivals")) {
            if (node.startsWith(generation + "-")) {
                of.add(node);
            }
        }
        return of;
    }

    /** {@code write} and the deletion of the arrival nodes of a generation that ends. */
    private List<CuratorOp> withArrivalsGone(long generation, CuratorOp write) {
        List<CuratorOp> ops = new ArrayList<>();
        ops.add(write);
        for (String node : arrivals(generation)) {
            ops.add(delete(root + "/arrivals/" + node));
        }
        return ops;
    }

    /** @param mine this party's arrival node (its name) */
    private int waitForTrip(long generation, int index, long deadline, long epoch, String mine) {
        try {
            for (;;) {
                long mark = changes.mark();
                State s = state();
                if (s.generation != generation) {
                    if (wasReset(generation)) {
                        throw new BrokenBarrierError();
                    }
                    return index;
                }
                if (s.broken) {
                    throw new BrokenBarrierError();
                }
                List<String> present = arrivals(generation);
                if (present.size() < s.count) {
                    // Fewer arrival nodes than arrivals: a party's session ended while it
                    // waited, or the generation ended since the state was read.
                    if (state().generation == generation) {
                        if (!present.contains(mine)) {
                            throw session.lost(null); // this party's own session
                        }
                        if (breakGeneration(generation)) {
                            // Another party is gone (its process died, say): as a waiter
                            // that fails breaks a local barrier, rather than a wait for ever.
                            throw new BrokenBarrierError();
                        }
                    }
                    continue; // it tripped or was reset: read the outcome
                }
                if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                    if (breakGeneration(generation)) {
                        throw new BrokenBarrierError();
                    }
                    // it tripped or was reset as the time ran out: read the outcome
                }
            }
        } catch (pythreading.threading.UncheckedInterruptedException e) {
            quietly(() -> breakGeneration(generation));
            throw e;
        }
    }

    /** Breaks {@code generation}; false if it is over already (tripped or reset). */
    private boolean breakGeneration(long generation) {
        for (;;) {
            State s = state();
            if (s.generation != generation) {
                return false;
            }
            if (s.broken || write(s, s.generation, s.count, true)) {
                return true;
            }
        }
    }

    private boolean wasReset(long generation) {
        return Zk.call(session, () -> session.client.checkExists()
                .forPath(root + "/resets/" + generation) != null);
    }

    /**
     * Returns the barrier to its empty state: parties waiting now, in any process, get
     * {@link BrokenBarrierError}.
     */
    @Override
    public void reset() {
        for (;;) {
            State s = state();
            if (s.count == 0) {
                if (!s.broken || write(s, s.generation, 0, false)) {
                    return;
                }
                continue;
            }
            List<CuratorOp> ops = withArrivalsGone(s.generation,
                    setData("state", s.with(s.generation + 1, 0, false), s.version));
            ops.add(create(root + "/resets/" + s.generation, new byte[0], CreateMode.PERSISTENT));
            if (journal.commit(ops).committed()) {
                return;
            }
        }
    }

    /** Breaks the barrier: parties waiting now and later get {@link BrokenBarrierError} until {@link #reset()}. */
    @Override
    public void abort() {
        for (;;) {
            State s = state();
            if (s.broken || write(s, s.generation, s.count, true)) {
                return;
            }
        }
    }

    /**
     * The number of parties.
     *
     * @return the parties
     */
    @Override
    public int parties() {
        return parties;
    }

    /**
     * The number of parties waiting now, in all processes.
     *
     * @return how many wait; 0 when broken or while the action runs
     */
    @Override
    public int nWaiting() {
        State s = state();
        return s.broken || s.count >= parties ? 0 : s.count;
    }

    /**
     * Whether the barrier is broken.
     *
     * @return {@code true} if broken
     */
    @Override
    public boolean isBroken() {
        return state().broken;
    }

    /**
     * As CPython's repr, with the name: waiters and parties.
     *
     * @return the class, name, identity and state
     */
    @Override
    public String toString() {
        return describe("waiters=" + nWaiting() + "/" + parties);
    }
}
