package pythreading.benchrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JDK that JMH forks its benchmark JVMs on: the one running this command, or another
 * one for the rows that need a newer Java (virtual threads need 21).
 *
 * @param java the {@code java} executable
 * @param feature the Java feature version (17, 21, 25...)
 * @param description the vendor and version, for the report ({@code OpenJDK 17.0.15})
 */
record Jdk(Path java, int feature, String description) {

    private static final Pattern RELEASE_LINE = Pattern.compile("^(\\w+)=\"(.*)\"$");

    /** The JDK running this command. */
    static Jdk current() {
        return new Jdk(Paths.get(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature(),
                describe(System.getProperty("java.vendor"), System.getProperty("java.version")));
    }

    /** The JDK installed at {@code home} (a JAVA_HOME), read from its {@code release} file. */
    static Optional<Jdk> at(Path home) {
        Path java = home.resolve("bin").resolve("java");
        Path release = home.resolve("release");
        if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            String version = null;
            String implementor = null;
            for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
                Matcher m = RELEASE_LINE.matcher(line.trim());
                if (m.matches() && m.group(1).equals("JAVA_VERSION")) {
                    version = m.group(2);
                } else if (m.matches() && m.group(1).equals("IMPLEMENTOR")) {
                    implementor = m.group(2);
                }
            }
            if (version == null) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(version.split("[.+-]")[0]);
            return Optional.of(new Jdk(java, feature, describe(implementor, version)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The newest JDK under {@code /usr/lib/jvm} (and {@code ~/.sdkman}, {@code ~/.jdks}) of at least {@code feature}. */
    static Optional<Jdk> findAtLeast(int feature) {
        String home = System.getProperty("user.home");
        List<Path> roots = List.of(Paths.get("/usr/lib/jvm"), Paths.get(home, ".jdks"),
                Paths.get(home, ".sdkman", "candidates", "java"));
        return roots.stream()
                .filter(Files::isDirectory)
                .flatMap(Jdk::children)
                .map(Jdk::at)
                .flatMap(Optional::stream)
                .filter(jdk -> jdk.feature() >= feature)
                .max(Comparator.comparingInt(Jdk::feature));
    }

    /** {@code Temurin 25.0.3} or {@code OpenJDK 17.0.15}: Temurin is Adoptium's build, any other is named OpenJDK. */
    private static String describe(String implementor, String version) {
        return (implementor != null && implementor.contains("Adoptium") ? "Temurin " : "OpenJDK ") + version;
    }

    private static Stream<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.collect(Collectors.toList()).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
