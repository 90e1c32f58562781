package pythreading.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.futures.Future;
import pythreading.futures.ThreadPoolExecutor;
import pythreading.internal.trace.TraceEvent.Span;
import pythreading.queue.Queue;
import pythreading.queue.ShutDown;
import pythreading.threading.Barrier;
import pythreading.threading.BrokenBarrierError;
import pythreading.threading.Condition;
import pythreading.threading.Event;
import pythreading.threading.Lock;
import pythreading.threading.RLock;
import pythreading.threading.Semaphore;
import pythreading.threading.Thread;

/** The recorder, through the primitives: what it records of waits, holds, signals, threads and tasks. */
@Timeout(30)
class RecorderTests {

    @AfterEach
    void stopRecording() {
        if (Recorder.recording()) {
            Recorder.stop();
        }
    }

    private static List<Span> spans(Recording r, Span.Kind kind, Predicate<Span> filter) {
        return r.events().stream().filter(e -> e instanceof Span).map(e -> (Span) e)
                .filter(s -> s.kind() == kind && filter.test(s)).collect(Collectors.toList());
    }

    private static List<Span> spans(Recording r, Span.Kind kind, String primitive) {
        return spans(r, kind, s -> s.primitive().equals(primitive));
    }

    // pythreading: off by default, and then nothing is recorded
    @Test
    void offByDefault() {
        assertThat(Recorder.recording()).isFalse();
        Lock lock = new Lock();
        lock.acquire();
        lock.release();
        Recorder.start();
        Recording r = Recorder.stop();
        assertThat(r.events()).isEmpty();
        assertThatThrownBy(Recorder::stop).isInstanceOf(IllegalStateException.class)
                .hasMessage("no pythreading trace is being recorded");
    }

    // pythreading: one recording at a time
    @Test
    void oneRecordingAtATime() {
        Recorder.start();
        assertThatThrownBy(Recorder::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("a pythreading trace is already being recorded");
    }

    // pythreading: a contended Lock gives the holder's hold, the waiter's wait (ended,
    // acquired, with an arrow from the release that woke it) and the waiter's own hold
    @Test
    void lockHoldsWaitsAndTheWakeUp() throws Exception {
        Recorder.start();
        Lock lock = new Lock();
        Recorder.name(lock, "forks");
        lock.acquire();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            waiting.countDown();
            lock.acquire();
            lock.release();
        }, "waiter");
        waiter.start();
        waiting.await();
        while (!lock.locked() || waiter.isAlive() && !isWaiting(waiter)) {
            java.lang.Thread.onSpinWait();
        }
        lock.release();
        waiter.join();
        Recording r = Recorder.stop();

