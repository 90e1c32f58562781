package pythreading.threading;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Virtual threads, reached through method handles so that the library still compiles
 * and runs on Java 17, where they do not exist.
 */
final class VirtualThreads {

    private static final int FIRST_RELEASE = 21;
    /** {@code Thread.ofVirtual()}, typed {@code () -> Object}; null when unavailable. */
    private static final MethodHandle OF_VIRTUAL;
    /** {@code Thread.Builder.unstarted(Runnable)}, typed {@code (Object, Runnable) -> Thread}. */
    private static final MethodHandle UNSTARTED;
    /** {@code Thread.isVirtual()}, typed {@code (Thread) -> boolean}. */
    private static final MethodHandle IS_VIRTUAL;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle unstarted = null;
        MethodHandle isVirtual = null;
        if (Runtime.version().feature() >= FIRST_RELEASE) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> ofVirtualBuilder = Class.forName("java.lang.Thread$Builder$OfVirtual");
                ofVirtual = lookup.findStatic(java.lang.Thread.class, "ofVirtual",
                        MethodType.methodType(ofVirtualBuilder)).asType(MethodType.methodType(Object.class));
                unstarted = lookup.findVirtual(builder, "unstarted",
                                MethodType.methodType(java.lang.Thread.class, Runnable.class))
                        .asType(MethodType.methodType(java.lang.Thread.class, Object.class, Runnable.class));
                isVirtual = lookup.findVirtual(java.lang.Thread.class, "isVirtual",
                        MethodType.methodType(boolean.class));
            } catch (ReflectiveOperationException e) {
                ofVirtual = null;
                unstarted = null;
                isVirtual = null;
            }
        }
        OF_VIRTUAL = ofVirtual;
        UNSTARTED = unstarted;
        IS_VIRTUAL = isVirtual;
    }

    private VirtualThreads() {
    }

    static boolean supported() {
        return OF_VIRTUAL != null;
    }

    static String unsupportedMessage() {
        return "virtual threads need Java " + FIRST_RELEASE + " or later; this JVM is Java "
                + Runtime.version();
    }

    /** A new, unstarted virtual thread running {@code task}. */
    static java.lang.Thread unstarted(Runnable task) {
        if (!supported()) {
            throw new UnsupportedOperationException(unsupportedMessage());
        }
        try {
            return (java.lang.Thread) UNSTARTED.invokeExact(OF_VIRTUAL.invokeExact(), task);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isVirtual(java.lang.Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
