package pythreading.threading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live threads that {@link Threading#enumerate()} lists (CPython's {@code _active}
 * and {@code _limbo}), and the mapping from Java threads to their {@link Thread} objects.
 *
 * <p>A pythreading thread is registered by {@code start()} before its Java thread starts
 * and unregistered by that thread as its last act, before {@code join()} returns. The
 * main thread and dummy threads (foreign threads that called
 * {@link Threading#currentThread()}) are removed once their Java thread has died, lazily:
 * by {@code enumerate()}, and by the registration of a dummy when the table has grown.
 */
final class ThreadRegistry {

    /** The calling thread's {@link Thread}, once known. */
    static final ThreadLocal<Thread> CURRENT = new ThreadLocal<>();

    /** Live threads by their Java thread. */
    private static final Map<java.lang.Thread, Thread> ACTIVE = new ConcurrentHashMap<>();
    /** Registration order, for enumerate(). */
    private static final AtomicLong SERIAL = new AtomicLong();
    /** CPython's _counter: numbers the default names Thread-N. */
    private static final AtomicInteger NAME_COUNTER = new AtomicInteger();
    /** The table size at which the next registration of a dummy prunes dead entries. */
    private static volatile int pruneThreshold = 64;

    static final Thread MAIN;

    static {
        java.lang.Thread main = findJavaMainThread();
        MAIN = new MainThread(main);
        if (main != null && main.isAlive()) {
            register(MAIN, main);
        }
    }

    private ThreadRegistry() {
    }

    static String newName() {
        return "Thread-" + NAME_COUNTER.incrementAndGet();
    }

    static void register(Thread thread, java.lang.Thread javaThread) {
        thread.registrationSerial = SERIAL.incrementAndGet();
        ACTIVE.put(javaThread, thread);
    }

    static void unregister(java.lang.Thread javaThread) {
        ACTIVE.remove(javaThread);
    }

    static Thread current() {
        Thread thread = CURRENT.get();
        if (thread != null) {
            return thread;
        }
        java.lang.Thread javaThread = java.lang.Thread.currentThread();
        thread = ACTIVE.get(javaThread);
        if (thread == null) {
            thread = new DummyThread(javaThread);
            if (ACTIVE.size() >= pruneThreshold) {
                pruneDead();
                pruneThreshold = Math.max(64, 2 * ACTIVE.size());
            }
            register(thread, javaThread);
        }
        CURRENT.set(thread);
        return thread;
    }

    static List<Thread> enumerate() {
        pruneDead();
        List<Thread> threads = new ArrayList<>(ACTIVE.values());
        threads.sort(Comparator.comparingLong(t -> t.registrationSerial));
        return threads;
    }

    /** Removes the main and dummy threads whose Java thread has died. */
    private static void pruneDead() {
        ACTIVE.entrySet().removeIf(e -> e.getValue().isForeign() && !e.getKey().isAlive());
    }

    /**
     * The JVM's main thread: the thread named "main" that the launcher started the
     * program in, or null if it cannot be found (an embedded JVM, say).
     */
    private static java.lang.Thread findJavaMainThread() {
        java.lang.Thread current = java.lang.Thread.currentThread();
        if (isMainCandidate(current)) {
            return current;
        }
        ThreadGroup root = current.getThreadGroup();
        if (root == null) {
            return null;
        }
        while (root.getParent() != null) {
            root = root.getParent();
        }
        java.lang.Thread[] all = new java.lang.Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            if (isMainCandidate(all[i])) {
                return all[i];
            }
        }
        return null;
    }

    private static boolean isMainCandidate(java.lang.Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return "main".equals(t.getName()) && !t.isDaemon()
                && group != null && "main".equals(group.getName());
    }
}
