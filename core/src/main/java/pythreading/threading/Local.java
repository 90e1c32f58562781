package pythreading.threading;

import java.util.function.Supplier;

/**
 * Python's {@code threading.local}: a value that each thread sees its own copy of.
 *
 * <pre>{@code
 * Local<Connection> conn = Local.withInitial(Database::connect);
 * conn.get();   // this thread's connection, made on its first use here
 * }</pre>
 *
 * <p>A thread that never set the value has none: {@link #get()} throws, as Python's
 * attribute lookup does. With {@link #withInitial(Supplier)} the initializer runs once
 * in each thread, on that thread's first access of any kind (as a Python subclass's
 * {@code __init__}); {@link #remove()} then leaves the thread without a value, and the
 * initializer does not run again there. A thread's value is dropped when the thread
 * ends.
 *
 * @param <T> the type of the value ({@code null} is a value like any other)
 */
public class Local<T> {

    /** Marks a thread that has no value. */
    private static final Object UNSET = new Object();

    private final ThreadLocal<Object> values;

    /**
     * Creates a thread-local value that no thread has yet.
     *
     * <p>Python: {@code threading.local()}.
     */
    public Local() {
        this.values = new ThreadLocal<>() {
            @Override
            protected Object initialValue() {
                return UNSET;
            }
        };
    }

    private Local(Supplier<? extends T> initializer) {
        this.values = new ThreadLocal<>() {
            @Override
            protected Object initialValue() {
                return initializer.get();
            }
        };
    }

    /**
     * Creates a thread-local value that each thread gets from {@code initializer}, run in
     * that thread on its first access. If it throws, the access throws and the next access
     * runs it again.
     *
     * <p>Python: a {@code threading.local} subclass whose {@code __init__} sets the value.
     *
     * @param initializer makes each thread's first value
     * @param <T> the type of the value
     * @return the new thread-local value
     * @throws NullPointerException if {@code initializer} is null
     */
    public static <T> Local<T> withInitial(Supplier<? extends T> initializer) {
        if (initializer == null) {
            throw new NullPointerException("initializer");
        }
        return new Local<>(initializer);
    }

    /**
     * This thread's value. Never blocks; runs the initializer if this is the thread's
     * first access.
     *
     * <p>Python: {@code local.value}.
     *
     * @return the value this thread set, or its initializer made
     * @throws IllegalStateException {@code 'Local' object has no attribute 'value'} (and
     *     the thread's name) when this thread has no value
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object value = values.get();
        if (value == UNSET) {
            throw new IllegalStateException("'Local' object has no attribute 'value' in thread "
                    + Threading.currentThread().getName());
        }
        return (T) value;
    }

    /**
     * Sets this thread's value; other threads' values are untouched.
     *
     * <p>Python: {@code local.value = value}.
     *
     * @param value the new value, {@code null} included
     */
    public void set(T value) {
        values.get(); // a first access runs the initializer, as Python's __init__
        values.set(value);
    }

    /**
     * Whether this thread has a value (after running the initializer, on a first access).
     *
     * <p>Python: {@code hasattr(local, 'value')}.
     *
     * @return {@code true} if {@link #get()} would return a value
     */
    public boolean isSet() {
        return values.get() != UNSET;
    }

    /**
     * Removes this thread's value; no-op if none. The initializer does not run again in
     * this thread.
     *
     * <p>Python: {@code del local.value}.
     */
    public void remove() {
        values.get();
        values.set(UNSET);
    }

    /**
     * As CPython's repr: {@code <pythreading.threading.Local object at 0x…>}.
     *
     * @return the class and the identity hash
     */
    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
