package pythreading.futures;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;

/**
 * The functions of Python's {@code concurrent.futures}: {@code wait} (here
 * {@link #await}, since {@link Object} owns {@code wait}) and {@code as_completed}.
 *
 * <pre>{@code
 * var result = Futures.await(futures, 5.0, ReturnWhen.FIRST_COMPLETED);
 * for (Future<Integer> f : Futures.asCompleted(futures, 10.0)) {
 *     System.out.println(f.result());
 * }
 * }</pre>
 *
 * <p>A future is done once finished or cancelled. Duplicates in the collection count
 * once. Timeouts are seconds (zero or less: do not wait).
 */
public final class Futures {

    private Futures() {
    }

    /**
     * The futures that were done, and those that were not, when {@link #await} returned:
     * Python's {@code DoneAndNotDoneFutures}. Both sets are unmodifiable and keep the
     * order of the collection given to {@code await}.
     *
     * @param done the futures that were done
     * @param notDone the others
     * @param <F> the type of the futures
     */
    public record DoneAndNotDone<F>(Set<F> done, Set<F> notDone) {
        /**
         * Makes unmodifiable copies of both sets.
         *
         * @param done the futures that were done
         * @param notDone the others
         */
        public DoneAndNotDone {
            done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
            notDone = Collections.unmodifiableSet(new LinkedHashSet<>(notDone));
        }
    }

