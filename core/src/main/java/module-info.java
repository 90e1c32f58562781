/**
 * pythreading: Python's {@code threading}, {@code queue} and {@code concurrent.futures}
 * (thread pool) for the JVM, with CPython 3.13's behaviour and messages. No dependency
 * beyond the JDK: {@code java.base}, and {@code jdk.jfr} for the recorder's JFR events;
 * {@code pythreading.internal} is not exported.
 */
module pythreading.core {
    requires jdk.jfr;

    exports pythreading.threading;
    exports pythreading.queue;
    exports pythreading.futures;
}
