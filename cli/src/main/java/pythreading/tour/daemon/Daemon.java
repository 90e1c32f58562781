// Tutorial: "Daemon thread & join() method" -> "daemon threads" (example 03).
package pythreading.tour.daemon;

import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** The daemon is not waited for: its "Exiting" never appears, and the program ends at once. */
public class Daemon {
    private static final Logger logging = LoggerFactory.getLogger(Daemon.class);

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
        Thread t = new Thread(Daemon::n, "non-daemon");

        Thread d = new Thread(Daemon::d, "daemon");
        d.setDaemon(true);

        d.start();
        t.start();
    }
}
