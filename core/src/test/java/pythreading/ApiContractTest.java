package pythreading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API contract test (issue 11): every public name that {@code API.md}, the project's binding
 * public API contract, fixes for {@code pythreading.threading}, {@code pythreading.queue} and
 * {@code pythreading.futures} exists on the built classes, with its kind, supertypes, parameter
 * types, static-ness and (where {@code API.md} pins it) return type. Code outside the project —
 * examples, acceptance suites, users' programs — is written against exactly these names, so a
 * rename or a dropped overload is a breaking change; this test makes it a failing one, one
 * parameterized case per name (for instance {@code Lock.acquire(boolean, double) -> boolean}),
 * whose message says what {@code API.md} fixes and what the class has instead.
 *
 * <p><b>The list.</b> The names live in {@code core/src/test/resources/pythreading/api-contract.txt},
 * one a line, in the format its header describes ({@code method
 * pythreading.threading.Lock#acquire(boolean, double) -> boolean}). The test holds its own copy
 * because {@code API.md} lives outside users' clones. Types that {@code API.md} uses without
 * naming them (the builders, what {@code enter()} and {@code map(...)} return) are reached
 * through the method that returns them ({@code pythreading.threading.Thread.builder()#build()}),
 * so renaming such a type is not a contract break, but losing its methods is.
 *
 * <p><b>When {@code API.md} changes:</b> edit the list to match, line for line — add a line for
 * each new name (with {@code -> R} only if {@code API.md} states the type), change or remove the
 * lines of renamed or dropped names — and update {@link #EXPECTED_NAMES}, the count per package,
 * which exists so that no line goes missing unnoticed. A general rule in {@code API.md} counts:
 * "a {@code java.time.Duration} overload beside each" {@code double} timeout means a line for
 * each such twin.
 *
 * <p><b>Pending names.</b> A line prefixed {@code pending:} is a name {@code API.md} fixes that a
 * later issue will implement; today that is only {@code Threading.trace(Path)}. Its case is
 * skipped (an aborted assumption, reported as skipped) while the name is missing, and fails once
 * the name exists, asking for the prefix to be removed. No other name may be pending: a name the
 * code lacks is a failing case until the code has it or {@code API.md} drops it.
 *
 * <p><b>{@code pythreading.zookeeper}.</b> Its names are in the list too, prefixed
 * {@code zookeeper:}. That module depends on core, so its classes are never on this module's test
 * classpath: here those lines are parsed and counted only. The zookeeper module runs this class
 * again from its own tests ({@code ZooKeeperApiContractTest}, through core's test jar), where
 * the package is on the classpath: there every {@code zookeeper:} line is checked like any other,
 * and the naming rules cover the package too ({@link #packages()}).
 *
 * <p><b>Naming rules.</b> Besides the list, it checks the rules of {@code API.md} that
 * reflection can: no public class of these packages has a public method named {@code wait},
 * {@code notify} or {@code notifyAll} other than {@code Object}'s (they would bind to
 * {@code Object.wait(long)} by mistake); every public exception class is unchecked; and no public
 * constructor or method declares a checked exception ("All exceptions thrown by the API are
 * unchecked"), except the methods that keep a {@code java.*} supertype's contract
 * ({@code java.util.concurrent.Future.get}).
 *
 * <p>Reflection only: it loads classes without initializing them and starts no thread.
 */
@Timeout(2)
class ApiContractTest {

    /** The list of names, next to this class on the test classpath. */
    static final String CONTRACT = "api-contract.txt";

    /** The packages of core, whose public classes the naming rules cover. */
    static final List<String> PACKAGES =
            List.of("pythreading.threading", "pythreading.queue", "pythreading.futures");

    /** The package of the zookeeper module: checked where it is on the classpath. */
    static final String ZOOKEEPER = "pythreading.zookeeper";

    /** Whether the zookeeper module is on this classpath (its own test run). */
    static boolean zookeeperIsBuilt() {
        return !classNames(ZOOKEEPER).isEmpty();
    }

    /** The packages whose public classes the naming rules cover here. */
    static List<String> packages() {
        List<String> packages = new ArrayList<>(PACKAGES);
        if (zookeeperIsBuilt()) {
            packages.add(ZOOKEEPER);
        }
        return packages;
    }

    /**
     * How many lines {@link #CONTRACT} holds per package: checked (including pending) names for
     * the built packages, parsed-only names for {@code pythreading.zookeeper}. Adding, removing
     * or switching a line means updating this.
     */
    static final Map<String, Integer> EXPECTED_NAMES = Map.of(
            "pythreading.threading", 137,
            "pythreading.queue", 47,
            "pythreading.futures", 55,
            "pythreading.zookeeper", 32);

    /** The names prefixed {@code pending:}: fixed by API.md, implemented by a later issue. */
    static final Set<String> EXPECTED_PENDING = Set.of();

    // ----------------------------------------------------------------------- the list's format

    enum Status { CHECKED, PENDING, ZOOKEEPER }

    enum Kind { PACKAGE, CLASS, INTERFACE, RECORD, ENUM, EXCEPTION, NEW, METHOD, STATIC, CONSTANT }

    /**
     * One line of the list.
     *
     * @param line the line number in {@link #CONTRACT}
     * @param display the readable name, also the test case's name
     * @param owner the package, the type, or the class whose member this is (a type reference:
     *     a class name or {@code Owner.method(P...)} for the type that method returns)
     * @param member the member's name (methods, constants), else null
     * @param params the parameter types (constructors, methods), else null
     * @param returns the pinned return or field type, {@code ? extends A & B}, or null
     * @param typeParams the type parameters a type line pins, else null
     * @param supertypes the types an {@code extends}/{@code implements} clause names
     * @param overridable whether the method and its class must not be final
     */
    record Entry(int line, Status status, Kind kind, String display, String owner, String member,
            List<String> params, String returns, List<String> typeParams, List<String> supertypes,
            boolean overridable) {

        /** The package this name belongs to. */
        String pkg() {
            if (kind == Kind.PACKAGE) {
                return owner;
            }
            List<String> parts = new ArrayList<>();
            for (String part : owner.split("\\.")) {
                if (part.isEmpty() || !Character.isLowerCase(part.charAt(0))) {
                    break;
                }
                parts.add(part);
            }
            return String.join(".", parts);
        }

        @Override
        public String toString() {
            return display;
        }
    }

    private static final Pattern TYPE_LINE = Pattern.compile(
            "(?<name>[\\w.$]+)(?:<(?<params>[^>]*)>)?"
                    + "(?:\\s+extends\\s+(?<extends>.+?))?(?:\\s+implements\\s+(?<implements>.+))?");

    private static final Pattern MEMBER_LINE =
            Pattern.compile("(?<owner>[^#]+)#(?<name>\\w+)(?:\\((?<params>[^)]*)\\))?");

    private static final Pattern CONSTRUCTOR_LINE =
            Pattern.compile("(?<owner>[\\w.$]+)\\((?<params>[^)]*)\\)");

    private static List<Entry> contract;

    /** The list, parsed once. A malformed line fails every test with its line number. */
    static synchronized List<Entry> contract() {
        if (contract == null) {
            contract = List.copyOf(parse());
        }
        return contract;
    }

    private static List<Entry> parse() {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ApiContractTest.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the test classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().forEach(lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                entries.add(parseLine(i + 1, text));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        CONTRACT + " line " + (i + 1) + ": " + e.getMessage() + ": " + text, e);
            }
        }
        return entries;
    }

    private static Entry parseLine(int number, String text) {
        Status status = Status.CHECKED;
        if (text.startsWith("pending:")) {
            status = Status.PENDING;
            text = text.substring("pending:".length()).strip();
        } else if (text.startsWith("zookeeper:")) {
            status = Status.ZOOKEEPER;
            text = text.substring("zookeeper:".length()).strip();
        }
        text = text.replaceAll("\\s+", " ").replace(" ,", ",").replace("( ", "(");
        String[] split = text.split(" ", 2);
        Kind kind = Kind.valueOf(split[0].toUpperCase(java.util.Locale.ROOT));
        String rest = split.length > 1 ? split[1].strip() : "";
        boolean overridable = false;
        if (rest.endsWith(" overridable")) {
            overridable = true;
            rest = rest.substring(0, rest.length() - " overridable".length()).strip();
        }
        String returns = null;
        int arrow = rest.indexOf("->");
        if (arrow >= 0) {
            returns = rest.substring(arrow + 2).strip();
            rest = rest.substring(0, arrow).strip();
        }
        if (overridable && kind != Kind.METHOD) {
            throw new IllegalArgumentException("only a method can be overridable");
        }
        String display = (kind == Kind.METHOD ? "" : split[0] + " ")
                + displayName(rest.replace('#', '.'))
                + (returns == null ? "" : " -> " + displayName(returns))
                + (overridable ? " (overridable)" : "");
        switch (kind) {
            case PACKAGE:
                if (returns != null || !rest.matches("[a-z]\\w*(\\.[a-z]\\w*)*")) {
                    throw new IllegalArgumentException("not a package name");
                }
                return new Entry(number, status, kind, display, rest, null, null, null, null,
                        List.of(), false);
            case CLASS: case INTERFACE: case RECORD: case ENUM: case EXCEPTION: {
                Matcher m = TYPE_LINE.matcher(rest);
                if (returns != null || !m.matches()) {
                    throw new IllegalArgumentException("not a type line");
                }
                List<String> supertypes = new ArrayList<>();
                supertypes.addAll(commaList(m.group("extends")));
                supertypes.addAll(commaList(m.group("implements")));
                List<String> typeParams = m.group("params") == null ? null : commaList(m.group("params"));
                return new Entry(number, status, kind, display, m.group("name"), null, null, null,
                        typeParams, List.copyOf(supertypes), false);
            }
            case NEW: {
                Matcher m = CONSTRUCTOR_LINE.matcher(rest);
                if (returns != null || !m.matches()) {
                    throw new IllegalArgumentException("not a constructor line");
                }
                return new Entry(number, status, kind, display, m.group("owner"), null,
                        commaList(m.group("params")), null, null, List.of(), false);
            }
            case METHOD: case STATIC: case CONSTANT: {
                Matcher m = MEMBER_LINE.matcher(rest);
                boolean hasParams = m.matches() && m.group("params") != null;
                if (!m.matches() || hasParams == (kind == Kind.CONSTANT)) {
                    throw new IllegalArgumentException("not a " + split[0] + " line");
                }
                return new Entry(number, status, kind, display, m.group("owner").strip(),
                        m.group("name"), hasParams ? commaList(m.group("params")) : null,
                        returns, null, List.of(), overridable);
            }
            default:
                throw new AssertionError(kind);
        }
    }

    private static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).collect(Collectors.toList());
    }

    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_]\\w*\\.)+([A-Z][\\w$]*)");

    /** The simple names of the project's own types, which stay unqualified in a display. */
    private static final Set<String> OWN_SIMPLE_NAMES = Set.of(
            "Thread", "Future", "Queue", "PriorityQueue", "Lock", "Condition", "Semaphore",
            "Event", "Barrier", "Timer", "Executor", "ThreadPoolExecutor");

    /**
     * {@code pythreading.threading.Lock} as {@code Lock}, {@code Futures$DoneAndNotDone} as
     * {@code Futures.DoneAndNotDone}; a {@code java.*} type whose simple name is also one of
     * the project's ({@code java.util.concurrent.Future}) keeps its package.
     */
    static String displayName(String text) {
        Matcher m = QUALIFIED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String full = m.group();
            String simple = m.group(1);
            boolean keep = !full.startsWith("pythreading.") && OWN_SIMPLE_NAMES.contains(simple)
                    && !full.equals("java.util.concurrent.Executor");
            m.appendReplacement(out, Matcher.quoteReplacement((keep ? full : simple).replace('$', '.')));
        }
        m.appendTail(out);
        return out.toString().replace('$', '.');
    }

    // ------------------------------------------------------------------ checking one name

    /** A name API.md fixes that the classpath lacks or has otherwise; its message says how. */
    static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message, null, false, false);
        }
    }

    private static final ClassLoader LOADER = ApiContractTest.class.getClassLoader();

    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
            "int", int.class, "long", long.class, "float", float.class, "double", double.class,
            "void", void.class);

    /**
     * What a type reference in the list denotes: a primitive, an array, a class by binary name,
     * or {@code Owner.method(P...)}, the type that method is declared to return.
     */
    static Class<?> resolve(String ref) {
        if (ref.endsWith("[]")) {
            return resolve(ref.substring(0, ref.length() - 2)).arrayType();
        }
        if (PRIMITIVES.containsKey(ref)) {
            return PRIMITIVES.get(ref);
        }
        if (ref.endsWith(")")) {
            int paren = ref.indexOf('(');
            int dot = ref.lastIndexOf('.', paren);
            Class<?> owner = resolve(ref.substring(0, dot));
            String name = ref.substring(dot + 1, paren);
            List<String> params = commaList(ref.substring(paren + 1, ref.length() - 1));
            return findMethod(owner, name, params, null).getReturnType();
        }
        try {
            return Class.forName(ref, false, LOADER);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new Mismatch("there is no class " + ref + " on the classpath");
        }
    }

    /** Whether code outside the package can name this type: it and its enclosers are public. */
    static boolean accessible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
            if (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean parametersMatch(Executable x, List<String> params) {
        Class<?>[] raw = x.getParameterTypes();
        Type[] generic = x.getGenericParameterTypes();
        if (raw.length != params.size() || generic.length != raw.length) {
            return false;
        }
        for (int i = 0; i < raw.length; i++) {
            String want = params.get(i);
            boolean typeVariable = generic[i] instanceof TypeVariable<?>
                    && ((TypeVariable<?>) generic[i]).getName().equals(want);
            if (!typeVariable && !raw[i].getTypeName().equals(want)) {
                return false;
            }
        }
        return true;
    }

    private static String signature(Executable x) {
        Type[] generic = x.getGenericParameterTypes();
        Class<?>[] raw = x.getParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            names.add(generic.length == raw.length && generic[i] instanceof TypeVariable<?>
                    ? generic[i].getTypeName() : raw[i].getTypeName());
        }
        String name = x instanceof Constructor<?> ? "new " + x.getDeclaringClass().getName() : x.getName();
        String prefix = x instanceof Method && Modifier.isStatic(x.getModifiers()) ? "static " : "";
        return prefix + displayName(name + "(" + String.join(", ", names) + ")");
    }

    /**
     * The public method {@code name(params)} of {@code owner}, declared or inherited; with
     * {@code wantStatic} non-null, also of that static-ness.
     */
    static Method findMethod(Class<?> owner, String name, List<String> params, Boolean wantStatic) {
        List<Method> named = Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .collect(Collectors.toList());
        String wanted = displayName(name + "(" + String.join(", ", params) + ")");
        String where = displayName(owner.getName());
        if (named.isEmpty()) {
            throw new Mismatch(where + " has no public method named " + name);
        }
        List<Method> hits = named.stream().filter(m -> parametersMatch(m, params))
                .collect(Collectors.toList());
        if (hits.isEmpty()) {
            throw new Mismatch(where + " has no public method " + wanted + "; its public "
                    + name + " methods are: " + named.stream().map(ApiContractTest::signature)
                            .sorted().collect(Collectors.joining(", ")));
        }
        // The most specific: an override (a narrower return, fewer exceptions) over what it overrides.
        Method method = hits.get(0);
        for (Method m : hits) {
            if (method.getDeclaringClass().isAssignableFrom(m.getDeclaringClass())
                    && method.getReturnType().isAssignableFrom(m.getReturnType())) {
                method = m;
            }
        }
        if (wantStatic != null && Modifier.isStatic(method.getModifiers()) != wantStatic) {
            throw new Mismatch(where + "." + wanted + " is " + (wantStatic ? "an instance" : "a static")
                    + " method; API.md has it " + (wantStatic ? "static" : "on instances"));
        }
        if (!accessible(method.getDeclaringClass())) {
            throw new Mismatch(where + "." + wanted + " is declared in "
                    + method.getDeclaringClass().getName() + ", which callers cannot access");
        }
        return method;
    }

    /** Checks {@code -> R} against a declared type; see the list's header. */
    private static void checkType(String what, Class<?> raw, Type generic, String want) {
        if (want == null) {
            return;
        }
        if (want.startsWith("? extends ")) {
            for (String bound : want.substring("? extends ".length()).split("&")) {
                Class<?> b = resolve(bound.strip());
                if (!b.isAssignableFrom(raw)) {
                    throw new Mismatch(what + " returns " + raw.getTypeName()
                            + ", which is not a " + bound.strip());
                }
            }
            return;
        }
        boolean generics = want.contains("<") || (want.matches("[A-Z]\\w*") && !PRIMITIVES.containsKey(want));
        if (generics) {
            if (!generic.getTypeName().equals(want)) {
                throw new Mismatch(what + " is " + generic.getTypeName() + ", not " + want);
            }
        } else if (!resolve(want).equals(raw)) {
            throw new Mismatch(what + " is " + raw.getTypeName() + ", not " + want);
        }
    }

    private static void checkUnchecked(String what, Executable x) {
        List<String> checked = Arrays.stream(x.getExceptionTypes())
                .filter(t -> !RuntimeException.class.isAssignableFrom(t) && !Error.class.isAssignableFrom(t))
                .map(Class::getName).collect(Collectors.toList());
        if (!checked.isEmpty()) {
            throw new Mismatch(what + " declares the checked exception(s) " + checked
                    + "; API.md: all exceptions thrown by the API are unchecked");
        }
    }

    /** Checks one name; throws {@link Mismatch} saying what is wrong. */
    static void check(Entry e) {
        switch (e.kind()) {
            case PACKAGE:
                if (classNames(e.owner()).isEmpty()) {
                    throw new Mismatch("there is no package " + e.owner() + " on the classpath");
                }
                return;
            case CLASS: case INTERFACE: case RECORD: case ENUM: case EXCEPTION:
                checkTypeLine(e);
                return;
            case NEW: {
                Class<?> owner = resolve(e.owner());
                String wanted = displayName("new " + e.owner() + "(" + String.join(", ", e.params()) + ")");
                if (owner.isInterface() || Modifier.isAbstract(owner.getModifiers())) {
                    throw new Mismatch(displayName(owner.getName()) + " is abstract or an interface: no " + wanted);
                }
                Constructor<?> hit = Arrays.stream(owner.getConstructors())
                        .filter(c -> parametersMatch(c, e.params())).findFirst()
                        .orElseThrow(() -> new Mismatch(displayName(owner.getName())
                                + " has no public constructor " + wanted + "; its public constructors are: "
                                + Arrays.stream(owner.getConstructors()).map(ApiContractTest::signature)
                                        .sorted().collect(Collectors.joining(", "))));
                checkUnchecked(wanted, hit);
                return;
            }
            case METHOD: case STATIC: {
                Class<?> owner = resolve(e.owner());
                Method m = findMethod(owner, e.member(), e.params(), e.kind() == Kind.STATIC);
                String what = displayName(e.owner() + "." + e.member() + "(" + String.join(", ", e.params()) + ")");
                checkType("the return type of " + what, m.getReturnType(), m.getGenericReturnType(), e.returns());
                checkUnchecked(what, m);
                if (e.overridable() && (Modifier.isFinal(m.getModifiers()) || Modifier.isFinal(owner.getModifiers()))) {
                    throw new Mismatch(what + " must be overridable (API.md: override it in a subclass), but it or "
                            + displayName(owner.getName()) + " is final");
                }
                return;
            }
            case CONSTANT: {
                Class<?> owner = resolve(e.owner());
                String what = displayName(e.owner() + "." + e.member());
                Field f;
                try {
                    f = owner.getField(e.member());
                } catch (NoSuchFieldException x) {
                    throw new Mismatch(displayName(owner.getName()) + " has no public field " + e.member());
                }
                int mods = f.getModifiers();
                if (!Modifier.isStatic(mods) || !Modifier.isFinal(mods)) {
                    throw new Mismatch(what + " is not a static final constant");
                }
                if (owner.isEnum() && !f.isEnumConstant()) {
                    throw new Mismatch(what + " is not an enum constant of " + displayName(owner.getName()));
                }
                checkType("the type of " + what, f.getType(), f.getGenericType(), e.returns());
                return;
            }
            default:
                throw new AssertionError(e.kind());
        }
    }

    private static void checkTypeLine(Entry e) {
        Class<?> type = resolve(e.owner());
        String name = displayName(type.getName());
        if (!accessible(type)) {
            throw new Mismatch(name + " is not public (or is a non-static or non-public nested type)");
        }
        boolean ok;
        switch (e.kind()) {
            case CLASS: ok = !type.isInterface() && !type.isEnum() && !type.isArray() && !type.isPrimitive(); break;
            case INTERFACE: ok = type.isInterface() && !type.isAnnotation(); break;
            case RECORD: ok = type.isRecord(); break;
            case ENUM: ok = type.isEnum(); break;
            case EXCEPTION: ok = RuntimeException.class.isAssignableFrom(type); break;
            default: throw new AssertionError(e.kind());
        }
        if (!ok) {
            String is = type.isInterface() ? "an interface" : type.isEnum() ? "an enum"
                    : type.isRecord() ? "a record" : Throwable.class.isAssignableFrom(type)
                            ? "a checked exception (" + type.getSuperclass().getName() + ")" : "a class";
            throw new Mismatch(name + " is " + is + ", not "
                    + (e.kind() == Kind.EXCEPTION ? "an unchecked exception" : "a" + (e.kind() == Kind.INTERFACE
                            || e.kind() == Kind.ENUM ? "n " : " ") + e.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (e.typeParams() != null) {
            List<String> actual = Arrays.stream(type.getTypeParameters()).map(TypeVariable::getName)
                    .collect(Collectors.toList());
            if (!actual.equals(e.typeParams())) {
                throw new Mismatch(name + " has the type parameters " + actual + ", not " + e.typeParams());
            }
        }
        for (String supertype : e.supertypes()) {
            if (!resolve(supertype).isAssignableFrom(type)) {
                throw new Mismatch(name + " is not a " + displayName(supertype) + " (its superclass: "
                        + (type.getSuperclass() == null ? "none" : type.getSuperclass().getName())
                        + ", its interfaces: " + Arrays.toString(type.getInterfaces()) + ")");
            }
        }
    }

    // ---------------------------------------------------------------------- the classpath

    /**
     * The binary names of the classes of a package, from its directories and jars on the
     * classpath, leaving out the test classes (which share the packages).
     */
    static List<String> classNames(String pkg) {
        String path = pkg.replace('.', '/');
        String testRoot = ApiContractTest.class.getProtectionDomain().getCodeSource().getLocation().toString();
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = LOADER.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                // test classes, of this module or (in the zookeeper module's run) of core's test jar
                String root = url.toString().replaceFirst("^jar:", "");
                if (root.startsWith(testRoot) || root.contains("/test-classes/")) {
                    continue;
                }
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                                .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - 6)));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                            String n = entry.getName();
                            if (n.startsWith(path + "/") && n.endsWith(".class")
                                    && n.indexOf('/', path.length() + 1) < 0) {
                                names.add(n.substring(0, n.length() - 6).replace('/', '.'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        names.remove(pkg + ".package-info");
        names.remove(pkg + ".module-info");
        return List.copyOf(names);
    }

    /** The public classes of {@link #packages()} that code outside them can name. */
    static List<Class<?>> publicClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (String pkg : packages()) {
            for (String name : classNames(pkg)) {
                try {
                    Class<?> c = Class.forName(name, false, LOADER);
                    if (accessible(c)) {
                        classes.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }

    // ---------------------------------------------------------------------------- the tests

    static Stream<Entry> checkedNames() {
        return contract().stream().filter(e -> e.status() == Status.CHECKED);
    }

    /** The zookeeper module's names: none where the module is not on the classpath. */
    static Stream<Entry> zookeeperNames() {
        return zookeeperIsBuilt()
                ? contract().stream().filter(e -> e.status() == Status.ZOOKEEPER)
                : Stream.empty();
    }

    static Stream<Entry> pendingNames() {
        return contract().stream().filter(e -> e.status() == Status.PENDING);
    }

    /** Every name API.md fixes exists as API.md fixes it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkedNames")
    void nameFixedByApiMd(Entry e) {
        try {
            check(e);
        } catch (Mismatch m) {
            throw shortFailure("API.md fixes `" + e + "` (" + CONTRACT + " line " + e.line()
                    + "), but " + m.getMessage());
        }
    }

    /** Every name API.md fixes in pythreading.zookeeper exists (in that module's test run). */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("zookeeperNames")
    void zookeeperNameFixedByApiMd(Entry e) {
        nameFixedByApiMd(e);
    }

    /**
     * A pending name is still missing: the case is skipped, saying so. Once the name exists
     * the case fails, so that its {@code pending:} prefix is removed and it is checked for good.
     */
    @ParameterizedTest(name = "pending: {0}", allowZeroInvocations = true)
    @MethodSource("pendingNames")
    void pendingNameIsStillMissing(Entry e) {
        try {
            check(e);
        } catch (Mismatch m) {
            Assumptions.abort("pending (a later issue): API.md fixes `" + e + "`, but " + m.getMessage());
        }
        throw shortFailure("`" + e + "` now exists as API.md fixes it: remove the `pending:` prefix"
                + " from " + CONTRACT + " line " + e.line() + " and the name from EXPECTED_PENDING");
    }

    /** A failure whose stack trace is only this class's frames: the message says it all. */
    private static AssertionError shortFailure(String message) {
        AssertionError error = new AssertionError(message);
        error.setStackTrace(Arrays.stream(error.getStackTrace())
                .filter(f -> f.getClassName().equals(ApiContractTest.class.getName()))
                .toArray(StackTraceElement[]::new));
        return error;
    }

    @Test
    void theListIsWhole() {
        List<Entry> entries = contract();
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry e : entries) {
            counts.merge(e.pkg(), 1, Integer::sum);
        }
        assertThat(counts).as("names per package in %s (update EXPECTED_NAMES with the list)", CONTRACT)
                .isEqualTo(new TreeMap<>(EXPECTED_NAMES));

        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Entry e : entries) {
            Integer first = seen.putIfAbsent(e.display(), e.line());
            if (first != null) {
                duplicates.add(e.display() + " (lines " + first + " and " + e.line() + ")");
            }
        }
        assertThat(duplicates).as("names listed twice in %s", CONTRACT).isEmpty();

        assertThat(pendingNames().map(Entry::display).collect(Collectors.toSet()))
                .as("the pending names: none is left")
                .isEqualTo(EXPECTED_PENDING);
        assertThat(entries).filteredOn(e -> e.status() == Status.ZOOKEEPER)
                .as("zookeeper: lines belong to pythreading.zookeeper, and nothing else does")
                .allMatch(e -> e.pkg().equals("pythreading.zookeeper"))
                .hasSize(EXPECTED_NAMES.get("pythreading.zookeeper"));
        assertThat(entries).filteredOn(e -> e.status() != Status.ZOOKEEPER)
                .allMatch(e -> PACKAGES.contains(e.pkg()));
        assertThat(EXPECTED_NAMES.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(PACKAGES.stream(), Stream.of(ZOOKEEPER)).collect(Collectors.toSet()));
    }

    /** API.md: the word wait becomes await everywhere; notify/notify_all become signal/signalAll. */
    @Test
    void noPublicWaitOrNotify() {
        List<Class<?>> classes = publicClasses();
        assertThat(classes).as("the public classes of %s", packages()).hasSizeGreaterThan(20);
        Set<String> objects = Set.of("wait", "notify", "notifyAll");
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : c.getMethods()) {
                if (objects.contains(m.getName()) && m.getDeclaringClass() != Object.class) {
                    offenders.add(c.getName() + ": " + signature(m));
                }
            }
        }
        assertThat(offenders).as("public methods named wait/notify/notifyAll besides Object's "
                + "(API.md: use await, signal, signalAll)").isEmpty();
    }

    /** API.md: every exception of the API is unchecked. */
    @Test
    void everyPublicExceptionIsUnchecked() {
        List<Class<?>> exceptions = publicClasses().stream()
                .filter(Throwable.class::isAssignableFrom).collect(Collectors.toList());
        assertThat(exceptions).extracting(Class::getSimpleName)
                .as("the public exception classes").contains("BrokenBarrierError", "Empty", "Full",
                        "ShutDown", "TimeoutError", "BrokenExecutor", "BrokenThreadPool");
        assertThat(exceptions).as("public exception classes (API.md: all unchecked)")
                .allMatch(RuntimeException.class::isAssignableFrom);
    }

    /**
     * API.md: "All exceptions thrown by the API are unchecked, so targets stay plain lambdas."
     * No public constructor or method (declared or inherited, {@code Object}'s aside) declares a
     * checked exception, except the {@code java.util.concurrent.Future} methods, which API.md
     * says keep Java's contract.
     */
    @Test
    void noPublicMemberDeclaresACheckedException() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : publicClasses()) {
            List<Executable> members = new ArrayList<>(Arrays.asList(c.getConstructors()));
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != Object.class && !implementsJucFuture(c, m)) {
                    members.add(m);
                }
            }
            for (Executable x : members) {
                try {
                    checkUnchecked(signature(x), x);
                } catch (Mismatch m) {
                    offenders.add(c.getName() + ": " + m.getMessage());
                }
            }
        }
        assertThat(offenders).as("public members declaring checked exceptions").isEmpty();
    }

    /** Whether {@code m} of {@code c} is one of the {@code java.util.concurrent.Future} methods. */
    private static boolean implementsJucFuture(Class<?> c, Method m) {
        if (!java.util.concurrent.Future.class.isAssignableFrom(c)) {
            return false;
        }
        try {
            java.util.concurrent.Future.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
