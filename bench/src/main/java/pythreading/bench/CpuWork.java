package pythreading.bench;

/**
 * The CPU-bound work of the GIL question, shared by {@link CpuScalingBenchmark} and the
 * tour's {@code gil} chapter: steps of a 64-bit linear congruential generator, as
 * {@code count()} in the CPython scripts beside them.
 */
public final class CpuWork {

    /*
     * The generator's constants, in fields that are deliberately not final: with the
     * constants written into the loop, JDK 25's C2 folds consecutive steps together
     * (200,000,000 steps in 3 ms instead of about 190 ms, where JDK 17 does every step), so
     * threads would share almost no work. Read from a field, they are only loop
     * invariants: each step is one multiply and one add again, on every JDK.
     */
    private static long multiplier = 6364136223846793005L;
    private static long increment = 1442695040888963407L;

    private CpuWork() {
    }

    /**
     * Runs the generator.
     *
     * @param seed the first value
     * @param steps how many steps
     * @return the last value (consume it, so that the JIT keeps the work)
     */
    public static long lcg(long seed, long steps) {
        long a = multiplier;
        long c = increment;
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * a + c;
        }
        return x;
    }
}
