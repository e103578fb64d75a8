package io.groundbreak.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last fallback works on this machine too (where a local server usually wins the choice): a real
 * embedded PostgreSQL starts, even as root, and serves queries on 127.0.0.1.
 */
class EmbeddedPostgresIT {

    @Test
    void embeddedPostgresStartsAndAnswers() throws Exception {
        try (EmbeddedPostgres postgres = TestInfrastructure.startEmbedded(null, 0);
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            assertThat(result.getString(1)).startsWith("14.");
        }
    }
}
