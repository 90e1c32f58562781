package pythreading.zookeeper;

import java.util.List;
import java.util.Map;
import pythreading.internal.Timeouts;
import pythreading.threading.EventLike;

/**
 * Python's {@code threading.Event} across processes. Made by
 * {@link ZooKeeperManager#event(String)}.
 *
 * <p>State: {@code ROOT/state} holds {@code "FLAG GENERATION"}, the flag (0 or 1) and the
 * number of times {@code set()} raised it. A waiter remembers the generation it saw
 * while the flag was down and returns {@code true} once the flag is up or the
 * generation has moved on, so a {@code set()} followed at once by a {@code clear()}
 * still releases everyone who was waiting (as CPython's, gh-57711).
 */
public final class DistributedEvent extends Primitive implements EventLike {

    DistributedEvent(Session session, String name) {
        super(session, "event", name, "event", Map.of("state", utf8("0 0")));
    }

    /** The flag and generation of a state. */
    private static final class Flag {
        final boolean set;
        final long generation;
        final int version;

        Flag(Versioned state) {
            String[] parts = state.text().split(" ");
            this.set = parts[0].equals("1");
            this.generation = Long.parseLong(parts[1]);
            this.version = state.version;
        }
    }

    private Flag flag() {
        return new Flag(read("state"));
    }

    /**
     * Whether the flag is up.
     *
     * @return {@code true} if set
     */
    @Override
    public boolean isSet() {
        return flag().set;
    }

    /** Raises the flag and wakes every waiting thread of every process. */
    @Override
    public void set() {
        for (;;) {
            Flag flag = flag();
            if (flag.set || journal.commit(List.of(
                    setData("state", "1 " + (flag.generation + 1), flag.version))).committed()) {
                return;
            }
        }
    }

    /** Lowers the flag. */
    @Override
    public void clear() {
        for (;;) {
            Flag flag = flag();
            if (!flag.set || journal.commit(List.of(
                    setData("state", "0 " + flag.generation, flag.version))).committed()) {
                return;
            }
        }
    }

    /**
     * Waits until the flag is up, as long as necessary.
     *
     * @return {@code true}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public boolean await() {
        return awaitNanos(Timeouts.FOREVER);
    }

    /**
     * Waits until the flag is up, at most {@code timeout} seconds (zero or less: not at
     * all).
     *
     * @param timeout the longest wait, in seconds
     * @return {@code true} if the flag was up or was raised while waiting
     * @throws IllegalArgumentException {@code timestamp out of range for platform time_t}
     * @throws SessionLostException if the session ended while waiting
     * @throws pythreading.threading.UncheckedInterruptedException if interrupted while
     *     waiting
     */
    @Override
    public boolean await(double timeout) {
        return awaitNanos(Timeouts.forWait(timeout));
    }

    private boolean awaitNanos(long nanos) {
        long epoch = session.epoch();
        long deadline = Changes.deadline(nanos);
        long mark = changes.mark();
        Flag first = flag();
        if (first.set) {
            return true;
        }
        for (;;) {
            if (Changes.expired(deadline) || !changes.await(mark, deadline, epoch)) {
                return false;
            }
            mark = changes.mark();
            Flag now = flag();
            if (now.set || now.generation != first.generation) {
                return true;
            }
        }
    }

    /**
     * As CPython's repr, with the name.
     *
     * @return the class, name and identity
     */
    @Override
    public String toString() {
        return describe("");
    }
}
