// Tutorial: "Subclassing & overriding run() and __init__() methods" -> "run() methods" (example 05).
package pythreading.tour.subclass;

import pythreading.threading.Thread;

/** A subclass of Thread overriding run(), which does nothing: the program prints nothing. */
public class Subclass {

    static class MyThread extends Thread {

        @Override
        public void run() {
        }
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            MyThread t = new MyThread();
            t.start();
        }
    }
}
