// Tutorial: "Thread specific data - threading.local()" (example 14).
package pythreading.tour.local;

import static pythreading.tour.Random.randint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Local;
import pythreading.threading.Thread;

/** Each thread sees only the value it set itself; before that, none. */
public class LocalData {
    private static final Logger logging = LoggerFactory.getLogger(LocalData.class);

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
        Local<Integer> d = new Local<>();
        show(d);
        d.set(999);
        show(d);

        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> f(d));
            t.start();
        }
    }
}
