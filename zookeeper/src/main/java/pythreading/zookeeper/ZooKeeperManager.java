package pythreading.zookeeper;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryUntilElapsed;
import pythreading.internal.Interrupts;
import pythreading.internal.Timeouts;

/**
 * pythreading's primitives across JVMs and machines, on Apache ZooKeeper: Python's
 * {@code multiprocessing.managers.SyncManager} without its single manager process.
 *
 * <pre>{@code
 * try (var zk = ZooKeeperManager.connect("zk1:2181,zk2:2181,zk3:2181")) {
 *     var lock = zk.lock("inventory");          // the same lock in every process
 *     try (var held = lock.enter()) {
 *         update(lock.fencingToken());
 *     }
 *     DistributedQueue<String> jobs = zk.queue("jobs", 100);
 *     jobs.put("resize 42.png");
 * }
 * }</pre>
 *
 * <p>Each factory is keyed by a name that every process shares; names are per kind
 * ({@code lock("x")} and {@code rlock("x")} are different locks), and one manager
 * returns the same object for the same kind and name. The first use of a name fixes its
 * settings (maxsize, parties, semaphore value); a later call with other settings throws
 * {@link IllegalArgumentException} saying what the name holds. The objects have the
 * methods, semantics and messages of their local twins and implement the same
 * interfaces ({@code Acquirable}, {@code SemaphoreLike}, {@code EventLike},
 * {@code ConditionLike}, {@code BarrierLike}, {@code QueueLike}).
 *
 * <p>A manager is one ZooKeeper session. Holdings (locks, semaphore permits) belong to
 * it: {@link #close()} frees them, and so does the end of the session when the process
 * dies or loses its connection for longer than the session timeout. Calls blocked when
 * the session ends throw {@link SessionLostException}; a short disconnection (a server
 * of the ensemble going down) only delays them.
 */
public final class ZooKeeperManager implements AutoCloseable {

    private static final String DEFAULT_NAMESPACE = "pythreading";
    private static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(15);

