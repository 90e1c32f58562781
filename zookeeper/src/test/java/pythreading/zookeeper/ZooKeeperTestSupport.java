package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Acquirable;
import pythreading.threading.UncheckedInterruptedException;

/**
 * The fixture of the distributed suites: one embedded ZooKeeper server per test class,
 * whose manager {@link #zk} stands for a first process, and {@link #other} for a second
 * one (its own ZooKeeper session, as another JVM would have). A test that needs a
 * process it can end takes {@link #newManager()}. Every test gets a fresh {@link #name},
 * so the tests of a class share the server without seeing each other's znodes.
 */
@Timeout(30)
abstract class ZooKeeperTestSupport {

    /** How long a test waits for something that must happen. */
    static final long SHORT_TIMEOUT_MILLIS = 20_000;

    /** Process A; it owns the embedded server. */
    static ZooKeeperManager zk;
    /** Process B: another session on the same server. */
    static ZooKeeperManager other;
    private static final List<ZooKeeperManager> extra = new ArrayList<>();
    private static final AtomicInteger serial = new AtomicInteger();

    /** A name of this test's own, for every factory. */
    String name;

    @BeforeAll
    static void startServer() {
        zk = ZooKeeperManager.embedded();
        other = ZooKeeperManager.connect(zk.connectString());
    }

    @AfterAll
    static void stopServer() {
        synchronized (extra) {
            extra.forEach(ZooKeeperManager::close);
            extra.clear();
        }
        other.close();
        zk.close(); // last: it stops the server
    }

    @BeforeEach
    void nameTheTest(TestInfo info) {
        name = info.getTestMethod().orElseThrow().getName() + "-" + serial.incrementAndGet();
    }

    /** A third process: a manager of its own, closed with the class if the test does not. */
    static ZooKeeperManager newManager() {
        ZooKeeperManager manager = ZooKeeperManager.connect(zk.connectString());
        synchronized (extra) {
            extra.add(manager);
        }
        return manager;
    }

    /** A daemon thread running a body, and the outcome of that body. */
    static final class Running<T> {
        final Thread thread;
        final CompletableFuture<T> outcome = new CompletableFuture<>();

        Running(String threadName, Supplier<T> body) {
            thread = new Thread(() -> {
                try {
                    outcome.complete(body.get());
                } catch (Throwable e) {
                    outcome.completeExceptionally(e);
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }

        /** The body's value, which must come within the short timeout. */
        T result() {
            try {
                return outcome.get(SHORT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError(thread.getName() + " failed", e.getCause());
            } catch (Exception e) {
                throw new AssertionError(thread.getName() + " gave no result within " + SHORT_TIMEOUT_MILLIS + " ms", e);
            }
        }

        /** What the body threw, which it must within the short timeout. */
        Throwable failure() {
            T value;
            try {
                value = outcome.get(SHORT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (Exception e) {
                throw new AssertionError(thread.getName() + " did not end within " + SHORT_TIMEOUT_MILLIS + " ms", e);
            }
            throw new AssertionError(thread.getName() + " was expected to fail, and returned " + value);
        }

        boolean done() {
            return outcome.isDone();
        }

        /** Waits until the body waits for a change in ZooKeeper. */
        Running<T> waiting() {
            waitUntilWaiting(thread);
            return this;
        }
    }

    /** Runs {@code body} in a new daemon thread, for its value. */
    static <T> Running<T> call(String threadName, Supplier<T> body) {
        return new Running<>(threadName, body);
    }

    /** Runs {@code body} in a new daemon thread; its outcome is null. */
    static Running<Void> run(String threadName, Runnable body) {
        return new Running<>(threadName, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code blockingCall} in a thread, interrupts it once it waits, and checks the
     * library's contract: the call throws {@link UncheckedInterruptedException} caused by
     * an {@link InterruptedException}, and the thread's interrupt flag is set again.
     * What it left behind (nothing acquired) is the caller's to check.
     */
    static void assertInterruptible(String what, Runnable blockingCall) {
        Running<Boolean> running = call(what, () -> {
            try {
                blockingCall.run();
            } catch (UncheckedInterruptedException e) {
                assertThat(e).hasCauseInstanceOf(InterruptedException.class);
                return Thread.currentThread().isInterrupted();
            }
            throw new AssertionError(what + " returned instead of waiting");
        });
        running.waiting().thread.interrupt();
        assertThat(running.result()).as("the interrupt flag is set again").isTrue();
    }

    /**
     * One thread per object in {@code locks} (the same name through several managers),
     * each acquiring its object, noting how many threads are inside at once, and
     * releasing. Returns once every thread waits for its turn.
     */
    static Contenders contend(List<? extends Acquirable> locks) {
        return new Contenders(locks);
    }

    static final class Contenders {
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final List<Running<Void>> threads = new ArrayList<>();

        private Contenders(List<? extends Acquirable> locks) {
            for (Acquirable lock : locks) {
                threads.add(run("contender-" + threads.size(), () -> {
                    lock.acquire();
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    lock.release();
                }));
            }
            waitUntilAllWaiting(threads);
            assertThat(threads).as("blocked on acquire").noneMatch(Running::done);
        }

        /** Waits until every thread is through; the most threads that were inside at once. */
        int finish() {
            threads.forEach(Running::result);
            return most.get();
        }
    }

    /** lock_tests' timeout checks, with CPython's messages, for Lock and RLock twins. */
    static void assertLockTimeoutChecks(Acquirable lock) {
        assertThatThrownBy(() -> lock.acquire(false, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("can't specify a timeout for a non-blocking call");
        assertThatThrownBy(() -> lock.acquire(true, -100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout value must be a non-negative number");
    }

    /** Waits (polling) until {@code condition} holds; fails after the short timeout. */
    static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHORT_TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /**
     * Waits until {@code thread} is parked waiting for a change in ZooKeeper (in
     * {@link Changes#await}): it has looked, found it must wait, and waits. This is the
     * distributed suites' answer to lock_tests' {@code wait_threads_blocked}.
     */
    static void waitUntilWaiting(Thread thread) {
        waitUntil(thread.getName() + " waits for a change", () -> isWaiting(thread));
    }

    /** Waits until every one of {@code running} waits for a change. */
    static void waitUntilAllWaiting(List<? extends Running<?>> running) {
        waitUntil(running.size() + " threads wait for a change",
                () -> running.stream().allMatch(r -> isWaiting(r.thread)));
    }

    private static boolean isWaiting(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(Changes.class.getName()) && frame.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }

    /** Seconds since {@code startNanos}. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
