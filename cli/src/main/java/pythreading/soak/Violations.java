package pythreading.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The broken invariants a soak found: all are counted, the first few are kept with their details. */
final class Violations {

    /** How many violations are kept in full; later ones are only counted. */
    static final int KEPT = 20;

    private final AtomicLong count = new AtomicLong();
    private final List<String> kept = new ArrayList<>();

    /** Records a broken invariant of {@code primitive}. */
    void add(String primitive, String what) {
        count.incrementAndGet();
        synchronized (kept) {
            if (kept.size() < KEPT) {
                kept.add(primitive + ": " + what);
            }
        }
    }

    /** Records an exception no operation of {@code primitive} may throw. */
    void unexpected(String primitive, Throwable t) {
        StringBuilder text = new StringBuilder("unexpected ").append(t);
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 12); i++) {
            text.append(System.lineSeparator()).append("        at ").append(trace[i]);
        }
        for (Throwable s : t.getSuppressed()) {
            text.append(System.lineSeparator()).append("    suppressed: ").append(s);
        }
        add(primitive, text.toString());
    }

    long count() {
        return count.get();
    }

    List<String> kept() {
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
