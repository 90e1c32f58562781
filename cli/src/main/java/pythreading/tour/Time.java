package pythreading.tour;

/** What the tour's programs use of Python's {@code time} module. */
public final class Time {

    private Time() {
    }

    /** Python's {@code time.sleep(seconds)}; an interrupt ends it early, flag kept. */
    public static void sleep(double seconds) {
        try {
            java.lang.Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
        }
    }

    /** Python's {@code time.time()}: seconds since the epoch. */
    public static double time() {
        return System.currentTimeMillis() / 1000.0;
    }
}
