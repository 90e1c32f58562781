package pythreading.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import pythreading.queue.Empty;
import pythreading.queue.Full;
import pythreading.queue.ShutDown;

/**
 * One kind of queue: workers put and get in every form (blocking, non-blocking, timed)
 * and mark each item got done; the shutter retires the current queue now and then
 * (shutting it down, or for a SimpleQueue, waking its getters) and puts a fresh one in
 * its place. Once nobody uses a retired queue it is settled: every item put was got
 * exactly once or is still in it, or was discarded by an immediate shutdown that
 * counted it done.
 */
final class QueueTarget implements Target {

    private final Counters counters;
    private final QueueKind kind;
    private final UnaryOperator<SoakQueue> decorator;
    private final RunState state;
    private final AtomicReference<QueueGeneration> current = new AtomicReference<>();
    private final List<QueueGeneration> retired = new ArrayList<>();

    QueueTarget(QueueKind kind, UnaryOperator<SoakQueue> decorator, RunState state) {
        this.kind = kind;
        this.decorator = decorator;
        this.state = state;
        QueueGeneration first = fresh();
        this.counters = new Counters(first.queue.kind());
        current.set(first);
    }

    private QueueGeneration fresh() {
        return new QueueGeneration(decorator.apply(kind.create()));
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        QueueGeneration generation;
        for (;;) {
            generation = current.get();
            generation.users.incrementAndGet();
            if (!generation.retired) {
                break;
            }
            generation.users.decrementAndGet();
        }
        try {
            int op = worker.random.nextInt(9);
            if (op < 4) {
                put(worker, generation, op);
            } else if (op < 8) {
                get(worker, generation, op - 4);
            } else {
                int size = generation.queue.qsize();
                int max = generation.queue.maxsize();
                if (size < 0 || (max > 0 && size > max)) {
                    state.violations.add(counters.name, "qsize() " + size + " with maxsize " + max);
                }
            }
        } finally {
            generation.users.decrementAndGet();
        }
    }

    private void put(Worker worker, QueueGeneration generation, int form) {
        SoakQueue queue = generation.queue;
        Item item = worker.newItem();
        try {
            switch (form) {
                case 0 -> queue.put(item);
                case 1 -> queue.put(item, false);
                case 2 -> queue.put(item, true, worker.timeout());
                default -> queue.putNowait(item);
            }
        } catch (Full e) {
            failed(item, e);
            if (queue.maxsize() == 0 || form == 0) {
                state.violations.add(counters.name, "Full from " + (form == 0 ? "a blocking put" : "an unbounded queue"));
            }
            (form == 2 ? counters.timeouts : counters.refused).increment();
            return;
        } catch (ShutDown e) {
            failed(item, e);
            counters.refused.increment();
            return;
        } catch (RuntimeException | Error e) {
            failed(item, e);
            throw e;
        }
        generation.puts.increment();
        generation.putHashes.add(item.hash());
    }

    /** A put that threw must not have put its item: if it was got already, or is later, that is a violation. */
    private void failed(Item item, Throwable why) {
        item.failedPut = true;
        if (item.taken.get()) {
            state.violations.add(counters.name, "a put threw " + why + ", yet its " + item + " was got");
        }
    }

    private void get(Worker worker, QueueGeneration generation, int form) {
        SoakQueue queue = generation.queue;
        Item item;
        try {
            item = switch (form) {
                case 0 -> queue.get();
                case 1 -> queue.get(false);
                case 2 -> queue.get(true, worker.timeout());
                default -> queue.getNowait();
            };
        } catch (Empty e) {
            if (form == 0) {
                state.violations.add(counters.name, "Empty from a blocking get()");
            }
            (form == 2 ? counters.timeouts : counters.refused).increment();
            return;
        } catch (ShutDown e) {
            counters.refused.increment();
            return;
        }
        if (item == Item.WAKE_UP) {
            return;
        }
        if (!received(generation, item)) {
            return;
        }
        if (queue.fifo() && !worker.inProducerOrder(generation, item, state.threads)) {
            state.violations.add(counters.name, worker + " got " + item + " after a later item of the same producer");
        }
        if (queue.hasTasksAndShutdown()) {
            queue.taskDone();
        }
    }

