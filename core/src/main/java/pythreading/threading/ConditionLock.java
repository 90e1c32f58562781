package pythreading.threading;

/**
 * What a {@link Condition} needs from its lock: CPython's {@code _is_owned},
 * {@code _release_save} and {@code _acquire_restore}. {@link RLock} supplies the real
 * ones (a full release of any recursion depth); any other {@link Acquirable} gets
 * CPython's fallbacks through {@link #of(Acquirable)}.
 */
interface ConditionLock {

    /** Whether the calling thread may wait on or signal the condition. */
    boolean isOwned();

    /** Releases the lock completely; returns what {@link #acquireRestore} needs. */
    int releaseSave();

    /** Takes the lock back as {@link #releaseSave} found it, ignoring interrupts. */
    void acquireRestore(int saved);

    static ConditionLock of(Acquirable lock) {
        if (lock instanceof Lock) {
            return ((Lock) lock).conditionLock();
        }
        if (lock instanceof RLock) {
            return ((RLock) lock).conditionLock();
        }
        if (lock instanceof Condition) {
            return ((Condition) lock).conditionLock();
        }
        return new Fallback(lock);
    }

    /**
     * CPython's fallbacks for a lock without the private methods. "Owned" means "cannot be
     * acquired right now", so for a plain lock it means locked by anybody.
     */
    final class Fallback implements ConditionLock {
        private final Acquirable lock;

        Fallback(Acquirable lock) {
            this.lock = lock;
        }

        @Override
        public boolean isOwned() {
            if (lock.acquire(false)) {
                lock.release();
                return false;
            }
            return true;
        }

        @Override
        public int releaseSave() {
            lock.release();
            return 1;
        }

        @Override
        public void acquireRestore(int saved) {
            boolean interrupted = false;
            for (;;) {
                try {
                    lock.acquire();
                    break;
                } catch (UncheckedInterruptedException e) {
                    java.lang.Thread.interrupted();
                    interrupted = true;
                }
            }
            if (interrupted) {
                java.lang.Thread.currentThread().interrupt();
            }
        }
    }
}
