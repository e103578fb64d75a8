package io.groundbreak.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server on which throwaway databases are created, whatever it came from.
 *
 * @param serverUrl   JDBC URL of its maintenance database (the one connected to for CREATE/DROP DATABASE)
 * @param username    a user allowed to create databases
 * @param password    its password (may be empty)
 * @param description for the log, e.g. "local server 127.0.0.1:5432"
 * @param shared      true when other runs use the same server (environment, local server): their
 *                    throwaway databases must be dropped; false for servers that die with this JVM
 */
record PostgresServer(String serverUrl, String username, String password, String description, boolean shared) {

    String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(serverUrl, database);
    }

    Connection connectAdmin() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "groundbreak-test-support");
        return DriverManager.getConnection(serverUrl, properties);
    }
}
