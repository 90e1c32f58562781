package pythreading.soak;

/**
 * What the soak did to one primitive.
 *
 * @param name the primitive, as the summary names it
 * @param operations calls made (each counted once, whatever its outcome)
 * @param timeouts timed calls that ended without their result (false, {@code Empty},
 *     {@code Full}, {@code TimeoutError})
 * @param interrupted calls that threw {@code UncheckedInterruptedException}
 * @param refused calls refused by the primitive's state: {@code ShutDown},
 *     {@code BrokenBarrierError}, a cancelled future, a pool shut down, and the
 *     non-blocking forms that found nothing to do ({@code Empty}, {@code Full}, false)
 */
public record PrimitiveStats(String name, long operations, long timeouts, long interrupted, long refused) {
}
