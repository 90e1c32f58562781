package pythreading.zookeeper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a ZooKeeper server whose connections the test can cut: each
 * cut is a connection loss (requests in flight get no answer) that the session survives.
 */
final class DropProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int upstream;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    DropProxy(int upstreamPort) throws IOException {
        this.upstream = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy accept", this::accept);
    }

    String connectString() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
                client.setTcpNoDelay(true); // as ZooKeeper's own sockets: no Nagle delay per request
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                daemon("proxy up", () -> pump(client, server));
                daemon("proxy down", () -> pump(server, client));
            } catch (IOException e) {
                // closed, or the server refused: the client connects again
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // cut
        } finally {
            close(from);
            close(to);
        }
    }

    /** Cuts every connection now: the clients see a connection loss and connect again. */
    void cutAll() {
        open.forEach(DropProxy::close);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    private static void daemon(String name, Runnable run) {
        Thread thread = new Thread(run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }
}
