package pythreading.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CPython's {@code test_queue.QueueTest}: {@link BaseQueueTests} on the FIFO {@link Queue}. */
class QueueTests extends BaseQueueTests {

    @Override
    <E> Queue<E> newQueue(int maxsize) {
        return new Queue<>(maxsize);
    }

    @Override
    <E> Queue<E> newQueue() {
        return new Queue<>();
    }

    @Override
    <T> List<T> expectedOrder(List<T> puts, Comparator<? super T> priority) {
        return new ArrayList<>(puts); // first in, first out
    }
}
