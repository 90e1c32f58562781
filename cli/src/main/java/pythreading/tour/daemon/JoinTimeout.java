// Tutorial: "Daemon thread & join() method" -> "join()" with a timeout (example 03c).
package pythreading.tour.daemon;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** join(3.0) gives up before the daemon's 5 s sleep ends: the daemon is still alive. */
public class JoinTimeout {
    private static final Logger logging = LoggerFactory.getLogger(JoinTimeout.class);

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
        Thread t = new Thread(JoinTimeout::n, "non-daemon");
        Thread d = new Thread(JoinTimeout::d, "daemon");
        d.setDaemon(true);

        d.start();
        t.start();

        d.join(3.0);
        System.out.println("d.isAlive() " + str(d.isAlive()));
        t.join();
    }
}
