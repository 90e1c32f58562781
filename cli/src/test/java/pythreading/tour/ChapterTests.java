package pythreading.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.tour.condition.ProducerConsumer;
import pythreading.tour.create.Args;
import pythreading.tour.create.Create;
import pythreading.tour.daemon.Daemon;
import pythreading.tour.daemon.Join;
import pythreading.tour.daemon.JoinTimeout;
import pythreading.tour.enumerate.Enumerate;
import pythreading.tour.event.WaitForEvent;
import pythreading.tour.local.LocalData;
import pythreading.tour.local.LocalSubclass;
import pythreading.tour.lock.LockCounter;
import pythreading.tour.lock.LockTries;
import pythreading.tour.naming.Naming;
import pythreading.tour.naming.NamingLogging;
import pythreading.tour.pool.Pool;
import pythreading.tour.queue.QueueProducerConsumer;
import pythreading.tour.rlock.LockTwice;
import pythreading.tour.rlock.RLockTwice;
import pythreading.tour.semaphore.SemaphorePool;
import pythreading.tour.subclass.IsAlive;
import pythreading.tour.subclass.Subclass;
import pythreading.tour.subclass.SubclassArgs;
import pythreading.tour.subclass.SubclassLogging;
import pythreading.tour.timer.TimerCancel;
import pythreading.tour.timer.TimerHello;
import pythreading.tour.with.WithLock;

/**
 * Runs every example of the tour in a JVM of its own, as {@code pythreading tour} does,
 * and checks TOUR.md's rules on what it prints: strict on what the example shows, loose
 * on timing and on the interleavings that scheduling decides.
 */
@Timeout(120)
class ChapterTests {

    /** Stretches the upper bounds of the timing checks: {@code -Dpythreading.test.timeoutFactor=3}. */
    private static final double FACTOR =
            Double.parseDouble(System.getProperty("pythreading.test.timeoutFactor", "1"));
    /** How long one example may run before it is stopped: none comes near it. */
    private static final long EXAMPLE_TIMEOUT_SECONDS = (long) (40 * FACTOR);
    /** Examples run this many at a time; they mostly sleep. */
    private static final int PARALLEL =
            Math.max(1, Integer.getInteger("pythreading.tour.parallel", 4));

    /** A logged line: {@code (name     ) message}. */
    private static final Pattern LOGGED = Pattern.compile("\\(([^)]*)\\) (.*)");

    private static ExecutorService launcher;
    private static final Map<Class<?>, CompletableFuture<Run>> RUNS = new ConcurrentHashMap<>();

    /** Starts every example at once (PARALLEL at a time), so that the tests only wait for theirs. */
    @BeforeAll
    static void startAll() {
        launcher = Executors.newFixedThreadPool(PARALLEL, r -> {
            java.lang.Thread t = new java.lang.Thread(r, "example-launcher");
            t.setDaemon(true);
            return t;
        });
        for (Chapter chapter : Chapters.all()) {
            if (chapter.name().equals("gil")) {
                continue; // CPU-bound: not beside the others, whose timing it would disturb; not checked here
            }
            for (Example example : chapter.examples()) {
                launch(example.mainClass());
            }
        }
    }

    @AfterAll
    static void stopLauncher() {
        launcher.shutdownNow();
    }

    // ---------------------------------------------------------------- the registry

