package dev.athanor.testing;

import dev.athanor.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the tests and a real database server that can cut connections at a chosen moment: when the
 * client sends a marker (e.g. {@code COMMIT}: forwarded, then the connection is cut before the answer comes back,
 * so the server did the work but the client never hears of it), or all at once. Listens on an ephemeral loopback
 * port; the protocol is not parsed, only the client's bytes are searched, so it needs connections without TLS.
 *
 * {@snippet :
 * try (FaultProxy proxy = FaultProxy.to(db)) {
 *     Engine engine = proxy.engine();
 *     proxy.cutAfterClientSends("COMMIT", 300);
 *     engine.begin(conn -> ...);   // CommitOutcomeUnknownError
 * }
 * }
 */
public final class FaultProxy implements AutoCloseable {
    private final TestDatabase db;
    private final String host;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicReference<Trigger> trigger = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean down;
    private Engine engine;

    private record Trigger(byte[] marker, long delayMillis) {
    }

    private FaultProxy(TestDatabase db) throws IOException {
        this.db = db;
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        this.host = uri.getHost();
        this.targetPort = uri.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code db}'s server (PostgreSQL or MariaDB). */
    public static FaultProxy to(TestDatabase db) throws IOException {
        return new FaultProxy(db);
    }

    /** {@code db}'s JDBC URL with the proxy's port, TLS off, and (PostgreSQL) every statement sent as text. */
    public String jdbcUrl() {
        String url = db.jdbcUrl().replace(host + ":" + targetPort, "127.0.0.1:" + server.getLocalPort());
        return db == TestDatabase.POSTGRESQL
                ? url + (url.contains("?") ? "&" : "?") + "sslmode=disable&prepareThreshold=0" : url;
    }

    /** An engine (pool of 2) connecting through the proxy; disposed when the proxy closes. */
    public synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.builder(jdbcUrl()).user(db.user()).password(db.password()).poolSize(2).build();
        }
        return engine;
    }

    /**
     * Arms a one-time cut: the next connection whose client sends {@code marker} has it forwarded, then after
     * {@code delayMillis} (time for the server to carry it out) is cut in both directions.
     */
    public void cutAfterClientSends(String marker, long delayMillis) {
        trigger.set(new Trigger(marker.getBytes(StandardCharsets.ISO_8859_1), delayMillis));
    }

    /** Cuts every open connection now. */
    public void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        cuts.incrementAndGet();
    }

    /** While {@code down}, new connections are accepted and closed at once, as by a server that is not there. */
    public void down(boolean down) {
        this.down = down;
    }

    /** How many cuts happened. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket target = new Socket();
                target.connect(new InetSocketAddress(host, targetPort), 5000);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                java.util.concurrent.atomic.AtomicBoolean swallow = new java.util.concurrent.atomic.AtomicBoolean();
                start(() -> pump(client, target, swallow, true), client, target);
                start(() -> pump(target, client, swallow, false), client, target);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fault proxy: " + e);
                }
            }
        }
    }

    private void start(Runnable pump, Socket client, Socket target) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } finally {
                closeQuietly(client);
                closeQuietly(target);
                sockets.remove(client);
                sockets.remove(target);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Copies {@code from} to {@code to}; once {@code swallow} is set, the server's answers are dropped. */
    private void pump(Socket from, Socket to, java.util.concurrent.atomic.AtomicBoolean swallow, boolean fromClient) {
        byte[] buffer = new byte[16384];
        byte[] tail = new byte[0];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                Trigger armed = fromClient ? trigger.get() : null;
                if (armed != null) {
                    byte[] window = new byte[tail.length + n];
                    System.arraycopy(tail, 0, window, 0, tail.length);
                    System.arraycopy(buffer, 0, window, tail.length, n);
                    if (contains(window, armed.marker()) && trigger.compareAndSet(armed, null)) {
                        // The server's answers are dropped from now on, so that none reaches the client; the server
                        // gets the bytes and time to carry them out, then both sides are closed.
                        swallow.set(true);
                        out.write(buffer, 0, n);
                        out.flush();
                        Thread.sleep(armed.delayMillis());
                        cuts.incrementAndGet();
                        return; // the finally of the thread closes both sides
                    }
                    int keep = Math.min(window.length, armed.marker().length - 1);
                    tail = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
                }
                if (!fromClient && swallow.get()) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: the other is closed by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean contains(byte[] data, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= data.length; i++) {
            for (int k = 0; k < marker.length; k++) {
                if (data[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        if (engine != null) {
            engine.dispose();
        }
        closed = true;
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
