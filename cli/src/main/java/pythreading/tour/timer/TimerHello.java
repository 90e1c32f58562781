// Tutorial: "Timer Object" (example 06).
package pythreading.tour.timer;

import pythreading.threading.Timer;

/** A Timer runs its function once its delay (3 s) has passed. */
public class TimerHello {

    static void hello() {
        System.out.println("hello, Timer");
    }

    public static void main(String[] args) {
        Timer t = new Timer(3.0, TimerHello::hello);
        t.start();
    }
}
