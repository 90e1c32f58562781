package pythreading.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import pythreading.futures.Future;
import pythreading.futures.ThreadPoolExecutor;
import pythreading.futures.TimeoutError;

/**
 * A {@link ThreadPoolExecutor} of four workers: tasks submitted, their results waited
 * for (forever or timed), cancelled, and checked once done. The shutter now and then
 * shuts the pool down (cancelling its pending futures or not) and starts a fresh one.
 * Every future ends done; a cancelled one never ran, any other ran exactly once and
 * returned its own value.
 */
final class PoolTarget implements Target {

    static final int WORKERS = 4;

    /** Futures waiting to be checked, per pool; beyond this, workers check instead of submitting. */
    private static final int MAX_OUTSTANDING = 1000;

    /** A submitted call and how often it ran. */
    private static final class Task {
        final long id;
        final AtomicInteger runs = new AtomicInteger();
        Future<Long> future;

        Task(long id) {
            this.id = id;
        }
    }

    /** One pool, from its creation until the end of the run. */
    private static final class PoolGeneration {
        final ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS);
        final ConcurrentLinkedQueue<Task> outstanding = new ConcurrentLinkedQueue<>();
        final AtomicInteger size = new AtomicInteger();
        volatile boolean retired;
    }

    private final Counters counters = new Counters("ThreadPoolExecutor");
    private final RunState state;
    private final AtomicReference<PoolGeneration> current = new AtomicReference<>(new PoolGeneration());
    private final List<PoolGeneration> retired = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger();

    PoolTarget(RunState state) {
        this.state = state;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public void step(Worker worker) {
        PoolGeneration generation = current.get();
        int op = worker.random.nextInt(6);
        if (op < 2 && generation.size.get() < MAX_OUTSTANDING) {
            submit(worker, generation);
            return;
        }
        Task task = generation.outstanding.poll();
        if (task == null) {
            return;
        }
        generation.size.decrementAndGet();
        boolean keep = true;
        try {
            switch (op) {
                case 2 -> keep = !waitFor(task, worker.timeout());
                case 3 -> keep = !waitFor(task, -1);
                case 4 -> {
                    if (task.future.cancel() && !task.future.cancelled()) {
                        state.violations.add(counters.name, "cancel() returned true, cancelled() false");
                    }
                }
                default -> {
                    if (task.future.done()) {
                        verify(task, state.violations);
                        keep = false;
                    }
                }
            }
        } finally {
            if (keep) {
                generation.outstanding.add(task);
                generation.size.incrementAndGet();
            }
        }
    }

    private void submit(Worker worker, PoolGeneration generation) {
        Task task = new Task(nextId.getAndIncrement());
        try {
            task.future = generation.pool.submit(() -> {
                task.runs.incrementAndGet();
                java.lang.Thread.yield();
                return task.id;
            });
        } catch (IllegalStateException e) {
            counters.refused.increment();
            if (!"cannot schedule new futures after shutdown".equals(e.getMessage())) {
                state.violations.add(counters.name, "submit() after shutdown said '" + e.getMessage() + "'");
            } else if (!generation.retired) {
                state.violations.add(counters.name, "submit() refused by a pool not shut down");
            }
            return;
        }
        generation.outstanding.add(task);
        generation.size.incrementAndGet();
    }

    /** Waits for the result ({@code timeout} < 0: forever); true if the future is done and checked. */
    private boolean waitFor(Task task, double timeout) {
        try {
            long value = timeout < 0 ? task.future.result() : task.future.result(timeout);
            if (value != task.id || task.runs.get() != 1) {
                state.violations.add(counters.name, "task " + task.id + " returned " + value + " after "
                        + task.runs.get() + " runs");
            }
            return true;
        } catch (TimeoutError e) {
            if (timeout < 0) {
                state.violations.add(counters.name, "result() without timeout threw " + e);
            }
            counters.timeouts.increment();
            return false;
        } catch (CancellationException e) {
            counters.refused.increment();
            verify(task, state.violations);
            return true;
        }
    }

    /** Checks a finished future. */
    private void verify(Task task, Violations violations) {
        Future<Long> future = task.future;
        if (!future.done()) {
            violations.add(counters.name, "task " + task.id + " not done: " + future);
        } else if (future.cancelled()) {
            if (task.runs.get() != 0) {
                violations.add(counters.name, "task " + task.id + " cancelled, yet it ran " + task.runs.get() + " times");
            }
        } else if (task.runs.get() != 1) {
            violations.add(counters.name, "task " + task.id + " done after " + task.runs.get() + " runs");
        } else if (future.result(0) != task.id) {
            violations.add(counters.name, "task " + task.id + " returned " + future.result(0));
        }
    }

    /** Shuts the current pool down (by the shutter) and starts a fresh one. */
    void retire(boolean cancelFutures) {
        PoolGeneration old = current.getAndSet(new PoolGeneration());
        old.retired = true;
        old.pool.shutdown(false, cancelFutures);
        state.poolShutdowns.increment();
        synchronized (retired) {
            retired.add(old);
        }
    }

    @Override
    public void wake() {
        // every task is short and every pool finishes its work: results come
    }

    @Override
    public void check(Violations violations) {
        List<PoolGeneration> all;
        synchronized (retired) {
            all = new ArrayList<>(retired);
        }
        all.add(current.get());
        for (PoolGeneration generation : all) {
            generation.pool.shutdown(true);
            for (Task task : generation.outstanding) {
                verify(task, violations);
            }
        }
    }
}
