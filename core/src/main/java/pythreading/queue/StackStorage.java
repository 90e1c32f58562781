package pythreading.queue;

import java.util.Arrays;

/** Last in, first out: an array that grows, for {@link LifoQueue}. Null items allowed. */
final class StackStorage<E> implements Storage<E> {

    private Object[] items = new Object[16];
    private int size;

    @Override
    public void add(E item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E remove() {
        E item = (E) items[--size];
        items[size] = null;
        return item;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }
}
