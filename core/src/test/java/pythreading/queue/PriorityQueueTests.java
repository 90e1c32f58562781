package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pythreading.queue.QueueTestSupport.doBlockingTest;
import static pythreading.queue.QueueTestSupport.doExceptionalBlockingTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import pythreading.queue.QueueTestSupport.Async;

/**
 * CPython's {@code test_queue.PriorityQueueTest} ({@link BaseQueueTests} on
 * {@link PriorityQueue}), plus its orderings and {@code test_queue.FailingQueueTest}'s
 * failing puts and gets, which a comparator can provoke here.
 */
class PriorityQueueTests extends BaseQueueTests {

    @Override
    <E> Queue<E> newQueue(int maxsize) {
        return new PriorityQueue<>(maxsize);
    }

    @Override
    <E> Queue<E> newQueue() {
        return new PriorityQueue<>();
    }

    @Override
    <E> Queue<E> newQueueAcceptingNulls(int maxsize) {
        return new PriorityQueue<E>(maxsize, Comparator.nullsFirst(natural()));
    }

    @Override
    <T> List<T> expectedOrder(List<T> puts, Comparator<? super T> priority) {
        List<T> order = new ArrayList<>(puts);
        order.sort(priority); // stable: equal items keep their order
        return order;
    }

    /** An item whose priority is only a part of it. */
    record Job(int priority, String name) {
    }

    // ---------------------------------------------------------------------------------
    // Order

    @Test
    void naturalOrder() {
        // pythreading: smallest first, by Comparable
        PriorityQueue<String> q = new PriorityQueue<>();
        for (String s : List.of("pear", "apple", "fig", "banana", "cherry")) {
            q.put(s);
        }
        assertThat(drain(q)).containsExactly("apple", "banana", "cherry", "fig", "pear");
    }

    @Test
    void comparatorOrder() {
        // pythreading: smallest first, by the Comparator given
        PriorityQueue<String> q = new PriorityQueue<>(Comparator.reverseOrder());
        for (String s : List.of("pear", "apple", "fig", "banana", "cherry")) {
            q.put(s);
        }
        assertThat(drain(q)).containsExactly("pear", "fig", "cherry", "banana", "apple");
        PriorityQueue<String> byLength = new PriorityQueue<>(3, Comparator.comparingInt(String::length));
        byLength.put("three");
        byLength.put("a");
        byLength.put("be");
        assertThat(byLength.full()).isTrue();
        assertThat(drain(byLength)).containsExactly("a", "be", "three");
    }

    @Test
    void fifoAmongEqualPriorities() {
        // pythreading: documented behaviour (heapq does not promise it): equal priorities come out in put order
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        List<Job> puts = new ArrayList<>();
        Random rnd = new Random(42);
        for (int i = 0; i < 200; i++) {
            puts.add(new Job(rnd.nextInt(4), "job" + i));
        }
        puts.forEach(q::put);
        assertThat(drain(q)).isEqualTo(expectedOrder(puts, Comparator.comparingInt(Job::priority)));
    }

    @Test
    void randomOperationsKeepTheOrder() {
        // pythreading: the heap against a stable sort, over interleaved puts and gets
        PriorityQueue<Job> q = new PriorityQueue<>(Comparator.comparingInt(Job::priority));
        List<Job> model = new ArrayList<>(); // kept in expected order
        Comparator<Job> byPriority = Comparator.comparingInt(Job::priority);
        Random rnd = new Random(7);
        for (int i = 0; i < 5000; i++) {
            if (model.isEmpty() || rnd.nextInt(3) > 0) {
                Job job = new Job(rnd.nextInt(10), "job" + i);
                q.put(job);
                int at = 0;
                while (at < model.size() && byPriority.compare(model.get(at), job) <= 0) {
                    at++;
                }
                model.add(at, job);
            } else {
                assertThat(q.get()).isEqualTo(model.remove(0));
            }
            assertThat(q.qsize()).isEqualTo(model.size());
        }
        assertThat(drain(q)).isEqualTo(model);
    }

    // ---------------------------------------------------------------------------------
    // Items natural order cannot compare

