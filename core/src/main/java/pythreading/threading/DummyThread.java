package pythreading.threading;

/**
 * CPython's {@code _DummyThread}: the {@link Thread} of a thread that pythreading did not
 * start, made when it first calls {@link Threading#currentThread()}. It is named after
 * its Java thread, is a daemon, and is listed by {@link Threading#enumerate()} while its
 * Java thread lives. It cannot be joined.
 */
final class DummyThread extends Thread {

    DummyThread(java.lang.Thread javaThread) {
        super(javaThread, javaThread.getName(), true);
        recordNativeId(NativeThreadId.ofCurrentThread());
    }

    /**
     * Whether its Java thread lives. (CPython 3.13.0 keeps answering True for a dummy
     * whose thread has ended; the JVM can tell, so this answers false.)
     */
    @Override
    public boolean isAlive() {
        return javaThread().isAlive();
    }

    @Override
    boolean isForeign() {
        return true;
    }

    @Override
    void checkJoinable() {
        throw new IllegalStateException("cannot join a dummy thread");
    }

    @Override
    String reprClassName() {
        return "_DummyThread";
    }
}
