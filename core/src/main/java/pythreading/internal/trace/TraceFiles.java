package pythreading.internal.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a {@link Recording} to a file, in the format its name asks for. */
public final class TraceFiles {

    private TraceFiles() {
    }

    /**
     * Writes {@code recording} to {@code path}: an HTML page for a {@code .html} or
     * {@code .htm} name, Chrome trace-event JSON otherwise. Creates missing directories.
     *
     * @param recording what was recorded
     * @param path the file
     * @throws UncheckedIOException if it cannot be written
     */
    public static void write(Recording recording, Path path) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                if (isHtml(path)) {
                    HtmlTimeline.write(recording, out, title(path));
                } else {
                    ChromeTrace.write(recording, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code path} names an HTML page.
     *
     * @param path a file name
     * @return true for {@code .html} and {@code .htm}
     */
    public static boolean isHtml(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }

    private static String title(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return "pythreading timeline: " + (dot > 0 ? name.substring(0, dot) : name);
    }
}
