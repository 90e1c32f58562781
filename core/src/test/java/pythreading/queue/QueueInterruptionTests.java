package pythreading.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static pythreading.queue.QueueTestSupport.LONG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import pythreading.queue.QueueTestSupport.Async;
import pythreading.threading.UncheckedInterruptedException;

/**
 * Java's interruption on every blocking call of {@code pythreading.queue} (Python has
 * none): a call that must wait throws {@link UncheckedInterruptedException}, sets the flag
 * again and puts or takes nothing; a call that need not wait ignores the flag.
 */
@Timeout(20)
class QueueInterruptionTests {

    /** The queues with task tracking, each bounded or not. */
    enum Kind {
        QUEUE(Queue::new), LIFO_QUEUE(LifoQueue::new), PRIORITY_QUEUE(PriorityQueue::new);

        private final IntFunction<Queue<Integer>> factory;

        Kind(IntFunction<Queue<Integer>> factory) {
            this.factory = factory;
        }

        Queue<Integer> make(int maxsize) {
            return factory.apply(maxsize);
        }
    }

    /** Every form of put that can wait. */
    enum PutCall {
        PUT {
            @Override
            void put(Queue<Integer> q, Integer item) {
                q.put(item);
            }
        },
        PUT_BLOCK {
            @Override
            void put(Queue<Integer> q, Integer item) {
                q.put(item, true);
            }
        },
        PUT_TIMEOUT {
            @Override
            void put(Queue<Integer> q, Integer item) {
                q.put(item, true, LONG);
            }
        },
        PUT_DURATION {
            @Override
            void put(Queue<Integer> q, Integer item) {
                q.put(item, true, Duration.ofSeconds((long) LONG));
            }
        };

        abstract void put(Queue<Integer> q, Integer item);
    }

    /** Every form of get that can wait. */
    enum GetCall {
        GET {
            @Override
            Integer get(Queue<Integer> q) {
                return q.get();
            }
        },
        GET_BLOCK {
            @Override
            Integer get(Queue<Integer> q) {
                return q.get(true);
            }
        },
        GET_TIMEOUT {
            @Override
            Integer get(Queue<Integer> q) {
                return q.get(true, LONG);
            }
        },
        GET_DURATION {
            @Override
            Integer get(Queue<Integer> q) {
                return q.get(true, Duration.ofSeconds((long) LONG));
            }
        };

        abstract Integer get(Queue<Integer> q);
    }

    /** Every form of SimpleQueue.get that can wait. */
    enum SimpleGetCall {
        GET {
            @Override
            Integer get(SimpleQueue<Integer> q) {
                return q.get();
            }
        },
        GET_BLOCK {
            @Override
            Integer get(SimpleQueue<Integer> q) {
                return q.get(true);
            }
        },
        GET_TIMEOUT {
            @Override
            Integer get(SimpleQueue<Integer> q) {
                return q.get(true, LONG);
            }
        },
        GET_DURATION {
            @Override
            Integer get(SimpleQueue<Integer> q) {
                return q.get(true, Duration.ofSeconds((long) LONG));
            }
        };

        abstract Integer get(SimpleQueue<Integer> q);
    }

