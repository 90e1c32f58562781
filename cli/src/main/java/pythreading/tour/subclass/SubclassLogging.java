// Tutorial: "Subclassing & overriding run() and __init__() methods" -> with logging (example 05c).
package pythreading.tour.subclass;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** The subclass's run() logs, and the log shows the default names Thread-1, -2, -3. */
public class SubclassLogging {
    private static final Logger logging = LoggerFactory.getLogger(SubclassLogging.class);

    static class MyThread extends Thread {

        @Override
        public void run() {
            logging.debug("running");
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            MyThread t = new MyThread();
            t.start();
        }
    }
}
