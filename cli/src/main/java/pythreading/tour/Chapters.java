package pythreading.tour;

import java.util.List;
import java.util.Optional;
import pythreading.tour.condition.ProducerConsumer;
import pythreading.tour.create.Args;
import pythreading.tour.create.Create;
import pythreading.tour.daemon.Daemon;
import pythreading.tour.daemon.Join;
import pythreading.tour.daemon.JoinTimeout;
import pythreading.tour.enumerate.Enumerate;
import pythreading.tour.event.WaitForEvent;
import pythreading.tour.gil.Gil;
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

/** The chapters of the tour, in the tutorial's order. */
public final class Chapters {

    private Chapters() {
    }

    /** Every chapter, in order. */
    public static List<Chapter> all() {
        return List.of(
                new Chapter("create", "threads run a target function, with or without arguments",
                        List.of(new Example("01", "three threads run a target", Create.class),
                                new Example("01b", "passing an argument to the target", Args.class))),
                new Chapter("naming", "default and given thread names, printed and logged",
                        List.of(new Example("02", "thread names, printed", Naming.class),
                                new Example("02b", "thread names in the logging pattern", NamingLogging.class))),
                new Chapter("daemon", "daemon threads are not waited for; join() waits, join(timeout) may not",
                        List.of(new Example("03", "a daemon thread is not waited for", Daemon.class),
                                new Example("03b", "join() waits for the daemon", Join.class),
                                new Example("03c", "join(timeout) returns while the daemon lives", JoinTimeout.class))),
                new Chapter("enumerate", "enumerate() lists the live threads, for main to join them",
                        List.of(new Example("04", "joining every thread enumerate() finds", Enumerate.class))),
                new Chapter("subclass", "subclassing Thread: overriding run() and the constructor",
                        List.of(new Example("05", "a subclass overriding run()", Subclass.class),
                                new Example("05b", "isAlive() before and after join()", IsAlive.class),
                                new Example("05c", "a subclass that logs", SubclassLogging.class),
                                new Example("05d", "a subclass constructor with its own arguments",
                                        SubclassArgs.class))),
                new Chapter("timer", "a Timer runs a function after a delay, unless cancelled",
                        List.of(new Example("06", "a timer fires after 3 s", TimerHello.class),
                                new Example("06b", "a cancelled timer never runs", TimerCancel.class))),
                new Chapter("event", "threads wait for an Event, with and without a timeout",
                        List.of(new Example("07", "a blocking and a timed waiter", WaitForEvent.class))),
                new Chapter("lock", "a Lock guards shared state; acquire(false) does not wait",
                        List.of(new Example("08", "a counter guarded by a lock", LockCounter.class),
                                new Example("08b", "a non-blocking worker counts its tries", LockTries.class))),
                new Chapter("rlock", "a Lock cannot be taken twice by one thread, an RLock can",
                        List.of(new Example("09", "a Lock acquired twice", LockTwice.class),
                                new Example("09b", "an RLock acquired twice", RLockTwice.class))),
                new Chapter("with", "Python's \"with lock:\" is try-with-resources on enter()",
                        List.of(new Example("10", "a lock taken with and without enter()", WithLock.class))),
                new Chapter("condition", "consumers wait on a Condition until the producer signals all",
                        List.of(new Example("11", "two consumers and a producer", ProducerConsumer.class))),
                new Chapter("queue", "a producer and a consumer share a bounded Queue",
                        List.of(new Example("12", "producer and consumer, stopped by shutdown()",
                                QueueProducerConsumer.class))),
                new Chapter("semaphore", "a Semaphore lets at most 3 of 10 threads into a pool at once",
                        List.of(new Example("13", "a pool of running threads", SemaphorePool.class))),
                new Chapter("pool", "example 13 on a ThreadPoolExecutor(3): 10 tasks, never more than 3 running",
                        List.of(new Example("pool", "ten tasks on three workers", Pool.class))),
                new Chapter("local", "thread-local data: each thread sees its own value",
                        List.of(new Example("14", "threading.local", LocalData.class),
                                new Example("14b", "a local with an initializer", LocalSubclass.class))),
                new Chapter("gil", "CPU-bound work on 1 and N threads: the JVM's speed-up beside CPython's",
                        List.of(new Example("gil", "the same work on 1 thread and on every core", Gil.class))));
    }

    /** The chapter called {@code name}, if there is one. */
    public static Optional<Chapter> named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
