// Tutorial: "Multithreading - Creating Threads" -> "Thread Objects" (example 01).
package pythreading.tour.create;

import pythreading.threading.Thread;

/** Three threads, each running the target function f. */
public class Create {

    static void f() {
        System.out.println("thread function");
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(Create::f);
            t.start();
        }
    }
}
