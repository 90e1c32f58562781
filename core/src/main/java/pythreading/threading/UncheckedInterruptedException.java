package pythreading.threading;

/**
 * Thrown by a pythreading call that was blocked, or about to block, when its thread was
 * interrupted. Python has no thread interruption; this is how pythreading honours Java's.
 *
 * <p>When it is thrown, the call has stopped waiting and has taken nothing (no lock, no
 * permit, no item), and the thread's interrupt flag is set again, so that code further
 * up the stack still sees the interrupt. The {@linkplain #getCause() cause} is the
 * {@link InterruptedException}.
 */
public class UncheckedInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Wraps the interrupt that stopped a blocking call.
     *
     * @param cause the interrupt
     */
    public UncheckedInterruptedException(InterruptedException cause) {
        super(cause);
    }

    /**
     * The interrupt that stopped the call.
     *
     * @return the {@link InterruptedException}
     */
    @Override
    public synchronized InterruptedException getCause() {
        return (InterruptedException) super.getCause();
    }
}