        List<Span> holds = spans(r, Span.Kind.HOLD, "forks");
        assertThat(holds).hasSize(2);
        assertThat(holds).allMatch(h -> h.outcome().equals("released") && h.primitiveType().equals("Lock"));
        List<Span> waits = spans(r, Span.Kind.WAIT, "forks");
        assertThat(waits).singleElement().satisfies(w -> {
            assertThat(w.threadName()).isEqualTo("waiter");
            assertThat(w.outcome()).isEqualTo(Recorder.ACQUIRED);
            assertThat(w.endNanos()).isGreaterThanOrEqualTo(w.startNanos());
            assertThat(w.flowId()).isNotZero();
            TraceEvent.Signal wake = r.events().stream().filter(e -> e instanceof TraceEvent.Signal)
                    .map(e -> (TraceEvent.Signal) e).filter(s -> s.flowId() == w.flowId()).findFirst().orElseThrow();
            assertThat(wake.what()).isEqualTo("release");
            assertThat(wake.tid()).isNotEqualTo(w.tid());
        });
        assertThat(r.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(TraceEvent.ThreadLife.class,
                life -> {
                    assertThat(life.name()).isEqualTo("waiter");
                    assertThat(life.ended()).isTrue();
                    assertThat(life.endNanos()).isGreaterThanOrEqualTo(life.startNanos());
                }));
    }

    private static boolean isWaiting(Thread t) {
        java.lang.Thread.State s = javaState(t);
        return s == java.lang.Thread.State.WAITING || s == java.lang.Thread.State.TIMED_WAITING;
    }

    private static java.lang.Thread.State javaState(Thread t) {
        for (java.lang.Thread j : java.lang.Thread.getAllStackTraces().keySet()) {
            if (j.getId() == t.ident()) {
                return j.getState();
            }
        }
        return java.lang.Thread.State.TERMINATED;
    }

    // pythreading: Semaphore(3) and ten threads: never more than three holds at once
    @Test
    void semaphoreHoldsNeverExceedItsValue() {
        Recorder.start();
        Semaphore pool = new Semaphore(3);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            threads.add(new Thread(() -> {
                for (int k = 0; k < 20; k++) {
                    try (var held = pool.enter()) {
                        java.lang.Thread.yield();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(Thread::join);
        Recording r = Recorder.stop();

        List<Span> holds = spans(r, Span.Kind.HOLD, Recorder.nameOf(pool));
        assertThat(holds).hasSize(200);
        assertThat(maxOverlap(holds)).isBetween(1, 3);
        assertThat(spans(r, Span.Kind.WAIT, Recorder.nameOf(pool)))
                .allMatch(w -> w.outcome().equals(Recorder.ACQUIRED));
    }

    private static int maxOverlap(List<Span> spans) {
        List<long[]> edges = new ArrayList<>();
        for (Span s : spans) {
            edges.add(new long[] {s.startNanos(), 1});
            edges.add(new long[] {s.endNanos(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int max = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }

    // pythreading: an RLock taken three deep is one hold; a Condition's wait ends the
    // hold and takes a new one after, so holds and waits nest on each thread
    @Test
    void holdsNestPerThread() {
        Recorder.start();
        RLock rlock = new RLock();
        Condition condition = new Condition(rlock);
        Event started = new Event();
        Thread signaller = new Thread(() -> {
            started.await();
            try (var held = condition.enter()) {
                condition.signal();
            }
        }, "signaller");
        try (var a = rlock.enter(); var b = rlock.enter(); var c = rlock.enter()) {
            signaller.start();
            started.set();
            assertThat(condition.await(10.0)).isTrue();
        }
        signaller.join();
        Recording r = Recorder.stop();

        String lockName = Recorder.nameOf(rlock);
        List<Span> mine = spans(r, Span.Kind.HOLD, s -> s.primitive().equals(lockName)
                && s.threadName().equals(java.lang.Thread.currentThread().getName()));
        assertThat(mine).as("before the wait and after it").hasSize(2);
        Span wait = spans(r, Span.Kind.WAIT, Recorder.nameOf(condition)).get(0);
        assertThat(wait.outcome()).isEqualTo(Recorder.SIGNALLED);
        mine.sort(Comparator.comparingLong(Span::startNanos));
        assertThat(mine.get(0).endNanos()).isLessThanOrEqualTo(wait.startNanos());
        assertThat(wait.endNanos()).isLessThanOrEqualTo(mine.get(1).startNanos());
        assertThat(wait.flowId()).as("the signal woke it").isNotZero();
    }

    // pythreading: every wait ends, with how: timed out, interrupted, shut down, broken
    @Test
    void everyWaitHasAnEnd() throws Exception {
        Recorder.start();
        Event never = new Event();
        assertThat(never.await(0.02)).isFalse();
        Queue<Integer> queue = new Queue<>();
        Thread getter = new Thread(() -> assertThatThrownBy(queue::get).isInstanceOf(ShutDown.class));
        getter.start();
        while (isWaiting(getter) == false && getter.isAlive()) {
            java.lang.Thread.onSpinWait();
        }
        queue.shutdown();
        getter.join();
        Barrier barrier = new Barrier(2);
        assertThatThrownBy(() -> barrier.await(0.02)).isInstanceOf(BrokenBarrierError.class);
        Semaphore empty = new Semaphore(0);
        java.lang.Thread.currentThread().interrupt();
        assertThatThrownBy(() -> empty.acquire()).hasCauseInstanceOf(InterruptedException.class);
        assertThat(java.lang.Thread.interrupted()).isTrue();
        Recording r = Recorder.stop();

        assertThat(spans(r, Span.Kind.WAIT, Recorder.nameOf(never))).singleElement()
                .satisfies(w -> assertThat(w.outcome()).isEqualTo(Recorder.TIMED_OUT));
        assertThat(spans(r, Span.Kind.WAIT, Recorder.nameOf(queue))).singleElement()
                .satisfies(w -> assertThat(w.outcome()).isEqualTo(Recorder.SHUT_DOWN));
        assertThat(spans(r, Span.Kind.WAIT, Recorder.nameOf(barrier))).singleElement()
                .satisfies(w -> assertThat(w.outcome()).isEqualTo(Recorder.BROKEN));
        assertThat(spans(r, Span.Kind.WAIT, Recorder.nameOf(empty))).singleElement()
                .satisfies(w -> assertThat(w.outcome()).isEqualTo(Recorder.INTERRUPTED));
        assertThat(r.events()).filteredOn(e -> e instanceof Span).allSatisfy(e ->
                assertThat(((Span) e).endNanos()).isGreaterThanOrEqualTo(((Span) e).startNanos()));
    }

    // pythreading: an executor's task is queued on the submitter's track and runs on a worker's
    @Test
    void executorTasks() {
        Recorder.start();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1);
        Future<Integer> ok = pool.submit(() -> 1);
        Future<Integer> failing = pool.submit(() -> {
            throw new IllegalStateException("no");
        });
        ok.result();
        assertThatThrownBy(failing::result).isInstanceOf(IllegalStateException.class);
        pool.shutdown();
        Recording r = Recorder.stop();

        String name = Recorder.nameOf(pool);
        assertThat(spans(r, Span.Kind.TASK_QUEUED, name)).hasSize(2)
                .allMatch(s -> s.threadName().equals(java.lang.Thread.currentThread().getName()));
        assertThat(spans(r, Span.Kind.TASK_RUNNING, name)).extracting(Span::outcome)
                .containsExactlyInAnyOrder("done", "failed");
        assertThat(spans(r, Span.Kind.TASK_RUNNING, name))
                .allMatch(s -> s.threadName().startsWith("ThreadPoolExecutor-"));
        assertThat(r.events()).filteredOn(e -> e instanceof Span)
                .noneMatch(e -> ((Span) e).primitiveType().equals("SimpleQueue"));
    }
}
