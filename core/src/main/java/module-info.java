/**
 * pythreading: Python's {@code threading}, {@code queue} and {@code concurrent.futures}
 * (thread pool) for the JVM, with CPython 3.13's behaviour and messages. No dependency
 * beyond {@code java.base}; {@code pythreading.internal} is not exported.
 */
module pythreading.core {
    exports pythreading.threading;
    exports pythreading.queue;
    exports pythreading.futures;
}
