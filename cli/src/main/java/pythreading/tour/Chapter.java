package pythreading.tour;

import java.util.List;

/**
 * A chapter of the tour: one section of the threading tutorial, its examples in order.
 *
 * @param name the name on the command line ({@code daemon})
 * @param summary one line on what it shows
 * @param examples its programs, each run in a JVM of its own
 */
public record Chapter(String name, String summary, List<Example> examples) {
}
