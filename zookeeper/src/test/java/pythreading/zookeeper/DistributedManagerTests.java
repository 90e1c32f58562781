package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ZooKeeperManager}'s factories: one object per kind and name in a
 * manager, names per kind, settings fixed by the first use (in any process), names that
 * must be znode names, and a closed manager that makes nothing.
 */
class DistributedManagerTests extends ZooKeeperTestSupport {

    /** Every factory, each making the object of a name with its default settings. */
    private static final List<Function<String, Object>> FACTORIES = List.of(
            n -> zk.lock(n), n -> zk.rlock(n), n -> zk.semaphore(n, 1), n -> zk.boundedSemaphore(n, 1),
            n -> zk.event(n), n -> zk.condition(n), n -> zk.barrier(n, 2), n -> zk.queue(n, 0));

    // pythreading: one manager returns the same object for the same kind and name
    @Test
    void testSameObjectForSameName() {
        for (Function<String, Object> factory : FACTORIES) {
            assertThat(factory.apply(name)).isSameAs(factory.apply(name));
        }
        assertThat(zk.barrier(name, 2, null, 1.0)).isSameAs(zk.barrier(name, 2));
        assertThat(other.lock(name)).isNotSameAs(zk.lock(name));
    }

    // pythreading: names are per kind; lock("x") and rlock("x") are different locks
    @Test
    void testNamesPerKind() {
        zk.lock(name).acquire();
        assertThat(zk.rlock(name).acquire(false)).isTrue();
        assertThat(zk.condition(name).acquire(false)).isTrue();
        zk.semaphore(name, 1).acquire();
        assertThat(zk.boundedSemaphore(name, 1).acquire(false)).isTrue();
        zk.event(name).set();
        assertThat(other.event(name + "-other").isSet()).isFalse();
        assertThat(other.lock(name).locked()).isTrue();
        assertThat(other.rlock(name).locked()).isTrue();
        zk.lock(name).release();
        zk.rlock(name).release();
        zk.condition(name).release();
        zk.semaphore(name, 1).release();
        zk.boundedSemaphore(name, 1).release();
    }

    // pythreading: the first use of a name fixes its settings, for this process and the others
    @Test
    void testOtherSettingsRefused() {
        zk.semaphore(name, 2);
        zk.boundedSemaphore(name, 2);
        zk.barrier(name, 3);
        zk.queue(name, 5);
        for (ZooKeeperManager manager : List.of(zk, other)) {
            assertThatThrownBy(() -> manager.semaphore(name, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("semaphore '" + name + "' holds value 2, not value 3");
            assertThatThrownBy(() -> manager.boundedSemaphore(name, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("boundedSemaphore '" + name + "' holds value 2, not value 1");
            assertThatThrownBy(() -> manager.barrier(name, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("barrier '" + name + "' holds parties 3, not parties 2");
            assertThatThrownBy(() -> manager.barrier(name, 4, null, 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("barrier '" + name + "' holds parties 3, not parties 4");
            assertThatThrownBy(() -> manager.queue(name, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("queue '" + name + "' holds maxsize 5, not maxsize 0");
        }
        assertThat(other.semaphore(name, 2).value()).as("the same settings are accepted").isEqualTo(2);
        assertThat(other.queue(name, 5).maxsize()).isEqualTo(5);
        assertThat(other.barrier(name, 3).parties()).isEqualTo(3);
    }

    // pythreading: the local twins' messages for bad values, before anything is made
    @Test
    void testBadValuesRefused() {
        assertThatThrownBy(() -> zk.semaphore(name, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
        assertThatThrownBy(() -> other.boundedSemaphore(name, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("semaphore initial value must be >= 0");
        assertThatThrownBy(() -> zk.barrier(name, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parties must be > 0");
        zk.semaphore(name, 4); // the refused calls did not fix the name's settings
        zk.barrier(name, 4);
    }

    // pythreading: a name is one znode name
    @Test
    void testBadNamesRefused() {
        for (Function<String, Object> factory : FACTORIES) {
            for (String bad : List.of("", "a/b", "/", ".", "..", "tab\there")) {
                assertThatThrownBy(() -> factory.apply(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + bad + "'");
            }
            assertThatThrownBy(() -> factory.apply(null)).isInstanceOf(NullPointerException.class);
        }
        assertThat(zk.lock("a name with spaces, ünïcode & dots.").acquire(false)).isTrue();
    }

    // pythreading: a closed manager makes nothing, and closing twice does nothing
    @Test
    void testFactoriesAfterClose() {
        ZooKeeperManager closed = newManager();
        closed.close();
        closed.close();
        assertThat(closed.toString()).contains("closed");
        List<Function<String, Object>> factories = List.of(
                closed::lock, closed::rlock, n -> closed.semaphore(n, 1), n -> closed.boundedSemaphore(n, 1),
                closed::event, closed::condition, n -> closed.barrier(n, 2), n -> closed.barrier(n, 2, null, 1.0),
                n -> closed.queue(n, 0));
        for (Function<String, Object> factory : factories) {
            assertThatThrownBy(() -> factory.apply(name))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the ZooKeeper manager is closed");
        }
    }

    // pythreading: closing a manager ends the calls its other threads are blocked in
    @Test
    void testClosingEndsBlockedCalls() {
        ZooKeeperManager third = newManager();
        zk.lock(name).acquire();
        Running<Boolean> waiter = call("waiter", third.lock(name)::acquire).waiting();
        third.close();
        assertThat(waiter.failure()).isInstanceOf(IllegalStateException.class);
        zk.lock(name).release();
        assertThat(zk.lock(name).locked()).as("the closed manager's place in the line is gone").isFalse();
    }

    // pythreading: managers share names only within a namespace
    @Test
    void testNamespaces() {
        try (ZooKeeperManager billing = ZooKeeperManager.connect(zk.connectString(), "billing")) {
            zk.lock(name).acquire();
            assertThat(billing.lock(name).acquire(false)).isTrue();
            billing.lock(name).release();
            zk.lock(name).release();
        }
        assertThatThrownBy(() -> ZooKeeperManager.connect(zk.connectString(), "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ZooKeeperManager.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectString");
    }
}
