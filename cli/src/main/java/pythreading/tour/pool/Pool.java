// Tutorial: "Semaphore objects & Thread Pool" (example 13), redone with a real pool.
package pythreading.tour.pool;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.futures.ThreadPoolExecutor;
import pythreading.threading.Lock;

/**
 * Example 13 without the Semaphore: ten tasks submitted to a {@code ThreadPoolExecutor(3)},
 * whose three workers keep the "Running" list at three tasks or fewer.
 */
public class Pool {
    private static final Logger logging = LoggerFactory.getLogger(Pool.class);

    /** The tutorial's "ThreadPool": only the list of what is running now. */
    static class ActivePool {
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

    static void f(String name, ActivePool pool) {
        pool.makeActive(name);
        sleep(0.5);
        pool.makeInactive(name);
    }

    public static void main(String[] args) {
        ActivePool pool = new ActivePool();
        // with ThreadPoolExecutor(3) as executor: ... (the end of the block waits for every task)
        try (ThreadPoolExecutor executor = new ThreadPoolExecutor(3)) {
            for (int i = 0; i < 10; i++) {
                String name = "task_" + i;
                logging.debug("Submitting {}", name);
                executor.submit(() -> f(name, pool));
            }
        }
        logging.debug("All tasks done");
    }
}
