// Tutorial: "Identifying threads - naming and logging" -> "Identifying threads" (example 02).
package pythreading.tour.naming;

import static pythreading.tour.Time.sleep;

import pythreading.threading.Thread;
import pythreading.threading.Threading;

/** A default name (Thread-1) beside the given names f2 and f3, printed by each thread. */
public class Naming {

    static void f1() {
        System.out.println(Threading.currentThread().getName() + " Starting");
        sleep(1);
        System.out.println(Threading.currentThread().getName() + " Exiting");
    }

    static void f2() {
        System.out.println(Threading.currentThread().getName() + " Starting");
        sleep(2);
        System.out.println(Threading.currentThread().getName() + " Exiting");
    }

    static void f3() {
        System.out.println(Threading.currentThread().getName() + " Starting");
        sleep(3);
        System.out.println(Threading.currentThread().getName() + " Exiting");
    }

    public static void main(String[] args) {
        Thread t1 = new Thread(Naming::f1); // use default name
        Thread t2 = new Thread(Naming::f2, "f2");
        Thread t3 = new Thread(Naming::f3, "f3");

        t1.start();
        t2.start();
        t3.start();
    }
}
