package pythreading.threading;

import pythreading.internal.Interrupts;

/**
 * CPython's {@code _MainThread}: the JVM's main thread, named {@code MainThread} (on the
 * Java thread too), not a daemon, alive while the Java main thread runs.
 */
final class MainThread extends Thread {

    MainThread(java.lang.Thread javaThread) {
        super(javaThread, "MainThread", false);
        if (javaThread != null) {
            javaThread.setName("MainThread");
            if (javaThread == java.lang.Thread.currentThread()) {
                recordNativeId(NativeThreadId.ofCurrentThread());
            }
        }
    }

    @Override
    public boolean isAlive() {
        java.lang.Thread javaThread = javaThread();
        return javaThread != null && javaThread.isAlive();
    }

    @Override
    boolean isForeign() {
        return true;
    }

    @Override
    void awaitStopped(long nanos) {
        java.lang.Thread javaThread = javaThread();
        if (javaThread == null) {
            return;
        }
        try {
            if (nanos == pythreading.internal.Timeouts.FOREVER) {
                javaThread.join();
            } else if (nanos > 0) {
                long millis = nanos / 1_000_000;
                javaThread.join(millis, (int) (nanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            throw Interrupts.rethrow(e);
        }
    }

    @Override
    String reprClassName() {
        return "_MainThread";
    }
}
