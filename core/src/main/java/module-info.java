/**
 * pythreading: Python's {@code threading}, {@code queue} and {@code concurrent.futures}
 * (thread pool) for the JVM, with CPython 3.13's behaviour and messages. No dependency
 * beyond the JDK: {@code java.base}, and {@code jdk.jfr} for the recorder's JFR events;
 * {@code pythreading.internal} is exported only to {@code pythreading.zookeeper}.
 */
module pythreading.core {
    requires jdk.jfr;

    exports pythreading.threading;
    exports pythreading.queue;
    exports pythreading.futures;
    // The timeout rules and interrupt helpers, shared with the distributed twins.
    exports pythreading.internal to pythreading.zookeeper;
}
