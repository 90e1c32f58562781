// Tutorial: "Identifying threads - naming and logging" -> "logging module" (example 02b).
package pythreading.tour.naming;

import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** The same threads, their names put in every line by the logging pattern. */
public class NamingLogging {
    private static final Logger logging = LoggerFactory.getLogger(NamingLogging.class);

    static void f1() {
        logging.debug("Starting");
        sleep(1);
        logging.debug("Exiting");
    }

    static void f2() {
        logging.debug("Starting");
        sleep(2);
        logging.debug("Exiting");
    }

    static void f3() {
        logging.debug("Starting");
        sleep(3);
        logging.debug("Exiting");
    }

    public static void main(String[] args) {
        Thread t1 = new Thread(NamingLogging::f1); // use default name
        Thread t2 = new Thread(NamingLogging::f2, "f2");
        Thread t3 = new Thread(NamingLogging::f3, "f3");

        t1.start();
        t2.start();
        t3.start();
    }
}
