package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;
import pythreading.internal.Timeouts;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.QueueLike;
import pythreading.queue.ShutDown;

/**
 * Python's {@code queue.Queue} across processes: FIFO, optionally bounded, with
 * {@code taskDone}/{@code join} and 3.13's {@code shutdown}. Made by
 * {@link ZooKeeperManager#queue(String, int)} (String and byte[] items) and
 * {@link ZooKeeperManager#queue(String, int, Codec)}.
 *
 * <pre>{@code
 * DistributedQueue<String> jobs = zk.queue("jobs", 100);
 * jobs.put("resize 42.png");          // any process
 * String job = jobs.get();            // any other process
 * work(job);
 * jobs.taskDone();
 * }</pre>
 *
 * <p>State: each item is a persistent sequential node {@code ROOT/items/item-N} holding
 * the item's bytes; {@code ROOT/state} holds {@code "SIZE UNFINISHED SHUTDOWN"}. Every
 * put, get, taskDone and shutdown rewrites {@code state} with its version in the same
 * transaction as the item it adds or removes, so the bound, the count of unfinished
 * tasks and the items always agree, and two getters never take the same item. The
 * {@link Journal} makes each transaction happen exactly once across a server failover,
 * so no item is lost or doubled when a server dies under a call.
 *
 * <p>Round trips: a put or get whose state this object already knows (it made the last
 * change itself, and the watch has reported no other manager's since) goes straight to
 * its transaction, without reading {@code state} first, and a get also knows the item
 * names from its own earlier transactions instead of listing {@code items}. That
 * knowledge is only a hint: the transaction still carries the state's version, so a hint
 * gone stale (another process changed the queue) makes it fail, and the call reads
 * again. A call that would wait or throw ({@code Full}, {@code Empty}, {@code ShutDown},
 * {@code task_done() called too many times}) decides on a fresh read, never on the hint.
 *
 * <p>Items are persistent: they outlive every session, and a process that dies after a
 * {@code get} has the item (as a thread that dies locally would). An item whose
 * encoding is over ZooKeeper's request limit ({@code jute.maxbuffer}, 1 MiB by default,
 * less room for the request itself) is refused at {@code put}.
 *
 * @param <E> the type of the items
 */
public final class DistributedQueue<E> extends Primitive implements QueueLike<E> {

    /** The bytes a request needs besides the item: the state, the paths, the journal. */
    private static final int REQUEST_OVERHEAD = 1024;
    private static final int DRAIN_BATCH = 100;

    private final int maxsize;
    final Codec<E> codec;
    private final int itemLimit;
    private final String statePath;

    /**
     * The state as this object last saw it, from its own transactions' results and its
     * reads, newest kept; null when it knows nothing. A hint that spares round trips (see
     * the class comment), valid while {@link #foreignChanges} has not moved since.
     */
    private final AtomicReference<Known> known = new AtomicReference<>();
    /**
     * How many changes of {@code state} by other managers the watch has reported. Every
     * transaction that writes the state also writes its journal slot, after it and before
     * any other transaction's events, so the slot write that follows a state write tells
     * whose it was (Curator's watcher does not pass the events' zxids on). Written by the
     * watch's thread only.
     */
    private volatile long foreignChanges;
    /** Whether the last event was a state write whose slot write has not come yet; the watch's thread only. */
    private boolean stateWritten;

    DistributedQueue(Session session, String name, int maxsize, Codec<E> codec) {
        super(session, "queue", name, "maxsize " + maxsize,
                Map.of("state", utf8("0 0 0"), "items", new byte[0]));
        this.maxsize = maxsize;
        this.codec = codec;
        this.itemLimit = Integer.getInteger("jute.maxbuffer", 0xfffff) - REQUEST_OVERHEAD;
        this.statePath = root + "/state";
        changes.listen(this::watched);
        changes.watchNow(); // the hint needs the other managers' writes reported before any wait
    }

    private static final int OPEN = 0;
    private static final int SHUT = 1;
    private static final int SHUT_IMMEDIATELY = 2;

    /** A snapshot of the state: its fields, the node's version and the zxid that wrote it. */
    private static final class State {
        final int size;
        final int unfinished;
        final int shutdown;
        final int version;
        final long zxid;

        State(int size, int unfinished, int shutdown, int version, long zxid) {
            this.size = size;
            this.unfinished = unfinished;
            this.shutdown = shutdown;
            this.version = version;
            this.zxid = zxid;
        }

