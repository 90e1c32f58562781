package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
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

    DistributedQueue(Session session, String name, int maxsize, Codec<E> codec) {
        super(session, "queue", name, "maxsize " + maxsize,
                Map.of("state", utf8("0 0 0"), "items", new byte[0]));
        this.maxsize = maxsize;
        this.codec = codec;
        this.itemLimit = Integer.getInteger("jute.maxbuffer", 0xfffff) - REQUEST_OVERHEAD;
    }

    private static final int OPEN = 0;
    private static final int SHUT = 1;
    private static final int SHUT_IMMEDIATELY = 2;

    /** A snapshot of the state. */
    private static final class State {
        final int size;
        final int unfinished;
        final int shutdown;
        final int version;

        State(Versioned state) {
            String[] parts = state.text().split(" ");
            this.size = Integer.parseInt(parts[0]);
            this.unfinished = Integer.parseInt(parts[1]);
            this.shutdown = Integer.parseInt(parts[2]);
            this.version = state.version;
        }

        static String of(int size, int unfinished, int shutdown) {
            return size + " " + unfinished + " " + shutdown;
        }
    }

    private State state() {
        return new State(read("state"));
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
        for (;;) {
            long mark = changes.mark();
            State s = state();
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
            if (journal.commit(List.of(
                    setData("state", State.of(s.size + 1, s.unfinished + 1, s.shutdown), s.version),
                    create(root + "/items/item-", bytes, CreateMode.PERSISTENT_SEQUENTIAL))).committed()) {
                return;
            }
        }
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
        for (;;) {
            long mark = changes.mark();
            State s = state();
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
            List<String> items = Zk.bySequence(children("items"));
            if (items.isEmpty()) {
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
                continue;
            }
            if (journal.commit(List.of(
                    setData("state", State.of(s.size - 1, s.unfinished, s.shutdown), s.version),
                    delete(root + "/items/" + first))).committed()) {
                return codec.decode(bytes);
            }
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
        for (;;) {
            State s = state();
            if (s.unfinished <= 0) {
                throw new IllegalArgumentException("task_done() called too many times");
            }
            if (journal.commit(List.of(setData("state",
                    State.of(s.size, s.unfinished - 1, s.shutdown), s.version))).committed()) {
                return;
            }
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
