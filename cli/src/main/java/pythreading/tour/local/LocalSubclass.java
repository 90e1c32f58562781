// Tutorial: "Thread specific data - threading.local()" -> "Subclassing threading.local" (example 14b).
package pythreading.tour.local;

import static pythreading.tour.Random.randint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Local;
import pythreading.threading.Thread;

/**
 * Python's threading.local subclass with an __init__ is Local.withInitial: the initializer
 * runs once in every thread, so every thread starts with 999. (The original's f sets
 * {@code d.value}, a typo for {@code d.val}, so it printed 999 twice; here f sets the value.)
 */
public class LocalSubclass {
    private static final Logger logging = LoggerFactory.getLogger(LocalSubclass.class);

    /** MyLocal(999). */
    static Local<Integer> d;

    /** MyLocal.__init__(self, v): runs in each thread on its first use of d. */
    static int myLocalInit(int v) {
        logging.debug("Initializing {}", d);
        return v;
    }

    static void show(Local<Integer> d) {
        try {
            int val = d.get();
            logging.debug("value={}", val);
        } catch (IllegalStateException e) { // Python's AttributeError
            logging.debug("No value yet");
        }
    }

    static void f(Local<Integer> d) {
        show(d);
        d.set(randint(1, 100));
        show(d);
    }

    public static void main(String[] args) {
        d = Local.withInitial(() -> myLocalInit(999));
        show(d);

        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> f(d));
            t.start();
        }
    }
}
