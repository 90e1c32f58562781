package pythreading.queue;

import java.util.ArrayDeque;

/**
 * First in, first out on a growable ring buffer, for a bounded {@link Queue}: with one
 * lock around it, this is {@code ArrayBlockingQueue}'s design (and CPython's), without
 * allocating a slot per item or the whole bound up front. Null items allowed.
 */
final class FifoStorage<E> implements Storage<E> {

    /** Stands for a null item: ArrayDeque does not take nulls. */
    private static final Object NULL = new Object();

    private final ArrayDeque<Object> items = new ArrayDeque<>();

    @Override
    public void add(E item) {
        items.addLast(item == null ? NULL : item);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove() {
        Object item = items.pollFirst();
        return item == NULL ? null : (E) item;
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public void clear() {
        items.clear();
    }
}
