// Tutorial: "Lock objects - acquire() & release() methods" -> "Lock Objects" (example 08).
package pythreading.tour.lock;

import static pythreading.tour.Random.random;
import static pythreading.tour.Time.sleep;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Lock;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/** Two workers increment a Counter twice each under its Lock: the counter ends at 4. */
public class LockCounter {
    private static final Logger logging = LoggerFactory.getLogger(LockCounter.class);

    static class Counter {
        final Lock lock = new Lock();
        int value;

        Counter(int start) {
            this.value = start;
        }

        Counter() {
            this(0);
        }

        void increment() {
            logging.debug("Waiting for a lock");
            lock.acquire();
            try {
                logging.debug("Acquired a lock");
                value = value + 1;
            } finally {
                logging.debug("Released a lock");
                lock.release();
            }
        }
    }

    static void worker(Counter c) {
        for (int i = 0; i < 2; i++) {
            double r = random();
            logging.debug("Sleeping {}", String.format(Locale.ROOT, "%.2f", r));
            sleep(r);
            c.increment();
        }
        logging.debug("Done");
    }

    public static void main(String[] args) {
        Counter counter = new Counter();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> worker(counter));
            t.start();
        }

        logging.debug("Waiting for worker threads");
        Thread mainThread = Threading.currentThread();
        for (Thread t : Threading.enumerate()) {
            if (t != mainThread) {
                t.join();
            }
        }
        logging.debug("Counter: {}", counter.value);
    }
}
