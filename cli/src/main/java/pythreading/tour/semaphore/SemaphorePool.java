// Tutorial: "Semaphore objects & Thread Pool" (example 13).
package pythreading.tour.semaphore;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Lock;
import pythreading.threading.Semaphore;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/** Ten threads, a Semaphore(3): never more than three of them in the pool's "Running" list. */
public class SemaphorePool {
    private static final Logger logging = LoggerFactory.getLogger(SemaphorePool.class);

    static class ThreadPool {
        private final List<String> active = new ArrayList<>();
        private final Lock lock = new Lock();

        void makeActive(String name) {
            try (var held = lock.enter()) {
                active.add(name);
                logging.debug("Running: {}", str(active));
            }
        }

        void makeInactive(String name) {
            try (var held = lock.enter()) {
                active.remove(name);
                logging.debug("Running: {}", str(active));
            }
        }
    }

    static void f(Semaphore s, ThreadPool pool) {
        logging.debug("Waiting to join the pool");
        try (var held = s.enter()) {
            String name = Threading.currentThread().getName();
            pool.makeActive(name);
            sleep(0.5);
            pool.makeInactive(name);
        }
    }

    public static void main(String[] args) {
        ThreadPool pool = new ThreadPool();
        Semaphore s = new Semaphore(3);
        for (int i = 0; i < 10; i++) {
            Thread t = new Thread(() -> f(s, pool), "thread_" + i);
            t.start();
        }
    }
}
