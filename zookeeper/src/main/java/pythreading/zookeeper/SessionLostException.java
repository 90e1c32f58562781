package pythreading.zookeeper;

/**
 * The ZooKeeper session under a call has ended: the connection was lost for longer than
 * the session timeout, or the session expired. Every call blocked when the session ends
 * throws it, and so does the {@code release()} of a holding (a lock, a permit) that the
 * lost session had: ZooKeeper freed that holding when the session ended, and another
 * process may hold it now.
 *
 * <p>The manager connects again with a new session on its own; calls made after that
 * work as before.
 */
public class SessionLostException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was lost, and what it means for the caller
     */
    public SessionLostException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the ZooKeeper error that revealed the loss.
     *
     * @param message what was lost, and what it means for the caller
     * @param cause the error from ZooKeeper or Curator
     */
    public SessionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
