package pythreading.benchrun;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pythreading.bench.Row;

/**
 * Runs {@code primitives.py} (a resource of the bench module) on a CPython and reads its
 * rows: one JSON object per line on standard output, progress on standard error.
 */
final class CPythonRun {

    private static final Pattern ROW = Pattern.compile("\"row\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NS = Pattern.compile("\"ns_per_op\"\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern ERROR_NS = Pattern.compile("\"error_ns\"\\s*:\\s*([-+0-9.eE]+)");
    private static final Pattern FAILURE = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NOTE = Pattern.compile("\"note\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SCALED_FROM = Pattern.compile("\"scaled_from\"\\s*:\\s*(\\d+)");

    /**
     * What the script reported.
     *
     * @param rows the figures per row id
     * @param failures the rows that failed, with the script's message
     * @param notes what the reader of a figure should know (a batch measured smaller and scaled up)
     */
    record Output(Map<String, Measurement> rows, Map<String, String> failures, Map<String, String> notes) {
    }

    private CPythonRun() {
    }

    /**
     * Runs the script with {@code args}, passing each line of its standard error to
     * {@code progress}; waits at most {@code timeoutMinutes}.
     */
    static Output run(String python, List<String> args, long timeoutMinutes, Consumer<String> progress)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("pythreading-primitives", ".py");
        try (InputStream in = Row.class.getResourceAsStream("primitives.py")) {
            if (in == null) {
                throw new IOException("primitives.py is missing from the bench module");
            }
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of(python, script.toString()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).start();
            java.lang.Thread stderr = new java.lang.Thread(() -> forward(process.getErrorStream(), progress),
                    "cpython-progress");
            stderr.setDaemon(true);
            stderr.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("CPython's benchmarks did not finish within " + timeoutMinutes + " minutes");
            }
            stderr.join(TimeUnit.SECONDS.toMillis(5));
            if (process.exitValue() != 0) {
                throw new IOException("CPython's benchmarks exited with status " + process.exitValue() + ":\n" + out);
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Reads the script's standard output: the rows it measured and those that failed. */
    static Output parse(String out) {
        Map<String, Measurement> rows = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            Matcher row = ROW.matcher(line);
            if (!line.trim().startsWith("{") || !row.find()) {
                continue;
            }
            Matcher ns = NS.matcher(line);
            Matcher failure = FAILURE.matcher(line);
            if (ns.find()) {
                Matcher error = ERROR_NS.matcher(line);
                rows.put(row.group(1), new Measurement(Double.parseDouble(ns.group(1)),
                        error.find() ? Double.parseDouble(error.group(1)) : Double.NaN));
                Matcher scaled = SCALED_FROM.matcher(line);
                Matcher note = NOTE.matcher(line);
                if (scaled.find()) {
                    notes.put(row.group(1), "measured on " + String.format("%,d", Long.parseLong(scaled.group(1)))
                            + " and scaled up" + (note.find() ? ": " + note.group(1) : ""));
                }
            } else if (failure.find()) {
                failures.put(row.group(1), failure.group(1));
            }
        }
        return new Output(rows, failures, notes);
    }

    private static void forward(InputStream stream, Consumer<String> progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                progress.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
