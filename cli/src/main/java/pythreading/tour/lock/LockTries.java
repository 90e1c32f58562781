// Tutorial: "Lock objects - acquire() & release() methods" -> "Another example" (example 08b).
package pythreading.tour.lock;

import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Lock;
import pythreading.threading.Thread;

/** The worker tries the lock without blocking until it has had it 3 times, counting tries. */
public class LockTries {
    private static final Logger logging = LoggerFactory.getLogger(LockTries.class);

    static void locker(Lock lock) {
        logging.debug("Starting");
        while (true) {
            lock.acquire();
            try {
                logging.debug("Locking");
                sleep(1.0);
            } finally {
                logging.debug("Not locking");
                lock.release();
            }
            sleep(1.0);
        }
    }

    static void worker(Lock lock) {
        logging.debug("Starting");
        int numTries = 0;
        int numAcquires = 0;
        while (numAcquires < 3) {
            sleep(0.5);
            logging.debug("Trying to acquire");
            boolean acquired = lock.acquire(false);
            try {
                numTries += 1;
                if (acquired) {
                    logging.debug("Try #{} : Acquired", numTries);
                    numAcquires += 1;
                } else {
                    logging.debug("Try #{} : Not acquired", numTries);
                }
            } finally {
                if (acquired) {
                    lock.release();
                }
            }
        }
        logging.debug("Done after {} tries", numTries);
    }

    public static void main(String[] args) {
        Lock lock = new Lock();

        Thread locker = new Thread(() -> locker(lock), "Locker");
        locker.setDaemon(true);
        locker.start();

        Thread worker = new Thread(() -> worker(lock), "Worker");
        worker.start();
    }
}
