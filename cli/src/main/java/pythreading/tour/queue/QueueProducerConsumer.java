// Tutorial: "Producer and Consumer with Queue" (example 12).
package pythreading.tour.queue;

import static pythreading.tour.Random.randint;
import static pythreading.tour.Random.random;
import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.queue.Queue;
import pythreading.queue.ShutDown;
import pythreading.threading.Thread;

/**
 * A producer and a consumer share a bounded queue. The Python original loops for ever
 * (and spins on full() and empty(); here put() and get() do the waiting); the tour stops
 * after a few seconds with shutdown(), which ends both threads with ShutDown.
 */
public class QueueProducerConsumer {
    private static final Logger logging = LoggerFactory.getLogger(QueueProducerConsumer.class);

    static final int BUF_SIZE = 10;
    static final Queue<Integer> q = new Queue<>(BUF_SIZE);

    static class ProducerThread extends Thread {

        ProducerThread(String name) {
            setName(name);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int item = randint(1, 10);
                    q.put(item);
                    logging.debug("Putting " + item + " : " + q.qsize() + " items in queue");
                    sleep(random());
                }
            } catch (ShutDown e) {
                logging.debug("Queue is shut down: exiting");
            }
        }
    }

    static class ConsumerThread extends Thread {

        ConsumerThread(String name) {
            setName(name);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    int item = q.get();
                    logging.debug("Getting " + item + " : " + q.qsize() + " items in queue");
                    sleep(random());
                }
            } catch (ShutDown e) {
                logging.debug("Queue is shut down: exiting");
            }
        }
    }

    public static void main(String[] args) {
        ProducerThread p = new ProducerThread("producer");
        ConsumerThread c = new ConsumerThread("consumer");

        p.start();
        sleep(2);
        c.start();
        sleep(2);

        System.out.println("Shutting down the queue: the Python original runs for ever, the tour stops here");
        q.shutdown();
    }
}
