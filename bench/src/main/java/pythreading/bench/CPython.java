package pythreading.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds a CPython to compare with: 3.13 first ({@code python3.13} on the PATH, then a
 * pyenv install), then any {@code python3}. The tools that run CPython beside
 * pythreading (the {@code gil} chapter, the benchmarks) use it.
 */
public final class CPython {

    /**
     * A CPython found on this machine.
     *
     * @param executable the interpreter to run
     * @param version what it says of itself ({@code Python 3.13.0})
     */
    public record Interpreter(String executable, String version) {
    }

    private CPython() {
    }

    /** The CPython to use, or empty if there is none. */
    public static Optional<Interpreter> find() {
        for (String candidate : candidates()) {
            Optional<String> version = versionOf(candidate);
            if (version.isPresent()) {
                return Optional.of(new Interpreter(candidate, version.get()));
            }
        }
        return Optional.empty();
    }

    private static List<String> candidates() {
        List<String> candidates = new ArrayList<>();
        onPath("python3.13").ifPresent(candidates::add);
        String pyenvRoot = System.getenv().getOrDefault("PYENV_ROOT",
                System.getProperty("user.home") + File.separator + ".pyenv");
        Path versions = Paths.get(pyenvRoot, "versions");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> dirs = Files.list(versions)) {
                dirs.filter(d -> d.getFileName().toString().startsWith("3.13"))
                        .sorted(Comparator.reverseOrder())
                        .map(d -> d.resolve("bin").resolve("python3.13"))
                        .filter(Files::isExecutable)
                        .forEach(p -> candidates.add(p.toString()));
            } catch (IOException e) {
                // no pyenv versions to offer
            }
        }
        onPath("python3").ifPresent(candidates::add);
        return candidates;
    }

    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Paths.get(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    /** Runs {@code executable --version}; empty if it does not answer as a Python 3 (a pyenv shim without a version, say). */
    private static Optional<String> versionOf(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && out.startsWith("Python 3") ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
