package pythreading.futures;

/**
 * When {@link Futures#await} returns: Python's {@code return_when} constants
 * ({@code concurrent.futures.FIRST_COMPLETED}, {@code FIRST_EXCEPTION},
 * {@code ALL_COMPLETED}).
 */
public enum ReturnWhen {
    /** When any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** When any future finishes by raising an exception; or, if none does, when all are done. */
    FIRST_EXCEPTION,
    /** When all futures are done (the default). */
    ALL_COMPLETED
}
