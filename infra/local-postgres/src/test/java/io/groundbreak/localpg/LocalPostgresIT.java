package io.groundbreak.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL of the local stack keeps its data across restarts, and databases are created once. */
class LocalPostgresIT {

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartAndDatabasesAreCreatedOnlyWhenMissing() throws Exception {
        int port = freePort();
        try (EmbeddedPostgres postgres = LocalPostgres.start(dataDirectory, port);
             Connection admin = connect(port, "postgres")) {
            assertThat(CreateDatabases.createMissing(admin, List.of("groundbreak_a", "groundbreak_b")))
                    .containsExactly("groundbreak_a", "groundbreak_b");
            try (Connection a = connect(port, "groundbreak_a"); Statement statement = a.createStatement()) {
                statement.execute("CREATE TABLE kept (id int)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
        }

        try (EmbeddedPostgres postgres = LocalPostgres.start(dataDirectory, port);
             Connection admin = connect(port, "postgres")) {
            assertThat(CreateDatabases.createMissing(admin, List.of("groundbreak_a", "groundbreak_b", "groundbreak_c")))
                    .containsExactly("groundbreak_c");
            try (Connection a = connect(port, "groundbreak_a"); Statement statement = a.createStatement();
                 ResultSet row = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static Connection connect(int port, String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
