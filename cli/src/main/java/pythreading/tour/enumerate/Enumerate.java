// Tutorial: "Active threads & enumerate() method" -> "threading.enumerate()" (example 04).
package pythreading.tour.enumerate;

import static pythreading.tour.Random.randint;
import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/** Main joins every other live thread that enumerate() finds, without keeping handles. */
public class Enumerate {
    private static final Logger logging = LoggerFactory.getLogger(Enumerate.class);

    static void f() {
        int r = randint(1, 10);
        logging.debug("sleeping {}", r);
        sleep(r);
        logging.debug("ending");
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(Enumerate::f);
            t.setDaemon(true);
            t.start();
        }

        Thread mainThread = Threading.currentThread();
        for (Thread t : Threading.enumerate()) {
            if (t == mainThread) {
                continue;
            }
            logging.debug("joining {}", t.getName());
            t.join();
        }
    }
}