        static State parse(String text, Stat stat) {
            String[] parts = text.split(" ");
            return new State(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    stat.getVersion(), stat.getMzxid());
        }

        static String of(int size, int unfinished, int shutdown) {
            return size + " " + unfinished + " " + shutdown;
        }
    }

    /**
     * A state this object saw, with the item names at that state (oldest first, or null
     * when not known) and {@link #foreignChanges} as it was before the state was seen.
     */
    private static final class Known {
        final State state;
        final List<String> items;
        final long foreignChanges;

        Known(State state, List<String> items, long foreignChanges) {
            this.state = state;
            this.items = items;
            this.foreignChanges = foreignChanges;
        }
    }

    /** Reads the state from ZooKeeper (and remembers it). */
    private State state() {
        long foreign = foreignChanges;
        Stat stat = new Stat();
        byte[] data = Zk.call(session, () -> session.client.getData().storingStatIn(stat).forPath(statePath));
        State s = State.parse(text(data), stat);
        learn(new Known(s, null, foreign));
        return s;
    }

    /** The state this object knows, if no other manager's change was reported since; else null. */
    private Known known() {
        Known k = known.get();
        return k != null && k.foreignChanges == foreignChanges ? k : null;
    }

    /** Keeps {@code next} unless what is known is newer, or as new and knows the items. */
    private void learn(Known next) {
        known.accumulateAndGet(next, (current, candidate) -> current == null
                || candidate.state.zxid > current.state.zxid
                || (candidate.state.zxid == current.state.zxid && current.items == null) ? candidate : current);
    }

    /**
     * After a committed transaction whose first operation rewrote the state {@code before}
     * to {@code size}, {@code unfinished}: remembers the new state, with {@code items} (the
     * names now, or null); {@code foreign} is {@link #foreignChanges} read before the
     * transaction. A transaction committed by an earlier attempt has no results: nothing
     * is then known.
     */
    private void learn(Journal.Outcome outcome, State before, int size, int unfinished, List<String> items,
            long foreign) {
        if (outcome.results == null) {
            known.set(null);
            return;
        }
        Stat stat = outcome.results.get(0).getResultStat();
        learn(new Known(new State(size, unfinished, before.shutdown, stat.getVersion(), stat.getMzxid()), items,
                foreign));
    }

    /** The watch's thread: counts the state writes of other managers (see {@link #foreignChanges}). */
    private void watched(WatchedEvent event) {
        String path = event.getPath();
        if (event.getType() != Watcher.Event.EventType.NodeDataChanged || path == null) {
            return;
        }
        if (path.equals(statePath)) {
            stateWritten = true;
        } else if (stateWritten && path.startsWith(journal.dir() + "/")) {
            stateWritten = false;
            if (!journal.owns(path)) {
                foreignChanges++; // one writer thread: no lost update
            }
        }
    }

    /**
     * Puts {@code item}, waiting as long as necessary while the queue is full.
     *
     * @param item the item
     * @throws ShutDown if the queue is shut down, before or while waiting
     * @throws IllegalArgumentException if the codec refuses the item, or its encoding is
     *     over ZooKeeper's limit
     * @throws SessionLostException if the session ended while waiting
     */
    @Override
    public void put(E item) {
        doPut(item, true, false, 0);
    }

    /**
     * Puts {@code item}; with {@code block} false, only if there is room now.
     *
     * @param item the item
     * @param block whether to wait for room
     * @throws Full if {@code block} is false and the queue is full
     * @throws ShutDown if the queue is shut down
     */
    @Override
    public void put(E item, boolean block) {
        doPut(item, block, false, 0);
    }

    /**
     * Puts {@code item}, waiting at most {@code timeout} seconds for room.
     *
     * @param item the item
     * @param block whether to wait for room
     * @param timeout the longest wait, in seconds
     * @throws Full if there is no room within the timeout
     * @throws ShutDown if the queue is shut down
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number}
     */
    @Override
    public void put(E item, boolean block, double timeout) {
        doPut(item, block, true, timeout);
    }

