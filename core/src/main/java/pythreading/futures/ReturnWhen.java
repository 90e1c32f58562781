package pythreading.futures;

/** When {@link Futures#await} returns: Python's {@code return_when} constants. */
public enum ReturnWhen {
    /** When any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** When any future finishes by raising an exception; or, if none does, when all are done. */
    FIRST_EXCEPTION,
    /** When all futures are done (the default). */
    ALL_COMPLETED
}
