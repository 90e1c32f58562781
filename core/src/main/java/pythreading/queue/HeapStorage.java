package pythreading.queue;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A binary min-heap for {@link PriorityQueue}. Items of equal priority come out in the
 * order they went in (each entry carries its arrival number as a tie-breaker), which
 * Python's {@code heapq} does not promise but users usually expect.
 *
 * <p>Each operation first finds where entries must move, comparing only, and then moves
 * them: a comparator that throws leaves the heap exactly as it was (CPython's
 * {@code heappush} would have appended the item already).
 */
final class HeapStorage<E> implements Storage<E> {

    private static final class Entry<E> {
        final E item;
        final long seq;

        Entry(E item, long seq) {
            this.item = item;
            this.seq = seq;
        }
    }

    private final Comparator<? super E> comparator; // null: natural order
    @SuppressWarnings("unchecked")
    private Entry<E>[] heap = (Entry<E>[]) new Entry<?>[16];
    private int size;
    private long nextSeq;

    HeapStorage(Comparator<? super E> comparator) {
        this.comparator = comparator;
    }

    /** Refuses an item that natural order cannot compare, before anything changes. */
    void check(E item) {
        if (comparator == null) {
            if (item == null) {
                throw new NullPointerException(
                        "a PriorityQueue without a Comparator cannot order null items");
            }
            if (!(item instanceof Comparable)) {
                throw new ClassCastException("a PriorityQueue without a Comparator needs Comparable items; "
                        + item.getClass().getName() + " is not Comparable");
            }
        }
    }

    @Override
    public void add(E item) {
        check(item);
        Entry<E> entry = new Entry<>(item, nextSeq);
        int k = size;
        while (k > 0) { // find the place, comparing only
            int parent = (k - 1) >>> 1;
            if (less(heap[parent], entry)) {
                break;
            }
            k = parent;
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        for (int hole = size; hole > k; ) { // then move the ancestors down
            int parent = (hole - 1) >>> 1;
            heap[hole] = heap[parent];
            hole = parent;
        }
        heap[k] = entry;
        size++;
        nextSeq++;
    }

    @Override
    public E remove() {
        Entry<E> top = heap[0];
        int n = size - 1;
        Entry<E> last = heap[n];
        // find the place of `last` from the root down, comparing only, remembering the path
        int[] path = new int[32];
        int depth = 0;
        int k = 0;
        for (;;) {
            int child = 2 * k + 1;
            if (child >= n) {
                break;
            }
            int right = child + 1;
            if (right < n && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], last)) {
                break;
            }
            path[depth++] = child;
            k = child;
        }
        // then move the smaller children up along the path
        int hole = 0;
        for (int i = 0; i < depth; i++) {
            heap[hole] = heap[path[i]];
            hole = path[i];
        }
        heap[hole] = last;
        heap[n] = null;
        size = n;
        return top.item;
    }

    /** Whether {@code a} comes out before {@code b}. */
    @SuppressWarnings("unchecked")
    private boolean less(Entry<E> a, Entry<E> b) {
        int c = comparator != null
                ? comparator.compare(a.item, b.item)
                : ((Comparable<? super E>) a.item).compareTo(b.item);
        return c < 0 || (c == 0 && a.seq < b.seq);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(heap, 0, size, null);
        size = 0;
    }
}