    // pythreading: every example of the tutorial is registered, in order, under its chapter.
    @Test
    void chaptersRegisterEveryExampleInOrder() {
        List<String> expected = List.of(
                "create 01 Create", "create 01b Args",
                "naming 02 Naming", "naming 02b NamingLogging",
                "daemon 03 Daemon", "daemon 03b Join", "daemon 03c JoinTimeout",
                "enumerate 04 Enumerate",
                "subclass 05 Subclass", "subclass 05b IsAlive", "subclass 05c SubclassLogging",
                "subclass 05d SubclassArgs",
                "timer 06 TimerHello", "timer 06b TimerCancel",
                "event 07 WaitForEvent",
                "lock 08 LockCounter", "lock 08b LockTries",
                "rlock 09 LockTwice", "rlock 09b RLockTwice",
                "with 10 WithLock",
                "condition 11 ProducerConsumer",
                "queue 12 QueueProducerConsumer",
                "semaphore 13 SemaphorePool",
                "pool pool Pool",
                "local 14 LocalData", "local 14b LocalSubclass");
        List<String> registered = new ArrayList<>();
        for (Chapter chapter : Chapters.all()) {
            assertThat(chapter.summary()).as(chapter.name()).isNotBlank();
            if (chapter.name().equals("gil")) {
                continue; // the lead's chapter, checked elsewhere
            }
            for (Example example : chapter.examples()) {
                assertThat(example.title()).as(example.id()).isNotBlank();
                registered.add(chapter.name() + " " + example.id() + " " + example.mainClass().getSimpleName());
            }
        }
        assertThat(registered).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- create

    // TOUR.md create/01: three threads run the target.
    @Test
    void create01() {
        Run run = run(Create.class);
        assertThat(run.texts()).containsExactly("thread function", "thread function", "thread function");
    }

    // TOUR.md create/01b: with an argument, each thread prints its id 0, 1, 2.
    @Test
    void create01bArgs() {
        Run run = run(Args.class);
        assertThat(run.texts()).containsExactlyInAnyOrder("thread function 0", "thread function 1", "thread function 2");
    }

    // ---------------------------------------------------------------- naming

    // TOUR.md naming/02: Thread-1 beside f2 and f3; Exiting ~1, 2, 3 s after start.
    @Test
    void naming02() {
        Run run = run(Naming.class);
        assertThat(run.texts()).containsExactlyInAnyOrder("Thread-1 Starting", "f2 Starting", "f3 Starting",
                "Thread-1 Exiting", "f2 Exiting", "f3 Exiting");
        assertNamingTimes(run, "Thread-1 %s", "f2 %s", "f3 %s");
    }

    // TOUR.md naming/02b: the same, the names put in by the logging pattern.
    @Test
    void naming02bLogging() {
        Run run = run(NamingLogging.class);
        assertThat(run.texts()).containsExactlyInAnyOrder("(Thread-1 ) Starting", "(f2       ) Starting",
                "(f3       ) Starting", "(Thread-1 ) Exiting", "(f2       ) Exiting", "(f3       ) Exiting");
        assertNamingTimes(run, "(Thread-1 ) %s", "(f2       ) %s", "(f3       ) %s");
    }

    private static void assertNamingTimes(Run run, String... formats) {
        long previousExit = -1;
        for (int i = 0; i < formats.length; i++) {
            long start = run.time(String.format(formats[i], "Starting"));
            long exit = run.time(String.format(formats[i], "Exiting"));
            int seconds = i + 1;
            assertThat(exit - start).as("%s exits about %d s after it starts", formats[i], seconds)
                    .isBetween(seconds * 1000L - 100, seconds * 1000L + (long) (1500 * FACTOR));
            assertThat(exit).as("exits in order: 1 s, 2 s, 3 s").isGreaterThan(previousExit);
            previousExit = exit;
        }
    }

    // ---------------------------------------------------------------- daemon

    // TOUR.md daemon/03: the daemon's Exiting never appears and the program ends at once.
    @Test
    void daemon03() {
        Run run = run(Daemon.class);
        // The daemon's "Starting" may be lost too, now and then (a few runs in a hundred on JDK 25):
        // the JVM can end while the daemon is still in its first logging call.
        assertThat(run.texts()).containsSubsequence("(non-daemon) Starting", "(non-daemon) Exiting")
                .isSubsetOf("(daemon   ) Starting", "(non-daemon) Starting", "(non-daemon) Exiting")
                .doesNotHaveDuplicates();
        assertThat(run.exitMillis - run.lines.get(0).millis)
                .as("the JVM does not wait for the daemon's 5 s sleep").isLessThan((long) (2000 * FACTOR));
    }

    // TOUR.md daemon/03b: join() waits for the daemon, whose Exiting comes ~5 s after its start.
    @Test
    void daemon03bJoin() {
        Run run = run(Join.class);
        assertThat(run.texts()).containsExactlyInAnyOrder("(daemon   ) Starting", "(non-daemon) Starting",
                "(non-daemon) Exiting", "(daemon   ) Exiting");
        assertThat(run.texts()).last().isEqualTo("(daemon   ) Exiting");
        assertThat(run.time("(daemon   ) Exiting") - run.time("(daemon   ) Starting")).isGreaterThanOrEqualTo(4900);
    }

    // TOUR.md daemon/03c: after join(3.0) the daemon is still alive; the program then ends without it.
    @Test
    void daemon03cJoinTimeout() {
        Run run = run(JoinTimeout.class);
        assertThat(run.texts()).containsExactlyInAnyOrder("(daemon   ) Starting", "(non-daemon) Starting",
                "(non-daemon) Exiting", "d.isAlive() True");
        assertThat(run.texts()).last().isEqualTo("d.isAlive() True");
        // (times from the JVM's start, or from a line logged before the wait began: a thread's
        // first logged line may come late, while the logging classes load)
        assertThat(run.time("d.isAlive() True")).as("join(3.0) waits 3 s").isGreaterThanOrEqualTo(3000);
        long start = run.time("(daemon   ) Starting");
        assertThat(run.exitMillis - start).as("the program ends before the daemon's sleep does").isLessThan(4800L);
    }

    // ---------------------------------------------------------------- enumerate

    // TOUR.md enumerate/04: main joins every other live thread found by enumerate(); each ends after its sleep.
    @Test
    void enumerate04() {
        Run run = run(Enumerate.class);
        assertThat(run.texts()).hasSize(9);
        List<String> joined = new ArrayList<>();
        for (String name : List.of("Thread-1", "Thread-2", "Thread-3")) {
            List<Run.Logged> own = run.loggedBy(name);
            assertThat(own).hasSize(2);
            Matcher sleeping = Pattern.compile("sleeping (\\d+)").matcher(own.get(0).message);
            assertThat(sleeping.matches()).as(own.get(0).message).isTrue();
            int seconds = Integer.parseInt(sleeping.group(1));
            assertThat(seconds).isBetween(1, 10);
            assertThat(own.get(1).message).isEqualTo("ending");
            assertThat(own.get(1).millis - own.get(0).millis).as("%s sleeps %d s", name, seconds)
                    .isBetween(seconds * 1000L - 100, seconds * 1000L + (long) (1500 * FACTOR));
        }
        List<Run.Logged> main = run.loggedBy("MainThread");
        for (Run.Logged line : main) {
            assertThat(line.message).startsWith("joining ");
            joined.add(line.message.substring("joining ".length()));
        }
        assertThat(joined).containsExactly("Thread-1", "Thread-2", "Thread-3");
        // main joins one thread at a time: it asks for the next only once the previous has ended
        for (int i = 1; i < joined.size(); i++) {
            long previousEnded = run.time(String.format("(%-9s) ending", joined.get(i - 1)));
            assertThat(run.time("(MainThread) joining " + joined.get(i))).isGreaterThanOrEqualTo(previousEnded);
        }
    }

    // ---------------------------------------------------------------- subclass

    // TOUR.md subclass/05: a subclass overriding run() (which does nothing) runs and ends.
    @Test
    void subclass05() {
        Run run = run(Subclass.class);
        assertThat(run.texts()).isEmpty();
    }

    // TOUR.md subclass/05b: isAlive() true after start, false after join.
    @Test
    void subclass05bIsAlive() {
        Run run = run(IsAlive.class);
        assertThat(run.texts()).containsExactly("t.is_alive()= True", "t.is_alive()= False",
                "t.is_alive()= True", "t.is_alive()= False", "t.is_alive()= True", "t.is_alive()= False");
        for (int i = 0; i < 6; i += 2) {
            assertThat(run.lines.get(i + 1).millis - run.lines.get(i).millis).as("join waits for the 1 s sleep")
                    .isGreaterThanOrEqualTo(800);
        }
    }

    // TOUR.md subclass/05c: the subclass's run() logs under the default names.
    @Test
    void subclass05cLogging() {
        Run run = run(SubclassLogging.class);
        assertThat(run.texts()).containsExactlyInAnyOrder(
                "(Thread-1 ) running", "(Thread-2 ) running", "(Thread-3 ) running");
    }

    // TOUR.md subclass/05d: a subclass constructor carrying its own arguments.
    @Test
    void subclass05dArgs() {
        Run run = run(SubclassArgs.class);
        assertThat(run.texts()).containsExactlyInAnyOrder(
                "(Thread-1 ) running with (0,) and {'a': 1, 'b': 2}",
                "(Thread-2 ) running with (1,) and {'a': 1, 'b': 2}",
                "(Thread-3 ) running with (2,) and {'a': 1, 'b': 2}");
    }

    // ---------------------------------------------------------------- timer

    // TOUR.md timer/06: the timer fires after its delay.
    @Test
    void timer06() {
        Run run = run(TimerHello.class);
        assertThat(run.texts()).containsExactly("hello, Timer");
        assertThat(run.time("hello, Timer")).as("3 s after the JVM started, at least").isGreaterThanOrEqualTo(3000);
    }

    // TOUR.md timer/06b: the cancelled timer never runs and is not alive after cancel; the other fires.
    @Test
    void timer06bCancel() {
        Run run = run(TimerCancel.class);
        assertThat(run.texts()).containsExactly(
                "(MainThread) starting timers...",
                "(MainThread) waiting before canceling t2",
                "(MainThread) canceling t2",
                "before cancel t2.is_alive() =  True",
                "after cancel t2.is_alive() =  False",
                "(t1       ) thread function running",
                "(MainThread) done");
        assertThat(run.time("(t1       ) thread function running") - run.time("(MainThread) starting timers..."))
                .isGreaterThanOrEqualTo(4900);
    }

    // ---------------------------------------------------------------- event

    // TOUR.md event/07: the blocking waiter wakes only at set(); the timed waiter times out (False), then sees True.
    @Test
    void event07() {
        Run run = run(WaitForEvent.class);
        assertThat(messages(run, "blocking")).containsExactly("wait_for_event starting", "event set: True");
        assertThat(messages(run, "non-blocking")).containsExactly(
                "wait_for_event_timeout starting", "event set: False", "doing other things",
                "wait_for_event_timeout starting", "event set: True", "processing event");
        assertThat(messages(run, "MainThread")).containsExactly("Waiting before calling Event.set()", "Event is set");
        long timedOut = run.time("(non-blocking) event set: False");
        assertThat(run.time("(blocking ) event set: True")).as("the blocking waiter wakes only at set()")
                .isGreaterThan(timedOut);
        assertThat(timedOut - run.time("(non-blocking) wait_for_event_timeout starting"))
                .as("the 2 s timeout").isBetween(1900L, 1900L + (long) (1500 * FACTOR));
        assertThat(run.time("(blocking ) event set: True") - run.time("(MainThread) Waiting before calling Event.set()"))
                .as("set() comes 3 s after main says it waits").isGreaterThanOrEqualTo(2800);
    }

    // ---------------------------------------------------------------- lock

    // TOUR.md lock/08: two workers increment under the lock twice each; the counter ends at 4.
    @Test
    void lock08Counter() {
        Run run = run(LockCounter.class);
        assertThat(run.texts()).last().isEqualTo("(MainThread) Counter: 4");
        assertThat(messages(run, "MainThread")).containsExactly("Waiting for worker threads", "Counter: 4");
        for (String worker : List.of("Thread-1", "Thread-2")) {
            List<String> own = messages(run, worker);
            assertThat(own).hasSize(9);
            for (int i = 0; i < 2; i++) {
                assertThat(own.get(4 * i)).matches("Sleeping 0\\.\\d\\d|Sleeping 1\\.00");
                assertThat(own.subList(4 * i + 1, 4 * i + 4))
                        .containsExactly("Waiting for a lock", "Acquired a lock", "Released a lock");
            }
            assertThat(own.get(8)).isEqualTo("Done");
        }
        // under the lock, nobody else's "Acquired" comes between one's "Acquired" and "Released"
        String holder = null;
        for (Run.Logged line : run.logged()) {
            if (line.message.equals("Acquired a lock")) {
                assertThat(holder).as("lock held when %s acquires it", line.thread).isNull();
                holder = line.thread;
            } else if (line.message.equals("Released a lock")) {
                assertThat(line.thread).isEqualTo(holder);
                holder = null;
            }
        }
    }

    // TOUR.md lock/08b: the non-blocking worker needs several tries, never gets the lock while the locker holds it.
    @Test
    void lock08bTries() {
        Run run = run(LockTries.class);
        List<String> worker = messages(run, "Worker");
        assertThat(worker.get(0)).isEqualTo("Starting");
        int tries = 0;
        int acquired = 0;
        for (int i = 1; i < worker.size() - 1; i += 2) {
            tries++;
            assertThat(worker.get(i)).isEqualTo("Trying to acquire");
            assertThat(worker.get(i + 1)).isIn("Try #" + tries + " : Acquired", "Try #" + tries + " : Not acquired");
            if (worker.get(i + 1).endsWith(": Acquired")) {
                acquired++;
            }
        }
        assertThat(acquired).isEqualTo(3);
        assertThat(worker.get(worker.size() - 2)).isEqualTo("Try #" + tries + " : Acquired");
        assertThat(worker).last().isEqualTo("Done after " + tries + " tries");
        assertThat(tries).as("several tries (about 6)").isBetween(4, 10);
        List<String> locker = messages(run, "Locker");
        assertThat(locker.get(0)).isEqualTo("Starting");
        assertThat(locker.subList(1, 3)).containsExactly("Locking", "Not locking");
        // the worker's "Acquired" is logged while it holds the lock, the locker's lines while it does
        boolean lockerHolds = false;
        for (Run.Logged line : run.logged()) {
            if (line.thread.equals("Locker") && line.message.equals("Locking")) {
                lockerHolds = true;
            } else if (line.thread.equals("Locker") && line.message.equals("Not locking")) {
                lockerHolds = false;
            } else if (line.message.endsWith(": Acquired")) {
                assertThat(lockerHolds).as("%s while the locker holds the lock", line.message).isFalse();
            }
        }
    }

    // ---------------------------------------------------------------- rlock

    // TOUR.md rlock/09: a second non-blocking acquire of a Lock fails.
    @Test
    void rlock09LockTwice() {
        Run run = run(LockTwice.class);
        assertThat(run.texts()).containsExactly("First try : True", "Second try: False", "print this if not blocked...");
    }

    // TOUR.md rlock/09b: a second non-blocking acquire of an RLock succeeds (Python 2 printed 1).
    @Test
    void rlock09bRLock() {
        Run run = run(RLockTwice.class);
        assertThat(run.texts()).hasSize(2);
        assertThat(run.texts().get(0)).isEqualTo("First try : True");
        assertThat(run.texts().get(1)).isIn("Second try: True", "Second try: 1");
    }

    // ---------------------------------------------------------------- with

    // TOUR.md with/10: both workers get the lock, one through enter() in try-with-resources.
    @Test
    void with10() {
        Run run = run(WithLock.class);
        assertThat(run.texts()).containsExactlyInAnyOrder(
                "(Thread-1 ) Lock acquired via with", "(Thread-2 ) Lock acquired directly");
    }

    // ---------------------------------------------------------------- condition

    // TOUR.md condition/11: both consumers wait; after the producer's signalAll() both consume.
    @Test
    void condition11() {
        Run run = run(ProducerConsumer.class);
        for (String consumer : List.of("consumer1", "consumer2")) {
            assertThat(messages(run, consumer)).containsExactly(
                    "Consumer thread started ...", "Consumer waiting ...", "Consumer consumed the resource");
        }
        assertThat(messages(run, "producer")).containsExactly(
                "Producer thread started ...", "Making resource available", "Notifying to all consumers");
        long notified = run.time("(producer ) Notifying to all consumers");
        assertThat(run.time("(consumer1) Consumer waiting ...")).isLessThan(notified);
        assertThat(run.time("(consumer2) Consumer waiting ...")).isLessThan(notified);
        assertThat(run.time("(consumer1) Consumer consumed the resource")).isGreaterThanOrEqualTo(notified);
        assertThat(run.time("(consumer2) Consumer consumed the resource")).isGreaterThanOrEqualTo(notified);
        assertThat(notified).as("the producer starts 4 s after the JVM").isGreaterThanOrEqualTo(4000);
    }

    // ---------------------------------------------------------------- queue

    // TOUR.md queue/12: a bounded queue (10) between a producer and a consumer; the tour stops it with shutdown().
    @Test
    void queue12() {
        Run run = run(QueueProducerConsumer.class);
        Pattern putting = Pattern.compile("Putting (\\d+) : (\\d+) items in queue");
        Pattern getting = Pattern.compile("Getting (\\d+) : (\\d+) items in queue");
        List<Integer> put = new ArrayList<>();
        List<Integer> got = new ArrayList<>();
        String shutdownLine = run.texts().stream().filter(t -> t.startsWith("Shutting down the queue"))
                .findFirst().orElseThrow(() -> new AssertionError("no shutdown line in " + run));
        long shutdown = run.time(shutdownLine);
        for (String thread : List.of("producer", "consumer")) {
            List<Run.Logged> own = run.loggedBy(thread);
            assertThat(own).isNotEmpty();
            Run.Logged last = own.get(own.size() - 1);
            assertThat(last.message).as("%s ends on ShutDown", thread).isEqualTo("Queue is shut down: exiting");
            assertThat(last.millis).isGreaterThanOrEqualTo(shutdown);
            for (Run.Logged line : own.subList(0, own.size() - 1)) {
                Matcher m = (thread.equals("producer") ? putting : getting).matcher(line.message);
                assertThat(m.matches()).as(line.message).isTrue();
                int item = Integer.parseInt(m.group(1));
                assertThat(item).isBetween(1, 10);
                assertThat(Integer.parseInt(m.group(2))).isBetween(0, 10);
                (thread.equals("producer") ? put : got).add(item);
            }
        }
        assertThat(put).as("the producer ran").hasSizeGreaterThanOrEqualTo(3);
        assertThat(got).as("the consumer gets every item put, in order, draining after shutdown()")
                .containsExactlyElementsOf(put);
        assertThat(run.loggedBy("consumer").get(0).millis).as("the consumer starts 2 s after the JVM")
                .isGreaterThanOrEqualTo(2000);
        // after shutdown() the consumer drains what is left, sleeping up to 1 s after each item
        long drained = run.loggedBy("consumer").stream().filter(l -> l.millis > shutdown).count();
        assertThat(run.exitMillis - shutdown).as("shutdown() ends the program")
                .isLessThan((long) ((drained + 2) * 1000 * FACTOR));
    }

    // ---------------------------------------------------------------- semaphore

    // TOUR.md semaphore/13: 10 threads, never more than 3 in the "Running" list at once.
    @Test
    void semaphore13() {
        Run run = run(SemaphorePool.class);
        Pattern running = Pattern.compile("Running: \\[(.*)\\]");
        List<String> active = new ArrayList<>();
        Map<String, Integer> runningLines = new HashMap<>();
        int waiting = 0;
        int most = 0;
        for (Run.Logged line : run.logged()) {
            assertThat(line.thread).matches("thread_\\d");
            if (line.message.equals("Waiting to join the pool")) {
                waiting++;
                continue;
            }
            Matcher m = running.matcher(line.message);
            assertThat(m.matches()).as(line.message).isTrue();
            List<String> names = m.group(1).isEmpty() ? List.of()
                    : List.of(m.group(1).split(", ")).stream().map(n -> n.replace("'", "")).collect(Collectors.toList());
            assertThat(names).as(line.message).hasSizeLessThanOrEqualTo(3);
            // each line is the previous list plus or minus the thread that logs it
            List<String> expected = new ArrayList<>(active);
            if (active.contains(line.thread)) {
                expected.remove(line.thread);
            } else {
                expected.add(line.thread);
            }
            assertThat(names).as(line.message).containsExactlyElementsOf(expected);
            active = names;
            most = Math.max(most, names.size());
            runningLines.merge(line.thread, 1, Integer::sum);
        }
        assertThat(waiting).isEqualTo(10);
        assertThat(runningLines).hasSize(10).allSatisfy((name, count) -> assertThat(count).isEqualTo(2));
        assertThat(active).isEmpty();
        assertThat(most).as("the semaphore lets 3 in").isEqualTo(3);
    }

    // ---------------------------------------------------------------- pool

    // pythreading: example 13 on a ThreadPoolExecutor(3): all 10 tasks run, never more than 3 at once,
    // on at most 3 workers, and the end of try-with-resources waits for them all.
    @Test
    void pool() {
        Run run = run(Pool.class);
        Pattern running = Pattern.compile("Running: \\[(.*)\\]");
        List<String> submitted = new ArrayList<>();
        List<String> active = new ArrayList<>();
        Map<String, String> startedBy = new HashMap<>();
        Set<String> finished = new HashSet<>();
        Set<String> workers = new HashSet<>();
        int most = 0;
        List<Run.Logged> logged = run.logged();
        assertThat(logged).isNotEmpty();
        Run.Logged last = logged.get(logged.size() - 1);
        assertThat(last.thread + " " + last.message).as("main waits for every task").isEqualTo("MainThread All tasks done");
        for (Run.Logged line : logged.subList(0, logged.size() - 1)) {
            if (line.thread.equals("MainThread")) {
                assertThat(line.message).matches("Submitting task_\\d");
                submitted.add(line.message.substring("Submitting ".length()));
                continue;
            }
            assertThat(line.thread).as("a worker of the pool").matches("ThreadPoolExecutor-\\d+_[0-2]");
            workers.add(line.thread);
            Matcher m = running.matcher(line.message);
            assertThat(m.matches()).as(line.message).isTrue();
            List<String> names = m.group(1).isEmpty() ? List.of()
                    : List.of(m.group(1).split(", ")).stream().map(n -> n.replace("'", "")).collect(Collectors.toList());
            assertThat(names).as("%s: never more than 3 running", line.message).hasSizeLessThanOrEqualTo(3);
            // each line is the previous list with one task added at the end, or one task removed
            if (names.size() > active.size()) {
                assertThat(names.subList(0, active.size())).as(line.message).containsExactlyElementsOf(active);
                assertThat(names).as(line.message).hasSize(active.size() + 1);
                String task = names.get(names.size() - 1);
                assertThat(submitted).as("%s was submitted before it ran", task).contains(task);
                assertThat(startedBy).as("%s runs once", task).doesNotContainKey(task);
                startedBy.put(task, line.thread);
            } else {
                assertThat(names).as(line.message).hasSize(active.size() - 1);
                List<String> removed = new ArrayList<>(active);
                removed.removeAll(names);
                assertThat(removed).as(line.message).hasSize(1);
                String task = removed.get(0);
                assertThat(line.thread).as("%s ends on the worker that started it", task).isEqualTo(startedBy.get(task));
                assertThat(finished.add(task)).as("%s ends once", task).isTrue();
            }
            active = names;
            most = Math.max(most, names.size());
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add("task_" + i);
        }
        assertThat(submitted).containsExactlyElementsOf(all);
        assertThat(startedBy.keySet()).as("every task ran").containsExactlyInAnyOrderElementsOf(all);
        assertThat(finished).as("every task ended").containsExactlyInAnyOrderElementsOf(all);
        assertThat(active).isEmpty();
        assertThat(workers).as("three workers").hasSize(3);
        assertThat(most).as("the pool runs 3 at once").isEqualTo(3);
        // ten half-second tasks, three at a time: four rounds
        assertThat(run.time("(MainThread) All tasks done") - run.time("(MainThread) Submitting task_0"))
                .isBetween(1900L, (long) (2000 + 3000 * FACTOR));
    }

    // ---------------------------------------------------------------- local

    // TOUR.md local/14: each thread sees only its own value.
    @Test
    void local14() {
        Run run = run(LocalData.class);
        assertThat(messages(run, "MainThread")).containsExactly("No value yet", "value=999");
        for (String thread : List.of("Thread-1", "Thread-2")) {
            List<String> own = messages(run, thread);
            assertThat(own).hasSize(2);
            assertThat(own.get(0)).isEqualTo("No value yet");
            assertThat(own.get(1)).matches("value=\\d+");
            assertThat(Integer.parseInt(own.get(1).substring("value=".length()))).isBetween(1, 100);
        }
        assertThat(run.logged()).hasSize(6);
    }

    // TOUR.md local/14b: the initializer runs once in every thread, on the same object; then each thread sets its own.
    @Test
    void local14bSubclass() {
        Run run = run(LocalSubclass.class);
        Set<String> objects = new HashSet<>();
        for (String thread : List.of("MainThread", "Thread-1", "Thread-2")) {
            List<String> own = messages(run, thread);
            assertThat(own.get(0)).matches("Initializing <pythreading\\.threading\\.Local object at 0x[0-9a-f]+>");
            objects.add(own.get(0));
            assertThat(own.get(1)).isEqualTo("value=999");
            assertThat(own.stream().filter(m -> m.startsWith("Initializing"))).as("once in %s", thread).hasSize(1);
            if (!thread.equals("MainThread")) {
                assertThat(own).hasSize(3);
                assertThat(own.get(2)).matches("value=\\d+");
                assertThat(Integer.parseInt(own.get(2).substring("value=".length()))).isBetween(1, 100);
            } else {
                assertThat(own).hasSize(2);
            }
        }
        assertThat(objects).as("one object, initialized in each thread").hasSize(1);
    }

    // ---------------------------------------------------------------- running the examples

    private static List<String> messages(Run run, String thread) {
        return run.loggedBy(thread).stream().map(l -> l.message).collect(Collectors.toList());
    }

    /** The example's run, once it has ended; checks what holds for every example. */
    private static Run run(Class<?> mainClass) {
        Run run = launch(mainClass).join();
        assertThat(run.timedOut).as("%s ended within %d s; output:%n%s", mainClass.getName(),
                EXAMPLE_TIMEOUT_SECONDS, run).isFalse();
        assertThat(run.exitCode).as("exit status of %s; output:%n%s", mainClass.getName(), run).isZero();
        for (Run.Line line : run.lines) {
            assertThat(line.text).as("no exception in %s", mainClass.getName())
                    .doesNotContain("Exception").doesNotStartWith("\tat ");
            if (line.text.startsWith("(")) {
                Matcher m = LOGGED.matcher(line.text);
                assertThat(m.matches()).as("logged line %s", line.text).isTrue();
                String name = m.group(1).strip();
                assertThat(m.group(1)).as("the (%%-9s) thread name of %s", line.text)
                        .isEqualTo(String.format("%-9s", name));
            }
        }
        return run;
    }

    private static CompletableFuture<Run> launch(Class<?> mainClass) {
        return RUNS.computeIfAbsent(mainClass, c -> CompletableFuture.supplyAsync(() -> Run.of(c), launcher));
    }

    /** One example's run: its output lines with their times, its exit status and time. */
    static final class Run {
        final Class<?> mainClass;
        final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
        int exitCode;
        /** Milliseconds from the start of the JVM to its end. */
        long exitMillis;
        boolean timedOut;

        /** A line of output, and when it came (milliseconds after the JVM was started). */
        static final class Line {
            final long millis;
            final String text;

            Line(long millis, String text) {
                this.millis = millis;
                this.text = text;
            }
        }

        /** A logged line, {@code (thread) message}. */
        static final class Logged {
            final long millis;
            final String thread;
            final String message;

            Logged(long millis, String thread, String message) {
                this.millis = millis;
                this.thread = thread;
                this.message = message;
            }
        }

        private Run(Class<?> mainClass) {
            this.mainClass = mainClass;
        }

        static Run of(Class<?> mainClass) {
            Run run = new Run(mainClass);
            try {
                run.execute();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + mainClass.getName(), e);
            }
            return run;
        }

        private void execute() throws IOException {
            String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            long start = System.nanoTime();
            Process process = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                    mainClass.getName())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            java.lang.Thread reader = new java.lang.Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String text;
                    while ((text = in.readLine()) != null) {
                        lines.add(new Line((System.nanoTime() - start) / 1_000_000, text));
                    }
                } catch (IOException e) {
                    lines.add(new Line((System.nanoTime() - start) / 1_000_000, "!! reading failed: " + e));
                }
            }, "output of " + mainClass.getSimpleName());
            reader.setDaemon(true);
            reader.start();
            try {
                if (process.waitFor(EXAMPLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    exitMillis = (System.nanoTime() - start) / 1_000_000;
                    exitCode = process.exitValue();
                } else {
                    timedOut = true;
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                    exitCode = -1;
                }
                reader.join(10_000);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                java.lang.Thread.currentThread().interrupt();
                timedOut = true;
            }
        }

        List<String> texts() {
            synchronized (lines) {
                return lines.stream().map(l -> l.text).collect(Collectors.toList());
            }
        }

        /** When the first line equal to {@code text} came; fails if none did. */
        long time(String text) {
            synchronized (lines) {
                return lines.stream().filter(l -> l.text.equals(text)).mapToLong(l -> l.millis).findFirst()
                        .orElseThrow(() -> new AssertionError("no line \"" + text + "\" in the output:\n" + this));
            }
        }

        /** The logged lines, in order. */
        List<Logged> logged() {
            List<Logged> logged = new ArrayList<>();
            synchronized (lines) {
                for (Line line : lines) {
                    Matcher m = LOGGED.matcher(line.text);
                    if (m.matches()) {
                        logged.add(new Logged(line.millis, m.group(1).strip(), m.group(2)));
                    }
                }
            }
            return logged;
        }

        /** The lines logged by {@code thread}, in order. */
        List<Logged> loggedBy(String thread) {
            return logged().stream().filter(l -> l.thread.equals(thread)).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            synchronized (lines) {
                for (Line line : lines) {
                    s.append(String.format("%6d ms | %s%n", line.millis, line.text));
                }
            }
            return s.append(timedOut ? "(timed out)" : "(exit " + exitCode + " at " + exitMillis + " ms)").toString();
        }
    }
}
