// Tutorial: "Multithreading : Using locks in the with statement (Context Manager)" (example 10).
package pythreading.tour.with;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Lock;
import pythreading.threading.Thread;

/** Python's "with lock:" is try-with-resources on lock.enter(); the other worker does it by hand. */
public class WithLock {
    private static final Logger logging = LoggerFactory.getLogger(WithLock.class);

    static void workerWith(Lock lock) {
        try (var held = lock.enter()) {
            logging.debug("Lock acquired via with");
        }
    }

    static void workerNotWith(Lock lock) {
        lock.acquire();
        try {
            logging.debug("Lock acquired directly");
        } finally {
            lock.release();
        }
    }

    public static void main(String[] args) {
        Lock lock = new Lock();
        Thread w = new Thread(() -> workerWith(lock));
        Thread nw = new Thread(() -> workerNotWith(lock));

        w.start();
        nw.start();
    }
}
