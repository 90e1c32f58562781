package pythreading.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import pythreading.threading.Threading;

/**
 * Logback's {@code %pythread}: the Python name of the thread that logs, as Python's
 * {@code %(threadName)s} — {@code MainThread} for the main thread, {@code Thread-1} for
 * an unnamed thread — whatever the JVM calls it.
 */
public final class PythonThreadNameConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Threading.currentThread().getName();
    }
}
