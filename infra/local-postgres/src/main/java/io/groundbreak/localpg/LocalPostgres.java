package io.groundbreak.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL (zonky: real PostgreSQL binaries from a Maven artifact, works even as root)
 * on 127.0.0.1 with its data in a folder that survives restarts, until the JVM is stopped (SIGTERM stops
 * PostgreSQL cleanly). User {@code postgres}, trust authentication, like the machine's own server.
 *
 * <p>Usage: {@code LocalPostgres DATA_DIR [PORT]} (port 5432 by default). Prints {@value #READY} once it
 * accepts connections.
 */
public final class LocalPostgres {

    /** The line local.sh waits for. */
    public static final String READY = "local-postgres ready";

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: LocalPostgres DATA_DIR [PORT]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 5432;

        EmbeddedPostgres postgres = start(dataDirectory, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close(); // pg_ctl stop: a clean shutdown, no recovery at the next start
            } catch (IOException e) {
                System.err.println("Stopping PostgreSQL failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "local-postgres-stop"));
        System.out.println(READY + " on 127.0.0.1:" + postgres.getPort() + " (data in " + dataDirectory + ")");
        System.out.flush();
        stopped.await();
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port}, initialising {@code dataDirectory} only if it is new. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // the data must survive restarts
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1") // nobody else on the network
                .setRegisterShutdownHook(false) // ours stops it, and waits for it
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }
}