    private void doPut(E item, boolean block, boolean timed, double timeout) {
        byte[] bytes = codec.encode(item);
        if (bytes.length > itemLimit) {
            throw new IllegalArgumentException("queue '" + name + "': an item of " + bytes.length
                    + " bytes is over ZooKeeper's limit of " + itemLimit + " bytes per item (jute.maxbuffer "
                    + (itemLimit + REQUEST_OVERHEAD) + " less " + REQUEST_OVERHEAD + " for the request)");
        }
        long epoch = session.epoch();
        long deadline = 0;
        boolean deadlineSet = false;
        boolean fresh = false;
        for (;;) {
            long mark = changes.mark();
            long foreign = foreignChanges;
            Known k = fresh ? null : known();
            State s = k != null ? k.state : state();
            boolean refused = s.shutdown != OPEN || (maxsize > 0 && s.size >= maxsize);
            if (refused && k != null) {
                fresh = true; // throw or wait on what ZooKeeper says, not on the hint
                continue;
            }
            if (s.shutdown != OPEN) {
                throw new ShutDown();
            }
            if (maxsize > 0 && s.size >= maxsize) {
                if (!deadlineSet) {
                    deadline = deadline(block, timed, timeout);
                    deadlineSet = true;
                }
                if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                    throw new Full();
                }
                continue;
            }
            if (maxsize > 0 && block && timed) {
                Timeouts.checkQueueTimeout(timeout); // CPython checks it even when there is room
            }
            Journal.Outcome outcome = journal.commit(List.of(
                    setData("state", State.of(s.size + 1, s.unfinished + 1, s.shutdown), s.version),
                    create(root + "/items/item-", bytes, CreateMode.PERSISTENT_SEQUENTIAL)));
            if (outcome.committed()) {
                List<String> items = null;
                if (k != null && k.items != null && outcome.results != null) {
                    // The transaction held the state's version, so nothing came between: ours is the newest item.
                    items = new ArrayList<>(k.items);
                    items.add(name(outcome.results.get(1)));
                }
                learn(outcome, s, s.size + 1, s.unfinished + 1, items, foreign);
                return;
            }
            fresh = true;
        }
    }

    private static String name(CuratorTransactionResult created) {
        String path = created.getResultPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static long deadline(boolean block, boolean timed, double timeout) {
        if (!block) {
            return System.nanoTime();
        }
        if (!timed) {
            return Timeouts.FOREVER;
        }
        Timeouts.checkQueueTimeout(timeout);
        return Timeouts.deadlineIn(timeout);
    }

    /**
     * Removes and returns the oldest item, waiting as long as necessary.
     *
     * @return the item
     * @throws ShutDown if the queue is shut down and empty
     * @throws SessionLostException if the session ended while waiting
     */
    @Override
    public E get() {
        return doGet(true, false, 0);
    }

    /**
     * Removes and returns the oldest item; with {@code block} false, only if one is
     * there now.
     *
     * @param block whether to wait
     * @return the item
     * @throws Empty if {@code block} is false and the queue is empty
     * @throws ShutDown if the queue is shut down and empty
     */
    @Override
    public E get(boolean block) {
        return doGet(block, false, 0);
    }

    /**
     * Removes and returns the oldest item, waiting at most {@code timeout} seconds.
     *
     * @param block whether to wait
     * @param timeout the longest wait, in seconds
     * @return the item
     * @throws Empty if no item came within the timeout
     * @throws ShutDown if the queue is shut down and empty
     * @throws IllegalArgumentException {@code 'timeout' must be a non-negative number}
     */
    @Override
    public E get(boolean block, double timeout) {
        return doGet(block, true, timeout);
    }

    private E doGet(boolean block, boolean timed, double timeout) {
        long epoch = session.epoch();
        long deadline = 0;
        boolean deadlineSet = false;
        boolean fresh = false;
        for (;;) {
            long mark = changes.mark();
            long foreign = foreignChanges;
            Known k = fresh ? null : known();
            State s = k != null ? k.state : state();
            if (k != null && (s.shutdown != OPEN || s.size == 0)) {
                fresh = true; // throw or wait on what ZooKeeper says, not on the hint
                continue;
            }
            if (s.shutdown == SHUT_IMMEDIATELY || (s.shutdown == SHUT && s.size == 0)) {
                throw new ShutDown();
            }
            if (!deadlineSet) {
                deadline = deadline(block, timed, timeout);
                deadlineSet = true;
            }
            if (s.size == 0) {
                if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                    throw new Empty();
                }
                continue;
            }
            // Listed after the state was read: if the transaction below commits, the state
            // had not moved, so neither had the items, and this is the list at that state.
            List<String> items = k != null && k.items != null ? k.items : Zk.bySequence(children("items"));
            if (items.isEmpty()) {
                fresh = true;
                continue; // taken since the state was read: the state moved too
            }
            String first = items.get(0);
            byte[] bytes = Zk.call(session, () -> {
                try {
                    return session.client.getData().forPath(root + "/items/" + first);
                } catch (KeeperException.NoNodeException e) {
                    return null;
                }
            });
            if (bytes == null) {
                fresh = true;
                continue;
            }
            Journal.Outcome outcome = journal.commit(List.of(
                    setData("state", State.of(s.size - 1, s.unfinished, s.shutdown), s.version),
                    delete(root + "/items/" + first)));
            if (outcome.committed()) {
                learn(outcome, s, s.size - 1, s.unfinished, new ArrayList<>(items.subList(1, items.size())), foreign);
                return codec.decode(bytes);
            }
            fresh = true;
        }
    }

    /**
     * The number of items.
     *
     * @return the number of items now
     */
    @Override
    public int qsize() {
        return state().size;
    }

    /**
     * Whether the queue is empty.
     *
     * @return {@code true} if empty now
     */
    @Override
    public boolean empty() {
        return qsize() == 0;
    }

    /**
     * Whether the queue is full.
     *
     * @return {@code true} if bounded and full now
     */
    @Override
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    /**
     * The bound the name holds; 0: unbounded.
     *
     * @return the bound
     */
    @Override
    public int maxsize() {
        return maxsize;
    }

    /**
     * Says that a task taken from the queue, by any process, is finished.
     *
     * @throws IllegalArgumentException {@code task_done() called too many times}
     */
    @Override
    public void taskDone() {
        boolean fresh = false;
        for (;;) {
            long foreign = foreignChanges;
            Known k = fresh ? null : known();
            State s = k != null ? k.state : state();
            if (s.unfinished <= 0) {
                if (k != null) {
                    fresh = true; // throw on what ZooKeeper says, not on the hint
                    continue;
                }
                throw new IllegalArgumentException("task_done() called too many times");
            }
            Journal.Outcome outcome = journal.commit(List.of(setData("state",
                    State.of(s.size, s.unfinished - 1, s.shutdown), s.version)));
            if (outcome.committed()) {
                learn(outcome, s, s.size, s.unfinished - 1, k != null ? k.items : null, foreign);
                return;
            }
            fresh = true;
        }
    }

    /**
     * Waits until every item put, by any process, was taken and marked done.
     *
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public void join() {
        long epoch = session.epoch();
        for (;;) {
            long mark = changes.mark();
            if (state().unfinished == 0) {
                return;
            }
            changes.await(mark, Timeouts.FOREVER, epoch);
        }
    }

    /** Shuts the queue down for every process, leaving its items for {@code get}. */
    @Override
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down for every process: later puts throw {@link ShutDown}, gets do
     * once it is empty. With {@code immediate}, the items left are dropped (each counted
     * as done) and gets throw at once.
     *
     * @param immediate whether to drop the items left
     */
    @Override
    public void shutdown(boolean immediate) {
        for (;;) {
            State s = state();
            int shutdown = immediate ? SHUT_IMMEDIATELY : Math.max(s.shutdown, SHUT);
            if (s.shutdown == shutdown || journal.commit(List.of(setData("state",
                    State.of(s.size, s.unfinished, shutdown), s.version))).committed()) {
                break;
            }
        }
        known.set(null); // not learned: the next call reads the shut-down state
        while (immediate) {
            State s = state();
            List<String> items = Zk.bySequence(children("items"));
            if (items.isEmpty()) {
                return;
            }
            List<String> batch = items.subList(0, Math.min(DRAIN_BATCH, items.size()));
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(setData("state", State.of(s.size - batch.size(),
                    Math.max(0, s.unfinished - batch.size()), s.shutdown), s.version));
            for (String item : batch) {
                ops.add(delete(root + "/items/" + item));
            }
            journal.commit(ops);
            known.set(null);
        }
    }

    /**
     * Whether the queue was shut down, by any process.
     *
     * @return {@code true} once shut down
     */
    @Override
    public boolean isShutdown() {
        return state().shutdown != OPEN;
    }

    /**
     * As CPython's repr, with the name.
     *
     * @return the class, name and identity
     */
    @Override
    public String toString() {
        return describe("maxsize=" + maxsize);
    }
}
