package pythreading.queue;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Timeouts;

/**
 * A queue engine with one lock over any {@link Storage}: CPython's own design (one mutex,
 * {@code not_empty}, {@code not_full}), and {@code ArrayBlockingQueue}'s. It serves bounded
 * FIFO queues, and LIFO and priority queues, where a put and a get touch the same end of
 * the structure.
 *
 * <p>Invariants: {@code storage}, {@code shutdown} and the task count's additions are
 * guarded by {@code lock}.
 */
final class LockedQueueEngine<E> extends QueueEngine<E> {

    private final int maxsize;
    private final Storage<E> storage;
    private final ReentrantLock lock;
    private final Condition notEmpty;
    private final Condition notFull;
    private boolean shutdown;

    LockedQueueEngine(int maxsize, Storage<E> storage) {
        this(maxsize, storage, new ReentrantLock());
    }

    private LockedQueueEngine(int maxsize, Storage<E> storage, ReentrantLock lock) {
        super(lock);
        this.maxsize = maxsize;
        this.storage = storage;
        this.lock = lock;
        this.notEmpty = lock.newCondition();
        this.notFull = lock.newCondition();
    }

    private boolean isFull() {
        return maxsize > 0 && storage.size() >= maxsize;
    }

    @Override
    boolean ready(Side side) {
        return side == Side.PUT ? !isFull() : storage.size() > 0;
    }

    @Override
    boolean mustStop(Side side) {
        return shutdown && (side == Side.PUT || storage.size() == 0);
    }

    @Override
    void put(E item, boolean block, boolean timed, double timeout) {
        lock.lock();
        try {
            if (shutdown) {
                throw new ShutDown();
            }
            if (maxsize > 0) {
                if (isFull()) {
                    await(notFull, Side.PUT, block, timed, timeout);
                } else if (block && timed) {
                    Timeouts.checkQueueTimeout(timeout);
                }
            }
            try {
                storage.add(item); // may refuse the item, changing nothing
            } catch (RuntimeException | Error e) {
                if (!isFull()) {
                    notFull.signal(); // the wake-up this put may have used goes on to the next
                }
                throw e;
            }
            tasks.added();
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        traced(Side.PUT);
    }

    @Override
    E get(boolean block, boolean timed, double timeout) {
        E item;
        lock.lock();
        try {
            if (storage.size() == 0) {
                if (shutdown) {
                    throw new ShutDown();
                }
                await(notEmpty, Side.GET, block, timed, timeout);
            } else if (block && timed) {
                Timeouts.checkQueueTimeout(timeout);
            }
            try {
                item = storage.remove(); // a failing comparator leaves the storage as it was
            } catch (RuntimeException | Error e) {
                notEmpty.signal(); // pass the wake-up this get may have used on
                throw e;
            }
            notFull.signal();
        } finally {
            lock.unlock();
        }
        traced(Side.GET);
        return item;
    }

    @Override
    int qsize() {
        lock.lock();
        try {
            return storage.size();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock, so that it never sees an immediate shutdown half done. */
    @Override
    boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    void shutdown(boolean immediate) {
        lock.lock();
        try {
            shutdown = true;
            if (immediate) {
                int n = storage.size();
                storage.clear();
                tasks.discarded(n);
            }
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
