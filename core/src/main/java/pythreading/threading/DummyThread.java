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
     * Whether the Java thread lives.
     *
     * @throws IllegalStateException {@code thread is not alive} once it has died, as
     *     CPython 3.13's dummy threads do
     */
    @Override
    public boolean isAlive() {
        if (javaThread().isAlive()) {
            return true;
        }
        throw new IllegalStateException("thread is not alive");
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
