package pythreading.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** ZooKeeper and Curator log a great deal at INFO; the demo shows their warnings at most. */
final class Logs {

    private static final String[] CHATTY = {"org.apache.zookeeper", "org.apache.curator", "io.netty"};

    private Logs() {
    }

    /**
     * Sets the level of ZooKeeper's, Curator's and Netty's loggers.
     *
     * @param level a Logback level name: ERROR, WARN, INFO, DEBUG, OFF
     */
    static void quietZooKeeper(String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
            return;
        }
        Level to = Level.toLevel(level, Level.ERROR);
        for (String name : CHATTY) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(to);
        }
    }

    /**
     * Silences the servers of this JVM, unless {@code level} asks for more than errors: a
     * server killed on purpose, and the others losing it, log errors (with stack traces)
     * that are the demo working, not failing.
     *
     * @param level the level asked for
     */
    static void muteServers(String level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext)) {
            return;
        }
        if (!Level.toLevel(level, Level.ERROR).isGreaterOrEqual(Level.ERROR)) {
            return;
        }
        ((Logger) LoggerFactory.getLogger("org.apache.zookeeper.server")).setLevel(Level.OFF);
    }
}
