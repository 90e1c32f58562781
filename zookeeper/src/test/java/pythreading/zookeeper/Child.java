package pythreading.zookeeper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ChildMain} process: its output lines, its end, and its death in {@link #close()}. */
final class Child implements AutoCloseable {

    private static final String EOF = "\u0000EOF";

    final Process process;
    private final Path stderr;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();

    /**
     * Starts {@code java ChildMain connectString sessionMillis steps...}, on this JVM's
     * class path (C1 only: the children live for seconds).
     */
    Child(String connectString, long sessionMillis, String... steps) throws IOException {
        stderr = Files.createTempFile("pythreading-child-", ".err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                ChildMain.class.getName(), connectString, Long.toString(sessionMillis)));
        command.addAll(List.of(steps));
        process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Thread reader = new Thread(this::read, "child " + process.pid() + " stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                }
                unread.add(line);
            }
        } catch (IOException e) {
            // the process was killed
        } finally {
            unread.add(EOF);
        }
    }

    /** Waits for the next line that starts with {@code prefix}; fails on ERROR or the end. */
    String expect(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (;;) {
            String line = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF) || line.startsWith("ERROR")) {
                throw new AssertionError("child " + process.pid() + " said " + (line == null ? "nothing" : line)
                        + " instead of " + prefix + "...; its stderr:\n" + stderr());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Waits for the process to end, and asserts it ended well. */
    void awaitSuccess(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("child " + process.pid() + " did not end well within " + seconds
                    + " s; its output " + lines() + "; its stderr:\n" + stderr());
        }
        unread.clear();
    }

    /** Every line so far. */
    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** The lines so far that start with {@code prefix}, the prefix cut off. */
    List<String> lines(String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith(prefix)) {
                found.add(line.substring(prefix.length()));
            }
        }
        return found;
    }

    String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // a temporary file left behind
        }
    }
}
