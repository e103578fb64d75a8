package io.groundbreak.testsupport.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class DatabaseProxyTest {

    @Test
    void relaysWhileItAcceptsRefusesWhenSwitchedOffAndListensAgainOnTheSamePort() throws Exception {
        try (ServerSocket echo = echoServer(); DatabaseProxy proxy = new DatabaseProxy("127.0.0.1", echo.getLocalPort())) {
            assertThat(roundTrip(proxy.port(), 'a')).isEqualTo('a');

            proxy.refuse();
            assertThat(connects(proxy.port())).as("a connection while the proxy refuses").isFalse();

            proxy.accept();
            assertThat(roundTrip(proxy.port(), 'c')).isEqualTo('c');
        }
    }

    @Test
    void standsInFrontOfATestDatabasesServer() {
        try (DatabaseProxy proxy = DatabaseProxy.inFrontOf(
                new TestDatabase("x", "jdbc:postgresql://127.0.0.1:5999/x?ssl=false", "postgres", ""))) {
            assertThat(proxy.jdbcUrl("x")).isEqualTo("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/x");
        }
        assertThatThrownBy(() -> DatabaseProxy.inFrontOf(new TestDatabase("x", "jdbc:mysql://h/x", "u", "")))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Whether something listens on the port. A connect to a closed port in the ephemeral range can, rarely, be
     * given that very port as its own source port and connect to itself (TCP simultaneous open): that is no listener.
     */
    private static boolean connects(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return socket.getLocalPort() != port;
        } catch (ConnectException refused) {
            return false;
        }
    }

    private static int roundTrip(int port, char c) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(c);
            socket.getOutputStream().flush();
            return socket.getInputStream().read();
        }
    }

    private static ServerSocket echoServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread pump = new Thread(() -> {
                        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                            for (int b; (b = in.read()) >= 0; ) {
                                out.write(b);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the relay closed
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException e) {
                    // closed
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }
}
