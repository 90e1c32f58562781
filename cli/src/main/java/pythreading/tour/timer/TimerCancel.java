// Tutorial: "Timer Object" -> "Timer with threads" (example 06b).
package pythreading.tour.timer;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Timer;

/** Two 5 s timers; t2 is cancelled after 2 s and never runs, t1 fires. */
public class TimerCancel {
    private static final Logger logging = LoggerFactory.getLogger(TimerCancel.class);

    static void f() {
        logging.debug("thread function running");
    }

    public static void main(String[] args) {
        Timer t1 = new Timer(5, TimerCancel::f);
        t1.setName("t1");
        Timer t2 = new Timer(5, TimerCancel::f);
        t2.setName("t2");

        logging.debug("starting timers...");
        t1.start();
        t2.start();

        logging.debug("waiting before canceling {}", t2.getName());
        sleep(2);
        logging.debug("canceling {}", t2.getName());
        System.out.println("before cancel t2.is_alive() =  " + str(t2.isAlive()));
        t2.cancel();
        sleep(2);
        System.out.println("after cancel t2.is_alive() =  " + str(t2.isAlive()));

        t1.join();
        t2.join();

        logging.debug("done");
    }
}
