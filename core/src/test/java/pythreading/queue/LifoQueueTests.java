package pythreading.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** CPython's {@code test_queue.LifoQueueTest}: {@link BaseQueueTests} on {@link LifoQueue}. */
class LifoQueueTests extends BaseQueueTests {

    @Override
    <E> Queue<E> newQueue(int maxsize) {
        return new LifoQueue<>(maxsize);
    }

    @Override
    <E> Queue<E> newQueue() {
        return new LifoQueue<>();
    }

    @Override
    <T> List<T> expectedOrder(List<T> puts, Comparator<? super T> priority) {
        List<T> order = new ArrayList<>(puts);
        Collections.reverse(order); // last in, first out
        return order;
    }
}
