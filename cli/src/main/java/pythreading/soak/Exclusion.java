package pythreading.soak;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks mutual exclusion: a worker enters when its lock says it holds it, and leaves
 * before it lets go; finding another worker inside is a double grant.
 */
final class Exclusion {

    private final String primitive;
    private final Violations violations;
    private final AtomicReference<Worker> holder = new AtomicReference<>();

    Exclusion(String primitive, Violations violations) {
        this.primitive = primitive;
        this.violations = violations;
    }

    void enter(Worker worker) {
        Worker other = holder.get();
        if (!holder.compareAndSet(null, worker)) {
            violations.add(primitive, "granted to " + worker + " while " + other + " held it");
            holder.set(worker);
        }
    }

    void leave(Worker worker) {
        if (!holder.compareAndSet(worker, null)) {
            violations.add(primitive, worker + " left, but " + holder.get() + " was inside");
            holder.set(null);
        }
    }
}
