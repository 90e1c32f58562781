package pythreading.threading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * pythreading: threads built with {@code Thread.builder().virtual(true)} (no CPython
 * counterpart); on Java 21 and later they run on virtual threads, before it the option is refused.
 */
@Timeout(20)
class VirtualThreadTests {

    private static boolean jdk21() {
        return Runtime.version().feature() >= 21;
    }

    private static void assumeVirtualThreads() {
        assumeThat(jdk21()).as("virtual threads need Java 21").isTrue();
    }

    /** java.lang.Thread.isVirtual(), by reflection: the tests compile for Java 17. */
    private static boolean isVirtual(java.lang.Thread thread) {
        try {
            Method m = java.lang.Thread.class.getMethod("isVirtual");
            return (boolean) m.invoke(thread);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await((long) TestSupport.SHORT_TIMEOUT, TimeUnit.SECONDS)).as("latch opened").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void testUnsupportedBeforeJava21() {
        // pythreading: virtual(true) on Java 17..20 throws, saying Java 21 is needed
        assumeThat(jdk21()).as("runs on Java < 21 only").isFalse();
        assertThatThrownBy(() -> Thread.builder().virtual(true)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Java 21");
        assertThat(Thread.builder().virtual(false).build().isAlive()).isFalse();
    }

    @Test
    void testRunsOnAVirtualThread() {
        // pythreading: the target runs on a virtual thread named after the Thread
        assumeVirtualThreads();
        AtomicBoolean virtual = new AtomicBoolean();
        AtomicReference<String> javaName = new AtomicReference<>();
        AtomicReference<String> javaString = new AtomicReference<>();
        AtomicReference<Thread> current = new AtomicReference<>();
        AtomicLong ident = new AtomicLong();
        Thread t = Thread.builder().virtual(true).name("v-worker").target(() -> {
            java.lang.Thread self = java.lang.Thread.currentThread();
            virtual.set(isVirtual(self));
            javaName.set(self.getName());
            javaString.set(self.toString());
            current.set(Threading.currentThread());
            ident.set(Threading.getIdent());
        }).build();
        assertThat(t.getName()).isEqualTo("v-worker");
        assertThat(t.ident()).isNull();
        t.start();
        Long started = t.ident();
        assertThat(started).isNotNull();
        t.join();
        assertThat(t.isAlive()).isFalse();
        assertThat(virtual.get()).isTrue();
        assertThat(javaString.get()).contains("VirtualThread");
        assertThat(javaName.get()).isEqualTo("v-worker");
        assertThat(current.get()).isSameAs(t);
        assertThat(ident.get()).isEqualTo(started);
        assertThat(t.toString()).isEqualTo("<Thread(v-worker, stopped " + started + ")>");
    }

    @Test
    void testEnumerateAndLiveness() {
        // pythreading: a running virtual Thread is listed and alive; join waits for it
        assumeVirtualThreads();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = Thread.builder().virtual(true).target(() -> {
            running.countDown();
            await(release);
        }).build();
        try {
            t.start();
            await(running);
            assertThat(t.isAlive()).isTrue();
            assertThat(Threading.enumerate()).contains(t);
            assertThat(t.toString()).startsWith("<Thread(" + t.getName() + ", started ");
            t.join(0.05);
            assertThat(t.isAlive()).isTrue();
        } finally {
            release.countDown();
            t.join();
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(Threading.enumerate()).doesNotContain(t);
    }

    @Test
    void testNativeIdIsNull() {
        // pythreading: a virtual thread has no OS thread of its own
        assumeVirtualThreads();
        AtomicLong carrier = new AtomicLong();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = Thread.builder().virtual(true).target(() -> {
            carrier.set(Threading.getNativeId());
            running.countDown();
            await(release);
        }).build();
        assertThat(t.nativeId()).isNull();
        t.start();
        await(running);
        assertThat(t.nativeId()).isNull();
        release.countDown();
        t.join();
        assertThat(t.nativeId()).isNull();
        assertThat(carrier.get()).isPositive();
    }

    @Test
    void testNamesAndDaemon() {
        // pythreading: default name Thread-N and daemon inheritance as for platform threads
        assumeVirtualThreads();
        Thread before = new Thread();
        Thread v = Thread.builder().virtual(true).build();
        int n = Integer.parseInt(before.getName().substring("Thread-".length()));
        assertThat(v.getName()).isEqualTo("Thread-" + (n + 1));
        assertThat(v.isDaemon()).isFalse();
        assertThat(Thread.builder().virtual(true).daemon(true).build().isDaemon()).isTrue();
        AtomicReference<Thread> child = new AtomicReference<>();
        Thread d = Thread.builder().virtual(true).daemon(true).target(() -> child.set(new Thread())).build();
        d.start();
        d.join();
        assertThat(child.get().isDaemon()).isTrue();
    }

    @Test
    void testSetNameWhileRunning() {
        // pythreading: setName renames the virtual Java thread too
        assumeVirtualThreads();
        CountDownLatch renamed = new CountDownLatch(1);
        AtomicReference<String> seen = new AtomicReference<>();
        Thread t = Thread.builder().virtual(true).name("before").target(() -> {
            await(renamed);
            seen.set(java.lang.Thread.currentThread().getName());
        }).build();
        t.start();
        t.setName("after");
        renamed.countDown();
        t.join();
        assertThat(seen.get()).isEqualTo("after");
    }

    @Test
    void testExceptionGoesToExcepthook() {
        // pythreading: an exception escaping a virtual thread's run() reaches the excepthook
        assumeVirtualThreads();
        AtomicReference<ExceptHookArgs> seen = new AtomicReference<>();
        java.util.function.Consumer<ExceptHookArgs> saved = Threading.excepthook();
        Threading.setExcepthook(seen::set);
        try {
            Thread t = Thread.builder().virtual(true).target(() -> {
                throw new IllegalArgumentException("virtual failed");
            }).build();
            t.start();
            t.join();
            assertThat(seen.get().thread()).isSameAs(t);
            assertThat(seen.get().excValue()).hasMessage("virtual failed");
        } finally {
            Threading.setExcepthook(saved);
        }
    }

    @Test
    void testStartTwiceAndJoinErrors() {
        // test_threading.ThreadingExceptionTests.test_start_thread_again (virtual thread)
        assumeVirtualThreads();
        Thread t = Thread.builder().virtual(true).build();
        assertThatThrownBy(t::join).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot join thread before it is started");
        t.start();
        assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("threads can only be started once");
        t.join();
    }
}
