package pythreading.tour;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the tour's programs use of Python's built-ins: {@code str()} and {@code repr()},
 * so that {@code True}, {@code (0,)}, {@code ['a', 'b']} and {@code {'a': 1}} print as in
 * Python, and the tuples and dicts that the tutorial passes as arguments.
 */
public final class Py {

    private Py() {
    }

    /** Python's tuple {@code (a, b)}: {@link #str(Object)} prints it as one. */
    public static Object[] tuple(Object... items) {
        return items;
    }

    /** Python's dict literal {@code {'a': 1, 'b': 2}}, written {@code dict("a", 1, "b", 2)}. */
    public static Map<String, Object> dict(Object... keysAndValues) {
        Map<String, Object> dict = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            dict.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return dict;
    }

    /** Python's {@code str(x)}: a string as it is, anything else as {@link #repr(Object)}. */
    public static String str(Object x) {
        return x instanceof String ? (String) x : repr(x);
    }

    /**
     * Python's {@code repr(x)}: {@code None}, {@code True}/{@code False}, {@code 'text'},
     * tuples (arrays), lists (collections) and dicts (maps) with their items in repr.
     */
    public static String repr(Object x) {
        if (x == null) {
            return "None";
        }
        if (x instanceof Boolean) {
            return (Boolean) x ? "True" : "False";
        }
        if (x instanceof String) {
            return "'" + ((String) x).replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (x instanceof Object[]) {
            Object[] items = (Object[]) x;
            if (items.length == 1) {
                return "(" + repr(items[0]) + ",)";
            }
            StringJoiner tuple = new StringJoiner(", ", "(", ")");
            for (Object item : items) {
                tuple.add(repr(item));
            }
            return tuple.toString();
        }
        if (x instanceof Collection) {
            StringJoiner list = new StringJoiner(", ", "[", "]");
            for (Object item : (Collection<?>) x) {
                list.add(repr(item));
            }
            return list.toString();
        }
        if (x instanceof Map) {
            StringJoiner dict = new StringJoiner(", ", "{", "}");
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) x).entrySet()) {
                dict.add(repr(entry.getKey()) + ": " + repr(entry.getValue()));
            }
            return dict.toString();
        }
        return x.toString();
    }
}
