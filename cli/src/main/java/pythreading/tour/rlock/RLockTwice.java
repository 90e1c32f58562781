// Tutorial: "RLock (Reentrant) objects - acquire() method" -> "RLock Objects" (example 09b).
package pythreading.tour.rlock;

import static pythreading.tour.Py.str;

import pythreading.threading.RLock;

/**
 * An RLock can be acquired again by the thread that holds it. (Python 2's RLock answered
 * the second try with 1; Python 3, and pythreading, say True.)
 */
public class RLockTwice {

    static final RLock lock = new RLock();

    public static void main(String[] args) {
        System.out.println("First try : " + str(lock.acquire()));
        System.out.println("Second try: " + str(lock.acquire(false)));
    }
}
