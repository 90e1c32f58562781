package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mirrors CPython's test_threading_local (BaseLocalTest) for {@link Local}. */
@Timeout(30)
class LocalTests {

    /** An object whose collection the tests watch, as test_threading_local's Weak. */
    static final class Weak {
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await((long) TestSupport.SHORT_TIMEOUT, TimeUnit.SECONDS)).as("latch opened").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code body} in a new thread, joins it, and rethrows what it threw. */
    private static void inThread(Runnable body) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError("failed in thread", failure.get());
        }
    }

    /** Runs the GC until every reference in {@code refs} is cleared, for at most a few seconds. */
    private static long collectedAfterGc(List<WeakReference<?>> refs, int want) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long dead;
        while ((dead = refs.stream().filter(r -> r.get() == null).count()) < want
                && System.nanoTime() - deadline < 0) {
            System.gc();
            TestSupport.pause();
        }
        return dead;
    }

    private void oneClass(Local<String> obj) {
        CountDownLatch set = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t1 = new Thread(() -> {
            obj.set("foo");
            set.countDown();
            await(done);
        });
        t1.start();
        await(set);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t2 = new Thread(() -> {
            try {
                obj.get();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t2.start();
        t2.join();
        done.countDown();
        t1.join();
        // not set in t2: Python's AttributeError, naming the missing value
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("value");
        assertThatThrownBy(obj::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testThreadingLocal() {
        // test_threading_local.BaseLocalTest.test_threading_local
        oneClass(new Local<>());
    }

    @Test
    void testThreadingLocalSubclass() {
        // test_threading_local.BaseLocalTest.test_threading_local_subclass
        class LocalSubclass extends Local<String> {
        }
        oneClass(new LocalSubclass());
    }

    @Test
    void testUnsetValueMessage() {
        // test_threading_local.BaseLocalTest.test_threading_local (the AttributeError)
        Local<String> local = new Local<>();
        assertThatThrownBy(local::get).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no attribute 'value'");
        assertThat(local.isSet()).isFalse();
        local.remove(); // no-op when unset
        assertThat(local.isSet()).isFalse();
    }

    @Test
    void testDerived() throws Exception {
        // test_threading_local.BaseLocalTest.test_derived
        Local<Integer> local = Local.withInitial(() -> -1);
        int n = 10;
        CyclicBarrier allSet = new CyclicBarrier(n);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int value = i;
            threads.add(new Thread(() -> {
                try {
                    local.set(value);
                    allSet.await(10, TimeUnit.SECONDS); // every thread has set its own before any reads
                    if (local.get() != value) {
                        errors.add("thread " + value + " saw " + local.get());
                    }
                } catch (Exception e) {
                    errors.add(e.toString());
                }
            }));
        }
        threads.forEach(Thread::start);
        threads.forEach(Thread::join);
        assertThat(errors).isEmpty();
        assertThat(local.get()).isEqualTo(-1);
    }

    @Test
    void testWithInitialRunsOncePerThreadOnFirstGet() {
        // test_threading_local.BaseLocalTest.test_derived (__init__ once per thread)
        AtomicInteger calls = new AtomicInteger();
        ConcurrentLinkedQueue<Thread> calledIn = new ConcurrentLinkedQueue<>();
        Local<String> local = Local.withInitial(() -> {
            calledIn.add(Threading.currentThread());
            return "init-" + calls.incrementAndGet();
        });
        assertThat(calls.get()).isZero();
        String mine = local.get();
        assertThat(local.get()).isEqualTo(mine);
        assertThat(local.isSet()).isTrue();
        assertThat(calls.get()).isEqualTo(1);
        AtomicReference<Thread> other = new AtomicReference<>();
        AtomicReference<String> theirs = new AtomicReference<>();
        inThread(() -> {
            other.set(Threading.currentThread());
            theirs.set(local.get());
            assertThat(local.get()).isEqualTo(theirs.get());
        });
        assertThat(calls.get()).isEqualTo(2);
        assertThat(theirs.get()).isNotEqualTo(mine);
        assertThat(calledIn).containsExactly(Threading.currentThread(), other.get());
        assertThat(local.get()).isEqualTo(mine);
    }

    @Test
    void testWithInitialRunsOnFirstSetAndIsSet() {
        // test_threading_local.BaseLocalTest.test_derived (__init__ runs on any first access)
        AtomicInteger calls = new AtomicInteger();
        Local<String> local = Local.withInitial(() -> "init-" + calls.incrementAndGet());
        inThread(() -> {
            local.set("mine");
            assertThat(calls.get()).isEqualTo(1);
            assertThat(local.get()).isEqualTo("mine");
            assertThat(calls.get()).isEqualTo(1);
        });
        inThread(() -> {
            assertThat(local.isSet()).isTrue();
            assertThat(calls.get()).isEqualTo(2);
            assertThat(local.get()).isEqualTo("init-2");
        });
        inThread(() -> {
            local.remove();
            assertThat(calls.get()).isEqualTo(3);
            assertThat(local.isSet()).isFalse();
        });
    }

    @Test
    void testRemove() {
        // test_threading_local.BaseLocalTest.test_threading_local (del obj.y)
        AtomicInteger calls = new AtomicInteger();
        Local<String> local = Local.withInitial(() -> "init-" + calls.incrementAndGet());
        inThread(() -> {
            assertThat(local.get()).isEqualTo("init-1");
            local.remove();
            assertThat(local.isSet()).isFalse();
            assertThatThrownBy(local::get).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has no attribute 'value'");
            assertThat(local.isSet()).isFalse();
            assertThat(calls.get()).isEqualTo(1); // the initializer does not run again
            local.set("again");
            assertThat(local.get()).isEqualTo("again");
            assertThat(calls.get()).isEqualTo(1);
        });
        Local<String> plain = new Local<>();
        plain.set("x");
        assertThat(plain.isSet()).isTrue();
        plain.remove();
        assertThat(plain.isSet()).isFalse();
        assertThatThrownBy(plain::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testInitializerFailurePropagatesAndRetries() {
        // pythreading: a failing initializer fails the access; the next access runs it again
        AtomicInteger calls = new AtomicInteger();
        Local<String> local = Local.withInitial(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalArgumentException("init failed");
            }
            return "ok";
        });
        inThread(() -> {
            assertThatThrownBy(local::get).isInstanceOf(IllegalArgumentException.class).hasMessage("init failed");
            assertThat(local.get()).isEqualTo("ok");
            assertThat(calls.get()).isEqualTo(2);
            assertThat(local.get()).isEqualTo("ok");
            assertThat(calls.get()).isEqualTo(2);
        });
        assertThatThrownBy(() -> Local.withInitial(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void testNullIsAValue() {
        // pythreading: null is a value like any other (Python's None)
        Local<String> local = new Local<>();
        local.set(null);
        assertThat(local.isSet()).isTrue();
        assertThat(local.get()).isNull();
        AtomicInteger calls = new AtomicInteger();
        Local<String> initial = Local.withInitial(() -> {
            calls.incrementAndGet();
            return null;
        });
        inThread(() -> {
            assertThat(initial.get()).isNull();
            assertThat(initial.isSet()).isTrue();
            assertThat(initial.get()).isNull();
            assertThat(calls.get()).isEqualTo(1);
        });
    }

    @Test
    void testLocalRefs() {
        // test_threading_local.BaseLocalTest.test_local_refs
        for (int n : new int[] {20, 50}) {
            Local<Weak> local = new Local<>();
            List<WeakReference<?>> weaklist = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    Weak weak = new Weak();
                    local.set(weak);
                    synchronized (weaklist) {
                        weaklist.add(new WeakReference<>(weak));
                    }
                });
                t.start();
                t.join();
            }
            assertThat(weaklist).hasSize(n);
            assertThat(collectedAfterGc(weaklist, n)).as("values of ended threads collected").isEqualTo(n);
        }
    }

    @Test
    void testDerivedCycleDealloc() {
        // test_threading_local.BaseLocalTest.test_derived_cycle_dealloc (new locals start empty)
        CountDownLatch collected = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<List<Local<String>>> fresh = new AtomicReference<>();
        AtomicReference<Boolean> passed = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Local<String> old = new Local<>();
            old.set("bar");
            WeakReference<Local<String>> ref = new WeakReference<>(old);
            old = null;
            collectedAfterGc(List.of(ref), 1);
            collected.countDown();
            await(checked);
            passed.set(fresh.get().stream().noneMatch(Local::isSet));
        });
        t.start();
        await(collected);
        List<Local<String>> locals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            locals.add(new Local<>());
        }
        fresh.set(locals);
        checked.countDown();
        t.join();
        assertThat(passed.get()).isTrue();
    }

    /** A value that refers back to its Local, as test_cycle_collection's X. */
    static final class X {
        Local<X> local;
    }

    @Test
    void testCycleCollection() throws Exception {
        // test_threading_local.BaseLocalTest.test_cycle_collection, with a difference:
        // a value that refers back to its Local lives as long as its thread (a limit of
        // java.lang.ThreadLocal, documented in the README), so the cycle is made in a
        // short-lived thread and must be collected once that thread has ended.
        List<WeakReference<?>> refs = new java.util.ArrayList<>();
        Thread t = new Thread(() -> {
            X x = new X();
            x.local = new Local<>();
            x.local.set(x);
            refs.add(new WeakReference<>(x));
        });
        t.start();
        t.join();
        assertThat(collectedAfterGc(refs, 1)).as("x collected").isEqualTo(1);
    }
}
