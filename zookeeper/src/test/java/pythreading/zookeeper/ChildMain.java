package pythreading.zookeeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The other process of the multi-JVM tests: connects to ZooKeeper, runs its steps and
 * tells the test what happened in lines on standard output.
 *
 * <p>{@code java ChildMain CONNECT SESSION_MS STEP...}, each step {@code name:arg:...}:
 * <ul>
 *   <li>{@code barrier:NAME:PARTIES}: meets the others; prints {@code BARRIER index}.
 *   <li>{@code count:LOCK:FILE:N}: N times under the lock, adds 1 to the count in FILE
 *       (a store outside ZooKeeper, read and written with no lock of its own), which
 *       also keeps the highest fencing token written; prints {@code STALE} for a token
 *       not above the store's, {@code OVERLAP} if another holder's marker is there;
 *       then {@code COUNTED N}.
 *   <li>{@code produce:QUEUE:PREFIX:N:STOPS}: puts PREFIX-0 .. PREFIX-(N-1), then STOPS
 *       times {@code STOP}; prints {@code PUT item} for each item.
 *   <li>{@code consume:QUEUE}: gets items until {@code STOP}; prints {@code GOT item}.
 *   <li>{@code await:EVENT}: prints {@code AWAIT EVENT}, then waits for the event.
 *   <li>{@code hold:LOCK:SEMAPHORE}: takes the lock and a permit of the semaphore (of
 *       value 1), prints {@code HELD token}, and waits to be killed.
 * </ul>
 * Once connected it prints {@code CONNECTED}; each later change of the connection's
 * state prints {@code STATE name} ({@code SUSPENDED}, {@code RECONNECTED},
 * {@code LOST}). Last, {@code DONE}; an exception prints {@code ERROR ...} and exits
 * with 1.
 */
public final class ChildMain {

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ZooKeeperManager zk = Faults.manager(args[0], Duration.ofMillis(Long.parseLong(args[1])))) {
            zk.client().getConnectionStateListenable().addListener((client, state) -> say("STATE " + state));
            say("CONNECTED");
            for (int i = 2; i < args.length; i++) {
                step(zk, args[i].split(":"));
            }
            say("DONE");
        } catch (Throwable e) {
            e.printStackTrace();
            say("ERROR " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void step(ZooKeeperManager zk, String[] step) throws Exception {
        switch (step[0]) {
            case "barrier" -> say("BARRIER " + zk.barrier(step[1], Integer.parseInt(step[2])).await(60));
            case "count" -> count(zk.lock(step[1]), Path.of(step[2]), Integer.parseInt(step[3]));
            case "produce" -> {
                DistributedQueue<String> queue = zk.queue(step[1], 0);
                for (int i = 0; i < Integer.parseInt(step[3]); i++) {
                    String item = step[2] + "-" + i;
                    queue.put(item);
                    say("PUT " + item);
                }
                for (int i = 0; i < Integer.parseInt(step[4]); i++) {
                    queue.put("STOP");
                }
            }
            case "consume" -> {
                DistributedQueue<String> queue = zk.queue(step[1], 0);
                for (String item; !(item = queue.get()).equals("STOP"); ) {
                    say("GOT " + item);
                }
            }
            case "await" -> {
                say("AWAIT " + step[1]);
                zk.event(step[1]).await();
            }
            case "hold" -> {
                DistributedLock lock = zk.lock(step[1]);
                lock.acquire();
                zk.semaphore(step[2], 1).acquire();
                say("HELD " + lock.fencingToken());
                Thread.sleep(Long.MAX_VALUE); // until the test kills this process
            }
            default -> throw new IllegalArgumentException("unknown step " + String.join(":", step));
        }
    }

    /** The store: "COUNT TOKEN" in a file, and a marker file while a holder writes. */
    private static void count(DistributedLock lock, Path store, int times) throws IOException {
        Path marker = Path.of(store + ".holder");
        for (int i = 0; i < times; i++) {
            lock.acquire();
            try {
                long token = lock.fencingToken();
                try {
                    Files.createFile(marker);
                } catch (FileAlreadyExistsException e) {
                    say("OVERLAP");
                }
                String[] held = Files.readString(store, StandardCharsets.UTF_8).trim().split(" ");
                if (token <= Long.parseLong(held[1])) {
                    say("STALE " + token + " <= " + held[1]);
                }
                Files.writeString(store, (Long.parseLong(held[0]) + 1) + " " + token, StandardCharsets.UTF_8);
                Files.deleteIfExists(marker);
            } finally {
                lock.release();
            }
        }
        say("COUNTED " + times);
    }
}
