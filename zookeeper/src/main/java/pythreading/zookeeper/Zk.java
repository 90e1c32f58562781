package pythreading.zookeeper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import pythreading.internal.Interrupts;

/**
 * How the primitives call ZooKeeper: Curator's checked exceptions become the library's
 * unchecked ones, and sequential node names are ordered by their sequence number.
 */
final class Zk {

    private Zk() {
    }

    /** A ZooKeeper call through Curator. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /**
     * Runs a call. A {@code KeeperException} the caller expects (a missing node, a
     * version that moved) is caught inside {@code call}; what escapes here is a failure:
     * an expired session or a connection that stayed down past Curator's retries
     * becomes {@link SessionLostException}, an interrupt
     * {@link pythreading.threading.UncheckedInterruptedException}, anything else
     * {@link IllegalStateException}.
     */
    static <T> T call(Session session, Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            if (session.closed()) { // the client was closed under the call
                throw session.closedError(e);
            }
            throw translate(session, e);
        }
    }

    private static RuntimeException translate(Session session, Exception failure) {
        try {
            throw failure;
        } catch (InterruptedException e) {
            return Interrupts.rethrow(e);
        } catch (KeeperException.SessionExpiredException | KeeperException.ConnectionLossException
                | KeeperException.SessionMovedException e) {
            return session.lost(e);
        } catch (KeeperException e) {
            return new IllegalStateException("ZooKeeper refused a call: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return e;
        } catch (Exception e) {
            return new IllegalStateException("ZooKeeper call failed: " + e, e);
        }
    }

    /** Whether a ZooKeeper error means the session (or its connection) is gone. */
    static boolean sessionFailure(KeeperException e) {
        return e instanceof KeeperException.SessionExpiredException
                || e instanceof KeeperException.ConnectionLossException
                || e instanceof KeeperException.SessionMovedException;
    }

    /** The sequence number ZooKeeper appended to a sequential node's name. */
    static long sequence(String node) {
        int end = node.length();
        int start = end;
        while (start > 0 && Character.isDigit(node.charAt(start - 1))) {
            start--;
        }
        return start == end ? -1 : Long.parseLong(node.substring(start, end));
    }

    /** Sequential node names (any prefixes) in the order ZooKeeper created them. */
    static List<String> bySequence(List<String> nodes) {
        List<String> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingLong(Zk::sequence));
        return sorted;
    }
}
