package pythreading.tour;

import java.util.concurrent.ThreadLocalRandom;

/** What the tour's programs use of Python's {@code random} module. */
public final class Random {

    private Random() {
    }

    /** Python's {@code random.randint(a, b)}: a whole number from a to b, both included. */
    public static int randint(int a, int b) {
        return ThreadLocalRandom.current().nextInt(a, b + 1);
    }

    /** Python's {@code random.random()}: a number from 0.0 (included) to 1.0 (excluded). */
    public static double random() {
        return ThreadLocalRandom.current().nextDouble();
    }
}
