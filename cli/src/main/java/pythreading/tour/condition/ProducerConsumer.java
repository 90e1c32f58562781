// Tutorial: "Condition objects with producer and consumer" (example 11).
package pythreading.tour.condition;

import static pythreading.tour.Time.sleep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pythreading.threading.Condition;
import pythreading.threading.Thread;

/** Two consumers wait on a Condition; the producer's signalAll() wakes both. */
public class ProducerConsumer {
    private static final Logger logging = LoggerFactory.getLogger(ProducerConsumer.class);

    static void consumer(Condition cv) {
        logging.debug("Consumer thread started ...");
        try (var held = cv.enter()) {
            logging.debug("Consumer waiting ...");
            cv.await();
            logging.debug("Consumer consumed the resource");
        }
    }

    static void producer(Condition cv) {
        logging.debug("Producer thread started ...");
        try (var held = cv.enter()) {
            logging.debug("Making resource available");
            logging.debug("Notifying to all consumers");
            cv.signalAll();
        }
    }

    public static void main(String[] args) {
        Condition condition = new Condition();
        Thread cs1 = new Thread(() -> consumer(condition), "consumer1");
        Thread cs2 = new Thread(() -> consumer(condition), "consumer2");
        Thread pd = new Thread(() -> producer(condition), "producer");

        cs1.start();
        sleep(2);
        cs2.start();
        sleep(2);
        pd.start();
    }
}
