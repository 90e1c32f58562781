package pythreading.threading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * lock_tests' Bunch: {@code n} threads running the same function, started as foreign
 * (plain Java) threads as CPython's start_new_thread does. Closing the bunch waits for
 * all of them and fails the test with any exception they threw.
 *
 * <pre>{@code
 * try (Bunch bunch = Bunch.start(() -> lock.acquire(), 5)) {
 *     ...
 * }
 * }</pre>
 */
final class Bunch implements AutoCloseable {

    private final Runnable func;
    private final int n;
    final List<Long> started = Collections.synchronizedList(new ArrayList<>());
    final List<Long> finished = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> exceptions = Collections.synchronizedList(new ArrayList<>());
    final List<java.lang.Thread> threads = new ArrayList<>();
    private volatile boolean canExit;

    private Bunch(Runnable func, int n, boolean waitBeforeExit) {
        this.func = func;
        this.n = n;
        this.canExit = !waitBeforeExit;
    }

    /** Starts {@code n} threads running {@code func}; returns once all have started. */
    static Bunch start(Runnable func, int n) {
        return start(func, n, false);
    }

    /** As {@link #start(Runnable, int)}; with {@code waitBeforeExit} the threads stay until {@link #doFinish()}. */
    static Bunch start(Runnable func, int n, boolean waitBeforeExit) {
        Bunch bunch = new Bunch(func, n, waitBeforeExit);
        for (int i = 0; i < n; i++) {
            java.lang.Thread t = new java.lang.Thread(bunch::task, "bunch-" + i);
            t.setDaemon(true);
            bunch.threads.add(t);
            t.start();
        }
        TestSupport.waitUntil("the bunch starts", () -> bunch.started.size() >= n);
        return bunch;
    }

    private void task() {
        long tid = Threading.getIdent();
        started.add(tid);
        try {
            func.run();
        } catch (Throwable e) {
            exceptions.add(e);
        } finally {
            finished.add(tid);
            TestSupport.waitUntil("the bunch may exit", () -> canExit);
        }
    }

    /** Lets the threads of a bunch started with {@code waitBeforeExit} end. */
    void doFinish() {
        canExit = true;
    }

    /** Waits until every thread is parked (blocked in a primitive) or finished. */
    void waitUntilBlocked() {
        for (java.lang.Thread t : threads) {
            TestSupport.waitUntilBlocked(t);
        }
    }

    /** Waits until {@code expected} threads have finished. */
    void waitFinished(int expected) {
        TestSupport.waitUntil(expected + " threads finish", () -> finished.size() >= expected);
    }

    @Override
    public void close() {
        doFinish();
        TestSupport.waitUntil("the bunch finishes", () -> finished.size() >= n);
        for (java.lang.Thread t : threads) {
            try {
                t.join((long) (TestSupport.SHORT_TIMEOUT * 1000));
            } catch (InterruptedException e) {
                java.lang.Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (!exceptions.isEmpty()) {
            AssertionError error = new AssertionError(exceptions.size() + " bunch threads threw");
            exceptions.forEach(error::addSuppressed);
            throw error;
        }
    }
}
