package example;

import pythreading.queue.Queue;
import pythreading.threading.Thread;
import pythreading.threading.Threading;

/** The README's five-line program: a thread puts a greeting on a queue, the main thread gets it. */
public class Hello {
    public static void main(String[] args) {
        Queue<String> queue = new Queue<>();
        Thread thread = new Thread(() -> queue.put("hello from " + Threading.currentThread().getName()));
        thread.start();
        thread.join();
        System.out.println(queue.get() + " to " + Threading.currentThread().getName());
    }
}
