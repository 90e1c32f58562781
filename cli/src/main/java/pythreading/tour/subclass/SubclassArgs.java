// Tutorial: "Subclassing & overriding run() and __init__() methods" ->
// "Passing args to the customized thread" (example 05d).
package pythreading.tour.subclass;

import static pythreading.tour.Py.dict;
import static pythreading.tour.Py.str;
import static pythreading.tour.Py.tuple;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Thread;

/** A subclass whose constructor keeps its own arguments, for run() to use. */
public class SubclassArgs {
    private static final Logger logging = LoggerFactory.getLogger(SubclassArgs.class);

    static class MyThread extends Thread {
        private final Object[] args;
        private final Map<String, Object> kwargs;

        MyThread(Object[] args, Map<String, Object> kwargs) {
            this.args = args;
            this.kwargs = kwargs;
        }

        @Override
        public void run() {
            logging.debug("running with {} and {}", str(args), str(kwargs));
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            MyThread t = new MyThread(tuple(i), dict("a", 1, "b", 2));
            t.start();
        }
    }
}
