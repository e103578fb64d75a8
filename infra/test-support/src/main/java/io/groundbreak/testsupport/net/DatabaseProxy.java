package io.groundbreak.testsupport.net;

import io.groundbreak.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay in front of PostgreSQL that a test can switch off: {@link #refuse()} closes its listening
 * socket and every relayed connection, so the service meets exactly what a stopped server gives
 * (connection refused, broken connections); {@link #accept()} listens again on the same port. The server
 * itself is never stopped, so other tests sharing it are not disturbed.
 */
public final class DatabaseProxy implements AutoCloseable {

    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*$");

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile Thread acceptor;

    /** Relays a free loopback port to {@code targetHost:targetPort}, accepting from now on. */
    public DatabaseProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    /** A relay to the server that holds {@code database} (host and port of its JDBC URL; 5432 when it has none). */
    public static DatabaseProxy inFrontOf(TestDatabase database) {
        Matcher url = SERVER.matcher(database.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("unexpected JDBC URL " + database.jdbcUrl());
        }
        return new DatabaseProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
    }

    /** {@code jdbc:postgresql://127.0.0.1:<this relay's port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized void refuse() {
        closeQuietly(server);
        server = null;
        // a ServerSocket closed while another thread blocks in accept() keeps listening until that thread wakes
        // (and may accept one more client): only once the acceptor is gone does the port refuse
        awaitAcceptorGone();
        sockets.forEach(DatabaseProxy::closeQuietly);
        sockets.clear();
    }

    public synchronized void accept() {
        if (server == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        refuse();
    }

    private int listen(int wanted) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            server = socket;
            Thread thread = new Thread(() -> acceptLoop(socket), "database-proxy-accept");
            thread.setDaemon(true);
            thread.start();
            acceptor = thread;
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + wanted, e);
        }
    }

    private void awaitAcceptorGone() {
        Thread thread = acceptor;
        if (thread == null) {
            return;
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        acceptor = null;
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // closed by refuse(), or the target is gone: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
