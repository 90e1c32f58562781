// Tutorial: "Daemon thread & join() method" -> "join()" (example 03b).
package pythreading.tour.daemon;

import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** join() waits for the daemon: its "Exiting" appears, about 5 s after it started. */
public class Join {
    private static final Logger logging = LoggerFactory.getLogger(Join.class);

    static void n() {
        logging.debug("Starting");
        logging.debug("Exiting");
    }

    static void d() {
        logging.debug("Starting");
        sleep(5);
        logging.debug("Exiting");
    }

    public static void main(String[] args) {
        Thread t = new Thread(Join::n, "non-daemon");

        Thread d = new Thread(Join::d, "daemon");
        d.setDaemon(true);

        d.start();
        t.start();

        d.join();
        t.join();
    }
}
