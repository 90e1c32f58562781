package pythreading.zookeeper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The built-in codec of {@link ZooKeeperManager#queue(String, int)}: a {@code String}
 * (UTF-8) or a {@code byte[]}, told apart by a first byte, so each comes out as it went
 * in. Anything else is refused at {@code put}.
 */
final class StringOrBytesCodec implements Codec<Object> {

    static final StringOrBytesCodec INSTANCE = new StringOrBytesCodec();

    private static final byte STRING = 'S';
    private static final byte BYTES = 'B';

    private StringOrBytesCodec() {
    }

    @Override
    public byte[] encode(Object item) {
        byte tag;
        byte[] body;
        if (item instanceof String) {
            tag = STRING;
            body = ((String) item).getBytes(StandardCharsets.UTF_8);
        } else if (item instanceof byte[]) {
            tag = BYTES;
            body = (byte[]) item;
        } else {
            throw new IllegalArgumentException("a queue without a codec carries String and byte[] items, not "
                    + (item == null ? "null" : item.getClass().getName())
                    + "; give ZooKeeperManager.queue(name, maxsize, codec) a Codec for them");
        }
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = tag;
        System.arraycopy(body, 0, bytes, 1, body.length);
        return bytes;
    }

    @Override
    public Object decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == STRING) {
            return new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        }
        if (bytes.length > 0 && bytes[0] == BYTES) {
            return Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        throw new IllegalArgumentException("not an item of the String-or-byte[] codec ("
                + bytes.length + " bytes)");
    }
}