    /** Accounts for an item got (by a worker, or when settling); false if it is not a fresh item. */
    private boolean received(QueueGeneration generation, Item item) {
        if (item == null) {
            state.violations.add(counters.name, "got null, which no one put");
            return false;
        }
        if (!item.taken.compareAndSet(false, true)) {
            state.violations.add(counters.name, item + " was got twice");
            return false;
        }
        if (item.failedPut) {
            state.violations.add(counters.name, item + " was got, though its put threw");
        }
        generation.gets.increment();
        generation.getHashes.add(item.hash());
        return true;
    }

    /**
     * Retires the current queue (by the shutter): a fresh one takes its place at once;
     * the old one is shut down ({@code immediate} or not) or, a SimpleQueue, given a
     * wake-up item for every worker that may be blocked in it.
     */
    void retire(boolean immediate) {
        QueueGeneration old = current.getAndSet(fresh());
        old.retired = true;
        close(old, immediate, true);
        synchronized (retired) {
            retired.add(old);
        }
    }

    private void close(QueueGeneration generation, boolean immediate, boolean counted) {
        if (generation.queue.hasTasksAndShutdown()) {
            generation.immediate |= immediate;
            generation.queue.shutdown(immediate);
        } else {
            for (int i = 0; i < state.threads; i++) {
                generation.queue.put(Item.WAKE_UP);
            }
        }
        if (counted) {
            state.queueShutdowns.increment();
            if (immediate && generation.queue.hasTasksAndShutdown()) {
                state.immediateShutdowns.increment();
            }
        }
    }

    /** Settles the retired queues that nobody uses any more (by the shutter, now and then). */
    void settleIdle() {
        List<QueueGeneration> idle = new ArrayList<>();
        synchronized (retired) {
            retired.removeIf(g -> {
                if (g.users.get() == 0) {
                    idle.add(g);
                    return true;
                }
                return false;
            });
        }
        idle.forEach(this::settle);
    }

    private void settle(QueueGeneration generation) {
        SoakQueue queue = generation.queue;
        long left = 0;
        long leftHashes = 0;
        for (;;) {
            Item item;
            try {
                item = queue.getNowait();
            } catch (Empty | ShutDown e) {
                break;
            }
            if (item == Item.WAKE_UP) {
                continue;
            }
            if (received(generation, item)) {
                left++;
                leftHashes += item.hash();
                generation.gets.decrement();
                generation.getHashes.add(-item.hash());
                if (queue.hasTasksAndShutdown()) {
                    queue.taskDone();
                }
            }
        }
        long put = generation.puts.sum();
        long got = generation.gets.sum();
        long missing = put - got - left;
        long missingHashes = generation.putHashes.sum() - generation.getHashes.sum() - leftHashes;
        state.itemsPut.add(put);
        state.itemsGot.add(got);
        state.itemsLeft.add(left);
        if (generation.immediate) {
            if (missing < 0) {
                state.violations.add(counters.name, "got " + (got + left) + " items, but only " + put + " were put");
            } else {
                state.itemsDiscarded.add(missing);
            }
        } else if (missing != 0 || missingHashes != 0) {
            state.violations.add(counters.name, missing > 0
                    ? missing + " of " + put + " items put were never got, nor left in the queue"
                    : missing == 0 ? "the items got are not the items put (as many, but a duplicate or a stranger)"
                    : -missing + " more items got than put");
        }
        if (queue.hasTasksAndShutdown()) {
            // every item got was marked done, and an immediate shutdown counts the discarded
            // ones done: no task may be left, so one more taskDone() must be refused
            try {
                queue.taskDone();
                state.violations.add(counters.name, "unfinished tasks left after every item was got or discarded");
                return;
            } catch (IllegalArgumentException e) {
                if (!"task_done() called too many times".equals(e.getMessage())) {
                    state.violations.add(counters.name, "taskDone() one too many said '" + e.getMessage() + "'");
                }
            }
            queue.join(); // returns at once: nothing is unfinished
        }
    }

    @Override
    public void wake() {
        close(current.get(), false, false);
    }

    @Override
    public void check(Violations violations) {
        List<QueueGeneration> all;
        synchronized (retired) {
            all = new ArrayList<>(retired);
            retired.clear();
        }
        all.add(current.get());
        for (QueueGeneration generation : all) {
            if (generation.users.get() != 0) {
                violations.add(counters.name, generation.users.get() + " workers still inside a call on a queue");
            } else {
                settle(generation);
            }
        }
    }
}
