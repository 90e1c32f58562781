package pythreading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pythreading.threading.Lock;

/**
 * The binary-compatibility guard: every public and protected signature of the exported
 * packages (types with their supertypes and modifiers, constructors, methods, fields, in
 * erased form, as the JVM links them) is listed in {@code core/api/pythreading-core.api}.
 * A change that removes or alters one breaks code compiled against an earlier version,
 * and fails here; so does an addition, until it is accepted. After a deliberate change,
 * {@code mvn test -pl core -Dtest=ApiSignatureTest -Dpythreading.api.update=true}
 * rewrites the file, and the diff shows the reviewer what changed. (Kotlin's
 * binary-compatibility validator works the same way; it needs no published baseline.)
 */
@Timeout(30)
class ApiSignatureTest {

    private static final List<String> EXPORTED = List.of("pythreading.threading", "pythreading.queue", "pythreading.futures");
    private static final Path DUMP = Paths.get(System.getProperty("basedir", "."), "api", "pythreading-core.api");

    // pythreading: the public API is the one recorded; a removal or change is a break
    @Test
    void publicApiMatchesTheRecordedOne() throws Exception {
        List<String> actual = signatures();
        if (Boolean.getBoolean("pythreading.api.update")) {
            Files.createDirectories(DUMP.getParent());
            Files.write(DUMP, actual, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(DUMP, StandardCharsets.UTF_8);
        Set<String> removed = qualified(recorded);
        removed.removeAll(qualified(actual));
        Set<String> added = qualified(actual);
        added.removeAll(qualified(recorded));
        assertThat(removed)
                .as("signatures removed or changed since %s: this breaks binary compatibility "
                        + "(rewrite the file with -Dpythreading.api.update=true only if that is intended)", DUMP)
                .isEmpty();
        assertThat(added)
                .as("signatures added since %s: accept them with -Dpythreading.api.update=true", DUMP)
                .isEmpty();
    }

    // pythreading: the guard sees a real API (a broken class scan would pass vacuously)
    @Test
    void scanFindsTheExportedTypes() throws Exception {
        List<String> all = signatures();
        assertThat(all).contains("public final class pythreading.threading.Lock implements pythreading.threading.Acquirable");
        assertThat(all).anyMatch(s -> s.startsWith("  public boolean acquire(boolean,double)"));
        assertThat(all.stream().filter(s -> !s.startsWith(" ")).count()).isGreaterThan(30);
        assertThat(all).noneMatch(s -> s.contains("pythreading.internal"));
    }

    /** Every exported type's line, each followed by its members' lines (indented), in a stable order. */
    static List<String> signatures() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Paths.get(Lock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : EXPORTED) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().collect(Collectors.toList())) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".class") && !name.equals("package-info.class")) {
                        Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
                                ApiSignatureTest.class.getClassLoader());
                        if (isVisible(type)) {
                            types.add(type);
                        }
                    }
                }
            }
        }
        types.sort((a, b) -> a.getName().compareTo(b.getName()));
        List<String> lines = new ArrayList<>();
        for (Class<?> type : types) {
            lines.add(describe(type));
            Set<String> members = new TreeSet<>();
            boolean extendable = !Modifier.isFinal(type.getModifiers()) && hasAccessibleConstructor(type);
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (exposed(c, extendable)) {
                    members.add("  " + modifiers(c) + "<init>(" + parameters(c) + ")");
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (exposed(m, extendable) && !m.isSynthetic() && !m.isBridge()) {
                    members.add("  " + modifiers(m) + m.getReturnType().getTypeName() + " " + m.getName()
                            + "(" + parameters(m) + ")");
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (exposed(f, extendable) && !f.isSynthetic()) {
                    members.add("  " + modifiers(f) + f.getType().getTypeName() + " " + f.getName());
                }
            }
            lines.addAll(members);
        }
        return lines;
    }

    /** The lines with each member named after its type ({@code pythreading.threading.Lock:  public void release()}). */
    private static Set<String> qualified(List<String> lines) {
        Set<String> keys = new LinkedHashSet<>();
        String type = "";
        for (String line : lines) {
            if (line.startsWith(" ")) {
                keys.add(type + ":" + line);
            } else {
                type = line.substring(line.lastIndexOf(' ', line.indexOf(" pythreading.") + 1) + 1).split(" ")[0];
                keys.add(line);
            }
        }
        return keys;
    }

    /** Public, or a nested type reachable through public (or protected) enclosing types. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            int m = t.getModifiers();
            if (t.isAnonymousClass() || t.isLocalClass() || !(Modifier.isPublic(m) || Modifier.isProtected(m))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAccessibleConstructor(Class<?> type) {
        return type.isInterface() || Arrays.stream(type.getDeclaredConstructors())
                .anyMatch(c -> Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()));
    }

    /** Public members, and protected ones where a subclass outside the package could use them. */
    private static boolean exposed(Member member, boolean extendable) {
        int m = member.getModifiers();
        return Modifier.isPublic(m) || (extendable && Modifier.isProtected(m));
    }

    private static String describe(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
                : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers() & ~Modifier.INTERFACE;
        if (type.isInterface() || type.isEnum() || type.isRecord()) {
            modifiers &= ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC);
        }
        StringBuilder line = new StringBuilder(Modifier.toString(modifiers)).append(' ').append(kind).append(' ')
                .append(type.getName());
        Class<?> superclass = type.getSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getName());
        }
        if (type.getInterfaces().length > 0) {
            line.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getInterfaces())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String modifiers(Member member) {
        int m = member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | Modifier.ABSTRACT);
        if (member.getDeclaringClass().isInterface()) {
            m &= ~Modifier.ABSTRACT;
        }
        String s = Modifier.toString(m);
        if (member instanceof Method && ((Method) member).isDefault()) {
            s += " default";
        }
        return s.isEmpty() ? "" : s + " ";
    }

    private static String parameters(Executable e) {
        return Arrays.stream(e.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(","));
    }
}
