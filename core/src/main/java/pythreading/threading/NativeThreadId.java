package pythreading.threading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The kernel's id of the calling OS thread (CPython's {@code get_native_id()}). Java has
 * no API for it; on Linux {@code /proc/thread-self} names it. Elsewhere the Java thread
 * id stands in.
 */
final class NativeThreadId {

    private static final Path THREAD_SELF = Paths.get("/proc/thread-self");
    private static volatile boolean procAvailable = Files.isSymbolicLink(THREAD_SELF);

    private NativeThreadId() {
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is Java 19+
    static long ofCurrentThread() {
        if (procAvailable) {
            try {
                String link = Files.readSymbolicLink(THREAD_SELF).toString(); // "<pid>/task/<tid>"
                return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
            } catch (IOException | RuntimeException e) {
                procAvailable = false;
            }
        }
        return java.lang.Thread.currentThread().getId();
    }
}
