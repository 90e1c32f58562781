package pythreading.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the coordinator tells a worker, as command-line arguments
 * ({@code --connect HOST:PORT --namespace NS --id 2 ...}).
 *
 * @param connect the ZooKeeper connect string
 * @param namespace the run's namespace, so that runs against one ensemble never meet
 * @param id the worker's number, from 1; worker 1 produces
 * @param workers how many workers meet at the barriers
 * @param items how many items worker 1 puts
 * @param counter the file that holds the shared count
 * @param workMillis the pretended work per item, in milliseconds
 * @param timeout the longest wait at a barrier, in seconds
 * @param noLock whether to raise the counter without the lock (to show what the lock is for)
 * @param zkLog the log level of ZooKeeper and Curator
 */
public record WorkerOptions(String connect, String namespace, int id, int workers, int items, Path counter,
        long workMillis, double timeout, boolean noLock, String zkLog) {

    /**
     * The arguments that {@link #parse} reads back.
     *
     * @return the arguments
     */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--connect", connect, "--namespace", namespace, "--id", Integer.toString(id),
                "--workers", Integer.toString(workers), "--items", Integer.toString(items),
                "--counter", counter.toString(), "--work-ms", Long.toString(workMillis),
                "--timeout", Double.toString(timeout), "--zk-log", zkLog));
        if (noLock) {
            args.add("--no-lock");
        }
        return args;
    }

    static WorkerOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        boolean noLock = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--no-lock")) {
                noLock = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                values.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("worker: unexpected argument " + args[i]
                        + " (workers are started by 'pythreading cluster')");
            }
        }
        return new WorkerOptions(required(values, "--connect"), required(values, "--namespace"),
                Integer.parseInt(required(values, "--id")), Integer.parseInt(required(values, "--workers")),
                Integer.parseInt(required(values, "--items")), Path.of(required(values, "--counter")),
                Long.parseLong(values.getOrDefault("--work-ms", "0")),
                Double.parseDouble(values.getOrDefault("--timeout", "120")), noLock,
                values.getOrDefault("--zk-log", "ERROR"));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("worker: " + name + " is required (workers are started by "
                    + "'pythreading cluster')");
        }
        return value;
    }
}
