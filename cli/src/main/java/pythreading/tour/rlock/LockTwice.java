// Tutorial: "RLock (Reentrant) objects - acquire() method" -> "RLock Objects" (example 09).
package pythreading.tour.rlock;

import static pythreading.tour.Py.str;

import pythreading.threading.Lock;

/** A Lock cannot be acquired twice, even by the thread that holds it. */
public class LockTwice {

    static final Lock lock = new Lock();

    public static void main(String[] args) {
        System.out.println("First try : " + str(lock.acquire()));
        System.out.println("Second try: " + str(lock.acquire(false)));
        System.out.println("print this if not blocked...");
    }
}