    @Test
    void nonComparableItemRefused() {
        // pythreading: without a Comparator, put refuses an item that is not Comparable, changing nothing
        PriorityQueue<Object> q = new PriorityQueue<>(5);
        assertThatThrownBy(() -> q.put(new Object())).as("into an empty queue").isInstanceOf(ClassCastException.class);
        assertThat(q.qsize()).isZero();
        assertThat(q.unfinishedTasks()).isZero();
        q.put(2);
        assertThatThrownBy(() -> q.put(new Object())).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> q.putNowait(new Object())).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> q.put(new Object(), true, 1.0)).isInstanceOf(ClassCastException.class);
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        q.put(1);
        assertThat(drain(q)).containsExactly(1, 2);
    }

    @Test
    void incomparableItemsRefused() {
        // pythreading: Python's TypeError for '<' between str and int; here a ClassCastException, changing nothing
        PriorityQueue<Object> q = new PriorityQueue<>();
        q.put(2);
        q.put(5);
        assertThatThrownBy(() -> q.put("a")).isInstanceOf(ClassCastException.class);
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.unfinishedTasks()).isEqualTo(2);
        q.put(1);
        assertThat(drain(q)).containsExactly(1, 2, 5);
    }

    @Test
    void nullRefusedWithoutComparator() {
        // pythreading: without a Comparator, put refuses null, changing nothing
        PriorityQueue<Integer> q = new PriorityQueue<>();
        assertThatThrownBy(() -> q.put(null)).as("into an empty queue").isInstanceOf(NullPointerException.class);
        q.put(3);
        assertThatThrownBy(() -> q.put(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> q.putNowait(null)).isInstanceOf(NullPointerException.class);
        assertThat(q.qsize()).isEqualTo(1);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        assertThat(q.get()).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------
    // A comparator that throws: test_queue.FailingQueueTest

    /** test_queue's FailingQueueException. */
    static final class FailingQueueException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FailingQueueException() {
            super("You Lose");
        }
    }

    /**
     * Natural order, except that comparing an item starting with "!" fails (so that a put
     * of it fails when the queue is not empty), and that the next comparison fails once
     * {@code failNextCompare} is set (a get of a queue of three items or more compares).
     */
    static final class FailingComparator implements Comparator<String> {
        final AtomicBoolean failNextCompare = new AtomicBoolean();

        @Override
        public int compare(String a, String b) {
            if (failNextCompare.compareAndSet(true, false) || a.startsWith("!") || b.startsWith("!")) {
                throw new FailingQueueException();
            }
            return a.compareTo(b);
        }
    }

    private static void failingQueueTest(PriorityQueue<String> q, FailingComparator cmp) throws Exception {
        assertThat(q.qsize()).as("call with an empty queue").isZero();
        for (int i = 0; i < QUEUE_SIZE - 1; i++) {
            q.put(String.valueOf(i));
        }
        long tasks = q.unfinishedTasks();
        // a failing non-blocking put, a failing timed put
        assertThatThrownBy(() -> q.put("!oops", false)).isInstanceOf(FailingQueueException.class);
        assertThatThrownBy(() -> q.put("!oops", true, 0.1)).isInstanceOf(FailingQueueException.class);
        assertThat(q.qsize()).isEqualTo(QUEUE_SIZE - 1);
        assertThat(q.unfinishedTasks()).as("no task added").isEqualTo(tasks);
        q.put("last");
        assertThat(qfull(q)).as("queue should be full").isTrue();
        // a failing blocking put: it waits for room, then fails
        doExceptionalBlockingTest(() -> q.put("!full"), q::get, FailingQueueException.class);
        assertThat(q.qsize()).isEqualTo(QUEUE_SIZE - 1);
        q.put("last"); // the put failed, the get succeeded: re-add
        // a failing timed put
        doExceptionalBlockingTest(() -> q.put("!full", true, 10), q::get, FailingQueueException.class);
        q.put("last");
        assertThat(qfull(q)).as("queue should be full").isTrue();
        q.get();
        assertThat(qfull(q)).as("queue should not be full").isFalse();
        q.put("last");
        assertThat(qfull(q)).as("queue should be full").isTrue();
        // a blocking put that succeeds
        doBlockingTest(() -> {
            q.put("full");
            return null;
        }, q::get);
        List<String> rest = drain(q);
        assertThat(rest).as("still in order").isSorted().hasSize(QUEUE_SIZE);
        assertThat(q.qsize()).as("queue should be empty").isZero();
        // failing gets: a heap of three items or more compares when it removes
        q.put("first");
        q.put("second");
        q.put("third");
        cmp.failNextCompare.set(true);
        assertThatThrownBy(q::get).isInstanceOf(FailingQueueException.class);
        assertThat(q.qsize()).as("queue should not be empty").isEqualTo(3);
        cmp.failNextCompare.set(true);
        assertThatThrownBy(() -> q.get(true, 0.1)).isInstanceOf(FailingQueueException.class);
        assertThat(q.qsize()).isEqualTo(3);
        assertThat(drain(q)).as("nothing lost, still in order").containsExactly("first", "second", "third");
        assertThat(q.qsize()).as("queue should be empty").isZero();
    }

    @Test
    void failingQueue() throws Exception {
        // test_queue.FailingQueueTest.test_failing_queue
        FailingComparator cmp = new FailingComparator();
        PriorityQueue<String> q = new PriorityQueue<>(QUEUE_SIZE, cmp);
        failingQueueTest(q, cmp);
        failingQueueTest(q, cmp); // the same instance, reused
    }

    @Test
    void failingPutDoesNotStrandOtherPutters() {
        // pythreading: a putter woken for the room that then fails must not keep the room from the next putter
        FailingComparator cmp = new FailingComparator();
        PriorityQueue<String> q = new PriorityQueue<>(2, cmp);
        q.put("a");
        q.put("b");
        Async<Void> failing = Async.run("failing putter", () -> q.put("!bad")).awaitBlocked();
        Async<Void> good = Async.run("good putter", () -> q.put("c")).awaitBlocked();
        assertThat(q.get()).isEqualTo("a"); // room for one: the first waiter wakes and fails
        failing.joinThrowing(FailingQueueException.class);
        assertThat(good.awaitDone(2.0)).as("the other putter gets the room").isTrue();
        good.join();
        assertThat(drain(q)).containsExactly("b", "c");
    }

    @Test
    void refusedPutDoesNotStrandOtherPutters() {
        // pythreading: as above, for an item natural order refuses (checked once the putter has room)
        PriorityQueue<Object> q = new PriorityQueue<>(2);
        q.put(1);
        q.put(2);
        Async<Void> refused = Async.run("refused putter", () -> q.put(new Object())).awaitBlocked();
        Async<Void> good = Async.run("good putter", () -> q.put(3)).awaitBlocked();
        assertThat(q.get()).isEqualTo(1);
        refused.joinThrowing(ClassCastException.class);
        assertThat(good.awaitDone(2.0)).as("the other putter gets the room").isTrue();
        good.join();
        assertThat(drain(q)).containsExactly(2, 3);
    }
}
