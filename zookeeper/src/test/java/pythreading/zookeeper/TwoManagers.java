package pythreading.zookeeper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Two managers on one embedded server, standing for two processes: {@code a} runs the server, {@code b} joins it. */
abstract class TwoManagers {

    ZooKeeperManager a;
    ZooKeeperManager b;

    @BeforeEach
    void connect() {
        a = ZooKeeperManager.embedded();
        b = ZooKeeperManager.connect(a.connectString());
    }

    @AfterEach
    void close() {
        b.close();
        a.close();
    }
}
