// The tutorial's "Producer and Consumer with Queue" (example 12), across JVMs.
package pythreading.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import pythreading.queue.ShutDown;
import pythreading.threading.Thread;
import pythreading.zookeeper.DistributedBarrier;
import pythreading.zookeeper.DistributedLock;
import pythreading.zookeeper.DistributedQueue;
import pythreading.zookeeper.ZooKeeperManager;

/**
 * One worker JVM of {@code pythreading cluster}: the tutorial's producer and consumer,
 * with a distributed Queue, Lock and Barrier in place of the local ones.
 *
 * <p>Every worker runs a consumer thread; worker 1 also produces, in its main thread.
 * All workers meet at the barrier {@code start}, so that no item is put before every
 * consumer is there. Each consumed item raises the shared {@link Counter} under the
 * distributed lock {@code counter}, then is marked done; the producer {@code join()}s the
 * queue and shuts it down, which ends every consumer's {@code get()} with
 * {@link ShutDown} (Python 3.13). Then all meet at the barrier {@code end}.
 *
 * <p>What it prints, one line per event, is what the coordinator reads (see
 * {@link Tally}): {@code worker-1 put item-7 : 3 items in queue},
 * {@code worker-2 got item-7 (count 5)}, {@code worker-2 done: consumed 20}. It exits 0
 * when all went well; it exits 3 when its standard input closes (the coordinator is
 * gone), so that no worker outlives the demo.
 */
public final class ClusterWorker {

    static final String QUEUE = "items";
    static final int QUEUE_SIZE = 10;
    static final String LOCK = "counter";
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);

    private final WorkerOptions options;
    private final String me;

    private ClusterWorker(WorkerOptions options) {
        this.options = options;
        this.me = "worker-" + options.id();
    }

    /**
     * Runs one worker; the arguments are {@link WorkerOptions}'s, which the coordinator
     * writes.
     *
     * @param args {@code --connect HOST:PORT --namespace NS --id N --workers N ...}
     */
    public static void main(String[] args) {
        WorkerOptions options = WorkerOptions.parse(args);
        Logs.quietZooKeeper(options.zkLog());
        exitWhenOrphaned();
        int status;
        try {
            new ClusterWorker(options).run();
            status = 0;
        } catch (RuntimeException | Error e) {
            System.out.println("worker-" + options.id() + " failed: " + e);
            e.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private void run() {
        say("connecting to " + options.connect());
        try (ZooKeeperManager zk = ZooKeeperManager.builder()
                .connectString(options.connect())
                .namespace(options.namespace())
                .sessionTimeout(SESSION_TIMEOUT)
                .build()) {
            DistributedQueue<String> queue = zk.queue(QUEUE, QUEUE_SIZE);
            DistributedLock lock = zk.lock(LOCK);
            DistributedBarrier start = zk.barrier("start", options.workers());
            DistributedBarrier end = zk.barrier("end", options.workers());
            Counter counter = new Counter(options.counter());

            say("waiting at the barrier 'start' (" + start.nWaiting() + " of " + options.workers() + " there)");
            int arrival = start.await(options.timeout());
            say("passed the barrier 'start' (arrived " + (arrival + 1) + " of " + options.workers() + ")");

            AtomicInteger consumed = new AtomicInteger();
            Thread consumer = new Thread(() -> consume(queue, lock, counter, consumed), "consumer");
            consumer.setDaemon(true); // joined below; a daemon lets a stopped worker exit at once
            consumer.start();
            if (options.id() == 1) {
                produce(queue);
            }
            consumer.join();

            say("consumed " + consumed.get() + "; waiting at the barrier 'end'");
            end.await(options.timeout());
            say("done: consumed " + consumed.get());
        }
    }

    private void produce(DistributedQueue<String> queue) {
        for (int i = 1; i <= options.items(); i++) {
            String item = "item-" + i;
            queue.put(item);
            say("put " + item + " : " + queue.qsize() + " items in queue");
        }
        say("put all " + options.items() + " items; joining the queue");
        queue.join();
        say("every item is done: shutting the queue down");
        queue.shutdown();
    }

    private void consume(DistributedQueue<String> queue, DistributedLock lock, Counter counter,
            AtomicInteger consumed) {
        try {
            while (true) {
                String item = queue.get();
                int count;
                if (options.noLock()) {
                    count = counter.increment(0);
                } else {
                    try (var held = lock.enter()) {
                        count = counter.increment(lock.fencingToken());
                    }
                }
                consumed.incrementAndGet();
                say("got " + item + " (count " + count + ")");
                if (options.workMillis() > 0) {
                    sleep(options.workMillis());
                }
                queue.taskDone();
            }
        } catch (ShutDown e) {
            say("the queue is shut down: the consumer exits");
        }
    }

    private void say(String line) {
        System.out.println(me + " " + line);
    }

    private static void sleep(long millis) {
        try {
            java.lang.Thread.sleep(millis);
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The coordinator holds our standard input open; when it closes, the demo is over. */
    private static void exitWhenOrphaned() {
        java.lang.Thread watchdog = new java.lang.Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // nothing is sent; only the end matters
                }
            } catch (IOException e) {
                // closed: as at the end
            }
            System.out.println("the coordinator is gone: exiting");
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }, "orphan-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
