/**
 * The primitives of {@code pythreading.threading} and {@code pythreading.queue} across JVMs
 * and machines, on Apache ZooKeeper through Apache Curator: Python's
 * {@code multiprocessing.managers.SyncManager} without a single manager process.
 *
 * <p>Start with {@link pythreading.zookeeper.ZooKeeperManager}: {@code connect(...)} to an
 * ensemble, or {@code embedded()} for a server in this JVM. Its factories return
 * {@link pythreading.zookeeper.DistributedLock}, {@link pythreading.zookeeper.DistributedRLock},
 * {@link pythreading.zookeeper.DistributedSemaphore}, {@link pythreading.zookeeper.DistributedEvent},
 * {@link pythreading.zookeeper.DistributedCondition}, {@link pythreading.zookeeper.DistributedBarrier}
 * and {@link pythreading.zookeeper.DistributedQueue}, which implement the same interfaces as
 * their local twins ({@code Acquirable}, {@code SemaphoreLike}, {@code EventLike},
 * {@code ConditionLike}, {@code BarrierLike}, {@code QueueLike}) with the same messages.
 *
 * <p>Faults: a manager is one ZooKeeper session. A short disconnection (a server of the
 * ensemble dying) delays calls; a session that ends frees what it held, and calls blocked
 * then, like the {@code release()} of a lost holding, throw
 * {@link pythreading.zookeeper.SessionLostException}. Locks carry fencing tokens.
 */
package pythreading.zookeeper;
