package pythreading.testing;

/**
 * The iteration counts of the Lincheck tests, times the system property
 * {@code pythreading.lincheck.scale}: default 1; the {@code lincheck-long} Maven profile
 * sets 10; CI sets 0.5 for its second JDK, where Lincheck runs about five times slower.
 */
public final class LincheckScale {

    /** The factor by which every Lincheck test multiplies its iterations (scenarios). */
    public static final double SCALE = read();

    private LincheckScale() {
    }

    /** {@code n} iterations, that is {@code n} scenarios, times the scale; at least one. */
    public static int iterations(int n) {
        return (int) Math.max(1, Math.round(n * SCALE));
    }

    private static double read() {
        String value = System.getProperty("pythreading.lincheck.scale", "1").trim();
        double scale;
        try {
            scale = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pythreading.lincheck.scale must be a positive number: " + value, e);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("pythreading.lincheck.scale must be a positive number: " + value);
        }
        return scale;
    }
}
