package pythreading.soak;

/**
 * One shared primitive under soak: workers call {@link #step} with random operations;
 * at the end the controller wakes whoever still waits and checks the invariants.
 */
interface Target {

    /** The counts of this primitive (its name is the summary's). */
    Counters counters();

    /**
     * One random operation by the calling worker. It may throw
     * {@code UncheckedInterruptedException} (the worker counts it); any other exception
     * that escapes is a violation.
     */
    void step(Worker worker);

    /**
     * Called repeatedly once the run is over, until every worker has returned: wakes,
     * in a way the primitive allows, any worker that waits on it (never by interrupting).
     */
    void wake();

    /** Called once every worker has returned: checks the final invariants. */
    void check(Violations violations);
}
