package pythreading.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The java.util.concurrent side's virtual threads: {@code Thread.ofVirtual().start(task)},
 * reached through a method handle so that the benchmarks compile on Java 17. On a JVM
 * without virtual threads {@link #start(Runnable)} throws at once, with a message that
 * says so; the report never asks for the virtual rows there.
 */
final class JavaVirtualThreads {

    /** {@code Thread.ofVirtual()}, typed {@code () -> Object}; null before Java 21. */
    private static final MethodHandle OF_VIRTUAL;
    /** {@code Thread.Builder.start(Runnable)}, typed {@code (Object, Runnable) -> Thread}. */
    private static final MethodHandle START;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle start = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtualBuilder = Class.forName("java.lang.Thread$Builder$OfVirtual");
            ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtualBuilder))
                    .asType(MethodType.methodType(Object.class));
            start = lookup.findVirtual(builder, "start", MethodType.methodType(Thread.class, Runnable.class))
                    .asType(MethodType.methodType(Thread.class, Object.class, Runnable.class));
        } catch (ReflectiveOperationException e) {
            ofVirtual = null;
            start = null;
        }
        OF_VIRTUAL = ofVirtual;
        START = start;
    }

    private JavaVirtualThreads() {
    }

    /** Fails unless this JVM has virtual threads; call it in a benchmark's setup. */
    static void requireSupported() {
        if (OF_VIRTUAL == null) {
            throw new UnsupportedOperationException("virtual threads need Java 21 or later; this JVM is Java "
                    + Runtime.version());
        }
    }

    /** Starts a new virtual thread running {@code task}: {@code Thread.ofVirtual().start(task)}. */
    static Thread start(Runnable task) {
        requireSupported();
        try {
            return (Thread) START.invokeExact(OF_VIRTUAL.invokeExact(), task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
