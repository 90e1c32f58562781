package pythreading.tour;

/**
 * One program of the tutorial, run in a JVM of its own.
 *
 * @param id the tutorial's example number, as in {@code tour/reference/} ({@code 03b})
 * @param title what it shows, in a few words
 * @param mainClass the Java program
 */
public record Example(String id, String title, Class<?> mainClass) {
}
