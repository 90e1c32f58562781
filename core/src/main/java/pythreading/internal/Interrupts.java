package pythreading.internal;

import pythreading.threading.UncheckedInterruptedException;

/**
 * The one interrupt policy of pythreading, written once: a blocking call that is
 * interrupted stops waiting, leaves nothing taken, sets the thread's interrupt flag
 * again and throws {@link UncheckedInterruptedException} carrying the
 * {@link InterruptedException}.
 */
public final class Interrupts {

    private Interrupts() {
    }

    /**
     * Sets the interrupt flag again and returns the exception to throw.
     *
     * @param e the interrupt that stopped the wait
     * @return the exception to throw, with {@code e} as its cause
     */
    public static UncheckedInterruptedException rethrow(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new UncheckedInterruptedException(e);
    }

    /**
     * For waits that noticed the interrupt themselves (for example after a park).
     *
     * @return the exception to throw, with a new {@link InterruptedException} as its cause
     */
    public static UncheckedInterruptedException interrupted() {
        return rethrow(new InterruptedException());
    }
}
