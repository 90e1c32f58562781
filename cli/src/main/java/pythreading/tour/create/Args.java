// Tutorial: "Multithreading - Creating Threads" -> "Passing parameters" (example 01b).
package pythreading.tour.create;

import pythreading.threading.Thread;

/** Python's args=(i,): the lambda passes each thread its id. */
public class Args {

    static void f(int id) {
        System.out.println("thread function " + id);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 3; i++) {
            int id = i;
            Thread t = new Thread(() -> f(id));
            t.start();
        }
    }
}
