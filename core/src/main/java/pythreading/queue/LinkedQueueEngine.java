package pythreading.queue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Timeouts;

/**
 * An unbounded FIFO queue on a linked list with two locks, as
 * {@code LinkedBlockingQueue}: putters and getters do not contend with each other, only
 * among themselves. A put never waits.
 *
 * <p>Invariants: {@code head} is a dummy node whose item is gone, guarded by
 * {@code takeLock}; {@code last} is the last node, guarded by {@code putLock};
 * {@code count} is the number of items. A putter signals {@code notEmpty} only when the
 * queue was empty; a getter that leaves items behind passes the signal on to the next
 * getter (a cascade), so no wake-up is lost. A shutdown happens with both locks held, and
 * {@code qsize()} and {@code isShutdown()} read under {@code takeLock}, so that nobody
 * sees an immediate shutdown half done.
 */
final class LinkedQueueEngine<E> extends QueueEngine<E> {

    private static final class Node<E> {
        E item;
        Node<E> next;

        Node(E item) {
            this.item = item;
        }
    }

    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock takeLock = new ReentrantLock();
    private final Condition notEmpty = takeLock.newCondition();
    private final ReentrantLock putLock;
    private Node<E> head;
    private Node<E> last;
    private volatile boolean shutdown;

    LinkedQueueEngine() {
        this(new ReentrantLock());
    }

    private LinkedQueueEngine(ReentrantLock putLock) {
        super(putLock);
        this.putLock = putLock;
        this.head = this.last = new Node<>(null);
    }

    @Override
    void put(E item, boolean block, boolean timed, double timeout) {
        Node<E> node = new Node<>(item);
        int c;
        putLock.lock();
        try {
            if (shutdown) {
                throw new ShutDown();
            }
            last = last.next = node;
            c = count.getAndIncrement(); // the item is visible from here
            tasks.added(); // and counted only then, so taskDone() never sees an invisible item
        } finally {
            putLock.unlock();
        }
        if (c == 0) {
            signalNotEmpty();
        }
        traced(Side.PUT);
    }

    @Override
    E get(boolean block, boolean timed, double timeout) {
        E item;
        takeLock.lock();
        try {
            if (count.get() == 0) {
                if (shutdown) {
                    throw new ShutDown();
                }
                await(notEmpty, Side.GET, block, timed, timeout);
            } else if (block && timed) {
                Timeouts.checkQueueTimeout(timeout);
            }
            item = dequeue();
            if (count.getAndDecrement() > 1) {
                notEmpty.signal();
            }
        } finally {
            takeLock.unlock();
        }
        traced(Side.GET);
        return item;
    }

    @Override
    boolean ready(Side side) {
        return count.get() > 0; // only getters wait
    }

    @Override
    boolean mustStop(Side side) {
        return shutdown && count.get() == 0;
    }

    /** Call only when holding takeLock, with count > 0. */
    private E dequeue() {
        Node<E> h = head;
        Node<E> first = h.next;
        h.next = h; // the old head points to itself: no garbage chain for the GC to follow
        head = first;
        E item = first.item;
        first.item = null;
        return item;
    }

    private void signalNotEmpty() {
        takeLock.lock();
        try {
            notEmpty.signal();
        } finally {
            takeLock.unlock();
        }
    }

    /** Under takeLock, so that it never sees an immediate shutdown half done. */
    @Override
    int qsize() {
        takeLock.lock();
        try {
            return count.get();
        } finally {
            takeLock.unlock();
        }
    }

    /** Under takeLock, as {@link #qsize()}. */
    @Override
    boolean isShutdown() {
        takeLock.lock();
        try {
            return shutdown;
        } finally {
            takeLock.unlock();
        }
    }

    @Override
    void shutdown(boolean immediate) {
        putLock.lock();
        takeLock.lock();
        try {
            shutdown = true;
            if (immediate) {
                int n = count.get();
                for (Node<E> p = head.next; p != null; p = p.next) {
                    p.item = null;
                }
                head.next = null;
                last = head;
                count.set(0);
                tasks.discarded(n);
            }
            notEmpty.signalAll();
        } finally {
            takeLock.unlock();
            putLock.unlock();
        }
    }
}
