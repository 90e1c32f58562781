package pythreading.testing;

/**
 * The iteration counts of the Lincheck tests, times the system property
 * {@code pythreading.lincheck.scale} (default 1; the {@code lincheck-long} Maven profile sets 10).
 */
public final class LincheckScale {

    /** The factor by which every Lincheck test multiplies its iterations (scenarios). */
    public static final int SCALE = read();

    private LincheckScale() {
    }

    /** {@code n} iterations, that is {@code n} scenarios, times the scale. */
    public static int iterations(int n) {
        return n * SCALE;
    }

    private static int read() {
        String value = System.getProperty("pythreading.lincheck.scale", "1").trim();
        int scale;
        try {
            scale = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pythreading.lincheck.scale must be a positive integer: " + value, e);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("pythreading.lincheck.scale must be a positive integer: " + value);
        }
        return scale;
    }
}