    /**
     * Waits until all the futures are done, as long as necessary.
     *
     * <p>Python: {@code concurrent.futures.wait(fs)}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @return the futures, all done ({@code notDone()} is empty)
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs) {
        return doAwait(fs, false, 0, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Waits until all the futures are done, at most {@code timeout} seconds (zero or less:
     * not at all). It returns when the timeout expires too, without throwing.
     *
     * <p>Python: {@code concurrent.futures.wait(fs, timeout)}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the longest wait, in seconds
     * @return the futures done and those not done, at the moment it returned
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs, double timeout) {
        return doAwait(fs, true, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * As {@link #await(Collection, double)}, with the timeout as a {@link Duration}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the longest wait
     * @return the futures done and those not done, at the moment it returned
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs, Duration timeout) {
        return await(fs, Timeouts.seconds(timeout));
    }

    /**
     * Waits until {@code returnWhen} says, as long as necessary (see
     * {@link #await(Collection, double, ReturnWhen)}).
     *
     * <p>Python: {@code concurrent.futures.wait(fs, return_when=return_when)}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param returnWhen when to return
     * @return the futures done and those not done, at the moment it returned
     * @throws NullPointerException if {@code returnWhen} is null
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs, ReturnWhen returnWhen) {
        return doAwait(fs, false, 0, returnWhen);
    }

    /**
     * Waits until {@code returnWhen} says, at most {@code timeout} seconds: Python's
     * {@code wait(fs, timeout, return_when)}. It returns when the timeout expires too,
     * without throwing; the futures not done are in {@code notDone()}.
     *
     * <ul>
     *   <li>{@link ReturnWhen#FIRST_COMPLETED}: when any future is done;
     *   <li>{@link ReturnWhen#FIRST_EXCEPTION}: when any future finishes by an exception,
     *       or else when all are done;
     *   <li>{@link ReturnWhen#ALL_COMPLETED}: when all are done.
     * </ul>
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the longest wait, in seconds (zero or less: not at all)
     * @param returnWhen when to return
     * @return the futures done and those not done, at the moment it returned
     * @throws NullPointerException if {@code returnWhen} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs, double timeout,
            ReturnWhen returnWhen) {
        return doAwait(fs, true, timeout, returnWhen);
    }

    /**
     * As {@link #await(Collection, double, ReturnWhen)}, with the timeout as a
     * {@link Duration}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the longest wait
     * @param returnWhen when to return
     * @return the futures done and those not done, at the moment it returned
     * @throws NullPointerException if {@code timeout} or {@code returnWhen} is null
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     *     for a wait beyond {@link pythreading.threading.Threading#TIMEOUT_MAX}
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    public static <F extends Future<?>> DoneAndNotDone<F> await(Collection<F> fs, Duration timeout,
            ReturnWhen returnWhen) {
        return await(fs, Timeouts.seconds(timeout), returnWhen);
    }

    private static <F extends Future<?>> DoneAndNotDone<F> doAwait(Collection<F> fs, boolean timed,
            double timeout, ReturnWhen returnWhen) {
        if (returnWhen == null) {
            throw new NullPointerException("returnWhen");
        }
        Set<F> all = new LinkedHashSet<>(fs);
        Set<F> done = new LinkedHashSet<>();
        for (F f : all) {
            if (f.done()) {
                done.add(f);
            }
        }
        if (returnWhen == ReturnWhen.FIRST_COMPLETED && !done.isEmpty()
                || returnWhen == ReturnWhen.FIRST_EXCEPTION && done.stream().anyMatch(Future::failedNow)
                || done.size() == all.size()) {
            return split(all, done);
        }
        Waiter waiter = new Waiter(returnWhen, all.size() - done.size());
        List<Future.Listener> handles = new ArrayList<>();
        try {
            for (F f : all) {
                if (!done.contains(f)) { // one done since the scan is counted at once
                    handles.add(f.addListener(waiter::onDone));
                }
            }
            waiter.await(timed ? Timeouts.forWait(timeout) : Timeouts.FOREVER);
        } finally {
            handles.forEach(Future.Listener::remove);
        }
        for (F f : all) { // what the waiter saw, and anything done since
            if (f.done()) {
                done.add(f);
            }
        }
        return split(all, done);
    }

    private static <F> DoneAndNotDone<F> split(Set<F> all, Set<F> done) {
        Set<F> notDone = new LinkedHashSet<>(all);
        notDone.removeAll(done);
        return new DoneAndNotDone<>(done, notDone);
    }

    /**
     * The futures as they are done: first those done already (in the collection's order),
     * then the others in the order they finish. One pass only. Each {@code next()} waits
     * as long as necessary.
     *
     * <p>Python: {@code concurrent.futures.as_completed(fs)}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @return the futures in the order they are done; a second {@code iterator()} throws
     *     {@link IllegalStateException}
     * @throws pythreading.threading.UncheckedInterruptedException from {@code next()} if
     *     interrupted while waiting
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> fs) {
        return asCompleted(fs, false, 0);
    }

    /**
     * As {@link #asCompleted(Collection)}, within {@code timeout} seconds counted from this
     * call: a {@code next()} that would have to wait past it throws {@link TimeoutError}
     * ({@code 2 (of 4) futures unfinished}).
     *
     * <p>Python: {@code concurrent.futures.as_completed(fs, timeout)}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the time, in seconds from this call, within which every future must
     *     be done (zero or less: only those done already come out)
     * @return the futures in the order they are done; a second {@code iterator()} throws
     *     {@link IllegalStateException}
     * @throws TimeoutError from {@code next()}, when the timeout expires before the next
     *     future is done
     * @throws pythreading.threading.UncheckedInterruptedException from {@code next()} if
     *     interrupted while waiting
     * @throws IllegalArgumentException from {@code next()}, {@code timestamp out of range
     *     for platform time_t}, for a timeout beyond
     *     {@link pythreading.threading.Threading#TIMEOUT_MAX} when it must wait
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> fs, double timeout) {
        return asCompleted(fs, true, timeout);
    }

    /**
     * As {@link #asCompleted(Collection, double)}, with the timeout as a {@link Duration}.
     *
     * @param fs the futures (duplicates count once)
     * @param <F> the type of the futures
     * @param timeout the time from this call within which every future must be done
     * @return the futures in the order they are done; a second {@code iterator()} throws
     *     {@link IllegalStateException}
     * @throws NullPointerException if {@code timeout} is null
     * @throws TimeoutError from {@code next()}, when the timeout expires before the next
     *     future is done
     * @throws IllegalArgumentException from {@code next()}, {@code timestamp out of range
     *     for platform time_t}, for a timeout beyond
     *     {@link pythreading.threading.Threading#TIMEOUT_MAX} when it must wait
     * @throws pythreading.threading.UncheckedInterruptedException from {@code next()} if
     *     interrupted while waiting
     */
    public static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> fs, Duration timeout) {
        return asCompleted(fs, Timeouts.seconds(timeout));
    }

    private static <F extends Future<?>> Iterable<F> asCompleted(Collection<F> fs, boolean timed, double timeout) {
        AsCompleted<F> iterator = new AsCompleted<>(new LinkedHashSet<>(fs), timed, timeout);
        boolean[] used = {false};
        return () -> {
            if (used[0]) {
                throw new IllegalStateException("asCompleted() can be iterated once");
            }
            used[0] = true;
            return iterator;
        };
    }

    /**
     * as_completed's iterator: done futures first, then each as it finishes. It keeps no
     * reference to a future it has handed out (bpo-14406): the listeners it adds get the
     * future as their argument rather than holding it.
     */
    private static final class AsCompleted<F extends Future<?>> implements Iterator<F> {
        private final int total;
        private final boolean timed;
        private final double timeout;
        private final long deadline;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition finished = lock.newCondition();
        /** Done and not yet handed out, oldest first. Guarded by lock. */
        private final ArrayDeque<F> ready = new ArrayDeque<>();
        private final List<Future.Listener> handles = new ArrayList<>();
        private int yielded;

        AsCompleted(Set<F> fs, boolean timed, double timeout) {
            this.total = fs.size();
            this.timed = timed;
            this.timeout = timeout;
            this.deadline = timed ? Timeouts.deadlineIn(timeout) : 0;
            lock.lock();
            try {
                List<F> pending = new ArrayList<>();
                for (F f : fs) {
                    if (f.done()) {
                        ready.add(f);
                    } else {
                        pending.add(f);
                    }
                }
                for (F f : pending) { // one done since the scan arrives at once
                    handles.add(f.addListener(this::arrived));
                }
            } finally {
                lock.unlock();
            }
        }

        @SuppressWarnings("unchecked")
        private void arrived(Object future) {
            lock.lock();
            try {
                ready.add((F) future);
                finished.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean hasNext() {
            boolean more = yielded < total;
            if (!more) {
                handles.forEach(Future.Listener::remove);
            }
            return more;
        }

        @Override
        public F next() {
            if (yielded >= total) {
                throw new NoSuchElementException();
            }
            lock.lock();
            try {
                while (ready.isEmpty()) {
                    if (timed) {
                        Timeouts.forWait(timeout); // refuses one beyond TIMEOUT_MAX, now that we must wait
                        long remaining = Timeouts.remaining(deadline);
                        if (remaining <= 0) {
                            handles.forEach(Future.Listener::remove);
                            throw new TimeoutError((total - yielded) + " (of " + total + ") futures unfinished");
                        }
                        finished.awaitNanos(remaining);
                    } else {
                        finished.await();
                    }
                }
                yielded++;
                return ready.poll();
            } catch (InterruptedException e) {
                throw Interrupts.rethrow(e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** A wait(): counts the futures that finish until {@code returnWhen} is satisfied. */
    private static final class Waiter {
        private final ReturnWhen returnWhen;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition satisfied = lock.newCondition();
        /** Futures not yet done, for ALL_COMPLETED and FIRST_EXCEPTION. Guarded by lock. */
        private int pending;
        private boolean ready;

        Waiter(ReturnWhen returnWhen, int pending) {
            this.returnWhen = returnWhen;
            this.pending = pending;
        }

        void onDone(Object future) {
            lock.lock();
            try {
                pending--;
                if (returnWhen == ReturnWhen.FIRST_COMPLETED || pending <= 0
                        || returnWhen == ReturnWhen.FIRST_EXCEPTION && ((Future<?>) future).failedNow()) {
                    ready = true;
                    satisfied.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        /** @param nanos {@link Timeouts#FOREVER} or at most this long (0: not at all) */
        void await(long nanos) {
            lock.lock();
            try {
                long deadline = Timeouts.deadline(nanos);
                while (!ready) {
                    if (nanos == Timeouts.FOREVER) {
                        satisfied.await();
                    } else {
                        long remaining = Timeouts.remaining(deadline);
                        if (remaining <= 0) {
                            return;
                        }
                        satisfied.awaitNanos(remaining);
                    }
                }
            } catch (InterruptedException e) {
                throw Interrupts.rethrow(e);
            } finally {
                lock.unlock();
            }
        }
    }
}
