package pythreading.queue;

/**
 * How a {@link LockedQueueEngine} keeps its items: CPython's {@code _put}, {@code _get}
 * and {@code _qsize} hooks. Called only with the engine's lock held. {@code add} must
 * either store the item or throw leaving the storage as it was.
 */
interface Storage<E> {

    void add(E item);

    /** Removes and returns the next item; the storage is not empty. */
    E remove();

    int size();

    void clear();
}