    static Stream<Arguments> puts() {
        List<Arguments> args = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (PutCall call : PutCall.values()) {
                args.add(Arguments.of(kind, call));
            }
        }
        return args.stream();
    }

    static Stream<Arguments> putsAnyBound() {
        return puts().flatMap(a -> Stream.of(
                Arguments.of(a.get()[0], 2, a.get()[1]), Arguments.of(a.get()[0], 0, a.get()[1])));
    }

    static Stream<Arguments> gets() {
        List<Arguments> args = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int maxsize : new int[] {2, 0}) {
                for (GetCall call : GetCall.values()) {
                    args.add(Arguments.of(kind, maxsize, call));
                }
            }
        }
        return args.stream();
    }

    static Stream<Arguments> kinds() {
        List<Arguments> args = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int maxsize : new int[] {2, 0}) {
                args.add(Arguments.of(kind, maxsize));
            }
        }
        return args.stream();
    }

    /** The call threw the wrapper of an InterruptedException and left the flag set. */
    private static void assertInterrupted(Async<?> run) {
        run.awaitDone();
        assertThat(run.thrown()).as("thrown by " + run.thread.getName())
                .isInstanceOf(UncheckedInterruptedException.class);
        assertThat(run.thrown().getCause()).isInstanceOf(InterruptedException.class);
        assertThat(run.interruptedAfter()).as("interrupt flag set again after the throw").isTrue();
    }

    /** The call returned normally and the interrupt flag is still set. */
    private static <T> T assertSucceededWithFlag(Async<T> run) {
        T result = run.join();
        assertThat(run.interruptedAfter()).as("interrupt flag still set").isTrue();
        return result;
    }

    /** Interrupts a call once it is blocked. */
    private static void interruptWhenBlocked(Async<?> run) {
        run.awaitBlocked();
        assertThat(run.isDone()).as(run.thread.getName() + " blocks").isFalse();
        run.thread.interrupt();
    }

    // ---------------------------------------------------------------------------------
    // put

    private static Queue<Integer> fullQueue(Kind kind) {
        Queue<Integer> q = kind.make(2);
        q.put(1);
        q.put(2);
        return q;
    }

    private static void assertNothingPut(Queue<Integer> q) {
        assertThat(q.qsize()).as("nothing put").isEqualTo(2);
        assertThat(q.unfinishedTasks()).as("no task added").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("puts")
    void putInterruptedBeforeCall(Kind kind, PutCall call) {
        // pythreading: a put that must wait, interrupted before the call
        Queue<Integer> q = fullQueue(kind);
        Async<Void> putter = Async.startInterrupted("putter", () -> {
            call.put(q, 3);
            return null;
        });
        assertInterrupted(putter);
        assertNothingPut(q);
        assertThat(BaseQueueTests.drain(q)).containsExactlyInAnyOrder(1, 2);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("puts")
    void putInterruptedWhileBlocked(Kind kind, PutCall call) {
        // pythreading: a blocked put, interrupted; the room it waited for goes to the next putter
        Queue<Integer> q = fullQueue(kind);
        Async<Void> putter = Async.run("putter", () -> call.put(q, 3));
        interruptWhenBlocked(putter);
        Async<Void> next = Async.run("next putter", () -> q.put(4)).awaitBlocked();
        assertInterrupted(putter);
        assertNothingPut(q);
        q.get();
        next.join();
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.unfinishedTasks()).isEqualTo(3);
        assertThat(BaseQueueTests.drain(q)).contains(4).doesNotContain(3);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("puts")
    void putInterruptedAsRoomArrives(Kind kind, PutCall call) {
        // pythreading: a get and an interrupt at once: the item is put exactly when the call returns normally
        for (int round = 0; round < 10; round++) {
            Queue<Integer> q = fullQueue(kind);
            Async<Void> putter = Async.run("putter", () -> call.put(q, 3)).awaitBlocked();
            q.get();
            putter.thread.interrupt();
            putter.awaitDone();
            List<Integer> rest = BaseQueueTests.drain(q);
            if (putter.thrown() == null) { // the interrupt may have come after the return
                assertThat(rest).hasSize(2).contains(3);
                assertThat(q.unfinishedTasks()).isEqualTo(3);
            } else {
                assertInterrupted(putter);
                assertThat(rest).hasSize(1).doesNotContain(3);
                assertThat(q.unfinishedTasks()).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest(name = "{0} maxsize={1} {2}")
    @MethodSource("putsAnyBound")
    void putWithRoomIgnoresTheFlag(Kind kind, int maxsize, PutCall call) {
        // pythreading: a put that need not wait succeeds with the flag set, and leaves it set
        Queue<Integer> q = kind.make(maxsize);
        q.put(1);
        Async<Void> putter = Async.startInterrupted("putter", () -> {
            call.put(q, 3);
            return null;
        });
        assertSucceededWithFlag(putter);
        assertThat(q.qsize()).isEqualTo(2);
        assertThat(q.unfinishedTasks()).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------
    // get

    @ParameterizedTest(name = "{0} maxsize={1} {2}")
    @MethodSource("gets")
    void getInterruptedBeforeCall(Kind kind, int maxsize, GetCall call) {
        // pythreading: a get that must wait, interrupted before the call
        Queue<Integer> q = kind.make(maxsize);
        Async<Integer> getter = Async.startInterrupted("getter", () -> call.get(q));
        assertInterrupted(getter);
        q.put(5);
        assertThat(q.getNowait()).as("the item is there for the next getter").isEqualTo(5);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} maxsize={1} {2}")
    @MethodSource("gets")
    void getInterruptedWhileBlocked(Kind kind, int maxsize, GetCall call) {
        // pythreading: a blocked get, interrupted; the next item goes to the next getter
        Queue<Integer> q = kind.make(maxsize);
        Async<Integer> getter = Async.start("getter", () -> call.get(q));
        interruptWhenBlocked(getter);
        Async<Integer> next = Async.start("next getter", q::get).awaitBlocked();
        assertInterrupted(getter);
        assertThat(q.qsize()).isZero();
        q.put(5);
        assertThat(next.join()).as("the item goes to the next getter").isEqualTo(5);
        assertThat(q.qsize()).isZero();
        assertThat(q.unfinishedTasks()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} maxsize={1} {2}")
    @MethodSource("gets")
    void getInterruptedAsItemArrives(Kind kind, int maxsize, GetCall call) {
        // pythreading: a put and an interrupt at once: the item is taken exactly when the call returns normally
        for (int round = 0; round < 10; round++) {
            Queue<Integer> q = kind.make(maxsize);
            Async<Integer> getter = Async.start("getter", () -> call.get(q)).awaitBlocked();
            q.put(5);
            getter.thread.interrupt();
            getter.awaitDone();
            if (getter.thrown() == null) { // the interrupt may have come after the return
                assertThat(getter.result()).isEqualTo(5);
                assertThat(q.qsize()).isZero();
            } else {
                assertInterrupted(getter);
                assertThat(q.getNowait()).as("the item is still there").isEqualTo(5);
            }
        }
    }

    @ParameterizedTest(name = "{0} maxsize={1} {2}")
    @MethodSource("gets")
    void getWithItemIgnoresTheFlag(Kind kind, int maxsize, GetCall call) {
        // pythreading: a get that need not wait succeeds with the flag set, and leaves it set
        Queue<Integer> q = kind.make(maxsize);
        q.put(5);
        Async<Integer> getter = Async.startInterrupted("getter", () -> call.get(q));
        assertThat(assertSucceededWithFlag(getter)).isEqualTo(5);
        assertThat(q.qsize()).isZero();
    }

    // ---------------------------------------------------------------------------------
    // join

    @ParameterizedTest(name = "{0} maxsize={1}")
    @MethodSource("kinds")
    void joinInterruptedBeforeCall(Kind kind, int maxsize) {
        // pythreading: a join that must wait, interrupted before the call
        Queue<Integer> q = kind.make(maxsize);
        q.put(1);
        Async<Void> joiner = Async.startInterrupted("joiner", () -> {
            q.join();
            return null;
        });
        assertInterrupted(joiner);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        assertThat(q.qsize()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} maxsize={1}")
    @MethodSource("kinds")
    void joinInterruptedWhileBlocked(Kind kind, int maxsize) {
        // pythreading: a blocked join, interrupted; another joiner still returns at the last task_done
        Queue<Integer> q = kind.make(maxsize);
        q.put(1);
        Async<Void> joiner = Async.run("joiner", q::join);
        interruptWhenBlocked(joiner);
        Async<Void> next = Async.run("next joiner", q::join).awaitBlocked();
        assertInterrupted(joiner);
        assertThat(q.unfinishedTasks()).isEqualTo(1);
        q.get();
        q.taskDone();
        next.join();
    }

    @ParameterizedTest(name = "{0} maxsize={1}")
    @MethodSource("kinds")
    void joinWithNothingUnfinishedIgnoresTheFlag(Kind kind, int maxsize) {
        // pythreading: a join that need not wait returns with the flag set, and leaves it set
        Queue<Integer> q = kind.make(maxsize);
        q.put(1);
        q.get();
        q.taskDone();
        assertSucceededWithFlag(Async.startInterrupted("joiner", () -> {
            q.join();
            return null;
        }));
    }

    // ---------------------------------------------------------------------------------
    // SimpleQueue

    @ParameterizedTest
    @EnumSource(SimpleGetCall.class)
    void simpleQueueGetInterruptedBeforeCall(SimpleGetCall call) {
        // pythreading: a SimpleQueue get that must wait, interrupted before the call
        SimpleQueue<Integer> q = new SimpleQueue<>();
        assertInterrupted(Async.startInterrupted("getter", () -> call.get(q)));
        q.put(5);
        assertThat(q.getNowait()).as("the item is there for the next getter").isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(SimpleGetCall.class)
    void simpleQueueGetInterruptedWhileBlocked(SimpleGetCall call) {
        // pythreading: a blocked SimpleQueue get, interrupted; the next item goes to the next getter
        SimpleQueue<Integer> q = new SimpleQueue<>();
        Async<Integer> getter = Async.start("getter", () -> call.get(q));
        interruptWhenBlocked(getter);
        Async<Integer> next = Async.start("next getter", q::get).awaitBlocked();
        assertInterrupted(getter);
        assertThat(q.qsize()).isZero();
        q.put(5);
        assertThat(next.join()).isEqualTo(5);
        assertThat(q.qsize()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SimpleGetCall.class)
    void simpleQueueGetInterruptedAsItemArrives(SimpleGetCall call) {
        // pythreading: a put and an interrupt at once: the item is taken exactly when the call returns normally
        for (int round = 0; round < 10; round++) {
            SimpleQueue<Integer> q = new SimpleQueue<>();
            Async<Integer> getter = Async.start("getter", () -> call.get(q)).awaitBlocked();
            q.put(5);
            getter.thread.interrupt();
            getter.awaitDone();
            if (getter.thrown() == null) { // the interrupt may have come after the return
                assertThat(getter.result()).isEqualTo(5);
                assertThat(q.qsize()).isZero();
            } else {
                assertInterrupted(getter);
                assertThat(q.getNowait()).as("the item is still there").isEqualTo(5);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SimpleGetCall.class)
    void simpleQueueGetWithItemIgnoresTheFlag(SimpleGetCall call) {
        // pythreading: a SimpleQueue get that need not wait succeeds with the flag set, and leaves it set
        SimpleQueue<Integer> q = new SimpleQueue<>();
        q.put(5);
        assertThat(assertSucceededWithFlag(Async.startInterrupted("getter", () -> call.get(q)))).isEqualTo(5);
        assertThat(q.empty()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void simpleQueuePutIgnoresTheFlag() {
        // pythreading: SimpleQueue.put never waits: it succeeds with the flag set, and leaves it set
        SimpleQueue<Integer> q = new SimpleQueue<>();
        assertSucceededWithFlag(Async.startInterrupted("putter", () -> {
            q.put(1);
            q.put(2, true, LONG);
            q.put(3, true, -1);
            q.putNowait(4);
            return null;
        }));
        assertThat(q.qsize()).isEqualTo(4);
    }
}
