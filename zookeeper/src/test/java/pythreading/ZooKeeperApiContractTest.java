package pythreading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Core's {@link ApiContractTest}, run where {@code pythreading.zookeeper} is on the
 * classpath: its {@code zookeeper:} names are checked here, and the naming rules cover the
 * package (no public {@code wait}/{@code notify}, unchecked exceptions only).
 */
class ZooKeeperApiContractTest extends ApiContractTest {

    @Test
    void zookeeperIsOnThisClasspath() {
        assertThat(zookeeperIsBuilt()).as("pythreading.zookeeper's classes on the test classpath").isTrue();
        assertThat(zookeeperNames()).hasSize(EXPECTED_NAMES.get(ZOOKEEPER));
    }
}
