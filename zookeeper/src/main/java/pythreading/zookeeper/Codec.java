package pythreading.zookeeper;

/**
 * How a distributed queue turns its items into bytes and back. Every process that uses
 * a queue name must use the same codec.
 *
 * <p>{@link ZooKeeperManager#queue(String, int)} carries {@code String} and
 * {@code byte[]} items with a built-in codec; any other type takes a codec of its own,
 * for example JSON. pythreading never uses Java deserialization: a codec should not
 * either, since anyone who can write to ZooKeeper chooses the bytes it decodes.
 *
 * @param <E> the type of the items
 */
public interface Codec<E> {

    /**
     * The bytes of an item.
     *
     * @param item the item that is put
     * @return its bytes, which {@link #decode(byte[])} turns back into an equal item
     * @throws IllegalArgumentException if the item cannot be encoded
     */
    byte[] encode(E item);

    /**
     * The item of some bytes that {@link #encode(Object)} made.
     *
     * @param bytes the bytes taken from the queue
     * @return the item
     * @throws IllegalArgumentException if the bytes are not an item of this codec
     */
    E decode(byte[] bytes);
}