    private final String connectString;
    private final CuratorFramework client;
    private final Session session;
    private final EmbeddedServer server;
    private final Map<String, Primitive> objects = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private ZooKeeperManager(String connectString, String namespace, Duration sessionTimeout,
            EmbeddedServer server) {
        this.connectString = connectString;
        this.server = server;
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, sessionTimeout.toMillis());
        this.client = CuratorFrameworkFactory.builder()
                .connectString(connectString)
                .namespace(namespace)
                .sessionTimeoutMs(timeoutMillis)
                // A call made while disconnected gives up with the session, not later.
                .connectionTimeoutMs((int) Math.min(CONNECTION_TIMEOUT.toMillis(), timeoutMillis))
                // Calls in flight carry over a server failover; past the session timeout they fail.
                .retryPolicy(new RetryUntilElapsed(timeoutMillis, 100))
                .build();
        this.session = new Session(client, timeoutMillis);
        client.getConnectionStateListenable().addListener(session);
        client.start();
        try {
            if (!client.blockUntilConnected((int) CONNECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                client.close();
                throw new IllegalStateException("cannot connect to ZooKeeper at " + connectString
                        + " within " + CONNECTION_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            client.close();
            throw Interrupts.rethrow(e);
        }
    }

    /**
     * Connects to a ZooKeeper ensemble, with the namespace {@code pythreading} and a
     * session timeout of 10 seconds. Blocks until connected (at most 15 seconds).
     *
     * @param connectString the servers, {@code host:port[,host:port...]}
     * @return the connected manager
     * @throws IllegalStateException if no server answered within 15 seconds
     */
    public static ZooKeeperManager connect(String connectString) {
        return builder().connectString(connectString).build();
    }

    /**
     * As {@link #connect(String)}, under another namespace (a root znode): managers
     * share names only within a namespace.
     *
     * @param connectString the servers, {@code host:port[,host:port...]}
     * @param namespace the namespace, a znode name such as {@code "billing"}
     * @return the connected manager
     * @throws IllegalStateException if no server answered within 15 seconds
     */
    public static ZooKeeperManager connect(String connectString, String namespace) {
        return builder().connectString(connectString).namespace(namespace).build();
    }

    /**
     * A builder for a manager with other settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a real ZooKeeper server in this JVM, on a free loopback port, and connects
     * to it. {@link #connectString()} tells other processes where to join; {@link #close()}
     * stops the server (and deletes its data).
     *
     * @return the manager, connected to its own server
     */
    public static ZooKeeperManager embedded() {
        EmbeddedServer server = new EmbeddedServer();
        try {
            return new ZooKeeperManager(server.connectString(), DEFAULT_NAMESPACE,
                    DEFAULT_SESSION_TIMEOUT, server);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Settings for {@link ZooKeeperManager#builder()}. */
    public static final class Builder {
        private String connectString;
        private String namespace = DEFAULT_NAMESPACE;
        private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;

        private Builder() {
        }

        /**
         * The servers to connect to.
         *
         * @param connectString {@code host:port[,host:port...]}
         * @return this builder
         */
        public Builder connectString(String connectString) {
            this.connectString = connectString;
            return this;
        }

        /**
         * The namespace (root znode) of the names; {@code pythreading} by default.
         *
         * @param namespace a znode name
         * @return this builder
         */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /**
         * How long the session outlives a lost connection (10 seconds by default; the
         * server may narrow it). Past it, holdings are freed and blocked calls throw
         * {@link SessionLostException}.
         *
         * @param sessionTimeout the timeout, positive
         * @return this builder
         */
        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /**
         * Connects (blocking until connected, at most 15 seconds).
         *
         * @return the manager
         * @throws IllegalArgumentException if no connect string was given, or the
         *     namespace or timeout is not valid
         * @throws IllegalStateException if no server answered within 15 seconds
         */
        public ZooKeeperManager build() {
            if (connectString == null || connectString.isBlank()) {
                throw new IllegalArgumentException("connectString is required, as host:port[,host:port...]");
            }
            checkName("namespace", namespace);
            if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
                throw new IllegalArgumentException("sessionTimeout must be positive, not " + sessionTimeout);
            }
            return new ZooKeeperManager(connectString, namespace, sessionTimeout, null);
        }
    }

    /**
     * Where the manager's servers listen: the connect string it was given, or the
     * embedded server's {@code 127.0.0.1:PORT}.
     *
     * @return the connect string
     */
    public String connectString() {
        return connectString;
    }

    /**
     * Ends the session (its locks and the permits it took are freed at once) and stops
     * the server that {@link #embedded()} started. Calls blocked in other threads then
     * throw {@link IllegalStateException} ({@code the ZooKeeper manager was closed}).
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close();
        objects.values().forEach(Primitive::close);
        client.close();
        if (server != null) {
            server.close();
        }
    }

    /**
     * A lock that any thread of any process may release, as Python's {@code Lock}.
     *
     * @param name the name shared by every process
     * @return the lock of that name
     * @throws IllegalArgumentException for a name that is not a znode name
     */
    public DistributedLock lock(String name) {
        return object("lock", name, "lock", () -> new DistributedLock(session, name));
    }

    /**
     * A reentrant lock owned by one thread of one process, as Python's {@code RLock}.
     *
     * @param name the name shared by every process
     * @return the reentrant lock of that name
     * @throws IllegalArgumentException for a name that is not a znode name
     */
    public DistributedRLock rlock(String name) {
        return object("rlock", name, "rlock", () -> new DistributedRLock(session, "rlock", name));
    }

    /**
     * A semaphore whose {@code release()} may raise the count above its start, as
     * Python's {@code Semaphore}.
     *
     * @param name the name shared by every process
     * @param value the count when the name is first used
     * @return the semaphore of that name
     * @throws IllegalArgumentException {@code semaphore initial value must be >= 0}; or if
     *     the name holds another value
     */
    public DistributedSemaphore semaphore(String name, int value) {
        DistributedSemaphore.checkValue(value);
        return object("semaphore", name, "value " + value,
                () -> new DistributedSemaphore(session, "semaphore", name, value, false));
    }

    /**
     * A semaphore whose {@code release()} refuses to raise the count above its start, as
     * Python's {@code BoundedSemaphore}.
     *
     * @param name the name shared by every process
     * @param value the count when the name is first used
     * @return the bounded semaphore of that name
     * @throws IllegalArgumentException {@code semaphore initial value must be >= 0}; or if
     *     the name holds another value
     */
    public DistributedSemaphore boundedSemaphore(String name, int value) {
        DistributedSemaphore.checkValue(value);
        return object("boundedSemaphore", name, "value " + value,
                () -> new DistributedSemaphore(session, "boundedSemaphore", name, value, true));
    }

    /**
     * An event, as Python's {@code Event}.
     *
     * @param name the name shared by every process
     * @return the event of that name
     */
    public DistributedEvent event(String name) {
        return object("event", name, "event", () -> new DistributedEvent(session, name));
    }

    /**
     * A condition with a distributed reentrant lock of its own, as Python's
     * {@code Condition()}.
     *
     * @param name the name shared by every process
     * @return the condition of that name
     */
    public DistributedCondition condition(String name) {
        return object("condition", name, "condition", () -> new DistributedCondition(session, name));
    }

    /**
     * A cyclic barrier for {@code parties} threads of any processes, without an action
     * or default timeout.
     *
     * @param name the name shared by every process
     * @param parties the number of parties, when the name is first used
     * @return the barrier of that name
     * @throws IllegalArgumentException {@code parties must be > 0}; or if the name holds
     *     another number of parties
     */
    public DistributedBarrier barrier(String name, int parties) {
        DistributedBarrier.checkParties(parties);
        return object("barrier", name, "parties " + parties,
                () -> new DistributedBarrier(session, name, parties));
    }

    /**
     * A cyclic barrier with an action, run once per cycle before any party is released,
     * in the process whose thread arrived last, and a default timeout for this process's
     * {@code await()}.
     *
     * @param name the name shared by every process
     * @param parties the number of parties, when the name is first used
     * @param action run by the last party to arrive, or null
     * @param timeout the default timeout of {@code await()}, in seconds (zero or less:
     *     a party that must wait breaks the barrier at once, as locally)
     * @return the barrier of that name
     * @throws IllegalArgumentException {@code parties must be > 0}; or if the name holds
     *     another number of parties
     */
    public DistributedBarrier barrier(String name, int parties, Runnable action, double timeout) {
        DistributedBarrier barrier = barrier(name, parties);
        barrier.configure(action, timeout);
        return barrier;
    }

    /**
     * As {@link #barrier(String, int, Runnable, double)}, with the timeout as a
     * {@link Duration}.
     *
     * @param name the name shared by every process
     * @param parties the number of parties, when the name is first used
     * @param action run by the last party to arrive, or null
     * @param timeout the default timeout of {@code await()}
     * @return the barrier of that name
     * @throws NullPointerException if {@code timeout} is null
     */
    public DistributedBarrier barrier(String name, int parties, Runnable action, Duration timeout) {
        return barrier(name, parties, action, Timeouts.seconds(timeout));
    }

    /**
     * A queue of {@code String} and {@code byte[]} items (each comes out as it went in;
     * anything else is refused at {@code put} with {@link IllegalArgumentException}).
     *
     * @param <E> {@code String}, {@code byte[]} or {@code Object}
     * @param name the name shared by every process
     * @param maxsize the bound when the name is first used; 0 or less: unbounded
     * @return the queue of that name
     * @throws IllegalArgumentException if the name holds another maxsize
     */
    @SuppressWarnings("unchecked")
    public <E> DistributedQueue<E> queue(String name, int maxsize) {
        return (DistributedQueue<E>) queue(name, maxsize, (Codec<Object>) (Codec<?>) StringOrBytesCodec.INSTANCE);
    }

    /**
     * A queue of any items, through {@code codec}; every process must use the same
     * codec for a name.
     *
     * @param <E> the type of the items
     * @param name the name shared by every process
     * @param maxsize the bound when the name is first used; 0 or less: unbounded
     * @param codec turns items into bytes and back
     * @return the queue of that name
     * @throws IllegalArgumentException if the name holds another maxsize, or this
     *     manager made it with another codec
     */
    @SuppressWarnings("unchecked")
    public <E> DistributedQueue<E> queue(String name, int maxsize, Codec<E> codec) {
        if (codec == null) {
            throw new NullPointerException("codec");
        }
        int bound = Math.max(0, maxsize);
        DistributedQueue<E> queue = object("queue", name, "maxsize " + bound,
                () -> new DistributedQueue<>(session, name, bound, codec));
        if (queue.codec != codec) {
            throw new IllegalArgumentException("queue '" + name + "' was made with another codec by this manager");
        }
        return queue;
    }

    @SuppressWarnings("unchecked")
    private <T extends Primitive> T object(String kind, String name, String settings, Supplier<T> make) {
        if (closed) {
            throw new IllegalStateException("the ZooKeeper manager is closed");
        }
        checkName(kind + " name", name);
        Primitive object = objects.computeIfAbsent(kind + "/" + name, key -> make.get());
        if (!object.settings.equals(settings)) {
            throw new IllegalArgumentException(kind + " '" + name + "' holds " + object.settings
                    + ", not " + settings);
        }
        return (T) object;
    }

    private static void checkName(String what, String name) {
        if (name == null) {
            throw new NullPointerException(what);
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must be a ZooKeeper node name "
                    + "(not empty, no '/', no control characters, not '.' or '..'): '" + name + "'");
        }
    }

    /**
     * Runs {@code listener} each time this manager's session is lost (the connection
     * stayed down past the session timeout, or the server expired the session): the
     * earliest a holder can learn that its locks and permits were freed, before its
     * next {@code release()} throws {@link SessionLostException}. When it runs, every
     * {@code isLost()} concerned is true already and blocked calls are waking to throw;
     * the manager then connects again with a new session on its own.
     *
     * <p>It runs on Curator's event thread: keep it short, and do not call ZooKeeper
     * from it (hand the work to another thread). An exception it throws is logged.
     *
     * @param listener what to run
     * @throws NullPointerException if {@code listener} is null
     */
    public void onSessionLost(Runnable listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        session.onLostByUser(listener);
    }

    /** The session, for tests in this package. */
    Session session() {
        return session;
    }

    CuratorFramework client() {
        return client;
    }

    @Override
    public String toString() {
        return "<" + getClass().getName() + " " + connectString + (closed ? " closed" : "") + ">";
    }
}
