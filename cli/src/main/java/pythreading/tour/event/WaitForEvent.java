// Tutorial: "Event objects - set() & wait() methods" (example 07).
package pythreading.tour.event;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Event;
import pythreading.threading.Thread;

/** One thread waits for the event without a timeout, the other with a 2 s timeout, in a loop. */
public class WaitForEvent {
    private static final Logger logging = LoggerFactory.getLogger(WaitForEvent.class);

    static void waitForEvent(Event e) {
        logging.debug("wait_for_event starting");
        boolean eventIsSet = e.await();
        logging.debug("event set: {}", str(eventIsSet));
    }

    static void waitForEventTimeout(Event e, double t) {
        while (!e.isSet()) {
            logging.debug("wait_for_event_timeout starting");
            boolean eventIsSet = e.await(t);
            logging.debug("event set: {}", str(eventIsSet));
            if (eventIsSet) {
                logging.debug("processing event");
            } else {
                logging.debug("doing other things");
            }
        }
    }

    public static void main(String[] args) {
        Event e = new Event();
        Thread t1 = new Thread(() -> waitForEvent(e), "blocking");
        t1.start();

        Thread t2 = new Thread(() -> waitForEventTimeout(e, 2), "non-blocking");
        t2.start();

        logging.debug("Waiting before calling Event.set()");
        sleep(3);
        e.set();
        logging.debug("Event is set");
    }
}
