// Tutorial: "Subclassing & overriding run() and __init__() methods" -> is_alive() (example 05b).
package pythreading.tour.subclass;

import static pythreading.tour.Py.str;
import static pythreading.tour.Time.sleep;

import pythreading.threading.Thread;

/** A thread is alive from start() until its run() ends: True after start, False after join. */
public class IsAlive {

    static class MyThread extends Thread {

        @Override
        public void run() {
            sleep(1); // the original sleeps 5 s, three times over; 1 s shows the same
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            MyThread t = new MyThread();
            t.start();
            System.out.println("t.is_alive()= " + str(t.isAlive()));
            t.join();
            System.out.println("t.is_alive()= " + str(t.isAlive()));
        }
    }
}
