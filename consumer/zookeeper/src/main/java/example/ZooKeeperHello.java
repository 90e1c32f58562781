package example;

import pythreading.threading.Thread;
import pythreading.zookeeper.DistributedQueue;
import pythreading.zookeeper.ZooKeeperManager;

/** The consumer program, across a ZooKeeper server: a second manager puts, the first gets. */
public class ZooKeeperHello {
    public static void main(String[] args) {
        try (ZooKeeperManager zk = ZooKeeperManager.embedded();
                ZooKeeperManager other = ZooKeeperManager.connect(zk.connectString())) {
            DistributedQueue<String> queue = zk.queue("greetings", 1);
            Thread thread = new Thread(() -> other.<String>queue("greetings", 1)
                    .put("hello over ZooKeeper from " + pythreading.threading.Threading.currentThread().getName()));
            thread.start();
            thread.join();
            System.out.println(queue.get());
        }
    }
}
