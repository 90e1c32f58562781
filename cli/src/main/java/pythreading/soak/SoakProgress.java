package pythreading.soak;

import java.time.Duration;

/**
 * How far a running soak has got, reported about once a second.
 *
 * @param elapsed time since the workers started
 * @param duration how long the run lasts
 * @param operations operations so far
 * @param interrupts interrupts delivered so far
 * @param violations violations found so far
 */
public record SoakProgress(Duration elapsed, Duration duration, long operations, long interrupts, long violations) {
}
