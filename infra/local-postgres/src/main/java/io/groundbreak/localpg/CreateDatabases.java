package io.groundbreak.localpg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Creates the given databases where missing, over JDBC (psql is not on every machine). Connects like the
 * services do, from {@code GROUNDBREAK_DB_HOST} / {@code _PORT} / {@code _USER} / {@code _PASSWORD}
 * (defaults 127.0.0.1 / 5432 / postgres / empty), waiting up to 60 s for the server to accept connections.
 *
 * <p>Usage: {@code CreateDatabases NAME...}
 */
public final class CreateDatabases {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private CreateDatabases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: CreateDatabases NAME...");
            System.exit(2);
        }
        Map<String, String> env = System.getenv();
        String url = "jdbc:postgresql://" + env.getOrDefault("GROUNDBREAK_DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("GROUNDBREAK_DB_PORT", "5432") + "/postgres";
        try (Connection connection = connectWaiting(url, env.getOrDefault("GROUNDBREAK_DB_USER", "postgres"),
                env.getOrDefault("GROUNDBREAK_DB_PASSWORD", ""))) {
            for (String name : createMissing(connection, List.of(args))) {
                System.out.println("created database " + name);
            }
        }
    }

    /** Creates those of {@code names} that do not exist; returns the ones it created. */
    public static List<String> createMissing(Connection connection, List<String> names) throws SQLException {
        List<String> created = new java.util.ArrayList<>();
        for (String name : names) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain database name: " + name);
            }
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        continue;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
                created.add(name);
            } catch (SQLException e) {
                // 42P04 duplicate_database: someone created it since we looked, which is what we wanted
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
        return created;
    }

    private static Connection connectWaiting(String url, String user, String password) throws SQLException, InterruptedException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                return DriverManager.getConnection(url, properties);
            } catch (SQLException e) {
                // 08xxx: connection not possible yet (server still starting); anything else is a real error
                boolean notUpYet = e.getSQLState() != null && e.getSQLState().startsWith("08")
                        || e.getMessage() != null && e.getMessage().contains("the database system is starting up");
                if (!notUpYet || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(250); // poll interval while the server starts
            }
        }
    }
}
