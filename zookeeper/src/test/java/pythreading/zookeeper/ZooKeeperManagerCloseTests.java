package pythreading.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing a manager ends its calls: none is left blocked on a client that is gone. */
@Timeout(60)
class ZooKeeperManagerCloseTests {

    private static ZooKeeperManager server;

    @BeforeAll
    static void start() {
        server = ZooKeeperManager.embedded();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * Makes an object on a fresh manager, runs {@code blocked} on it in a thread, closes the
     * manager, and returns what the call threw.
     */
    private static <T> Throwable closedUnder(Function<ZooKeeperManager, T> make, Consumer<T> blocked)
            throws Exception {
        ZooKeeperManager zk = ZooKeeperManager.connect(server.connectString());
        T object = make.apply(zk);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                blocked.accept(object);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        caller.start();
        // The call is blocked once its thread waits: a parked thread that has not returned.
        while (caller.getState() != Thread.State.WAITING && !thrown.isDone()) {
            Thread.onSpinWait();
        }
        zk.close();
        return thrown.get(30, TimeUnit.SECONDS);
    }

    @Test
    void closeWakesABlockedGet() throws Exception {
        assertThat(closedUnder(zk -> zk.queue("close-get", 0), q -> q.get()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ZooKeeper manager was closed");
    }

    @Test
    void closeWakesABlockedEventWait() throws Exception {
        assertThat(closedUnder(zk -> zk.event("close-event"), DistributedEvent::await))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ZooKeeper manager was closed");
    }

    @Test
    void closeFreesTheLocksItHeld() throws Exception {
        ZooKeeperManager holder = ZooKeeperManager.connect(server.connectString());
        holder.lock("close-lock").acquire();
        assertThat(server.lock("close-lock").acquire(false)).isFalse();
        holder.close();
        assertThat(server.lock("close-lock").acquire(true, 10)).isTrue();
        server.lock("close-lock").release();
    }

    @Test
    void factoriesRefuseAfterClose() {
        ZooKeeperManager zk = ZooKeeperManager.connect(server.connectString());
        zk.close();
        zk.close(); // twice: nothing
        assertThatThrownBy(() -> zk.lock("after-close"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ZooKeeper manager is closed");
    }
}
