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

    /** Creates a thread-local value that no thread has yet. */
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
     */
    public static <T> Local<T> withInitial(Supplier<? extends T> initializer) {
        if (initializer == null) {
            throw new NullPointerException("initializer");
        }
        return new Local<>(initializer);
    }

    /**
     * This thread's value.
     *
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

    /** Sets this thread's value. */
    public void set(T value) {
        values.get(); // a first access runs the initializer, as Python's __init__
        values.set(value);
    }

    /** Whether this thread has a value. */
    public boolean isSet() {
        return values.get() != UNSET;
    }

    /** Removes this thread's value (Python's {@code del local.value}); no-op if none. */
    public void remove() {
        values.get();
        values.set(UNSET);
    }

    @Override
    public String toString() {
        return "<" + getClass().getName() + " object at 0x"
                + Integer.toHexString(System.identityHashCode(this)) + ">";
    }
}
